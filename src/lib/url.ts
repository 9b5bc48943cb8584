/** Builds every internal URL from the configured base path, so a sub-path deploy (/explainer/) never breaks a link. */

/**
 * Joins the site's base path and a site-relative path.
 * `base` is Astro's import.meta.env.BASE_URL ('/' or '/explainer/' or '/explainer'); `path` has no leading slash.
 */
export function joinBase(base: string, path: string = ''): string {
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const rest = path.replace(/^\/+/, '');
  return `${prefix}${rest}`;
}

/** Site-relative URL for the current build, e.g. withBase('sources/') → '/explainer/sources/'. */
export function withBase(path: string = ''): string {
  return joinBase(import.meta.env.BASE_URL, path);
}

/** Absolute URL (for canonical links, og:image, embed codes) from the configured site origin. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  const relative = withBase(path);
  return site ? new URL(relative, site).href : relative;
}

/**
 * Resolves a link written by an editor in MDX: root-relative paths ("/data/") get the base path, everything else
 * (external URLs, protocol-relative URLs, in-page anchors) is left as written.
 */
export function resolveContentHref(href: string, base: string): string {
  return href.startsWith('/') && !href.startsWith('//') ? joinBase(base, href) : href;
}

/**
 * A link from a chart to one of our pages: site-relative on our own pages, absolute inside an embed, so the address
 * still names our site when a reader copies it out of the frame.
 */
export function chartLink(path: string, embedded: boolean, site: URL | undefined): string {
  return embedded ? absoluteUrl(path, site) : withBase(path);
}

/**
 * The target of every link inside an embed: the top window. Our other pages refuse to be framed (X-Frame-Options
 * DENY), so a link followed inside the frame would show an error in the middle of someone else's article.
 * Undefined on our own pages, where links open normally. In-page #fragment links keep no target.
 */
export function linkTarget(embedded: boolean): '_top' | undefined {
  return embedded ? '_top' : undefined;
}
