// Real-browser checks that our chart embeds work on another site: cross-origin auto-resize, message hygiene, pym/AMP compatibility, hosts that strip our script, links that leave the frame, themes, "Embed this chart", the previewer, a11y and no-JS rendering.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { formatAxe } from '../helpers/site-suite.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';
import { launchChromium } from '../helpers/browser.ts';

const DIST = path.resolve(process.env.DIST_DIR ?? 'dist');
// Serve under the base the site was built for, so its base-prefixed URLs resolve as in production.
const BASE = process.env.BASE_PATH ?? '/';
/** Every embed the build has (one folder per registered chart), so a new chart is tested without editing this file. */
const CHARTS: string[] = existsSync(path.join(DIST, 'embed'))
  ? readdirSync(path.join(DIST, 'embed')).filter((name) => existsSync(path.join(DIST, 'embed', name, 'index.html'))).sort()
  : [];
/** Article column widths a newsroom's template gives a pasted embed: phone, a narrow column, desktop. */
const COLUMN_WIDTHS = [320, 600, 1280] as const;
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const WIDTHS = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
] as const;
const SCREENSHOT_DIR = path.resolve('tests/artifacts/screenshots');
/** How long the host may take to size the iframe to its content ("within a few seconds"). */
const SETTLE_TIMEOUT_MS = 5_000;
const MAP_FRAME = '#story iframe[data-opsi-embed]';

const distBuilt = existsSync(path.join(DIST, 'index.html'));

let browser: Browser;
/** Origin A: a copy of the build plus one test-only page. Origin B: the host newsroom. Origin C: a stranger. */
let embedServer: StaticServer;
let hostServer: StaticServer;
let rogueServer: StaticServer;
let tempDir: string;
let embedOrigin: string;
let rogueOrigin: string;
let mapSnippet: string;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The map's embed code exactly as a reader copies it from our page (falls back to the oEmbed html). */
function builtMapSnippet(): string {
  const htmlFiles = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  for (const file of htmlFiles) {
    const $ = load(readFileSync(path.join(DIST, file), 'utf8'));
    for (const element of $('textarea[data-embed-code]').toArray()) {
      const code = $(element).text();
      if (/\/embed\/map\/\?theme=light/.test(code)) return code;
    }
  }
  const oembed = JSON.parse(readFileSync(path.join(DIST, 'embed/map/oembed.json'), 'utf8')) as { html: string };
  return oembed.html;
}

/** Rewrites the snippet's absolute URLs from the build's `site` origin to origin A. */
function rewriteOrigin(snippet: string, toOrigin: string): string {
  const src = /<iframe[^>]*\ssrc="([^"]+)"/.exec(snippet)?.[1];
  if (!src) throw new Error(`no iframe src in snippet:\n${snippet}`);
  const siteOrigin = new URL(src.replace(/&amp;/g, '&')).origin;
  return snippet.split(`${siteOrigin}/`).join(`${toOrigin}/`);
}

const PARAGRAPH =
  'Lorem ipsum is not what a newsroom would print here, so this host article speaks plainly: it is a page on another ' +
  'site, served from another origin, with its own typography and its own scripts, and the chart below is pasted in ' +
  'exactly as a reader copies it from the explainer.';

/** Origin B's article: two paragraphs, the pasted snippet, two more; records every message and every iframe height. */
function hostPage(snippet: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host newsroom: a story with an embedded chart</title>
<style>
  body { margin: 0; background: #fbf8f1; color: #222; font: 18px/1.55 Georgia, serif; }
  article { max-width: 44rem; margin: 0 auto; padding: 1rem; }
  h1 { font: 700 1.6rem/1.2 system-ui, sans-serif; }
</style>
<script>
  window.__messages = [];
  window.__heights = [];
  addEventListener('message', function (event) {
    var frame = document.querySelector(${JSON.stringify(MAP_FRAME)});
    var data = event.data;
    try { data = typeof data === 'string' ? data : JSON.parse(JSON.stringify(data)); } catch (e) { data = String(data); }
    window.__messages.push({ fromMap: !!frame && event.source === frame.contentWindow, origin: event.origin, data: data, t: performance.now() });
  });
</script>
</head>
<body>
<article id="story">
<h1>Host newsroom: a story with an embedded chart</h1>
<p>${PARAGRAPH}</p>
<p>${PARAGRAPH}</p>
${snippet}
<p>${PARAGRAPH}</p>
<p>${PARAGRAPH}</p>
</article>
<script>
  (function () {
    var frame = document.querySelector(${JSON.stringify(MAP_FRAME)});
    var last = frame.style.height;
    new MutationObserver(function () {
      if (frame.style.height !== last) {
        last = frame.style.height;
        window.__heights.push({ height: last, t: performance.now() });
      }
    }).observe(frame, { attributes: true, attributeFilter: ['style', 'height'] });
  })();
</script>
</body>
</html>
`;
}

function recorderHostPage(title: string, body: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<script>
  window.__messages = [];
  addEventListener('message', function (event) {
    var data = event.data;
    try { data = typeof data === 'string' ? data : JSON.parse(JSON.stringify(data)); } catch (e) { data = String(data); }
    window.__messages.push({ origin: event.origin, data: data });
  });
</script>
</head><body><main><h1>${title}</h1>
${body}
</main></body></html>
`;
}

/** A host page whose article column is the whole viewport (no margins), so the iframe is exactly as wide as the viewport. */
function strippedHostPage(title: string, snippet: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>
<style>body { margin: 0; font: 16px/1.5 Georgia, serif; } .opsi-embed { margin: 0; }</style>
</head><body><main>
${snippet}
</main></body></html>
`;
}

const TINY_PAGE = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head><body><p>${title}</p></body></html>\n`;

beforeAll(async () => {
  if (!distBuilt) return;
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  tempDir = await mkdtemp(path.join(tmpdir(), 'embed-tests-'));
  // Origin A serves a copy of the build so a test-only page can sit beside the real embeds without touching dist.
  const embedRoot = path.join(tempDir, 'embed-origin');
  await cp(DIST, embedRoot, { recursive: true });
  await mkdir(path.join(embedRoot, '__embedtest'), { recursive: true });
  await writeFile(path.join(embedRoot, '__embedtest', 'clamp.html'), TINY_PAGE('Test-only frame on the embed origin'));

  const rogueRoot = path.join(tempDir, 'rogue-origin');
  await mkdir(rogueRoot, { recursive: true });
  await writeFile(path.join(rogueRoot, 'rogue.html'), TINY_PAGE('A frame from a third origin'));

  embedServer = await startStaticServer({ root: embedRoot, base: BASE });
  rogueServer = await startStaticServer({ root: rogueRoot });
  embedOrigin = new URL(embedServer.url).origin;
  rogueOrigin = new URL(rogueServer.url).origin;

  mapSnippet = rewriteOrigin(builtMapSnippet(), embedOrigin);
  const hostRoot = path.join(tempDir, 'host-origin');
  await mkdir(hostRoot, { recursive: true });
  await writeFile(path.join(hostRoot, 'index.html'), hostPage(mapSnippet));
  await writeFile(path.join(hostRoot, 'same-origin.html'), TINY_PAGE('A frame from the host origin'));
  const mapEmbedUrl = /<iframe[^>]*\ssrc="([^"]+)"/.exec(mapSnippet)![1]!.replace(/&amp;/g, '&');
  const pymUrl = mapEmbedUrl.replace(/\?theme=\w+/, '?theme=light&childId=abc');
  await writeFile(
    path.join(hostRoot, 'pym.html'),
    recorderHostPage('pym host', `<iframe id="pym" src="${pymUrl.replace(/&/g, '&amp;')}" title="Map embedded pym-style" width="100%" height="600" style="border:0;display:block"></iframe>`),
  );
  await writeFile(
    path.join(hostRoot, 'clamp.html'),
    recorderHostPage(
      'clamp host',
      `<iframe id="clamp" data-opsi-embed src="${embedServer.url}__embedtest/clamp.html" title="Test-only frame" width="100%" height="300"></iframe>\n` +
        `<script async src="${embedServer.url}embed.js"></script>`,
    ),
  );
  // What a host that strips <script> from pasted HTML shows: the iframe at its own height, nothing else resizing it.
  for (const chart of CHARTS) {
    const oembed = JSON.parse(readFileSync(path.join(DIST, 'embed', chart, 'oembed.json'), 'utf8')) as { html: string };
    const stripped = rewriteOrigin(oembed.html, embedOrigin).replace(/<script\b[^>]*><\/script>/g, '');
    await writeFile(path.join(hostRoot, `stripped-${chart}.html`), strippedHostPage(`${chart} without the host script`, stripped));
  }
  hostServer = await startStaticServer({ root: hostRoot });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await Promise.all([embedServer?.close(), hostServer?.close(), rogueServer?.close()]);
  if (tempDir) await rm(tempDir, { recursive: true, force: true });
});

test('the build exists (run astro build first)', () => {
  expect(distBuilt, `${DIST}/index.html is missing`).toBe(true);
});

/** Console errors, uncaught exceptions and failed requests from the page and all its frames. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    if (/\/favicon\.ico$/.test(message.location().url)) return;
    problems.push(`console.error: ${message.text().slice(0, 300)} [${message.location().url}]`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? '?'})`));
  page.on('response', (response) => {
    if (response.status() >= 400 && !/\/favicon\.ico$/.test(response.url())) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  return problems;
}

async function contentFrame(page: Page, selector: string): Promise<Frame> {
  const handle = await page.waitForSelector(selector, { state: 'attached' });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error(`${selector} has no content frame`);
  return frame;
}

interface Settled {
  iframe: number;
  root: number;
  ms: number;
}

/**
 * Waits until the host iframe's height matches the embed root's height measured inside the frame (±2px) and has
 * stayed put for 500 ms. Throws with the last measurements when that does not happen within the timeout.
 */
async function settle(page: Page, selector: string, timeout = SETTLE_TIMEOUT_MS): Promise<Settled> {
  const start = Date.now();
  let last = { iframe: NaN, root: NaN };
  let stableSince: number | null = null;
  while (Date.now() - start < timeout) {
    const frame = await contentFrame(page, selector);
    const iframe = await page.$eval(selector, (element) => element.getBoundingClientRect().height);
    const root = await frame
      .evaluate(() => document.querySelector('[data-embed-root]')?.getBoundingClientRect().height ?? NaN)
      .catch(() => NaN);
    const ok = Math.abs(iframe - root) <= 2 && iframe === last.iframe;
    last = { iframe, root };
    if (ok) {
      stableSince ??= Date.now();
      if (Date.now() - stableSince >= 500) return { iframe, root, ms: Date.now() - start };
    } else {
      stableSince = null;
    }
    await sleep(100);
  }
  throw new Error(`iframe ${selector} did not settle at its content height within ${timeout} ms: iframe ${last.iframe}px, [data-embed-root] ${last.root}px`);
}

interface RecordedMessage {
  fromMap?: boolean;
  origin: string;
  data: unknown;
}

const messages = (page: Page) => page.evaluate(() => (window as unknown as { __messages: RecordedMessage[] }).__messages.slice());
const clearMessages = (page: Page) => page.evaluate(() => void ((window as unknown as { __messages: unknown[] }).__messages.length = 0));
const heightChanges = (page: Page) => page.evaluate(() => (window as unknown as { __heights: { height: string }[] }).__heights.length);
const frameHeight = (page: Page, selector: string) => page.$eval(selector, (element) => element.getBoundingClientRect().height);

/** Posts our message, a pym string and an AMP embed-size, all claiming `height`, from inside `frame` (or the host window). */
async function postAllFormats(target: Page | Frame, height: number): Promise<void> {
  await target.evaluate((h) => {
    const to = window.parent === window ? window : window.parent;
    to.postMessage({ type: 'opsi-embed:height', height: h }, '*');
    to.postMessage(`pymxPYMxabcxPYMxheightxPYMx${h}`, '*');
    to.postMessage({ sentinel: 'amp', type: 'embed-size', height: h }, '*');
  }, height);
}

describe('map embedded in a host page on another origin', () => {
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  const heights: Record<string, number> = {};

  beforeAll(async () => {
    if (!distBuilt) return;
    context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    page = await context.newPage();
    problems = watchProblems(page);
    await page.goto(hostServer.url, { waitUntil: 'load' });
  });
  afterAll(async () => {
    await context?.close();
  });

  test('the pasted snippet points at origin A and the host page is origin B', async () => {
    expect(mapSnippet).toContain(`${embedOrigin}/`);
    expect(new URL(hostServer.url).origin).not.toBe(embedOrigin);
    const src = await page.$eval(MAP_FRAME, (element) => (element as HTMLIFrameElement).src);
    expect(new URL(src).origin).toBe(embedOrigin);
  });

  test('the iframe grows to the embed content height (±2px) within a few seconds', async () => {
    const settled = await settle(page, MAP_FRAME);
    console.log(`map at 320px: iframe ${settled.iframe}px, content ${settled.root}px, settled in ${settled.ms} ms`);
    heights['320'] = settled.iframe;
    // The host script sized it (the snippet's height attribute is only a placeholder).
    expect(await page.$eval(MAP_FRAME, (element) => (element as HTMLIFrameElement).style.height)).toBe(`${settled.iframe}px`);
    const fromMap = (await messages(page)).filter((m) => m.fromMap);
    expect(fromMap.every((m) => m.origin === embedOrigin)).toBe(true);
    expect(fromMap.some((m) => (m.data as { type?: string }).type === 'opsi-embed:height')).toBe(true);
    // AMP hosts understand embed-size; it is sent alongside our own message.
    expect(fromMap.some((m) => (m.data as { sentinel?: string; type?: string }).sentinel === 'amp' && (m.data as { type?: string }).type === 'embed-size')).toBe(true);
    // No childId in the URL, so no pym strings.
    expect(fromMap.filter((m) => typeof m.data === 'string')).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-host-map-320.png'), fullPage: true });
  });

  test('resizing the host 320 → 1280 → 320 follows the content and returns to the first height (±1px)', async () => {
    heights['320'] ??= (await settle(page, MAP_FRAME)).iframe;
    await page.setViewportSize({ width: 1280, height: 800 });
    const wide = await settle(page, MAP_FRAME);
    heights['1280'] = wide.iframe;
    await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-host-map-1280.png'), fullPage: true });
    await page.setViewportSize({ width: 320, height: 640 });
    const back = await settle(page, MAP_FRAME);
    console.log(`map heights: 320px → ${heights['320']}px, 1280px → ${wide.iframe}px (content ${wide.root}px), back at 320px → ${back.iframe}px`);
    expect(Math.abs(back.iframe - heights['320']!)).toBeLessThanOrEqual(1);
  });

  test('once settled, the frame sends nothing for 2 s', async () => {
    await settle(page, MAP_FRAME);
    await clearMessages(page);
    await sleep(2_000);
    const idle = await messages(page);
    expect(idle, `messages while idle: ${JSON.stringify(idle)}`).toEqual([]);
  });

  test('height messages from a third origin, a host-origin frame, or another frame on the embed origin change nothing', async () => {
    const before = { height: await frameHeight(page, MAP_FRAME), changes: await heightChanges(page) };
    // C: a stranger's origin. B: the host's own origin. A: our origin but not the map's window (wrong source, right origin).
    const strangers = [
      { id: 'rogue-c', src: `${rogueServer.url}rogue.html`, origin: rogueOrigin },
      { id: 'rogue-b', src: `${hostServer.url}same-origin.html`, origin: new URL(hostServer.url).origin },
      { id: 'rogue-a', src: `${embedServer.url}__embedtest/clamp.html`, origin: embedOrigin },
    ];
    await page.evaluate((list) => {
      for (const { id, src } of list) {
        const frame = document.createElement('iframe');
        frame.id = id;
        frame.title = id;
        frame.src = src;
        frame.width = '10';
        frame.height = '10';
        document.body.append(frame);
      }
    }, strangers);
    const frames = await Promise.all(strangers.map(({ id }) => contentFrame(page, `#${id}`)));
    await Promise.all(frames.map((frame) => frame.waitForLoadState('load')));
    frames.forEach((frame, index) => expect(new URL(frame.url()).origin).toBe(strangers[index]!.origin));
    await clearMessages(page);
    for (const frame of frames) {
      await postAllFormats(frame, 5000);
      await postAllFormats(frame, 10);
    }
    await sleep(500);
    const received = (await messages(page)).filter((m) => !m.fromMap);
    // The messages did arrive (so the host script saw them), six from each stranger.
    for (const { origin } of strangers) expect(received.filter((m) => m.origin === origin).length, `messages from ${origin}`).toBe(6);
    expect(await heightChanges(page)).toBe(before.changes);
    expect(await frameHeight(page, MAP_FRAME)).toBe(before.height);
    await page.evaluate((ids) => ids.forEach((id) => document.getElementById(id)?.remove()), strangers.map(({ id }) => id));
  });

  test('height messages posted by the host window itself (right origin for nothing, wrong source) change nothing', async () => {
    const before = { height: await frameHeight(page, MAP_FRAME), changes: await heightChanges(page) };
    await clearMessages(page);
    await postAllFormats(page, 5000);
    await postAllFormats(page, 10);
    await sleep(500);
    expect((await messages(page)).length).toBe(6);
    expect(await heightChanges(page)).toBe(before.changes);
    expect(await frameHeight(page, MAP_FRAME)).toBe(before.height);
  });

  test('no console errors, uncaught exceptions or failed requests in the host page or the embed', () => {
    expect(problems, problems.join('\n')).toEqual([]);
  });
});

describe('host script limits (test-only frame on the embed origin)', () => {
  let context: BrowserContext;
  let page: Page;
  const CLAMP = '#clamp';

  beforeAll(async () => {
    if (!distBuilt) return;
    context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    page = await context.newPage();
    await page.goto(`${hostServer.url}clamp.html`, { waitUntil: 'load' });
    await page.waitForFunction(() => (window as unknown as { __opsiEmbedHost?: boolean }).__opsiEmbedHost === true);
    await (await contentFrame(page, CLAMP)).waitForLoadState('load');
  });
  afterAll(async () => {
    await context?.close();
  });

  const post = async (data: unknown) => {
    const frame = await contentFrame(page, CLAMP);
    await frame.evaluate((message) => window.parent.postMessage(message, '*'), data);
  };
  const pollHeight = () => expect.poll(() => frameHeight(page, CLAMP), { timeout: 3_000 });

  test('absurd heights from the real frame are clamped to 20000 and 100, in all three formats', async () => {
    await post({ type: 'opsi-embed:height', height: 999999 });
    await pollHeight().toBe(20000);
    await post({ type: 'opsi-embed:height', height: -5 });
    await pollHeight().toBe(100);
    await post('pymxPYMxabcxPYMxheightxPYMx999999');
    await pollHeight().toBe(20000);
    await post({ sentinel: 'amp', type: 'embed-size', height: -5 });
    await pollHeight().toBe(100);
  });

  test('non-finite and non-numeric heights are ignored', async () => {
    await post({ type: 'opsi-embed:height', height: 300 });
    await pollHeight().toBe(300);
    for (const bad of [
      { type: 'opsi-embed:height', height: Number.NaN },
      { type: 'opsi-embed:height', height: Number.POSITIVE_INFINITY },
      { type: 'opsi-embed:height', height: '5000' },
      { type: 'opsi-embed:height' },
      { type: 'something-else', height: 5000 },
      'pymxPYMxabcxPYMxheightxPYMx-5',
      'pymxPYMxabcxPYMxheightxPYMx5000px',
      null,
    ]) {
      await post(bad);
    }
    await sleep(500);
    expect(await frameHeight(page, CLAMP)).toBe(300);
  });

  test('after the frame navigates to another origin, its messages are rejected (right source, wrong origin)', async () => {
    const before = await frameHeight(page, CLAMP);
    const frame = await contentFrame(page, CLAMP);
    await Promise.all([frame.waitForURL(`${rogueServer.url}rogue.html`), frame.evaluate((url) => void (window.location.href = url), `${rogueServer.url}rogue.html`)]);
    const navigated = await contentFrame(page, CLAMP);
    expect(new URL(navigated.url()).origin).toBe(rogueOrigin);
    await clearMessages(page);
    await postAllFormats(navigated, 5000);
    await sleep(500);
    expect((await messages(page)).filter((m) => m.origin === rogueOrigin).length).toBe(3);
    expect(await frameHeight(page, CLAMP)).toBe(before);
  });
});

describe('pym.js and AMP compatibility', () => {
  test('?childId=abc makes the frame send pym strings, alongside AMP embed-size and our message, with the content height', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
    try {
      const page = await context.newPage();
      await page.goto(`${hostServer.url}pym.html`, { waitUntil: 'load' });
      const frame = await contentFrame(page, '#pym');
      await expect.poll(async () => (await messages(page)).some((m) => typeof m.data === 'string'), { timeout: SETTLE_TIMEOUT_MS }).toBe(true);
      await sleep(1_000);
      const all = await messages(page);
      const root = await frame.evaluate(() => document.querySelector('[data-embed-root]')!.getBoundingClientRect().height);
      expect(all.every((m) => m.origin === embedOrigin)).toBe(true);
      const pym = all.filter((m): m is RecordedMessage & { data: string } => typeof m.data === 'string');
      const amp = all.filter((m) => (m.data as { sentinel?: string })?.sentinel === 'amp');
      const ours = all.filter((m) => (m.data as { type?: string })?.type === 'opsi-embed:height');
      console.log(`pym messages: ${pym.map((m) => m.data).join(', ')}; AMP: ${amp.length}; ours: ${ours.length}; content ${root}px`);
      for (const message of pym) expect(message.data).toMatch(/^pymxPYMxabcxPYMxheightxPYMx\d+$/);
      expect(amp.length).toBeGreaterThan(0);
      expect(amp.every((m) => (m.data as { type?: string }).type === 'embed-size')).toBe(true);
      expect(pym.length).toBe(ours.length);
      expect(amp.length).toBe(ours.length);
      const lastPym = Number(pym.at(-1)!.data.split('xPYMx').at(-1));
      expect(Math.abs(lastPym - root)).toBeLessThanOrEqual(1);
      expect((amp.at(-1)!.data as { height: number }).height).toBe(lastPym);
    } finally {
      await context.close();
    }
  });
});

function luminance(rgb: readonly number[]): number {
  const [r, g, b] = rgb.map((channel) => {
    const c = channel / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

function parseColour(value: string): number[] {
  const trimmed = value.trim();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(trimmed);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((d) => d + d) : hex[1]!.match(/../g)!;
    return digits.map((d) => parseInt(d, 16));
  }
  const rgb = /rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)/.exec(trimmed);
  if (rgb) return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
  throw new Error(`cannot parse colour ${value}`);
}

/** The colour actually painted at a point of the page (screenshot decoded in a separate blank page). */
async function paintedColour(page: Page, x: number, y: number): Promise<number[]> {
  const png = await page.screenshot({ clip: { x, y, width: 1, height: 1 } });
  const decoder = await page.context().newPage();
  try {
    return await decoder.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      return Array.from(context.getImageData(0, 0, 1, 1).data.slice(0, 3));
    }, png.toString('base64'));
  } finally {
    await decoder.close();
  }
}

async function themeState(page: Page) {
  const state = await page.evaluate(() => ({
    dataTheme: document.documentElement.getAttribute('data-theme'),
    text: getComputedStyle(document.body).color,
    bgVar: getComputedStyle(document.documentElement).getPropertyValue('--bg'),
    colorScheme: getComputedStyle(document.documentElement).colorScheme,
  }));
  // (2, 2) is inside the embed's padding, so it shows the page background and nothing drawn on it.
  const painted = await paintedColour(page, 2, 2);
  return { ...state, textLum: luminance(parseColour(state.text)), bgLum: luminance(parseColour(state.bgVar)), painted, paintedLum: luminance(painted) };
}

describe('themes', () => {
  test('?theme=dark: html[data-theme=dark], light text on a dark background, in a light-scheme browser', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 }, colorScheme: 'light' });
    try {
      const page = await context.newPage();
      await page.goto(`${embedServer.url}embed/map/?theme=dark`, { waitUntil: 'load' });
      const state = await themeState(page);
      console.log(`theme=dark: ${JSON.stringify(state)}`);
      expect(state.dataTheme).toBe('dark');
      expect(state.colorScheme).toBe('dark');
      expect(state.bgLum, `--bg ${state.bgVar}`).toBeLessThan(0.05);
      expect(state.paintedLum, `painted background rgb(${state.painted.join(',')})`).toBeLessThan(0.05);
      expect(state.textLum, `body text ${state.text}`).toBeGreaterThan(0.6);
    } finally {
      await context.close();
    }
  });

  test('?theme=light forces light even when the reader prefers dark; ?theme=auto follows the reader', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 }, colorScheme: 'dark' });
    try {
      const page = await context.newPage();
      await page.goto(`${embedServer.url}embed/map/?theme=light`, { waitUntil: 'load' });
      const light = await themeState(page);
      console.log(`theme=light in a dark browser: ${JSON.stringify(light)}`);
      expect(light.dataTheme).toBe('light');
      expect(light.colorScheme).toBe('light');
      expect(light.bgLum, `--bg ${light.bgVar}`).toBeGreaterThan(0.9);
      expect(light.paintedLum, `painted background rgb(${light.painted.join(',')})`).toBeGreaterThan(0.9);
      expect(light.textLum, `body text ${light.text}`).toBeLessThan(0.05);

      await page.goto(`${embedServer.url}embed/map/?theme=auto`, { waitUntil: 'load' });
      const auto = await themeState(page);
      expect(auto.dataTheme).toBeNull();
      expect(auto.textLum, `body text ${auto.text}`).toBeGreaterThan(0.6);
      expect(auto.paintedLum, `painted background rgb(${auto.painted.join(',')})`).toBeLessThan(0.05);
    } finally {
      await context.close();
    }
  });
});

describe('"Embed this chart" on the front page', () => {
  test('open, choose dark, copy: clipboard equals the code; preview loads the dark embed; Esc closes and returns focus', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: embedOrigin });
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(embedServer.url, { waitUntil: 'load' });
      const root = page.locator('[data-embed-this]').first();
      const previewSrc = (await root.getAttribute('data-preview-src'))!;
      expect(previewSrc).toMatch(/\/embed\/[a-z]+\/$/);
      const open = root.locator('[data-embed-open]');
      const dialog = root.locator('dialog[data-embed-dialog]');
      // With JS the static disclosure gives way to the button.
      await expect.poll(() => open.isVisible()).toBe(true);
      expect(await root.locator('details[data-embed-static]').isVisible()).toBe(false);

      await open.click();
      expect(await dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(true);
      await dialog.locator('[data-embed-theme][value="dark"]').check();
      const code = dialog.locator('textarea[data-embed-code]');
      expect(await code.inputValue()).toContain('?theme=dark');

      const copy = dialog.locator('[data-embed-copy]');
      const copiedText = (await copy.getAttribute('data-copied'))!;
      await copy.click();
      const status = dialog.locator('[data-embed-status]');
      await expect.poll(() => status.textContent()).toBe(copiedText);
      expect(copiedText).toMatch(/cop/i);

      const clipboard = await page.evaluate(() => navigator.clipboard.readText());
      const value = await code.inputValue();
      expect(clipboard).toBe(value);
      expect(clipboard).toContain('?theme=dark');
      expect(clipboard).not.toContain('?theme=auto');
      expect(clipboard).toContain('title="');
      expect(clipboard).toContain('loading="lazy"');
      expect(clipboard).toMatch(/<script[^>]+src="[^"]+\/embed\.js"/);
      expect(clipboard).toMatch(/<noscript><a href="https?:\/\/[^"]+"><img [^>]*src="https?:\/\/[^"]+\.png"[^>]*alt="[^"]+"/);

      const preview = dialog.locator('[data-embed-preview] iframe');
      expect(await preview.getAttribute('src')).toBe(`${previewSrc}?theme=dark`);
      await expect.poll(() => preview.evaluate((element) => element.getBoundingClientRect().height), { timeout: SETTLE_TIMEOUT_MS }).toBeGreaterThan(100);
      const previewFrame = (await (await preview.elementHandle())!.contentFrame())!;
      expect(await previewFrame.evaluate(() => document.documentElement.getAttribute('data-theme'))).toBe('dark');
      const previewHeight = await preview.evaluate((element) => element.getBoundingClientRect().height);
      console.log(`embed-this: chart ${previewSrc}, preview height ${previewHeight}px, status "${copiedText}"`);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-this-dialog-dark-1280.png') });

      await page.keyboard.press('Escape');
      await expect.poll(() => dialog.evaluate((element) => (element as HTMLDialogElement).open)).toBe(false);
      expect(await open.evaluate((element) => element === document.activeElement), 'focus returns to the "Embed this chart" button').toBe(true);
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});


describe('embed pages: accessibility', () => {
  const cases = CHARTS.flatMap((chart) => WIDTHS.map(({ width, height }) => ({ chart, width, height })));
  test.each(cases)('embed/$chart/ at $width×$height has no axe violations', async ({ chart, width, height }) => {
    const context = await browser.newContext({ viewport: { width, height } });
    try {
      const page = await context.newPage();
      await page.goto(`${embedServer.url}embed/${chart}/`, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      const result = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(result.violations.length, `embed/${chart}/ at ${width}px:\n${formatAxe(result.violations)}`).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('embed pages: without JavaScript', () => {
  test.each(CHARTS)('embed/%s/ renders its h1 and chart', async (chart) => {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${embedServer.url}embed/${chart}/`, { waitUntil: 'load' });
      expect(await page.locator('h1').count()).toBe(1);
      expect(await page.locator('h1').isVisible()).toBe(true);
      const rootSelector = '[data-embed-root]';
      if (chart === 'figures') {
        const cards = page.locator(`${rootSelector} .figure-card`);
        expect(await cards.count()).toBeGreaterThan(0);
        expect(await cards.first().isVisible()).toBe(true);
      } else {
        // The chart's own drawing (legend swatches and icons are small svgs of their own).
        const svg = page.locator(`${rootSelector} svg[role="img"]`).first();
        expect(await svg.count()).toBe(1);
        const box = await svg.boundingBox();
        expect(box, 'chart svg has a box').not.toBeNull();
        expect(box!.width).toBeGreaterThan(200);
        expect(box!.height).toBeGreaterThan(100);
      }
      expect(await page.locator('.embed__credit').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

/** Height the embed's content needs inside its frame, and the frame's own height, once the frame has loaded. */
async function neededAndGiven(page: Page, selector: string): Promise<{ needed: number; given: number }> {
  const frame = await contentFrame(page, selector);
  await frame.waitForLoadState('load');
  await frame.waitForSelector('[data-embed-root]');
  // Let the chart scripts take over (the timeline's stepper) before measuring.
  await sleep(300);
  // The content's bottom edge, not scrollHeight: a document is never shorter than its frame.
  const needed = await frame.evaluate(() => Math.ceil(document.querySelector('[data-embed-root]')!.getBoundingClientRect().bottom + window.scrollY));
  const given = await page.$eval(selector, (element) => Math.round(element.getBoundingClientRect().height));
  return { needed, given };
}

describe('a host that strips our script: the pasted iframe alone', () => {
  const cases = CHARTS.flatMap((chart) => COLUMN_WIDTHS.map((width) => ({ chart, width })));
  test.each(cases)('embed/$chart/ at $width px: the frame is tall enough, may scroll, and cuts nothing off', async ({ chart, width }) => {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${hostServer.url}stripped-${chart}.html`, { waitUntil: 'load' });
      const frame = page.locator('iframe[data-opsi-embed]');
      expect(await frame.getAttribute('scrolling'), 'scrolling="no" would hide whatever does not fit').toBeNull();
      const { needed, given } = await neededAndGiven(page, 'iframe[data-opsi-embed]');
      console.log(`no host script, ${chart} at ${width}px: frame ${given}px, content needs ${needed}px (${given - needed}px spare)`);
      expect(
        given,
        `embed/${chart}/ needs ${needed}px at ${width}px but the snippet's frame is ${given}px: raise fallbackHeight in src/lib/charts/registry.ts`,
      ).toBeGreaterThanOrEqual(needed);
    } finally {
      await context.close();
    }
  });
});

describe('inside the frame: nothing grows without bound, nothing depends on the frame height', () => {
  test('opening the map table adds a bounded height (the table scrolls within the frame)', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(hostServer.url, { waitUntil: 'load' });
      const closed = await settle(page, MAP_FRAME);
      const frame = await contentFrame(page, MAP_FRAME);
      await frame.locator('.map__table summary').click();
      const open = await settle(page, MAP_FRAME);
      const scroller = await frame.$eval('.map__table .table-scroll', (element) => ({ client: element.clientHeight, scroll: element.scrollHeight }));
      console.log(`map table at 320px: frame ${closed.iframe}px closed → ${open.iframe}px open; the table scrolls ${scroller.scroll}px within ${scroller.client}px`);
      expect(open.iframe - closed.iframe).toBeLessThanOrEqual(700);
      expect(scroller.scroll).toBeGreaterThan(scroller.client);
      // The table points at the full one on the site, in the top window.
      const full = frame.locator('.map__full-table a');
      expect(await full.getAttribute('target')).toBe('_top');
    } finally {
      await context.close();
    }
  });

  test('"Next event" never changes the timeline frame height', async () => {
    const context = await browser.newContext({ viewport: { width: 320, height: 640 } });
    try {
      const page = await context.newPage();
      await page.goto(`${embedServer.url}embed/timeline/`, { waitUntil: 'load' });
      const root = page.locator('[data-embed-root]');
      const heights = new Set<number>();
      heights.add(Math.round((await root.boundingBox())!.height));
      for (let i = 0; i < 15; i += 1) {
        await page.locator('[data-step-next]').click();
        heights.add(Math.round((await root.boundingBox())!.height));
      }
      console.log(`timeline at 320px over 15 steps: heights ${[...heights].join(', ')}`);
      expect(heights.size).toBe(1);
    } finally {
      await context.close();
    }
  });

  test.each(CHARTS)('embed/%s/ is as tall in a 300 px frame as in a 3000 px one (no viewport units feeding back)', async (chart) => {
    const context = await browser.newContext({ viewport: { width: 700, height: 800 } });
    try {
      const page = await context.newPage();
      await page.setContent(
        `<!doctype html><html lang="en"><head><title>frames</title></head><body style="margin:0">` +
          `<iframe id="short" src="${embedServer.url}embed/${chart}/" title="short" style="width:600px;height:300px;border:0"></iframe>` +
          `<iframe id="tall" src="${embedServer.url}embed/${chart}/" title="tall" style="width:600px;height:3000px;border:0"></iframe></body></html>`,
      );
      const measure = async (selector: string) => {
        const frame = await contentFrame(page, selector);
        await frame.waitForLoadState('load');
        await sleep(300);
        return frame.evaluate(() => Math.round(document.querySelector('[data-embed-root]')!.getBoundingClientRect().height));
      };
      const [short, tall] = [await measure('#short'), await measure('#tall')];
      expect(Math.abs(short - tall), `content ${short}px in a 300px frame, ${tall}px in a 3000px frame`).toBeLessThanOrEqual(1);
    } finally {
      await context.close();
    }
  });
});

describe('links inside an embed open in the top window', () => {
  test('a source link in the map frame navigates the host tab to our sources page, not the frame', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(hostServer.url, { waitUntil: 'load' });
      await settle(page, MAP_FRAME);
      const frame = await contentFrame(page, MAP_FRAME);
      await frame.locator('.map__table summary').click();
      const link = frame.locator('.map__table tbody a[href*="/sources/#src-"]').first();
      const href = (await link.getAttribute('href'))!;
      // The link is absolute, to the site the build was made for (SITE_URL): answer for it here.
      await context.route(`${new URL(href).origin}/**`, (route) =>
        route.fulfill({ contentType: 'text/html', body: '<!doctype html><html lang="en"><title>Sources</title><p>Sources</p></html>' }),
      );
      await Promise.all([page.waitForURL(href), link.click()]);
      expect(page.url(), 'the host tab itself went to our sources page').toBe(href);
    } finally {
      await context.close();
    }
  });
});

describe('embed query parameters', () => {
  test('no ?theme is light, even for a reader who prefers dark', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 }, colorScheme: 'dark' });
    try {
      const page = await context.newPage();
      await page.goto(`${embedServer.url}embed/map/`, { waitUntil: 'load' });
      const state = await themeState(page);
      expect(state.dataTheme).toBe('light');
      expect(state.paintedLum, `painted background rgb(${state.painted.join(',')})`).toBeGreaterThan(0.9);
    } finally {
      await context.close();
    }
  });

  test('?view=responses opens the map on the responses view (as chapter 4 offers it); unknown views are ignored', async () => {
    const context = await browser.newContext({ viewport: { width: 800, height: 600 } });
    try {
      const page = await context.newPage();
      await page.goto(`${embedServer.url}embed/map/?view=responses&theme=light`, { waitUntil: 'load' });
      expect(await page.locator('[data-map]').getAttribute('data-view')).toBe('responses');
      expect(await page.locator('[data-view-button="responses"]').getAttribute('aria-pressed')).toBe('true');
      await page.goto(`${embedServer.url}embed/map/?view=%22%3E`, { waitUntil: 'load' });
      expect(await page.locator('[data-map]').getAttribute('data-view')).toBe('stations');
    } finally {
      await context.close();
    }
  });
});

describe('the embed previewer', () => {
  test('shows every embed at five widths in a light and a dark host, sized by the host script, with its code', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const problems = watchProblems(page);
      await page.goto(`${embedServer.url}embed-preview/`, { waitUntil: 'load' });
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toMatch(/noindex/);
      const frames = page.locator('iframe[data-opsi-embed]');
      expect(await frames.count()).toBe(CHARTS.length * 2 * 5);
      expect(await page.locator('textarea').count()).toBe(CHARTS.length * 2);
      // One row is open to begin with (the others load when opened): five widths, side by side.
      const open = page.locator('details.previewer__host[open] iframe[data-opsi-embed]');
      const widths = await open.evaluateAll((list) => list.map((frame) => Math.round(frame.getBoundingClientRect().width)));
      expect(widths).toEqual([320, 375, 600, 768, 1024]);
      // The frames are resized by public/embed.js to their content.
      await expect.poll(() => open.first().evaluate((frame) => (frame as HTMLIFrameElement).style.height), { timeout: SETTLE_TIMEOUT_MS }).toMatch(/^\d+px$/);
      const darkRow = page.locator('details.previewer__host--dark').first();
      await darkRow.locator('summary').click();
      const dark = darkRow.locator('iframe').first();
      await dark.scrollIntoViewIfNeeded();
      const darkFrame = (await (await dark.elementHandle())!.contentFrame())!;
      await expect.poll(() => darkFrame.evaluate(() => document.documentElement.getAttribute('data-theme')), { timeout: SETTLE_TIMEOUT_MS }).toBe('dark');
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'embed-preview-1280.png') });
      expect(problems, problems.join('\n')).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
