/** oEmbed discovery document for each chart (linked from its embed page and chapter), static JSON built from data. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { chartInfo, embedSnippet, embedUrls, EMBEDDABLE_CHARTS, type ChartId } from '../../../lib/embeds.ts';
import { renderChartImage } from '../../../lib/render-chart-image.ts';
import { t } from '../../../lib/i18n.ts';
import { absoluteUrl } from '../../../lib/url.ts';

export const getStaticPaths = (() => EMBEDDABLE_CHARTS.map((chart) => ({ params: { chart } }))) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const chart = params['chart'] as ChartId;
  const info = chartInfo(chart);
  const image = await renderChartImage(chart);
  const urls = embedUrls(info, site);
  const body = {
    version: '1.0',
    type: 'rich',
    title: info.title,
    provider_name: t('site.title'),
    provider_url: absoluteUrl('', site),
    html: embedSnippet(info, urls, { theme: 'auto', alt: image.alt, imageHeight: image.height }),
    width: 1200,
    height: info.defaultHeight,
    thumbnail_url: urls.image,
    thumbnail_width: image.width,
    thumbnail_height: image.height,
  };
  return new Response(`${JSON.stringify(body, null, 2)}\n`, { headers: { 'Content-Type': 'application/json+oembed; charset=utf-8' } });
};
