// Builds the site from a copy of data/ with every kind of hostile string in every free-text field (whatever the number of records) and checks they stay inert text: no extra elements or handlers anywhere, literal text in tooltips, no CSP violations or dialogs.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import type { Browser } from 'playwright-core';
import { runBuild } from '../helpers/build.ts';
import { loadDataset } from '../../src/lib/dataset/load.ts';
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

/**
 * Free-text fields per file. Ids, enums, dates, codes and URLs are validated and would reject hostile text, and so
 * are country names, which must be a known name for the row's ISO code (see the last test).
 */
const TEXT_FIELDS: Record<string, string[]> = {
  'sources.json': ['title', 'publisher'],
  'stations.json': ['city', 'note'],
  'country_counts.json': ['note'],
  'events.json': ['title', 'summary', 'note'],
  'figures.json': ['label', 'note'],
  'disagreements.json': ['topic', 'our_reading', 'positions.claim'],
  'corrections.json': ['what', 'why'],
};

type DataRecord = Record<string, unknown>;

/**
 * Appends hostile strings to every free-text field of a copy of data/, so that EVERY kind lands in EVERY field of
 * every file whatever the number of records: a field with R slots takes ceil(N / R) kinds per slot. Fields start
 * their cycle at different offsets, so one record's fields carry different kinds.
 * Returns, per `file field`, the set of kinds that landed, for the coverage test.
 */
export function injectHostileStrings(files: Record<string, DataRecord[]>): Map<string, Set<number>> {
  const landed = new Map<string, Set<number>>();
  let offset = 0;
  for (const [file, fields] of Object.entries(TEXT_FIELDS)) {
    const records = files[file] ?? [];
    for (const field of fields) {
      offset += 7; // coprime with 24: the fields of one record get different kinds
      // Each slot is one string value: a record's field, or one position's claim in a disagreement.
      const slots: { target: DataRecord; name: string }[] = [];
      for (const record of records) {
        if (field === 'positions.claim') {
          for (const position of (record['positions'] as DataRecord[] | undefined) ?? []) {
            if (typeof position['claim'] === 'string') slots.push({ target: position, name: 'claim' });
          }
        } else if (typeof record[field] === 'string') {
          slots.push({ target: record, name: field });
        }
      }
      const perSlot = Math.ceil(HOSTILE_STRINGS.length / Math.max(slots.length, 1));
      const kinds = new Set<number>();
      slots.forEach(({ target, name }, i) => {
        const mine = Array.from({ length: perSlot }, (_, j) => (i * perSlot + j + offset) % HOSTILE_STRINGS.length);
        target[name] = `${target[name] as string} ${mine.map((kind) => HOSTILE_STRINGS[kind]).join(' ')}`;
        for (const kind of mine) kinds.add(kind);
      });
      if (slots.length > 0) landed.set(`${file} ${field}`, kinds);
    }
  }
  return landed;
}

/**
 * The French and Chinese pages print the translations, not the English: each translated field gets the same hostile
 * suffix its English got, and records the new English as its source (so no stale notice changes the page's shape).
 */
function carryIntoTranslations(before: Record<string, DataRecord[]>, after: Record<string, DataRecord[]>, dir: string): void {
  const valueAt = (record: DataRecord | undefined, fieldPath: string): unknown =>
    fieldPath.split('.').reduce<unknown>((value, part) => (value as Record<string, unknown> | undefined)?.[part], record);
  for (const lang of readdirSync(path.join(dir, 'i18n'))) {
    for (const file of readdirSync(path.join(dir, 'i18n', lang))) {
      const overlayPath = path.join(dir, 'i18n', lang, file);
      const overlay = JSON.parse(readFileSync(overlayPath, 'utf8')) as Record<string, { fields: Record<string, { text: string; from: string }> }>;
      for (const [id, entry] of Object.entries(overlay)) {
        const old = (before[file] ?? []).find((r) => r['id'] === id);
        const now = (after[file] ?? []).find((r) => r['id'] === id);
        for (const [fieldPath, field] of Object.entries(entry.fields)) {
          const [was, is] = [valueAt(old, fieldPath), valueAt(now, fieldPath)];
          if (typeof was !== 'string' || typeof is !== 'string' || !is.startsWith(was)) continue;
          field.text += is.slice(was.length);
          field.from = is;
        }
      }
      writeFileSync(overlayPath, JSON.stringify(overlay, null, 2));
    }
  }
}

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
  // SVG labels are left out: locator maps drop a city label that would overlap another, and a 10,000-character
  // hostile city name overlaps more. Markup that hostile text could inject is counted by the selectors above.
  counts['elements'] = $('*').not('svg text, svg tspan, svg text *').length;
  return counts;
}

/**
 * Pairs each clean page with its hostile twin: by path, and where a path is derived from hostile text (a page per
 * country, say), by sorted order within the same folder. Returns the pages left without a twin.
 */
function pairPages(clean: string[], hostile: string[]): { pairs: [string, string][]; unpaired: string[] } {
  const hostileSet = new Set(hostile);
  const cleanSet = new Set(clean);
  const pairs: [string, string][] = clean.filter((page) => hostileSet.has(page)).map((page) => [page, page]);
  const byFolder = (pages: string[]): Map<string, string[]> => {
    const folders = new Map<string, string[]>();
    for (const page of pages) {
      // countries/<slug>/index.html → countries/
      const folder = page.split('/').slice(0, -2).join('/');
      folders.set(folder, [...(folders.get(folder) ?? []), page].sort());
    }
    return folders;
  };
  const cleanOnly = byFolder(clean.filter((page) => !hostileSet.has(page)));
  const hostileOnly = byFolder(hostile.filter((page) => !cleanSet.has(page)));
  const unpaired: string[] = [];
  for (const folder of new Set([...cleanOnly.keys(), ...hostileOnly.keys()])) {
    const a = cleanOnly.get(folder) ?? [];
    const b = hostileOnly.get(folder) ?? [];
    if (a.length !== b.length) unpaired.push(...a.map((page) => `clean: ${page}`), ...b.map((page) => `hostile: ${page.slice(0, 120)}`));
    else a.forEach((page, i) => pairs.push([page, b[i]!]));
  }
  return { pairs, unpaired };
}

function htmlPages(dir: string): string[] {
  return (readdirSync(dir, { recursive: true, encoding: 'utf8' }) as string[]).filter((f) => f.endsWith('.html')).sort();
}

let cleanDir = '';
let hostileDir = '';
let dataDir = '';
let server: StaticServer | undefined;
let browser: Browser | undefined;

let landed = new Map<string, Set<number>>();
const hostileData: Record<string, DataRecord[]> = {};

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'hostile-data-'));
  cpSync('data', dataDir, { recursive: true });
  for (const file of Object.keys(TEXT_FIELDS)) {
    hostileData[file] = JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as DataRecord[];
  }
  const before = structuredClone(hostileData);
  landed = injectHostileStrings(hostileData);
  for (const [file, records] of Object.entries(hostileData)) writeFileSync(path.join(dataDir, file), JSON.stringify(records, null, 2));
  carryIntoTranslations(before, hostileData, dataDir);
  cleanDir = mkdtempSync(path.join(os.tmpdir(), 'hostile-clean-'));
  hostileDir = mkdtempSync(path.join(os.tmpdir(), 'hostile-build-'));
  for (const [dir, options] of [[cleanDir, {}], [hostileDir, { dataDir }]] as const) {
    const result = runBuild(dir, options);
    if (result.status !== 0) throw new Error(`${options.dataDir ? 'hostile' : 'clean'} build failed:\n${result.output.split('\n').slice(-30).join('\n')}`);
  }
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  for (const dir of [cleanDir, hostileDir, dataDir]) if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('hostile strings in every text field', () => {
  test('every kind was injected into every text field of every file that has records', () => {
    expect(HOSTILE_STRINGS.length).toBeGreaterThanOrEqual(20);
    const missing: string[] = [];
    const keys = Object.entries(TEXT_FIELDS).flatMap(([file, fields]) => fields.map((field) => `${file} ${field}`));
    for (const key of keys) {
      const kinds = landed.get(key);
      // A field that is null or absent in every record (or an empty file) has nothing to carry the strings.
      if (!kinds) continue;
      const absent = HOSTILE_STRINGS.map((_, kind) => kind).filter((kind) => !kinds.has(kind));
      if (absent.length > 0) missing.push(`${key}: kinds ${absent.join(', ')}`);
    }
    expect(missing).toEqual([]);
    // The fields every dataset has, so the coverage above cannot pass by injecting nothing.
    for (const key of ['sources.json title', 'stations.json city', 'country_counts.json note', 'events.json title']) {
      expect(landed.get(key)?.size, key).toBe(HOSTILE_STRINGS.length);
    }
  });

  test('built pages gain no elements, handlers or script URLs against the clean build', () => {
    const pairs = pairPages(htmlPages(cleanDir), htmlPages(hostileDir));
    expect(pairs.unpaired, 'pages only one of the two builds has').toEqual([]);
    for (const [cleanPage, hostilePage] of pairs.pairs) {
      const clean = fingerprint(readFileSync(path.join(cleanDir, cleanPage), 'utf8'));
      const hostile = fingerprint(readFileSync(path.join(hostileDir, hostilePage), 'utf8'));
      const { elements: cleanElements, ...cleanRest } = clean;
      const { elements: hostileElements, ...hostileRest } = hostile;
      expect(hostileRest, hostilePage).toEqual(cleanRest);
      expect(hostileElements, `${hostilePage}: element count`).toBe(cleanElements);
    }
  });

  test('the hostile text is printed literally: every kind, as text, on the sources page', () => {
    const sources = readFileSync(path.join(hostileDir, 'sources/index.html'), 'utf8');
    expect(sources).toContain('&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;');
    // Every kind landed in some source's title (see the coverage test), and the page lists every title.
    const text = load(sources)('body').text();
    const absent = HOSTILE_STRINGS.filter((hostile) => !text.includes(hostile)).map((hostile) => JSON.stringify(hostile.slice(0, 40)));
    expect(absent).toEqual([]);
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
    // A country whose tooltip carries markup-like text (a station's city there), computed from the injected data.
    const markupLike = /<|javascript:|\{\{|`/;
    const cities = (iso3: unknown): string[] =>
      (hostileData['stations.json'] ?? []).filter((station) => station['iso3'] === iso3).map((station) => String(station['city'] ?? ''));
    const target = (hostileData['country_counts.json'] ?? []).find((row) => cities(row['iso3']).some((city) => markupLike.test(city)));
    expect(target, 'a country has a station whose city carries markup-like text').toBeDefined();
    // The world view's shape (the Europe panel draws some countries again, not focusable).
    const country = page.locator(`figure#world-map svg[data-map-svg] path[data-iso3="${String(target!['iso3'])}"]`);
    await country.focus();
    const tooltip = page.locator('figure#world-map [data-map-tooltip]');
    await expect.poll(() => tooltip.isVisible()).toBe(true);
    const text = (await tooltip.textContent()) ?? '';
    // The country's cities carry injected strings: they must read as text, not become markup.
    expect(text).toMatch(markupLike);
    expect(await tooltip.locator('script, img, svg, iframe, object, embed, style').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Escape');
    await page.goto(`${server.url}how-countries-responded/`);
    // The event log's country filter lists every country name from the (hostile) data.
    await page.locator('#event-log select[name="country"]').selectOption({ index: 1 });
    await page.waitForTimeout(300);
    expect(problems).toEqual([]);
  });

  test('a hostile country name never reaches a build: the data check rejects it (so country is not in TEXT_FIELDS)', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'hostile-country-'));
    try {
      cpSync('data', dir, { recursive: true });
      const file = path.join(dir, 'country_counts.json');
      const rows = JSON.parse(readFileSync(file, 'utf8')) as DataRecord[];
      rows[0]!['country'] = `${String(rows[0]!['country'])} "><svg onload=alert(1)>`;
      writeFileSync(file, JSON.stringify(rows, null, 2));
      // If this stops throwing, country names accept free text again: add 'country' back to TEXT_FIELDS above.
      expect(() => loadDataset(dir)).toThrow(/country/i);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
