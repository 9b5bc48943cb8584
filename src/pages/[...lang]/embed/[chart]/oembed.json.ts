/** oEmbed discovery document for each registered chart (linked from its embed page and the pages that place it). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { CHART_IDS, chartEntry, oembedDocument, type ChartId } from '../../../../lib/charts/registry.ts';
import { editionOf } from '../../../../lib/edition/edition.ts';
import { editionPaths, langFromParam } from '../../../../lib/edition/editions.ts';

export const getStaticPaths = (() => editionPaths().flatMap(({ params }) => CHART_IDS.map((chart) => ({ params: { ...params, chart } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const edition = editionOf(langFromParam(params['lang']));
  return oembedDocument(chartEntry(params['chart'] as ChartId, edition), edition, site);
};
