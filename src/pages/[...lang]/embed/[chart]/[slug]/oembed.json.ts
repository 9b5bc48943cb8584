/** oEmbed discovery document for each per-country chart (the country card), one per country with a page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { oembedDocument, perCountryFromParams, perCountryPaths } from '../../../../../lib/charts/registry.ts';
import { editionOf } from '../../../../../lib/edition/edition.ts';
import { editionPaths, langFromParam } from '../../../../../lib/edition/editions.ts';

export const getStaticPaths = (() =>
  editionPaths().flatMap(({ params }) => perCountryPaths().map((p) => ({ params: { ...params, ...p.params } })))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params, site }) => {
  const edition = editionOf(langFromParam(params['lang']));
  return oembedDocument(perCountryFromParams(params['chart'] ?? '', params['slug'] ?? '', edition), edition, site);
};
