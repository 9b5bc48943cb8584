/** Build-time PNG of each per-country chart, 1200×630: the country card's fallback image and the country page's og:image. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { perCountryFromParams, perCountryPaths, renderChartImage } from '../../../../lib/charts/registry.ts';
import { svgToPng } from '../../../../lib/raster.ts';
import { editionOf } from '../../../../lib/edition/edition.ts';
import { editionPaths, langFromParam } from '../../../../lib/edition/editions.ts';

export const getStaticPaths = (() =>
  editionPaths().flatMap(({ params }) => perCountryPaths().map((p) => ({ params: { ...params, ...p.params } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const edition = editionOf(langFromParam(params['lang']));
  const image = await renderChartImage(perCountryFromParams(params['chart'] ?? '', params['slug'] ?? '', edition).id, edition);
  const { png } = svgToPng(image.svg);
  return new Response(new Uint8Array(png), { headers: { 'Content-Type': 'image/png' } });
};
