// Builds the site from a copy of data/ with hostile strings in every free-text field and checks they stay inert text: no extra elements or handlers anywhere, literal text in tooltips, no CSP violations or dialogs.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import type { Browser } from 'playwright-core';
import { runBuild } from '../helpers/build.ts';
import { launchChromium } from '../helpers/browser.ts';
import { startStaticServer, type StaticServer } from '../helpers/static-server.ts';

/** 24 kinds of hostile text: markup breakouts, script URLs, template syntax, bidi overrides, a very long string. */
export const HOSTILE_STRINGS = [
  '</script><img src=x onerror=alert(1)>',
  '"><svg onload=alert(1)>',
  "'><iframe src=javascript:alert(1)></iframe>",
  'javascript:alert(1)',
  '\u202Eevil\u202C reversed',
  'x'.repeat(10_000),
  '{{constructor.constructor("alert(1)")()}}',
  '`${alert(1)}`',
  '<style>body{display:none}</style>',
  '<!-- open comment',
  ']]> --> end',
  '&amp;&lt;b&gt;entities&lt;/b&gt;',
  '<b onmouseover=alert(1)>bold</b>',
  'data:text/html,<script>alert(1)</script>',
  '<a href="javascript:alert(1)">link</a>',
  "' onfocus='alert(1)' autofocus='",
  '<math><mi xlink:href="javascript:alert(1)">m</mi></math>',
  '</textarea><script>alert(1)</script>',
  '</title><script>alert(1)</script>',
  '"; alert(1); //',
  '<object data="x"></object><embed src="x">',
  '{Cite} <Cite id="x" /> {1+1}',
  '%3Cscript%3Ealert(1)%3C/script%3E',
  '<img src="x" srcset="y 1x" onerror="alert(1)">',
];

/** Free-text fields per file; ids, enums, dates, codes and URLs are validated and would reject hostile text. */
const TEXT_FIELDS: Record<string, string[]> = {
  'sources.json': ['title', 'publisher'],
  'stations.json': ['country', 'city', 'note'],
  'country_counts.json': ['country', 'note'],
  'events.json': ['country', 'title', 'summary', 'note'],
  'figures.json': ['label', 'note'],
  'disagreements.json': ['topic', 'our_reading'],
  'corrections.json': ['what', 'why'],
};

const DANGEROUS = 'script, img, svg, iframe, object, embed, style, math, link[rel="import"], base, form';

/** Counts of dangerous elements, event-handler attributes and script URLs, per page. */
function fingerprint(html: string): Record<string, number> {
  const $ = load(html);
  const counts: Record<string, number> = {};
  for (const selector of DANGEROUS.split(', ')) counts[selector] = $(selector).length;
  let handlers = 0;
  let scriptUrls = 0;
  $('*').each((_i, element) => {
    for (const [name, value] of Object.entries((element as { attribs?: Record<string, string> }).attribs ?? {})) {
      if (/^on/i.test(name)) handlers += 1;
      if (/^\s*(javascript|data):/i.test(value) && /^(href|src|action|formaction|xlink:href)$/i.test(name)) scriptUrls += 1;
    }
  });
  counts['on* attributes'] = handlers;
  counts['javascript:/data: URLs'] = scriptUrls;
  counts['elements'] = $('*').length;
  return counts;
}

function htmlPages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

let cleanDir = '';
let hostileDir = '';
let dataDir = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;
let injected = 0;

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hostile-data-'));
  cpSync('data', dataDir, { recursive: true });
  let k = 0;
  for (const [file, fields] of Object.entries(TEXT_FIELDS)) {
    const records = JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as Record<string, unknown>[];
    for (const record of records) {
      for (const field of fields) {
        if (typeof record[field] === 'string') {
          // Cycle through the kinds so every kind lands in every file; keep the original words so pages still read.
          record[field] = `${record[field] as string} ${HOSTILE_STRINGS[k % HOSTILE_STRINGS.length]}`;
          k += 1;
          injected += 1;
        }
      }
      if (file === 'disagreements.json') {
        for (const position of record['positions'] as { claim: string }[]) {
          position.claim = `${position.claim} ${HOSTILE_STRINGS[k % HOSTILE_STRINGS.length]}`;
          k += 1;
          injected += 1;
        }
      }
    }
    writeFileSync(path.join(dataDir, file), JSON.stringify(records, null, 2));
  }
  cleanDir = mkdtempSync(path.join(os.tmpdir(), 'hostile-clean-'));
  hostileDir = mkdtempSync(path.join(os.tmpdir(), 'hostile-build-'));
  for (const [dir, options] of [[cleanDir, {}], [hostileDir, { dataDir }]] as const) {
    const result = runBuild(dir, options);
    if (result.status !== 0) throw new Error(`build failed:\n${result.output.split('\n').slice(-30).join('\n')}`);
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [cleanDir, hostileDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('hostile strings in every text field', () => {
  test('every kind was injected into the data', () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(20);
    expect(injected).toBeGreaterThan(HOSTILE_STRINGS.length * 5);
  });

  test('built pages gain no elements, handlers or script URLs against the clean build', () => {
    const pages = htmlPages(cleanDir);
    expect(htmlPages(hostileDir)).toEqual(pages);
    for (const page of pages) {
      const clean = fingerprint(readFileSync(path.join(cleanDir, page), 'utf8'));
      const hostile = fingerprint(readFileSync(path.join(hostileDir, page), 'utf8'));
      const { elements: cleanElements, ...cleanRest } = clean;
      const { elements: hostileElements, ...hostileRest } = hostile;
      expect(hostileRest, page).toEqual(cleanRest);
      expect(hostileElements, `${page}: element count`).toBe(cleanElements);
    }
  });

  test('the hostile text is printed literally', () => {
    const sources = readFileSync(path.join(hostileDir, 'sources/index.html'), 'utf8');
    expect(sources).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    expect(load(sources)('body').text()).toContain('"><svg onload=alert(1)>');
  });

  test('tooltips show the literal text, with no dialog and no CSP violation', async () => {
    server = await startStaticServer({ root: hostileDir, base: '/' });
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems: string[] = [];
    page.on('dialog', (dialog) => {
      problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('console', (message) => {
      if (message.type() === 'error' || /Content Security Policy/i.test(message.text())) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(server.url);
    const italy = page.locator('figure#world-map path[data-iso3="ITA"]');
    await italy.focus();
    const tooltip = page.locator('figure#world-map [data-map-tooltip]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = (await tooltip.textContent()) ?? '';
    // Italy's country name and note carry injected strings: they must read as text, not become markup.
    expect(text).toMatch(/<|javascript:|\{\{|`/);
    expect(await tooltip.locator('script, img, svg, iframe, object, embed, style').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}how-countries-responded/`);
    await page.locator('[data-filter="country"]').selectOption({ index: 1 });
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
  });
});
