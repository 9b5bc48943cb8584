// Checks S5/S6 against the host's real runtime: the built dist/ served by `wrangler pages dev` (Cloudflare's workerd,
// offline). Asserts on the headers it actually sends: pages unframeable, embeds framable, nothing doubled, downloads
// typed and BOM-prefixed, and an A+ Observatory score computed from what was served rather than from our model.
import { readdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DOWNLOADS } from '../../src/lib/downloads.ts';
import { effectiveHeaders, headerRules } from '../../src/lib/security/headers.ts';
import { DIST, expectBuilt } from '../helpers/dist.ts';
import { scoreObservatory } from '../helpers/observatory.ts';
import { startPagesDev, type PagesDev } from './pages-dev.ts';

// The base path the site was built with (Astro `base`), normalised to `/x/`; run with the build's BASE_PATH.
const BASE = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

interface Served {
  status: number;
  /** Every header line as sent, lower-case name → values in order: a header sent twice has two entries. */
  headers: Map<string, string[]>;
  body: Buffer;
}

/** GET with node:http, which keeps repeated header lines apart (fetch would join them and hide the doubling). */
function get(url: string): Promise<Served> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { 'accept-encoding': 'identity' } }, (res) => {
      const headers = new Map<string, string[]>();
      for (let i = 0; i < res.rawHeaders.length; i += 2) {
        const name = res.rawHeaders[i]!.toLowerCase();
        headers.set(name, [...(headers.get(name) ?? []), res.rawHeaders[i + 1]!]);
      }
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.setTimeout(20_000, () => req.destroy(new Error(`timeout: ${url}`)));
    req.on('error', reject);
    req.end();
  });
}

/** The single value of a header, failing if it was sent more than once. */
function single(served: Served, name: string, where: string): string | undefined {
  const values = served.headers.get(name) ?? [];
  expect(values.length, `${where}: ${name} sent ${values.length} times: ${JSON.stringify(values)}`).toBeLessThanOrEqual(1);
  return values[0];
}

/** Directive name → value list of one policy; a directive given twice is reported by the caller via the count. */
function frameAncestors(policy: string): string[] {
  return policy
    .split(';')
    .map((part) => part.trim())
    .filter((part) => /^frame-ancestors\b/i.test(part))
    .map((part) => part.replace(/^frame-ancestors\s*/i, ''));
}

const built = expectBuilt();

const htmlPaths = built
  ? (readdirSync(DIST, { recursive: true, encoding: 'utf8' }) as string[])
      .map((file) => file.split(path.sep).join('/'))
      .filter((file) => file.endsWith('/index.html') || file === 'index.html')
      .map((file) => `${BASE}${file.replace(/index\.html$/, '')}`)
      .sort()
  : [];
// Every edition's embeds: /embed/…, /fr/embed/…, /zh/embed/….
const isEmbed = (urlPath: string) => ['', 'fr/', 'zh/'].some((edition) => urlPath.startsWith(`${BASE}${edition}embed/`));
const pagePaths = htmlPaths.filter((p) => !isEmbed(p));
const embedPaths = htmlPaths.filter(isEmbed);
/** Non-HTML files other sites load, which _headers opens up. */
const assetPaths = [`${BASE}embed.js`, `${BASE}images/map.png`, `${BASE}fr/images/map.png`, `${BASE}zh/images/timeline.png`, ...DOWNLOADS.map(({ stem }) => `${BASE}downloads/${stem}.csv`)];
const MISSING = `${BASE}no-such-page-${Date.now()}/`;
/** Missing addresses in the French and Chinese editions: the host serves the nearest 404.html, the edition's own. */
const MISSING_IN = { fr: `${BASE}fr/no-such-page-${Date.now()}/`, zh: `${BASE}zh/countries/no-such-country-${Date.now()}/` };

describe.runIf(built)('headers served by Cloudflare Pages (wrangler pages dev)', () => {
  let host: PagesDev;
  const responses = new Map<string, Served>();
  const served = (urlPath: string): Served => {
    const response = responses.get(urlPath);
    if (!response) throw new Error(`${urlPath} was not fetched`);
    return response;
  };

  beforeAll(async () => {
    host = await startPagesDev(DIST, BASE);
    for (const urlPath of [...htmlPaths, ...assetPaths, MISSING, ...Object.values(MISSING_IN)]) {
      responses.set(urlPath, await get(new URL(urlPath.slice(1), host.url).href));
    }
  });

  afterAll(async () => {
    await host?.close();
  });

  test('has pages and embeds to check', () => {
    expect(pagePaths.length).toBeGreaterThanOrEqual(6);
    expect(embedPaths.length).toBeGreaterThanOrEqual(9);
  });

  test('the host accepts every rule in dist/_headers', () => {
    const text = readFileSync(path.join(DIST, '_headers'), 'utf8');
    const rules = text.split('\n').filter((line) => line.trim() !== '' && !/^\s/.test(line) && !line.startsWith('#')).length;
    expect(host.output()).not.toMatch(/invalid header rule/i);
    expect(Number(/Parsed (\d+) valid header rules?/.exec(host.output())?.[1]), host.output()).toBe(rules);
  });

  test.each([...htmlPaths, ...assetPaths])('%s: 200, and no header line sent twice', (urlPath) => {
    const response = served(urlPath);
    expect(response.status).toBe(200);
    const doubled = [...response.headers].filter(([, values]) => values.length > 1);
    expect(doubled).toEqual([]);
  });

  test.each(pagePaths)("page %s: one CSP, one frame-ancestors 'none', X-Frame-Options DENY", (urlPath) => {
    const response = served(urlPath);
    expect(single(response, 'content-type', urlPath)).toMatch(/^text\/html/);
    const csp = single(response, 'content-security-policy', urlPath) ?? '';
    // Cloudflare joins a repeated header with ", ": a comma means two policies in one line.
    expect(csp, 'two policies joined with a comma').not.toContain(',');
    expect(frameAncestors(csp)).toEqual(["'none'"]);
    expect(csp).toMatch(/object-src 'none'/);
    // Both header and meta policies apply: a header script-src/style-src/default-src would block Astro's hashed inline code.
    expect(csp).not.toMatch(/default-src|script-src|style-src/);
    expect(single(response, 'x-frame-options', urlPath)).toBe('DENY');
  });

  test.each(embedPaths)('embed %s: framable by https sites, no X-Frame-Options, one CSP', (urlPath) => {
    const response = served(urlPath);
    const csp = single(response, 'content-security-policy', urlPath) ?? '';
    expect(csp, 'two policies joined with a comma').not.toContain(',');
    expect(frameAncestors(csp)).toEqual(['https:']);
    expect(csp).toMatch(/object-src 'none'/);
    expect(csp).not.toMatch(/default-src|script-src|style-src/);
    expect(response.headers.has('x-frame-options')).toBe(false);
    expect(response.headers.has('cross-origin-opener-policy')).toBe(false);
    expect(single(response, 'cross-origin-resource-policy', urlPath)).toBe('cross-origin');
  });

  test('a missing page gets the 404 page under the locked-down headers', () => {
    const response = served(MISSING);
    expect(response.status).toBe(404);
    expect(response.body.toString('utf8')).toMatch(/<html/i);
    expect(frameAncestors(single(response, 'content-security-policy', MISSING) ?? '')).toEqual(["'none'"]);
    expect(single(response, 'x-frame-options', MISSING)).toBe('DENY');
    expect(response.body.toString('utf8')).toMatch(/<html lang="en"/);
  });

  test.each(Object.entries(MISSING_IN))('a missing %s page gets that edition\'s 404 page', (lang, urlPath) => {
    const response = served(urlPath);
    expect(response.status).toBe(404);
    expect(response.body.toString('utf8')).toMatch(new RegExp(`<html lang="${lang === 'zh' ? 'zh-Hans' : lang}"`));
    expect(single(response, 'x-frame-options', urlPath)).toBe('DENY');
  });

  test.each(DOWNLOADS.map(({ stem }) => stem))('downloads/%s.csv: text/csv in UTF-8 with a BOM, loadable cross-origin', (stem) => {
    const urlPath = `${BASE}downloads/${stem}.csv`;
    const response = served(urlPath);
    expect(single(response, 'content-type', urlPath)?.replace(/\s+/g, '').toLowerCase()).toBe('text/csv;charset=utf-8');
    expect([...response.body.subarray(0, 3)], 'UTF-8 BOM').toEqual([0xef, 0xbb, 0xbf]);
    expect(response.body.equals(readFileSync(path.join(DIST, 'downloads', `${stem}.csv`))), 'served byte for byte').toBe(true);
    expect(single(response, 'access-control-allow-origin', urlPath)).toBe('*');
    expect(single(response, 'cross-origin-resource-policy', urlPath)).toBe('cross-origin');
  });

  test('embed.js and chart images are loadable by other sites', () => {
    for (const urlPath of [`${BASE}embed.js`, `${BASE}images/map.png`]) {
      const response = served(urlPath);
      expect(single(response, 'access-control-allow-origin', urlPath)).toBe('*');
      expect(single(response, 'cross-origin-resource-policy', urlPath)).toBe('cross-origin');
    }
    expect(single(served(`${BASE}embed.js`), 'cache-control', 'embed.js')).toBe('public, max-age=300');
  });

  test('the in-memory model the dist tests use agrees with the runtime', () => {
    const rules = headerRules(BASE);
    const mismatches: string[] = [];
    for (const urlPath of [...htmlPaths, ...assetPaths]) {
      for (const [name, value] of effectiveHeaders(rules, urlPath)) {
        const sent = served(urlPath).headers.get(name) ?? [];
        if (sent.length !== 1 || sent[0] !== value) mismatches.push(`${urlPath} ${name}: model ${JSON.stringify(value)}, served ${JSON.stringify(sent)}`);
      }
    }
    expect(mismatches).toEqual([]);
  });

  test('every page scores A+ (Observatory table) on the served headers and its meta CSP', () => {
    for (const urlPath of [...htmlPaths]) {
      const response = served(urlPath);
      const html = response.body.toString('utf8');
      const metas = html.match(/<meta http-equiv="content-security-policy"[^>]*>/gi) ?? [];
      expect(metas, urlPath).toHaveLength(1);
      const meta = /content="([^"]+)"/.exec(metas[0]!)![1]!;
      const headers = new Map([...response.headers].map(([name, values]) => [name, values.join(', ')]));
      const result = scoreObservatory(headers, meta);
      expect(result.grade, `${urlPath}: ${JSON.stringify(result.modifiers.filter((m) => m.modifier < 0))}`).toBe('A+');
    }
  });
});
