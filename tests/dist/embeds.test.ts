// Static checks on the built embed surface (embed pages, oEmbed JSON, chart PNGs, host script, previewer) for metadata, links that leave the frame, size budgets, iframe-safe CSS and no placeholder domain.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load, type CheerioAPI } from 'cheerio';
import { DIST, expectBuilt } from '../helpers/dist.ts';
import { readPng } from '../helpers/png.ts';

/** Budgets from the embed brief: an embed page is loaded by every reader of a host article, the host script too. */
const EMBED_PAGE_GZIP_BUDGET = 25 * 1024;
/**
 * The map and timeline embeds list every country and event, so their size grows with data/: an editor adding events
 * must never fail the suite. Their budget is 25 KB or a fixed allowance per listed record, whichever is larger;
 * `npm run bench` reports each embed against the plain 25 KB target.
 */
const PER_RECORD_GZIP_ALLOWANCE: Record<string, { file: string; bytes: number }> = {
  timeline: { file: 'events.json', bytes: 300 },
  map: { file: 'country_counts.json', bytes: 600 },
};
function embedBudget(chart: string): number {
  const allowance = PER_RECORD_GZIP_ALLOWANCE[chart];
  if (!allowance) return EMBED_PAGE_GZIP_BUDGET;
  const records = (JSON.parse(readFileSync(path.join(process.cwd(), 'data', allowance.file), 'utf8')) as unknown[]).length;
  return Math.max(EMBED_PAGE_GZIP_BUDGET, allowance.bytes * records);
}
const EMBED_JS_GZIP_BUDGET = 5 * 1024;
const HOST_SCRIPT_GZIP_BUDGET = 1024;

const built = expectBuilt();
/** Every embed in the build (one folder per registered chart), so a fourth chart is checked without editing this file. */
const CHARTS: string[] = built
  ? readdirSync(path.join(DIST, 'embed')).filter((name) => existsSync(path.join(DIST, 'embed', name, 'index.html'))).sort()
  : [];

test('the build has the three charts registered today (and whatever is added)', () => {
  expect(CHARTS).toEqual(expect.arrayContaining(['figures', 'map', 'timeline']));
});

const gzipSize = (buffer: Buffer): number => gzipSync(buffer, { level: 9 }).length;

function embedPage(chart: string): { html: string; $: CheerioAPI } {
  const html = readFileSync(path.join(DIST, 'embed', chart, 'index.html'), 'utf8');
  return { html, $: load(html) };
}

function isAbsoluteHttpUrl(value: string | undefined): boolean {
  if (!value) return false;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

describe.each(CHARTS.map((chart) => ({ chart })))('embed/$chart/', ({ chart }) => {
  test('head: noindex, canonical, absolute og:image of its PNG, oEmbed discovery link', () => {
    const { $ } = embedPage(chart);
    expect($('meta[name="robots"]').attr('content') ?? '').toMatch(/\bnoindex\b/);

    const canonical = $('link[rel="canonical"]');
    expect(canonical.length, 'canonical links').toBe(1);
    expect(isAbsoluteHttpUrl(canonical.attr('href')), `canonical ${canonical.attr('href')}`).toBe(true);
    expect(new URL(canonical.attr('href')!).pathname).toMatch(new RegExp(`/embed/${chart}/$`));

    const ogImage = $('meta[property="og:image"]').attr('content');
    expect(isAbsoluteHttpUrl(ogImage), `og:image ${ogImage} must be absolute`).toBe(true);
    expect(new URL(ogImage!).pathname).toMatch(new RegExp(`/images/${chart}\\.png$`));

    const oembed = $('link[rel="alternate"][type="application/json+oembed"]');
    expect(oembed.length, 'oEmbed links').toBe(1);
    expect(isAbsoluteHttpUrl(oembed.attr('href')), `oEmbed href ${oembed.attr('href')}`).toBe(true);
    expect(new URL(oembed.attr('href')!).pathname).toMatch(new RegExp(`/embed/${chart}/oembed\\.json$`));
    expect(oembed.attr('title') ?? '').not.toBe('');
  });

  test('body: exactly one h1, the embed root and credit link, no site chrome', () => {
    const { $ } = embedPage(chart);
    expect($('h1').length, 'h1 count').toBe(1);
    expect($('h1').text().trim()).not.toBe('');
    expect($('[data-embed-root]').length).toBe(1);
    const credit = $('.embed__credit a');
    expect(credit.attr('target')).toBe('_top');
    expect(isAbsoluteHttpUrl(credit.attr('href')), `credit link ${credit.attr('href')}`).toBe(true);
    expect($('.embed__credit time[datetime]').length).toBe(1);
    // The skip link stays (keyboard users inside the frame can still jump to the chart); header, footer and nav go.
    for (const selector of ['.site-header', '.site-footer', 'header.site-header', 'nav.site-nav']) {
      expect($(selector).length, `${selector} must not be in an embed page`).toBe(0);
    }
  });

  test('oembed.json: version 1.0, rich, html with a titled iframe of this embed', () => {
    const json = JSON.parse(readFileSync(path.join(DIST, 'embed', chart, 'oembed.json'), 'utf8')) as Record<string, unknown>;
    expect(json['version']).toBe('1.0');
    expect(json['type']).toBe('rich');
    expect(typeof json['title']).toBe('string');
    expect(typeof json['html']).toBe('string');
    const $ = load(json['html'] as string);
    const iframe = $('iframe');
    expect(iframe.length, 'iframes in oEmbed html').toBe(1);
    expect(iframe.attr('title'), 'iframe title').toBe(json['title']);
    expect(new URL(iframe.attr('src')!).pathname).toMatch(new RegExp(`/embed/${chart}/$`));
    expect(isAbsoluteHttpUrl(json['thumbnail_url'] as string)).toBe(true);
    expect(json['thumbnail_width']).toBe(1200);
  });

  test(`images/${chart}.png decodes: 1200 wide, taller than 300`, () => {
    const png = readPng(readFileSync(path.join(DIST, 'images', `${chart}.png`)));
    console.log(`images/${chart}.png: ${png.width}×${png.height}, bit depth ${png.bitDepth}, colour type ${png.colourType}`);
    expect(png.width).toBe(1200);
    expect(png.height).toBeGreaterThan(300);
    // The pixel stream must be complete; only the non-interlaced layout is checked byte for byte.
    if (png.interlace === 0) expect(png.inflated, 'inflated IDAT bytes').toBe(png.expectedInflated);
  });

  test(`HTML stays within its gzip budget (25 KB, or a per-record allowance for charts that list every record)`, () => {
    const { html } = embedPage(chart);
    const size = gzipSize(Buffer.from(html));
    const budget = embedBudget(chart);
    console.log(`embed/${chart}/index.html: ${Buffer.byteLength(html)} B raw, ${size} B gzip -9 (budget ${budget} B)`);
    expect(size).toBeLessThanOrEqual(budget);
  });
  test('every link leaves the frame: target="_top" (or a new tab), except in-page #fragment links', () => {
    const { $ } = embedPage(chart);
    const links = $('a[href]').toArray();
    const framed = links
      .filter((element) => !($(element).attr('href') ?? '').startsWith('#'))
      .filter((element) => !['_top', '_blank'].includes($(element).attr('target') ?? ''))
      .map((element) => `<a href="${$(element).attr('href')}"> ${$(element).text().trim().slice(0, 40)}`);
    console.log(`embed/${chart}/: ${links.length} links, ${framed.length} that would navigate the frame`);
    expect(links.length).toBeGreaterThan(0);
    expect(framed, framed.slice(0, 10).join('\n')).toEqual([]);
    // No <base target> either: every link says where it goes.
    expect($('base').length).toBe(0);
  });

  test('served light: html[data-theme="light"] before any script runs', () => {
    const { $ } = embedPage(chart);
    expect($('html').attr('data-theme')).toBe('light');
  });

  test(`JavaScript is at most ${EMBED_JS_GZIP_BUDGET} bytes gzipped`, () => {
    const { $ } = embedPage(chart);
    const seen = new Set<string>();
    const files: Buffer[] = [];
    /** A module and everything it imports statically (Vite's chunks import each other by relative path). */
    const addModule = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const code = readFileSync(file);
      files.push(code);
      for (const match of code.toString('utf8').matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) addModule(path.resolve(path.dirname(file), match[1]!));
    };
    const inline: string[] = [];
    $('script').each((_index, element) => {
      const src = $(element).attr('src');
      if (src) addModule(path.join(DIST, new URL(src, 'http://x/').pathname.replace(/^\/(?:[^/]+\/)*?_astro\//, '_astro/')));
      else inline.push($(element).text());
    });
    const size = gzipSize(Buffer.concat([...files, Buffer.from(inline.join('\n'))]));
    console.log(`embed/${chart}/: ${seen.size} script file(s) + ${inline.length} inline, ${size} B gzip -9 (budget ${EMBED_JS_GZIP_BUDGET} B)`);
    expect(size).toBeLessThanOrEqual(EMBED_JS_GZIP_BUDGET);
  });

  test('oEmbed and the "Embed this chart" code agree: light theme, one frame height that may scroll', () => {
    const json = JSON.parse(readFileSync(path.join(DIST, 'embed', chart, 'oembed.json'), 'utf8')) as { html: string; height: number };
    const iframe = load(json.html)('iframe');
    expect(new URL(iframe.attr('src')!).searchParams.get('theme')).toBe('light');
    expect(iframe.attr('scrolling')).toBeUndefined();
    expect(Number(iframe.attr('height'))).toBe(json.height);
    // Tall enough for a phone column (tests/browser/embeds.test.ts measures the content at 320 px against it).
    expect(json.height).toBeGreaterThanOrEqual(700);
  });
});

/** Every file in the build, as paths relative to it. */
function builtFiles(): string[] {
  return built ? readdirSync(DIST, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.relative(DIST, path.join(entry.parentPath, entry.name))) : [];
}

test('no placeholder domain anywhere in the build (a default build uses the local address)', () => {
  const files = builtFiles();
  const offending = files.filter((file) => readFileSync(path.join(DIST, file)).includes('example.org'));
  console.log(`${files.length} built files searched for example.org: ${offending.length} found`);
  expect(files.length).toBeGreaterThan(20);
  expect(offending).toEqual([]);
});

test('"Embed this chart" offers the light theme first, and pages offer oEmbed discovery for the charts they place', () => {
  const pages = builtFiles().filter((file) => file.endsWith('.html') && !file.startsWith(`embed${path.sep}`));
  let snippets = 0;
  for (const file of pages) {
    const $ = load(readFileSync(path.join(DIST, file), 'utf8'));
    const offered = new Set($('link[rel="alternate"][type="application/json+oembed"]').toArray().map((element) => $(element).attr('href') ?? ''));
    $('[data-embed-this]').each((_index, element) => {
      snippets += 1;
      const code = $(element).find('textarea[data-embed-code]').text();
      expect(code, file).toMatch(/[?;]theme=light"/);
      expect($(element).find('input[data-embed-theme]:checked').attr('value'), file).toBe('light');
      // A chart id ("map") or a per-country key ("country/ireland"): whatever sits between /embed/ and the query.
      const chart = /\/embed\/([a-z0-9/-]+?)\/\?/.exec(code)?.[1];
      expect([...offered].some((href) => href.endsWith(`/embed/${chart}/oembed.json`)), `${file} places ${chart} but offers no oEmbed link for it`).toBe(true);
    });
  }
  expect(snippets).toBeGreaterThanOrEqual(CHARTS.length);
});

test('the embed previewer is built, noindex, and linked from no other page', () => {
  const previewer = path.join('embed-preview', 'index.html');
  expect(existsSync(path.join(DIST, previewer))).toBe(true);
  const $ = load(readFileSync(path.join(DIST, previewer), 'utf8'));
  expect($('meta[name="robots"]').attr('content') ?? '').toMatch(/\bnoindex\b/);
  expect($('iframe[data-opsi-embed]').length).toBe(CHARTS.length * 2 * 5);
  // No link to it on any page, and no mention in any sitemap, robots or feed file.
  const linking = builtFiles()
    .filter((file) => file !== previewer && /\.(html|xml|txt)$/.test(file))
    .filter((file) =>
      file.endsWith('.html')
        ? load(readFileSync(path.join(DIST, file), 'utf8'))('[href*="embed-preview"]').length > 0
        : readFileSync(path.join(DIST, file), 'utf8').includes('embed-preview'),
    );
  expect(linking).toEqual([]);
});

test(`embed.js (host script) is at most ${HOST_SCRIPT_GZIP_BUDGET} bytes gzipped`, () => {
  const script = readFileSync(path.join(DIST, 'embed.js'));
  const size = gzipSize(script);
  console.log(`embed.js: ${script.length} B raw, ${size} B gzip -9 (budget ${HOST_SCRIPT_GZIP_BUDGET} B)`);
  expect(size).toBeLessThanOrEqual(HOST_SCRIPT_GZIP_BUDGET);
});

/** Every innermost `selector { declarations }` block of a stylesheet (at-rule wrappers are skipped, their contents kept). */
function cssRules(css: string): { selector: string; declarations: string }[] {
  const clean = css.replace(/\/\*[\s\S]*?\*\//g, '');
  return [...clean.matchAll(/([^{}]+)\{([^{}]*)\}/g)].map((match) => ({ selector: match[1]!.trim(), declarations: match[2]! }));
}

/** True when a selector list styles the root or body element (incl. the embed body class), not some descendant. */
function targetsRootOrBody(selectorList: string): boolean {
  return selectorList.split(',').some((selector) => {
    const subject = selector.trim().split(/\s*[\s>+~]\s*/).at(-1) ?? '';
    return /^(html|body|:root)(?![\w-])/i.test(subject) || /^\.is-embedded(?![\w-])/.test(subject);
  });
}

test('no viewport-height or 100% height on html/body in the built CSS (an iframe would size itself to its frame)', () => {
  const sources: { name: string; css: string }[] = [];
  const astroDir = path.join(DIST, '_astro');
  for (const file of readdirSync(astroDir).filter((name) => name.endsWith('.css'))) {
    sources.push({ name: `_astro/${file}`, css: readFileSync(path.join(astroDir, file), 'utf8') });
  }
  for (const chart of CHARTS) {
    const { $ } = embedPage(chart);
    $('style').each((index, element) => {
      sources.push({ name: `embed/${chart}/index.html <style> #${index + 1}`, css: $(element).text() });
    });
  }
  expect(sources.length, 'CSS sources found').toBeGreaterThan(0);
  const offending: string[] = [];
  for (const { name, css } of sources) {
    for (const rule of cssRules(css)) {
      if (!targetsRootOrBody(rule.selector)) continue;
      const bad = /(?:^|[;\s])((?:min-|max-)?height\s*:\s*(?:100(?:%|[dsl]?vh)|calc\([^)]*[dsl]?vh[^)]*\)))/i.exec(rule.declarations);
      if (bad) offending.push(`${name}: ${rule.selector} { ${bad[1]} }`);
    }
  }
  console.log(`CSS checked: ${sources.map((s) => s.name).join(', ')}`);
  expect(offending, offending.join('\n')).toEqual([]);
});
