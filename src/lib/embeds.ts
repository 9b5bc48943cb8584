/** The embeddable charts: where each lives, what it is called, and the embed code other sites paste. */
import { t } from './i18n.ts';
import { escapeXml } from './chart-image.ts';
import { absoluteUrl } from './url.ts';

export const EMBEDDABLE_CHARTS = ['map', 'timeline', 'figures'] as const;
export type ChartId = (typeof EMBEDDABLE_CHARTS)[number];

export interface ChartInfo {
  id: ChartId;
  title: string;
  /** Site-relative path of the page where the chart is read in context. */
  canonicalPath: string;
  /** Frame height before the embed reports its own (a reasonable desktop height, to limit layout shift). */
  defaultHeight: number;
}

export function chartInfo(id: ChartId): ChartInfo {
  const info: Record<ChartId, Omit<ChartInfo, 'id' | 'title'>> = {
    map: { canonicalPath: 'how-countries-responded/', defaultHeight: 760 },
    timeline: { canonicalPath: 'how-countries-responded/#timeline', defaultHeight: 900 },
    figures: { canonicalPath: '', defaultHeight: 560 },
  };
  return { id, title: t(`embed.${id}.title`), ...info[id] };
}

export type EmbedTheme = 'auto' | 'light' | 'dark';

/** Absolute URLs the snippet needs; computed by the page from Astro.site so sub-path deploys are honoured. */
export interface EmbedUrls {
  embed: string;
  canonical: string;
  image: string;
  hostScript: string;
}

/** The absolute URLs for one chart's embed code and oEmbed document. */
export function embedUrls(info: ChartInfo, site: URL | undefined): EmbedUrls {
  return {
    embed: absoluteUrl(`embed/${info.id}/`, site),
    canonical: absoluteUrl(info.canonicalPath, site),
    image: absoluteUrl(`images/${info.id}.png`, site),
    hostScript: absoluteUrl('embed.js', site),
  };
}

/**
 * The code another site pastes: a titled, lazy iframe our host script resizes, a no-script image link for hosts
 * that run no JavaScript, and a plain credit link that survives sites that strip iframes. Every value is escaped.
 */
export function embedSnippet(info: ChartInfo, urls: EmbedUrls, options: { theme: EmbedTheme; alt: string; imageHeight: number }): string {
  const src = `${urls.embed}?theme=${options.theme}`;
  const a = (value: string) => escapeXml(value);
  return [
    `<div class="opsi-embed">`,
    `<iframe data-opsi-embed src="${a(src)}" title="${a(info.title)}" loading="lazy" width="100%" height="${info.defaultHeight}" scrolling="no" frameborder="0"></iframe>`,
    `<noscript><a href="${a(urls.canonical)}"><img src="${a(urls.image)}" alt="${a(options.alt)}" width="1200" height="${options.imageHeight}"></a></noscript>`,
    `<p><a href="${a(urls.canonical)}">${a(info.title)}</a></p>`,
    `<script async src="${a(urls.hostScript)}"></script>`,
    `</div>`,
  ].join('\n');
}
