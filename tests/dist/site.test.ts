// Static assertions on the built site in dist/: structure, citations, downloads, CSP and markup hygiene.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { CheerioAPI } from 'cheerio';
import { csvParse, csvParseRows } from 'd3-dsv';
import { DIST, expectBuilt, builtPage } from '../helpers/dist.ts';
import { DOWNLOADS as SITE_DOWNLOADS } from '../../src/lib/downloads.ts';

const ROOT = process.cwd();
// The data the build read: data/ unless the build was made with DATA_DIR (keep the two in step).
const DATA = path.resolve(ROOT, process.env['DATA_DIR'] ?? 'data');
// The base path the site was built with (Astro `base`), normalised to `/x/`; tests must run with the build's BASE_PATH.
const BASE = `/${(process.env.BASE_PATH ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');

const CHAPTERS = ['what-they-are', 'how-they-operate', 'why-it-matters', 'how-countries-responded'] as const;
/** Every table the site offers for download; the four core tables and figures are required whatever the list says. */
const DOWNLOADS = [...new Set(['stations', 'country_counts', 'events', 'sources', 'figures', ...SITE_DOWNLOADS.map((d) => d.stem)])];

const distBuilt = expectBuilt();

function htmlFiles(): string[] {
  if (!distBuilt) return [];
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

const page = builtPage;

function readDataArray(name: string): unknown[] {
  const parsed: unknown = JSON.parse(readFileSync(path.join(DATA, `${name}.json`), 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`data/${name}.json is not an array`);
  return parsed;
}

/** Short human locator for an element, e.g. `svg > g.legend > text`, for failure messages. */
function describeElement($: CheerioAPI, element: Parameters<CheerioAPI>[0]): string {
  const parts: string[] = [];
  let node = $(element);
  while (node.length > 0 && parts.length < 4) {
    const tag = node.prop('tagName')?.toLowerCase();
    if (!tag) break;
    const id = node.attr('id');
    const cls = (node.attr('class') ?? '').trim().split(/\s+/).filter(Boolean).slice(0, 2).join('.');
    parts.unshift(`${tag}${id ? `#${id}` : ''}${cls ? `.${cls}` : ''}`);
    if (id) break;
    node = node.parent();
  }
  return parts.join(' > ');
}

const pages = htmlFiles();

describe('every HTML page', () => {
  test('the expected pages exist', () => {
    const expected = ['index.html', '404.html', 'data/index.html', 'sources/index.html', ...CHAPTERS.map((slug) => `${slug}/index.html`)];
    expect(pages).toEqual(expect.arrayContaining(expected));
  });

  test.each(pages)('%s: lang, title, skip link and main landmark', (file) => {
    const $ = page(file);
    expect($('html').attr('lang') ?? '', '<html lang> is missing or empty').not.toBe('');
    expect($('head > title').length, 'exactly one <title> in <head>').toBe(1);
    expect($('head > title').text().trim(), '<title> is empty').not.toBe('');
    expect($('a.skip-link[href="#main"]').length, 'skip link <a class="skip-link" href="#main">').toBeGreaterThanOrEqual(1);
    expect($('main#main').length, 'exactly one <main id="main">').toBe(1);
    expect($('[id="main"]').length, 'id="main" must be unique').toBe(1);
  });

  test.each(pages)('%s: exactly one CSP meta tag, without unsafe-inline/unsafe-eval', (file) => {
    const $ = page(file);
    const metas = $('meta[http-equiv="content-security-policy" i]');
    expect(metas.length, 'CSP <meta http-equiv> count').toBe(1);
    const policy = metas.attr('content') ?? '';
    expect(policy, 'CSP content is empty').not.toBe('');
    expect(policy).not.toContain("'unsafe-inline'");
    expect(policy).not.toContain("'unsafe-eval'");
  });

  test.each(pages)('%s: no style="" and no on*="" attributes (CSP would block them)', (file) => {
    const $ = page(file);
    const offenders: string[] = [];
    $('*').each((_, element) => {
      if (element.type !== 'tag' && element.type !== 'script' && element.type !== 'style') return;
      for (const name of Object.keys(element.attribs)) {
        if (name === 'style' || /^on[a-z]/i.test(name)) offenders.push(`${describeElement($, element)} [${name}]`);
      }
    });
    expect(offenders.length, `elements with style/on* attributes:\n${offenders.join('\n')}\n`).toBe(0);
  });

  test.each(pages)('%s: no empty <figure>', (file) => {
    const $ = page(file);
    const empty: string[] = [];
    $('figure').each((_, figure) => {
      if ($(figure).find('svg, img, table, iframe, video, picture').length === 0) empty.push(describeElement($, figure));
    });
    expect(empty.length, `figures with no svg, img, table, iframe or video:\n${empty.join('\n')}\n`).toBe(0);
  });

  test.each(pages)('%s: every same-site link and asset resolves to a built file', (file) => {
    const $ = page(file);
    const broken: string[] = [];
    // The page's own URL, so relative references resolve exactly as a browser would resolve them.
    const pageUrl = new URL(BASE + (file === 'index.html' ? '' : file.replace(/(^|\/)index\.html$/, '$1')), 'http://site.invalid');
    $('a[href], link[href], script[src], img[src], source[src], iframe[src], use[href]').each((_, element) => {
      const raw = element.attribs['href'] ?? element.attribs['src'] ?? '';
      if (raw === '' || raw.startsWith('#') || /^[a-z][a-z0-9+.-]*:/i.test(raw) || raw.startsWith('//')) return;
      const target = new URL(raw, pageUrl);
      if (!target.pathname.startsWith(BASE)) {
        broken.push(`${raw} is outside the base path ${BASE}`);
        return;
      }
      const relative = decodeURIComponent(target.pathname.slice(BASE.length));
      const onDisk = path.join(DIST, relative.endsWith('/') || relative === '' ? `${relative}index.html` : relative);
      if (!existsSync(onDisk)) broken.push(`${describeElement($, element)} → ${raw} (no ${path.relative(ROOT, onDisk)})`);
      else if (!statSync(onDisk).isFile()) broken.push(`${raw} is a directory; trailingSlash 'always' needs ${raw}/`);
    });
    expect(broken.length, `broken same-site references:\n${broken.join('\n')}\n`).toBe(0);
  });

  test.each(pages.filter((file) => file.startsWith('embed/')))('%s: embeds are noindex', (file) => {
    const $ = page(file);
    expect($('meta[name="robots"]').attr('content') ?? '').toMatch(/noindex/);
  });
});

describe('chapter pages', () => {
  const sourcesFile = 'sources/index.html';
  const sourceIds = (): Set<string> => {
    const ids = new Set<string>();
    page(sourcesFile)('[id^="src-"]').each((_, element) => {
      ids.add(element.attribs['id'] ?? '');
    });
    return ids;
  };

  test.each(CHAPTERS)('%s: article.chapter with exactly one h1, and no h1 outside it', (slug) => {
    const $ = page(`${slug}/index.html`);
    const article = $(`article.chapter[data-chapter="${slug}"]`);
    expect(article.length, `article.chapter[data-chapter="${slug}"]`).toBe(1);
    expect(article.find('h1').length, 'h1 inside the article').toBe(1);
    expect(article.find('h1').text().trim()).not.toBe('');
    expect($('h1').length, 'h1 elements on the whole page').toBe(1);
  });

  test.each(CHAPTERS)('%s: every citation resolves to a note that links to an existing source', (slug) => {
    const $ = page(`${slug}/index.html`);
    const known = sourceIds();
    const problems: string[] = [];

    const cites = $('sup.cite a');
    expect(cites.length, 'a sourced chapter should cite something').toBeGreaterThan(0);
    cites.each((_, anchor) => {
      const href = anchor.attribs['href'] ?? '';
      const match = /^#(note-\d+)$/.exec(href);
      if (!match) {
        problems.push(`citation "${$(anchor).text()}" has href "${href}", expected #note-N`);
        return;
      }
      const note = $(`ol.notes > li[id="${match[1]}"]`);
      if (note.length !== 1) problems.push(`citation ${href} has no matching ol.notes > li#${match[1]}`);
    });

    const notes = $('ol.notes > li[id^="note-"]');
    expect(notes.length, 'ol.notes > li#note-N').toBeGreaterThan(0);
    notes.each((_, li) => {
      const noteId = li.attribs['id'];
      const links = $(li)
        .find('a[href]')
        .toArray()
        .map((a) => /(?:^|\/)sources\/#src-(.+)$/.exec(a.attribs['href'] ?? ''))
        .filter((m): m is RegExpExecArray => m !== null);
      if (links.length === 0) problems.push(`${noteId} has no link to /sources/#src-<id>`);
      for (const link of links) {
        const id = decodeURIComponent(link[1] ?? '');
        if (!known.has(`src-${id}`)) problems.push(`${noteId} links to src-${id}, which is not an id in ${sourcesFile}`);
      }
    });

    // The notes list must close the chapter: readers expect it after the text, not mid-article.
    const article = $(`article.chapter[data-chapter="${slug}"]`);
    expect(article.find('ol.notes').length, 'ol.notes inside the article').toBe(1);

    expect(problems.length, `${problems.join('\n')}\n`).toBe(0);
  });

  test('sources page has an element with id src-<id> for every source in data/sources.json', () => {
    const known = sourceIds();
    const missing = readDataArray('sources')
      .map((source) => (source as { id: string }).id)
      .filter((id) => !known.has(`src-${id}`));
    expect(missing, `sources without #src-<id> on the sources page: ${missing.join(', ')}`).toEqual([]);
  });

  test('ids on the sources page are unique', () => {
    const $ = page(sourcesFile);
    const seen = new Map<string, number>();
    $('[id]').each((_, element) => {
      const id = element.attribs['id'] ?? '';
      seen.set(id, (seen.get(id) ?? 0) + 1);
    });
    const duplicates = [...seen].filter(([, count]) => count > 1).map(([id]) => id);
    expect(duplicates).toEqual([]);
  });
});

describe('downloads', () => {
  test.each(DOWNLOADS.map((name) => ({ name })))('$name.json and $name.csv parse and hold as many records as data/$name.json', ({ name }) => {
    const expected = readDataArray(name).length;
    const jsonFile = path.join(DIST, 'downloads', `${name}.json`);
    const csvFile = path.join(DIST, 'downloads', `${name}.csv`);
    expect(existsSync(jsonFile), `dist/downloads/${name}.json`).toBe(true);
    expect(existsSync(csvFile), `dist/downloads/${name}.csv`).toBe(true);

    const json: unknown = JSON.parse(readFileSync(jsonFile, 'utf8'));
    expect(Array.isArray(json), `${name}.json is a JSON array`).toBe(true);
    expect((json as unknown[]).length).toBe(expected);

    // Excel on Windows needs the UTF-8 BOM to read accents; parsers here must then skip it.
    const text = readFileSync(csvFile, 'utf8');
    expect(text.startsWith('\uFEFF'), `${name}.csv starts with a UTF-8 BOM`).toBe(true);
    const csv = text.slice(1);
    const rows = csvParse(csv);
    expect(rows.length).toBe(expected);
    expect(rows.columns.length).toBeGreaterThan(1);
    // csvParse gives every row object all the header's keys, so count the cells of the raw rows instead.
    const [header = [], ...body] = csvParseRows(csv);
    const ragged = body.map((row, i) => ({ line: i + 2, cells: row.length })).filter((row) => row.cells !== header.length);
    expect(ragged, `${name}.csv rows with a wrong column count (header has ${header.length})`).toEqual([]);
  });

  test('the data page links to every download', () => {
    const $ = page('data/index.html');
    const hrefs = $('a[href]')
      .toArray()
      .map((a) => a.attribs['href'] ?? '');
    const missing = DOWNLOADS.flatMap((name) => [`${name}.csv`, `${name}.json`]).filter(
      (file) => !hrefs.some((href) => href.endsWith(`/downloads/${file}`)),
    );
    expect(missing, `downloads not linked from /data/: ${missing.join(', ')}`).toEqual([]);
  });
});

describe('editor-only notes', () => {
  /** Every editor_note in data/*.json, with where it came from. */
  const notes = readdirSync(DATA)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) =>
      (JSON.parse(readFileSync(path.join(DATA, file), 'utf8')) as Record<string, unknown>[])
        .filter((record) => typeof record['editor_note'] === 'string' && (record['editor_note'] as string).trim() !== '')
        .map((record) => ({ where: `data/${file} ${String(record['id'])}`, note: (record['editor_note'] as string).trim() })),
    );

  /** The forms a note would take in HTML, JSON or CSV output. */
  function encodings(text: string): string[] {
    const html = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    return [...new Set([text, html, html.replace(/"/g, '&quot;').replace(/'/g, '&#39;'), html.replace(/"/g, '&#34;'), JSON.stringify(text).slice(1, -1), text.replace(/"/g, '""')])];
  }

  const textFiles = (): string[] =>
    readdirSync(DIST, { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.(html|json|csv|js|xml|txt|svg)$/.test(file))
      .map((file) => file.split(path.sep).join('/'));

  test('no editor_note text and no editor_note field anywhere in the build', () => {
    const leaks: string[] = [];
    for (const file of textFiles()) {
      const text = readFileSync(path.join(DIST, file), 'utf8');
      if (text.includes('editor_note')) leaks.push(`${file}: the field name editor_note`);
      for (const { where, note } of notes) {
        if (encodings(note).some((form) => text.includes(form))) leaks.push(`${file}: the editor_note of ${where}`);
      }
    }
    expect(leaks).toEqual([]);
  });
});
