// The country card embeds in the build (/embed/country/<slug>/), one per country page, checked against data/*.json
// read directly here: each figure, the byte budget, content readable without script, links that leave the frame, the
// source line, the oEmbed document and the 1200×630 PNG; and every country page's og:image / twitter:image.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { DIST, expectBuilt, builtPage } from '../helpers/dist.ts';
import { readPng } from '../helpers/png.ts';

const DATA = path.resolve(process.cwd(), process.env['DATA_DIR'] ?? 'data');
const CARD_GZIP_BUDGET = 15 * 1024;
const BASE = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const UI = JSON.parse(readFileSync(path.resolve(process.cwd(), 'content/ui/en.json'), 'utf8')) as Record<string, string>;

interface Row {
  id: string;
  iso3: string | null;
  verified: boolean;
}
interface CountRow extends Row {
  first_report: number | null;
  second_report: number | null;
}
interface EventRow extends Row {
  date: string;
  title: string;
}
const read = <T,>(name: string): T[] => JSON.parse(readFileSync(path.join(DATA, `${name}.json`), 'utf8')) as T[];

const built = expectBuilt();
const counts = read<CountRow>('country_counts');
const stations = read<Row>('stations');
const events = read<EventRow>('events');

/** Every country page in the build, with the alpha-3 code its article carries. */
const COUNTRIES: { slug: string; iso3: string }[] = built
  ? readdirSync(path.join(DIST, 'countries'))
      .filter((slug) => existsSync(path.join(DIST, 'countries', slug, 'index.html')))
      .sort()
      .map((slug) => ({ slug, iso3: builtPage(`countries/${slug}/index.html`)('article[data-country]').attr('data-country') ?? '' }))
  : [];

/** A partial date ("2022", "2022-12", "2022-12-07") as a sortable key, a month sorting before its days. */
const dateKey = (date: string) => date.split('-').map((part, i) => part.padStart(i === 0 ? 4 : 2, '0')).concat(['00', '00']).slice(0, 3).join('-');

const card = (slug: string) => builtPage(`embed/country/${slug}/index.html`);

test('every country page has a card, and nothing else is under embed/country/', () => {
  expect(COUNTRIES.length).toBeGreaterThan(10);
  const cards = readdirSync(path.join(DIST, 'embed', 'country')).sort();
  expect(cards).toEqual(COUNTRIES.map((c) => c.slug));
  const sizes = COUNTRIES.map(({ slug }) => gzipSync(readFileSync(path.join(DIST, 'embed', 'country', slug, 'index.html')), { level: 9 }).length).sort((a, b) => a - b);
  console.log(`${cards.length} country cards, gzip -9 min ${sizes[0]} B, median ${sizes[Math.floor(sizes.length / 2)]} B, max ${sizes.at(-1)} B`);
});

describe.each(COUNTRIES)('embed/country/$slug/', ({ slug, iso3 }) => {
  test('each report figure, the verified and unverified stations, the response and the latest event equal data/', () => {
    const $ = card(slug);
    const figure = (name: string) => $(`[data-country-card="${iso3}"] dd[data-figure="${name}"]`);
    const row = counts.find((r) => r.iso3 === iso3);
    if (row) {
      expect(figure('report-110-overseas').attr('data-value')).toBe(row.first_report === null ? '' : String(row.first_report));
      expect(figure('report-patrol-and-persuade').attr('data-value')).toBe(row.second_report === null ? '' : String(row.second_report));
      for (const value of [row.first_report, row.second_report]) if (value !== null) expect($('[data-country-card]').text()).toContain(String(value));
    } else {
      expect($('dd[data-figure^="report-"]').length).toBe(0);
    }
    const own = stations.filter((s) => s.iso3 === iso3);
    const verified = own.filter((s) => s.verified).length;
    const unverified = own.length - verified;
    expect(figure('verified').attr('data-value')).toBe(String(verified));
    expect(figure('verified').text().trim()).toBe(String(verified));
    // Unverified stations are shown apart, never added to the verified count.
    if (unverified > 0) {
      expect(figure('unverified').attr('data-value')).toBe(String(unverified));
      expect(figure('unverified').find('.tier--weak').length).toBe(1);
    } else expect(figure('unverified').length).toBe(0);

    // The response is the country page's own classification (tests/dist/countries.test.ts checks that against data/).
    const page = builtPage(`countries/${slug}/index.html`);
    expect(figure('response').attr('data-value')).toBe(page('dd[data-figure="response"]').attr('data-value'));
    expect(figure('response').text().trim()).toBe(page('dd[data-figure="response"]').text().trim());

    const mine = events.filter((e) => e.iso3 === iso3);
    const pool = mine.some((e) => e.verified) ? mine.filter((e) => e.verified) : mine;
    const latest = [...pool].sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || a.id.localeCompare(b.id)).at(-1);
    if (latest) {
      expect(figure('latest').attr('data-value')).toBe(latest.date);
      expect(figure('latest').find('time').attr('datetime')).toBe(latest.date);
      expect(figure('latest').text()).toContain(latest.title);
    } else {
      expect(figure('latest').attr('data-value')).toBe('');
      expect(figure('latest').text().trim()).toBe(UI['embed.country.noEvent']);
    }
  });

  test(`at most ${CARD_GZIP_BUDGET} B gzipped`, () => {
    const size = gzipSync(readFileSync(path.join(DIST, 'embed', 'country', slug, 'index.html')), { level: 9 }).length;
    expect(size).toBeLessThanOrEqual(CARD_GZIP_BUDGET);
  });

  test('readable without script: the figures are in the HTML, none hidden or waiting for JavaScript', () => {
    const $ = card(slug);
    const lines = $('[data-country-card] dd[data-figure]');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    lines.each((_i, element) => {
      expect($(element).text().trim()).not.toBe('');
      expect($(element).closest('[hidden], .needs-js, noscript, template').length).toBe(0);
    });
    // The card itself has no script of its own; the page's only scripts are the theme and the height reporter.
    expect($('[data-country-card] script').length).toBe(0);
  });

  test('a source line, an updated date and a link back to the country page that leaves the frame', () => {
    const $ = card(slug);
    const credit = $('.embed__credit');
    expect(credit.text()).toContain(UI['embed.source']!.replace('{site}', UI['site.title']!));
    expect(credit.find('time[datetime]').length).toBe(1);
    const back = credit.find('a');
    expect(back.attr('target')).toBe('_top');
    expect(new URL(back.attr('href')!).pathname).toMatch(new RegExp(`/countries/${slug}/$`));
    const framed = $('a[href]')
      .toArray()
      .filter((a) => !($(a).attr('href') ?? '').startsWith('#') && !['_top', '_blank'].includes($(a).attr('target') ?? ''));
    expect(framed.map((a) => $(a).attr('href'))).toEqual([]);
    expect($('h1').length).toBe(1);
    expect($('meta[name="robots"]').attr('content')).toMatch(/noindex/);
    expect($('html').attr('data-theme')).toBe('light');
    expect($('script[type="module"]').length + $('script[src]').length).toBeGreaterThan(0);
  });

  test('oembed.json: version 1.0, rich, a titled iframe of this card, its PNG as the thumbnail', () => {
    const json = JSON.parse(readFileSync(path.join(DIST, 'embed', 'country', slug, 'oembed.json'), 'utf8')) as Record<string, unknown>;
    expect(json['version']).toBe('1.0');
    expect(json['type']).toBe('rich');
    expect(json['title']).toBe(card(slug)('h1').text().trim());
    const iframe = load(json['html'] as string)('iframe');
    expect(iframe.length).toBe(1);
    expect(iframe.attr('title')).toBe(json['title']);
    expect(iframe.attr('data-opsi-embed')).toBeDefined();
    const src = new URL(iframe.attr('src')!);
    expect(src.pathname).toMatch(new RegExp(`/embed/country/${slug}/$`));
    expect(src.searchParams.get('theme')).toBe('light');
    expect(Number(iframe.attr('height'))).toBe(json['height']);
    expect(new URL(json['thumbnail_url'] as string).pathname).toMatch(new RegExp(`/images/country/${slug}\\.png$`));
    expect([json['thumbnail_width'], json['thumbnail_height']]).toEqual([1200, 630]);
    // The card's page offers the same document for discovery.
    const link = card(slug)('link[rel="alternate"][type="application/json+oembed"]').attr('href');
    expect(new URL(link!).pathname).toMatch(new RegExp(`/embed/country/${slug}/oembed\\.json$`));
  });

  test('images/country/<slug>.png is a complete 1200×630 PNG', () => {
    const png = readPng(readFileSync(path.join(DIST, 'images', 'country', `${slug}.png`)));
    expect([png.width, png.height]).toEqual([1200, 630]);
    if (png.interlace === 0) expect(png.inflated).toBe(png.expectedInflated);
  });

  test('the country page: og:image and twitter:image are its PNG, the card is offered and discoverable', () => {
    const $ = builtPage(`countries/${slug}/index.html`);
    const og = $('meta[property="og:image"]').attr('content')!;
    expect(new URL(og).pathname).toMatch(new RegExp(`/images/country/${slug}\\.png$`));
    expect(existsSync(path.join(DIST, 'images', 'country', `${slug}.png`))).toBe(true);
    expect($('meta[name="twitter:image"]').attr('content')).toBe(og);
    expect($('meta[property="og:image:width"]').attr('content')).toBe('1200');
    expect($('meta[property="og:image:height"]').attr('content')).toBe('630');
    expect($('meta[property="og:image:alt"]').attr('content')).toContain($('h1').text().trim());
    expect($('[data-embed-this] textarea[data-embed-code]').text()).toContain(`/embed/country/${slug}/?theme=light`);
    const oembed = $('link[rel="alternate"][type="application/json+oembed"]').attr('href');
    expect(new URL(oembed!).pathname).toMatch(new RegExp(`/embed/country/${slug}/oembed\\.json$`));
  });

  test('the link to the event log lands on the filtered log: ?country=<code>#event-log, and that id exists there', () => {
    const $ = builtPage(`countries/${slug}/index.html`);
    const links = $('a[href*="?country="]');
    if (!events.some((e) => e.iso3 === iso3)) return expect(links.length).toBe(0);
    expect(links.length).toBe(1);
    const url = new URL(links.attr('href')!, 'https://x.invalid');
    expect(url.searchParams.get('country')).toBe(iso3);
    expect(url.hash).toBe('#event-log');
    const chapter = load(readFileSync(path.join(DIST, url.pathname.slice(BASE.length), 'index.html'), 'utf8'));
    expect(chapter('#event-log').length).toBe(1);
    expect(chapter(`#event-log select[name="country"] option[value="${iso3}"]`).length).toBe(1);
  });
});
