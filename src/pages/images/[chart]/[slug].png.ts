/** Build-time PNG of each per-country chart, 1200×630: the country card's fallback image and the country page's og:image. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { perCountryFromParams, perCountryPaths, renderChartImage } from '../../../lib/charts/registry.ts';
import { svgToPng } from '../../../lib/raster.ts';

export const getStaticPaths = (() => perCountryPaths()) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const image = await renderChartImage(perCountryFromParams(params['chart'] ?? '', params['slug'] ?? '').id);
  const { png } = svgToPng(image.svg);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
