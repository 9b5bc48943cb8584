// Builds the site at the domain root and under /explainer/, serves each build, and checks that no internal link or fragment is broken and that the sub-path build never links outside its base.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { LinkChecker, LinkState, type LinkResult } from 'linkinator';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { runBuild } from '../helpers/build.ts';

// The origin absolute links (canonical, og:url, oEmbed, embed "read more") are built with; see astro.config.mjs.
const SITE_ORIGIN = new URL(process.env.SITE_URL || 'http://localhost:4321').origin;
// Two builds one after the other on a busy 2-CPU runner; one build takes ~5 s idle and ~20 s under load.
const BUILD_TIMEOUT = 150_000;
const CHECK_TIMEOUT = 120_000;

interface Build {
  dir: string;
  server: StaticServer;
}

/** `astro build` into a fresh temp directory, so this never touches the shared dist/. */
function buildSite(base: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), `validity-links-${base === '/' ? 'root' : 'sub'}-`));
  const result = runBuild(dir, { base });
  if (result.status !== 0) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`astro build (BASE_PATH=${base}) failed:\n${result.output.trim().split('\n').slice(-40).join('\n')}`);
  }
  return dir;
}

/** Every built page as a path relative to the base, as a browser requests it (`''`, `sources/`, `404.html`). */
function builtPages(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .map((file) => (file === 'index.html' ? '' : file.endsWith('/index.html') ? file.slice(0, -'index.html'.length) : file))
    .sort();
}

function describeLink(link: LinkResult, origin: string): string {
  const strip = (url: string | undefined): string => (url ?? '(unknown)').replace(origin, '');
  const details = (link.failureDetails ?? [])
    .map((detail) => (detail instanceof Error ? detail.message : `HTTP ${detail.status}`))
    .filter((text, index, all) => all.indexOf(text) === index)
    .join('; ');
  const text = link.displayText ? ` "${link.displayText.trim().slice(0, 60)}"` : '';
  return `${strip(link.url)}${text} (status ${link.status ?? 0}${details ? `: ${details}` : ''})\n    on page ${strip(link.parent)}`;
}

/**
 * Crawl from the base URL with fragment checking, then check the links of any built page the crawl did not reach
 * (the 404 page is served with status 404, so it is left to the cheerio check below).
 */
async function checkLinks(build: Build): Promise<{ broken: string[]; checked: number; pagesNotReached: string[] }> {
  const origin = new URL(build.server.url).origin;
  const options = {
    recurse: true,
    checkFragments: true,
    checkCss: true,
    concurrency: 20,
    timeout: 20_000,
    // Absolute links to the deployed site (canonical, oEmbed, embeds' target=_top links) are internal: check them
    // against this build. Everything else not on 127.0.0.1 is external and skipped (tests run offline).
    urlRewriteExpressions: [{ pattern: new RegExp(`^${SITE_ORIGIN.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/`), replacement: `${origin}/` }],
    linksToSkip: async (link: string): Promise<boolean> => {
      const url = new URL(link);
      return url.origin !== origin && url.origin !== SITE_ORIGIN;
    },
  };
  const results: LinkResult[] = [];
  const crawl = await new LinkChecker().check({ ...options, path: build.server.url });
  results.push(...crawl.links);

  const visited = new Set(crawl.links.filter((link) => link.state === LinkState.OK).map((link) => link.url.split('#')[0]));
  const pagesNotReached = builtPages(build.dir)
    .filter((page) => page !== '404.html')
    .map((page) => new URL(page, build.server.url).href)
    .filter((url) => !visited.has(url));
  if (pagesNotReached.length > 0) {
    const rest = await new LinkChecker().check({ ...options, path: pagesNotReached });
    results.push(...rest.links);
  }

  const broken = [...new Set(results.filter((link) => link.state === LinkState.BROKEN).map((link) => describeLink(link, origin)))];
  const checked = results.filter((link) => link.state === LinkState.OK).length;
  return { broken, checked, pagesNotReached: pagesNotReached.map((url) => url.replace(origin, '')) };
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'poster', 'data', 'cite', 'xlink:href'] as const;
const SRCSET_ATTRIBUTES = ['srcset', 'imagesrcset'] as const;
const URL_META = ['og:url', 'og:image', 'og:image:url', 'og:image:secure_url', 'twitter:image', 'twitter:url'];

/** Every URL-valued attribute on a page, as `{ where, value }` with `where` a short locator for failure messages. */
function pageUrls(html: string): { where: string; value: string }[] {
  const $ = load(html);
  const found: { where: string; value: string }[] = [];
  $('*').each((_, element) => {
    if (element.type !== 'tag') return;
    const tag = element.tagName.toLowerCase();
    for (const name of URL_ATTRIBUTES) {
      const value = element.attribs[name];
      if (value === undefined) continue;
      // `data` is only a URL on <object>.
      if (name === 'data' && tag !== 'object') continue;
      found.push({ where: `<${tag} ${name}>`, value });
    }
    for (const name of SRCSET_ATTRIBUTES) {
      const value = element.attribs[name];
      if (value === undefined) continue;
      for (const candidate of value.split(',')) {
        const url = candidate.trim().split(/\s+/)[0];
        if (url) found.push({ where: `<${tag} ${name}>`, value: url });
      }
    }
    if (tag === 'meta') {
      const key = element.attribs['property'] ?? element.attribs['name'] ?? '';
      const content = element.attribs['content'];
      if (URL_META.includes(key) && content !== undefined) found.push({ where: `<meta ${key}>`, value: content });
    }
  });
  return found;
}

const BUILDS = [
  { label: 'root build (BASE_PATH unset)', base: '/' },
  { label: 'sub-path build (BASE_PATH=/explainer/)', base: '/explainer/' },
] as const;

describe.each(BUILDS)('$label', ({ base }) => {
  let build: Build | undefined;

  beforeAll(async () => {
    const dir = buildSite(base);
    try {
      build = { dir, server: await startStaticServer({ root: dir, base }) };
    } catch (error) {
      rmSync(dir, { recursive: true, force: true });
      throw error;
    }
  }, BUILD_TIMEOUT);

  afterAll(async () => {
    if (!build) return;
    await build.server.close();
    rmSync(build.dir, { recursive: true, force: true });
  });

  test(
    'no broken internal links or fragments (linkinator, recursive from the base URL)',
    async () => {
      if (!build) throw new Error('the build failed; see beforeAll');
      const { broken, checked, pagesNotReached } = await checkLinks(build);
      expect(checked, 'linkinator checked almost nothing; is the server serving the build?').toBeGreaterThan(20);
      expect(
        broken.length,
        `${broken.length} broken link(s) in the ${base} build` +
          (pagesNotReached.length ? ` (pages not reached from ${base}, checked separately: ${pagesNotReached.join(', ')})` : '') +
          `:\n${broken.join('\n')}\n`,
      ).toBe(0);
    },
    CHECK_TIMEOUT,
  );

  // Only meaningful under a sub-path: at the root every root-relative URL is trivially inside the base.
  if (base !== '/') test('every internal URL stays inside the base path', () => {
    if (!build) throw new Error('the build failed; see beforeAll');
    const siteBase = `${SITE_ORIGIN}${base}`;
    const problems: string[] = [];
    let internal = 0;
    for (const page of builtPages(build.dir)) {
      const file = path.join(build.dir, page === '' || page.endsWith('/') ? `${page}index.html` : page);
      const pageUrl = new URL(page, siteBase);
      for (const { where, value } of pageUrls(readFileSync(file, 'utf8'))) {
        const raw = value.trim();
        if (raw === '' || raw.startsWith('#')) continue;
        // Other schemes (mailto:, data:, tel:, javascript:) are not paths on this site.
        if (/^[a-z][a-z0-9+.-]*:/i.test(raw) && !/^https?:/i.test(raw)) continue;
        let resolved: URL;
        try {
          resolved = new URL(raw, pageUrl);
        } catch {
          problems.push(`${page || '(front page)'}: ${where} "${raw}" is not a valid URL`);
          continue;
        }
        if (resolved.origin !== SITE_ORIGIN) continue;
        internal += 1;
        if (!resolved.pathname.startsWith(base)) {
          problems.push(`${page || '(front page)'}: ${where} "${raw}" resolves to ${resolved.pathname}, outside ${base}`);
        } else if (page === '404.html' && !raw.startsWith('/') && !/^https?:/i.test(raw)) {
          // The 404 page is served at whatever URL was missing, so a relative URL on it resolves somewhere unpredictable.
          problems.push(`404.html: ${where} "${raw}" is relative; the 404 page needs root-relative or absolute URLs`);
        }
      }
    }
    expect(internal, 'found almost no internal URLs; is the cheerio scan working?').toBeGreaterThan(20);
    expect(problems.length, `${problems.length} URL(s) escape ${base}:\n${problems.join('\n')}\n`).toBe(0);
  });
});
