/** Build-time PNG of each registered chart (embed fallback image and og:image), rasterised from its own SVG. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, renderChartImage, type ChartId } from '../../lib/charts/registry.ts';
import { svgToPng } from '../../lib/raster.ts';

export const getStaticPaths = (() => CHART_IDS.map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const image = await renderChartImage(params['chart'] as ChartId);
  const { png } = svgToPng(image.svg);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
