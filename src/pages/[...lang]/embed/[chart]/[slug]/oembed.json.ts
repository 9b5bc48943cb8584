/** oEmbed discovery document for each per-country chart (the country card), one per country with a page. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { perCountryFromParams, perCountryPaths, renderChartImage } from '../../../../../lib/charts/registry.ts';
import { DEFAULT_EMBED_THEME, embedSnippet, embedUrls } from '../../../../../lib/embeds.ts';
import { editionOf } from '../../../../../lib/edition/edition.ts';
import { editionPaths, langFromParam } from '../../../../../lib/edition/editions.ts';
import { absoluteUrl } from '../../../../../lib/url.ts';

export const getStaticPaths = (() =>
  editionPaths().flatMap(({ params }) => perCountryPaths().map((p) => ({ params: { ...params, ...p.params } })))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const edition = editionOf(langFromParam(params['lang']));
  const entry = perCountryFromParams(params['chart'] ?? '', params['slug'] ?? '', edition);
  const image = await renderChartImage(entry.id, edition);
  const urls = embedUrls(entry, site, edition);
  const body = {
    version: '1.0',
    type: 'rich',
    title: entry.title,
    provider_name: edition.t('site.title'),
    provider_url: absoluteUrl(edition.path(''), site),
    html: embedSnippet(entry, urls, { theme: DEFAULT_EMBED_THEME, alt: image.alt, imageHeight: image.height }),
    width: 1200,
    // The iframe's own height in the html: enough for the card at 320 px, so a consumer that keeps it cuts nothing.
    height: entry.fallbackHeight,
    thumbnail_url: urls.image,
    thumbnail_width: image.width,
    thumbnail_height: image.height,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
