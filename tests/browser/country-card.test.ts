// The country card in a real browser: pasted from a country page into a host page on another origin, it is sized by
// the host script and follows the column's width; every card fits its snippet's frame at 320 px when a host strips the
// script; it reads without JavaScript, passes axe in both themes, and its link back navigates the host tab.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import type { Browser, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { formatAxe } from '../helpers/site-suite.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
const BASE = process.env.BASE_PATH ?? '/';
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const FRAME = '#story iframe[data-opsi-embed]';
/** Three shapes of country: many stations (Italy), many events and one station (South Korea), only unverified rows (Colombia). */
const SAMPLE = ['italy', 'south-korea', 'colombia'];

const built = existsSync(path.join(DIST, 'embed', 'country'));
const SLUGS = built ? readdirSync(path.join(DIST, 'embed', 'country')).sort() : [];

let browser: Browser;
let embedServer: StaticServer;
let hostServer: StaticServer;
let tempDir: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The card's embed code as a reader copies it from the country page, with the build's origin swapped for origin A. */
function snippetFor(slug: string, origin: string): string {
  const $ = load(readFileSync(path.join(DIST, 'countries', slug, 'index.html'), 'utf8'));
  const code = $('[data-embed-this] textarea[data-embed-code]').text();
  const src = /<iframe[^>]*\ssrc="([^"]+)"/.exec(code)?.[1];
  if (!src) throw new Error(`no card snippet on countries/${slug}/`);
  return code.split(`${new URL(src.replace(/&amp;/g, '&')).origin}/`).join(`${origin}/`);
}

const hostPage = (snippet: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host newsroom: a story with a country card</title>
<style>body{margin:0;background:#fbf8f1;font:18px/1.55 Georgia,serif}article{max-width:44rem;margin:0 auto;padding:1rem}</style>
</head><body><article id="story"><h1>A story on another site</h1><p>A paragraph of the host's own.</p>
${snippet}
<p>Another paragraph of the host's own.</p></article></body></html>
`;

beforeAll(async () => {
  if (!built) return;
  tempDir = await mkdtemp(path.join(tmpdir(), 'country-card-'));
  embedServer = await startStaticServer({ root: DIST, base: BASE });
  const origin = new URL(embedServer.url).origin;
  for (const slug of SAMPLE) await writeFile(path.join(tempDir, `${slug}.html`), hostPage(snippetFor(slug, origin)));
  await mkdir(tempDir, { recursive: true });
  hostServer = await startStaticServer({ root: tempDir });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([embedServer?.close(), hostServer?.close()]);
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

test('the build has country cards', () => {
  expect(SLUGS.length).toBeGreaterThan(10);
  expect(SLUGS).toEqual(expect.arrayContaining(SAMPLE));
});

/** Waits until the iframe's height equals the card's content height (±2 px) and has held for 500 ms. */
async function settle(page: Page, timeout = 5_000): Promise<{ iframe: number; root: number }> {
  const start = Date.now();
  let last = { iframe: NaN, root: NaN };
  let since: number | null = null;
  while (Date.now() - start < timeout) {
    const frame = await (await page.waitForSelector(FRAME, { state: 'attached' })).contentFrame();
    const iframe = await page.$eval(FRAME, (element) => element.getBoundingClientRect().height);
    const root = (await frame?.evaluate(() => document.querySelector('[data-embed-root]')?.getBoundingClientRect().height ?? NaN).catch(() => NaN)) ?? NaN;
    const ok = Math.abs(iframe - root) <= 2 && iframe === last.iframe;
    last = { iframe, root };
    if (ok) {
      since ??= Date.now();
      if (Date.now() - since >= 500) return last;
    } else since = null;
    await sleep(100);
  }
  throw new Error(`the card frame did not settle within ${timeout} ms: iframe ${last.iframe}px, content ${last.root}px`);
}

describe.each(SAMPLE)('the %s card pasted into a host page on another origin', (slug) => {
  test('the host script sizes the frame to the card at 320 px, follows the column to 1280 px and back', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      const problems: string[] = [];
      page.on('pageerror', (error) => problems.push(error.message));
      page.on('console', (message) => {
        // The host test server has no favicon; that 404 is the host's, not ours.
        if (message.type() === 'error' && !/\/favicon\.ico$/.test(message.location().url)) problems.push(`${message.text()} [${message.location().url}]`);
      });
      await page.goto(`${hostServer.url}${slug}.html`, { waitUntil: 'load' });
      const src = await page.$eval(FRAME, (element) => (element as HTMLIFrameElement).src);
      expect(new URL(src).origin).not.toBe(new URL(hostServer.url).origin);
      expect(new URL(src).pathname).toMatch(new RegExp(`/embed/country/${slug}/$`));
      const narrow = await settle(page);
      // The script set it: the snippet's height attribute is only the placeholder.
      expect(await page.$eval(FRAME, (element) => (element as HTMLIFrameElement).style.height)).toBe(`${narrow.iframe}px`);
      // A 320 px phone leaves the host's column narrower still (288 px here): the snippet's own height must hold it.
      const placeholder = Number(await page.$eval(FRAME, (element) => element.getAttribute('height')));
      expect(narrow.iframe, `raise fallbackHeight in src/lib/charts/registry.ts above ${narrow.iframe}px`).toBeLessThanOrEqual(placeholder);
      await page.setViewportSize({ width: 1280, height: 800 });
      const wide = await settle(page);
      // Wider columns put the figures side by side, so the card gets shorter.
      expect(wide.iframe).toBeLessThan(narrow.iframe);
      await page.setViewportSize({ width: 320, height: 640 });
      const back = await settle(page);
      expect(Math.abs(back.iframe - narrow.iframe)).toBeLessThanOrEqual(1);
      console.log(`${slug} card: ${narrow.iframe}px at 320, ${wide.iframe}px at 1280 (placeholder ${placeholder}px)`);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('its link back navigates the host tab to the country page, not the frame', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${hostServer.url}${slug}.html`, { waitUntil: 'load' });
      const frame = (await (await page.waitForSelector(FRAME)).contentFrame())!;
      const link = frame.locator('.embed__credit a');
      const href = (await link.getAttribute('href'))!;
      // The link is absolute, to the site the build was made for: answer for it here.
      await context.route(`${new URL(href).origin}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Country</title><p>Country</p></html>' }),
      );
      await Promise.all([page.waitForURL(href), link.click()]);
      expect(page.url()).toBe(href);
    } finally {
      await context.close();
    }
  });

  test.each(['light', 'dark'])('no axe violations at 320 px, %s theme', async (theme) => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(`${embedServer.url}embed/country/${slug}/?theme=${theme}`, { waitUntil: 'load' });
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(result.violations.length, formatAxe(result.violations)).toBe(0);
    } finally {
      await context.close();
    }
  });
});

test('without JavaScript, every figure of the sample cards is visible', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    for (const slug of SAMPLE) {
      await page.goto(`${embedServer.url}embed/country/${slug}/`, { waitUntil: 'load' });
      const figures = page.locator('[data-country-card] dd[data-figure]');
      expect(await figures.count()).toBeGreaterThanOrEqual(3);
      for (const figure of await figures.all()) {
        expect(await figure.isVisible()).toBe(true);
        expect((await figure.innerText()).trim()).not.toBe('');
      }
      expect(await page.locator('.embed__credit a').isVisible()).toBe(true);
    }
  } finally {
    await context.close();
  }
});

test('every card fits its snippet frame at 320 px, for hosts that strip the script', async () => {
  const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
  try {
    const page = await context.newPage();
    const tallest = { slug: '', needed: 0 };
    for (const slug of SLUGS) {
      const given = (JSON.parse(readFileSync(path.join(DIST, 'embed', 'country', slug, 'oembed.json'), 'utf8')) as { height: number }).height;
      await page.goto(`${embedServer.url}embed/country/${slug}/`, { waitUntil: 'load' });
      const needed = await page.evaluate(() => Math.ceil(document.querySelector('[data-embed-root]')!.getBoundingClientRect().bottom + window.scrollY));
      if (needed > tallest.needed) Object.assign(tallest, { slug, needed });
      expect(given, `embed/country/${slug}/ needs ${needed}px at 320px: raise fallbackHeight in src/lib/charts/registry.ts`).toBeGreaterThanOrEqual(needed);
    }
    console.log(`tallest card at 320 px: ${tallest.slug}, ${tallest.needed}px`);
  } finally {
    await context.close();
  }
});
