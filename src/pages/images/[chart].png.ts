/** Build-time PNG of each embeddable chart (embed fallback image and og:image), rasterised from its own SVG. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { EMBEDDABLE_CHARTS, type ChartId } from '../../lib/embeds.ts';
import { renderChartImage } from '../../lib/render-chart-image.ts';
import { svgToPng } from '../../lib/raster.ts';

export const getStaticPaths = (() => EMBEDDABLE_CHARTS.map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const image = await renderChartImage(params['chart'] as ChartId);
  const { png } = svgToPng(image.svg);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
