/**
 * The embed code other sites paste, and the absolute URLs it needs. Pure functions of a chart's registry entry
 * (src/lib/charts/registry.ts), so "Embed this chart", the oEmbed documents and the embed previewer give the same code.
 */
import { escapeXml } from './chart-image.ts';
import { absoluteUrl } from './url.ts';

/**
 * light: the default, because most host articles are light and an embed cannot see the host page's colours.
 * dark: for dark host pages. auto: follows the reader's operating-system setting (only right when the host does too).
 */
export const EMBED_THEMES = ['light', 'dark', 'auto'] as const;
export type EmbedTheme = (typeof EMBED_THEMES)[number];
export const DEFAULT_EMBED_THEME: EmbedTheme = 'light';

/** What the snippet needs to know about a chart (a subset of its registry entry). */
export interface EmbedInfo {
  id: string;
  title: string;
  canonicalPath: string;
  fallbackHeight: number;
}

/** Absolute URLs the snippet needs; computed by the page from Astro.site so sub-path deploys are honoured. */
export interface EmbedUrls {
  /** The embed page, with any chart parameters (e.g. ?view=responses) but no theme. */
  embed: string;
  canonical: string;
  image: string;
  hostScript: string;
}

/** The absolute URLs for one chart's embed code and oEmbed document in an edition; `query` carries the chart's own parameters. */
export function embedUrls(info: EmbedInfo, site: URL | undefined, edition: { path(pagePath: string): string }, query: Record<string, string> = {}): EmbedUrls {
  const search = new URLSearchParams(query).toString();
  return {
    embed: `${absoluteUrl(edition.path(`embed/${info.id}/`), site)}${search ? `?${search}` : ''}`,
    canonical: absoluteUrl(edition.path(info.canonicalPath), site),
    image: absoluteUrl(edition.path(`images/${info.id}.png`), site),
    hostScript: absoluteUrl('embed.js', site),
  };
}

/** The iframe's src: the embed URL with the theme as its last parameter. */
export function embedSrc(embedUrl: string, theme: EmbedTheme): string {
  return `${embedUrl}${embedUrl.includes('?') ? '&' : '?'}theme=${theme}`;
}

/**
 * The code another site pastes: a titled, lazy iframe our host script resizes, a no-script image link for hosts
 * that run no JavaScript, and a plain credit link that survives sites that strip iframes. Every value is escaped.
 * The iframe's own height fits the chart at 320 px and it may scroll, so a host that strips our script still shows
 * everything (with space to spare on wide columns).
 */
export function embedSnippet(info: EmbedInfo, urls: EmbedUrls, options: { theme: EmbedTheme; alt: string; imageHeight: number }): string {
  const a = (value: string) => escapeXml(value);
  return [
    `<div class="opsi-embed">`,
    `<iframe data-opsi-embed src="${a(embedSrc(urls.embed, options.theme))}" title="${a(info.title)}" loading="lazy" width="100%" height="${info.fallbackHeight}" frameborder="0"></iframe>`,
    `<noscript><a href="${a(urls.canonical)}"><img src="${a(urls.image)}" alt="${a(options.alt)}" width="1200" height="${options.imageHeight}"></a></noscript>`,
    `<p><a href="${a(urls.canonical)}">${a(info.title)}</a></p>`,
    `<script async src="${a(urls.hostScript)}"></script>`,
    `</div>`,
  ].join('\n');
}
