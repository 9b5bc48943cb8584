/** Build-time PNG of each registered chart (embed fallback image and og:image), rasterised from its own SVG. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, renderChartImage, type ChartId } from '../../../lib/charts/registry.ts';
import { svgToPng } from '../../../lib/raster.ts';
import { editionOf } from '../../../lib/edition/edition.ts';
import { editionPaths, langFromParam } from '../../../lib/edition/editions.ts';

export const getStaticPaths = (() => editionPaths().flatMap(({ params }) => CHART_IDS.map((chart) => ({ params: { ...params, chart } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const image = await renderChartImage(params['chart'] as ChartId, editionOf(langFromParam(params['lang'])));
  const { png } = svgToPng(image.svg);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
