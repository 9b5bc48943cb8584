// Country pages in the build, checked against data/*.json read directly here: every country has a page at a permanent
// address, and every figure on it (each report's count, documented stations, response, events, last change) matches.
import { describe, expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { DIST, expectBuilt, builtPage } from '../helpers/dist.ts';

const ROOT = process.cwd();
const DATA = path.resolve(ROOT, process.env['DATA_DIR'] ?? 'data');
const BASE = `/${(process.env['BASE_PATH'] ?? '/').replace(/^\/+|\/+$/g, '')}/`.replace(/^\/\/$/, '/');
const GZIP_BUDGET = 20 * 1024;

/**
 * Every slug published so far. A country page's address is shared and linked from elsewhere: it must never change,
 * even if the country's name is corrected in data/ (pin the old slug in src/lib/countries/countries.ts instead).
 * Add new countries here; never edit or remove an entry.
 */
const PUBLISHED_SLUGS: Record<string, string> = {
  AGO: 'angola', ARE: 'united-arab-emirates', ARG: 'argentina', AUS: 'australia', AUT: 'austria', BRA: 'brazil',
  CAN: 'canada', CHL: 'chile', COL: 'colombia', CUB: 'cuba', CZE: 'czech-republic', DEU: 'germany', ECU: 'ecuador',
  ESP: 'spain', FRA: 'france', GBR: 'united-kingdom', GRC: 'greece', HRV: 'croatia', HUN: 'hungary', IRL: 'ireland',
  ISR: 'israel', ITA: 'italy', JPN: 'japan', KOR: 'south-korea', LSO: 'lesotho', MDG: 'madagascar', MNG: 'mongolia',
  NGA: 'nigeria', NLD: 'netherlands', NZL: 'new-zealand', PAN: 'panama', PER: 'peru', PRT: 'portugal', ROU: 'romania',
  RUS: 'russia', SRB: 'serbia', SVK: 'slovakia', SWE: 'sweden', TZA: 'tanzania', UKR: 'ukraine', USA: 'united-states',
  UZB: 'uzbekistan', ZAF: 'south-africa', ZMB: 'zambia',
};

interface Row {
  id: string;
  iso3: string | null;
  country: string | null;
  sources: string[];
  verified: boolean;
}
interface CountRow extends Row {
  first_report: number | null;
  second_report: number | null;
  second_report_is_minimum: boolean;
}
interface EventRow extends Row {
  date: string;
  actor: string;
  kind: string;
}
interface Correction {
  id: string;
  date: string;
  sources: string[];
}

function read<T>(name: string): T[] {
  return JSON.parse(readFileSync(path.join(DATA, `${name}.json`), 'utf8')) as T[];
}

const built = expectBuilt();
const counts = read<CountRow>('country_counts');
const stations = read<Row & { city: string | null; lat: number | null }>('stations');
const events = read<EventRow>('events');
const corrections = read<Correction>('corrections');
const sourceIds = new Set(read<{ id: string }>('sources').map((s) => s.id));

// The countries the issue asks for: in any of the three files, China excepted.
const countries = new Map<string, string>();
for (const row of [...counts, ...stations, ...events]) {
  if (row.iso3 && row.country && row.iso3 !== 'CHN' && !countries.has(row.iso3)) countries.set(row.iso3, row.country);
}
const slugOf = (iso3: string): string =>
  PUBLISHED_SLUGS[iso3] ??
  countries
    .get(iso3)!
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** "2022-10" sorts before "2022-10-05": missing parts count as zero. */
const dateKey = (date: string) => {
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}-${m}-${d}`;
};

/** The map's rule (src/lib/map/classify.ts), restated: the strongest kind among verified host-government events. */
const RESPONSE_KINDS: [string, string[]][] = [
  ['charges', ['arrest', 'charge', 'plea', 'conviction', 'sentence']],
  ['closure', ['closure']],
  ['investigation', ['investigation']],
  ['denial', ['denial']],
  ['statement', ['statement', 'legislation']],
];
function expectedResponse(iso3: string): { state: string; because: string[] } {
  const own = events.filter((e) => e.iso3 === iso3 && e.verified && e.actor === 'host-government');
  for (const [state, kinds] of RESPONSE_KINDS) {
    const because = own.filter((e) => kinds.includes(e.kind));
    if (because.length > 0) return { state, because: because.sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || a.id.localeCompare(b.id)).map((e) => e.id) };
  }
  return { state: counts.some((c) => c.iso3 === iso3) ? 'nothing-known' : 'none', because: [] };
}

/** Sources cited by one country's records only; a log entry citing one (or citing none: site-wide) concerns it. */
const citedBy = new Map<string, Set<string>>();
for (const row of [...counts, ...stations, ...events]) {
  if (!row.iso3) continue;
  for (const id of row.sources) citedBy.set(id, (citedBy.get(id) ?? new Set()).add(row.iso3));
}
function expectedLastChanged(iso3: string): { date: string; kind: string } | null {
  const candidates = [
    ...events.filter((e) => e.iso3 === iso3).map((e) => ({ date: e.date, kind: 'event' })),
    ...corrections
      .filter((c) => c.sources.length === 0 || c.sources.some((id) => citedBy.get(id)?.size === 1 && citedBy.get(id)?.has(iso3)))
      .map((c) => ({ date: c.date, kind: 'correction' })),
  ];
  candidates.sort((a, b) => dateKey(b.date).localeCompare(dateKey(a.date)) || (a.kind === 'correction' ? -1 : 1));
  return candidates[0] ?? null;
}

const pageFile = (iso3: string) => `countries/${slugOf(iso3)}/index.html`;
const isos = [...countries.keys()].sort();

describe('country pages', () => {
  test('there is a page for every country in data/ (China excepted), and only those', () => {
    if (!built) return;
    for (const iso3 of isos) expect(existsSync(path.join(DIST, pageFile(iso3))), `${iso3}: ${pageFile(iso3)}`).toBe(true);
    expect(existsSync(path.join(DIST, 'countries/china/index.html'))).toBe(false);
    const slugs = isos.map(slugOf);
    expect(new Set(slugs).size).toBe(slugs.length);
  });

  test('every slug ever published still has its page', () => {
    if (!built) return;
    for (const [iso3, slug] of Object.entries(PUBLISHED_SLUGS)) {
      expect(existsSync(path.join(DIST, `countries/${slug}/index.html`)), `${iso3} was published at /countries/${slug}/`).toBe(true);
    }
  });

  test.each(isos.map((iso3) => ({ iso3, name: countries.get(iso3)! })))('$name: figures match data/', ({ iso3, name }) => {
    if (!built) return;
    const $ = builtPage(pageFile(iso3));
    expect($('h1').text().trim()).toBe(name);
    const count = counts.find((c) => c.iso3 === iso3);

    // What each report said.
    const first = $('[data-figure="report-110-overseas"]');
    const second = $('[data-figure="report-patrol-and-persuade"]');
    if (count) {
      expect(first.attr('data-value')).toBe(count.first_report === null ? '' : String(count.first_report));
      expect(second.attr('data-value')).toBe(count.second_report === null ? '' : String(count.second_report));
      if (count.first_report !== null) expect(first.text()).toContain(String(count.first_report));
      if (count.second_report !== null) {
        expect(second.text()).toContain(String(count.second_report));
        expect(second.text().includes('at least')).toBe(count.second_report_is_minimum);
      }
      expect($('#unverified-count').length).toBe(count.verified ? 0 : 1);
    } else {
      expect(first.length + second.length).toBe(0);
    }

    // What we documented.
    const own = stations.filter((s) => s.iso3 === iso3);
    const documented = $('[data-figure="documented"]');
    expect(Number(documented.attr('data-value'))).toBe(own.length);
    expect(Number(documented.attr('data-verified'))).toBe(own.filter((s) => s.verified).length);
    expect(documented.text()).toContain(`${own.length}, of which ${own.filter((s) => s.verified).length} verified`);
    expect($('[data-station]').map((_, el) => `${$(el).attr('data-station')}:${$(el).attr('data-verified')}`).get()).toEqual(
      own.map((s) => `${s.id}:${s.verified}`),
    );

    // The response, as the map classifies it, and the events that decide it.
    const response = expectedResponse(iso3);
    expect($('[data-figure="response"]').attr('data-value')).toBe(response.state);
    expect($('.country-because a').map((_, el) => $(el).attr('href')).get()).toEqual(response.because.map((id) => `#event-${id}`));

    // Events, in date order.
    const ownEvents = events
      .filter((e) => e.iso3 === iso3)
      .sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || a.id.localeCompare(b.id));
    expect($('[data-event]').map((_, el) => $(el).attr('data-event')).get()).toEqual(ownEvents.map((e) => e.id));
    for (const e of ownEvents) {
      const item = $(`[data-event="${e.id}"]`);
      expect(item.find('time').attr('datetime')).toBe(e.date);
      expect(item.find('a[href*="sources/#src-"]').map((_, el) => $(el).attr('href')).get()).toEqual(e.sources.map((id) => `${BASE}sources/#src-${id}`));
    }

    // What is unverified: one entry per unverified count, station and event (plus weak-only bureaus).
    const unverified = (count && !count.verified ? 1 : 0) + own.filter((s) => !s.verified).length + ownEvents.filter((e) => !e.verified).length;
    const listed = Number($('[data-unverified]').attr('data-unverified') ?? 0);
    expect(listed).toBeGreaterThanOrEqual(unverified);

    // When the entry last changed, and what that date is.
    const last = expectedLastChanged(iso3);
    const lastChanged = $('[data-figure="last-changed"]');
    expect(lastChanged.attr('data-value')).toBe(last?.date);
    expect(lastChanged.attr('data-kind')).toBe(last?.kind);
  });

  test('every source cited on a country page links to its entry on /sources/', () => {
    if (!built) return;
    const anchors = new Set(builtPage('sources/index.html')('[id^="src-"]').map((_, el) => el.attribs['id']).get());
    for (const iso3 of isos) {
      const $ = builtPage(pageFile(iso3));
      $('a[href*="#src-"]').each((_, el) => {
        const href = el.attribs['href'] ?? '';
        expect(href.startsWith(`${BASE}sources/#src-`), `${iso3}: ${href}`).toBe(true);
        const id = href.slice(href.indexOf('#src-') + 5);
        expect(sourceIds.has(id) && anchors.has(`src-${id}`), `${iso3}: ${href}`).toBe(true);
      });
    }
  });

  test('in-page links land on an element of the page', () => {
    if (!built) return;
    for (const iso3 of isos) {
      const $ = builtPage(pageFile(iso3));
      $('main a[href^="#"]').each((_, el) => {
        const id = (el.attribs['href'] ?? '').slice(1);
        expect($(`[id="${id}"]`).length, `${iso3}: #${id}`).toBe(1);
      });
    }
  });

  test(`each page is at most ${GZIP_BUDGET / 1024} KB of gzipped HTML`, () => {
    if (!built) return;
    for (const iso3 of isos) {
      const size = gzipSync(readFileSync(path.join(DIST, pageFile(iso3)))).length;
      expect(size, `${pageFile(iso3)}: ${size} bytes`).toBeLessThanOrEqual(GZIP_BUDGET);
    }
  });

  test('each page has a locator map with a marker per located city', () => {
    if (!built) return;
    for (const iso3 of isos) {
      const $ = builtPage(pageFile(iso3));
      const located = new Set(stations.filter((s) => s.iso3 === iso3 && s.lat !== null).map((s) => s.city));
      expect($('.locator svg path.locator__country').attr('d'), iso3).toMatch(/^M-?\d/);
      const markers = $('.locator circle').length;
      if (located.size === 0) expect(markers, iso3).toBe(0);
      else {
        expect(markers, iso3).toBeGreaterThan(0);
        expect(markers, iso3).toBeLessThanOrEqual(located.size);
      }
    }
  });
});

describe('/countries/', () => {
  test('lists every country with its figures, linking to its page', () => {
    if (!built) return;
    const $ = builtPage('countries/index.html');
    const rows = $('tbody tr[data-iso3]');
    expect(rows.map((_, el) => $(el).attr('data-iso3')).get().sort()).toEqual(isos);
    for (const iso3 of isos) {
      const row = $(`tbody tr[data-iso3="${iso3}"]`);
      expect(row.find('th a').attr('href')).toBe(`${BASE}countries/${slugOf(iso3)}/`);
      expect(row.find('th a').text()).toBe(countries.get(iso3));
      const count = counts.find((c) => c.iso3 === iso3);
      expect(row.find('[data-col="first"]').attr('data-sort')).toBe(count?.first_report == null ? '' : String(count.first_report));
      expect(row.find('[data-col="second"]').attr('data-sort')).toBe(count?.second_report == null ? '' : String(count.second_report));
      const own = stations.filter((s) => s.iso3 === iso3);
      expect(Number(row.find('[data-col="documented"]').attr('data-total'))).toBe(own.length);
      expect(Number(row.find('[data-col="documented"]').attr('data-verified'))).toBe(own.filter((s) => s.verified).length);
      expect(row.find('[data-col="response"]').attr('data-value')).toBe(expectedResponse(iso3).state);
    }
  });

  test('the table works without JavaScript: headers are plain text, sorted by country with aria-sort', () => {
    if (!built) return;
    const $ = builtPage('countries/index.html');
    expect($('thead button').length).toBe(0);
    expect($('thead th[aria-sort]').map((_, el) => $(el).attr('aria-sort')).get()).toEqual(['ascending']);
    const names = $('tbody th a').map((_, el) => $(el).text()).get();
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
  });

  test('the site navigation links to it', () => {
    if (!built) return;
    expect(builtPage('index.html')(`.site-nav a[href="${BASE}countries/"]`).length).toBe(1);
  });
});

describe('links to country pages from other tables', () => {
  const linked = (file: string, selector: string) => {
    const $ = builtPage(file);
    return new Set($(selector).map((_, el) => $(el).attr('href')).get());
  };
  const every = isos.map((iso3) => `${BASE}countries/${slugOf(iso3)}/`);

  test('/data/: the country table names link to every country page', () => {
    if (!built) return;
    const hrefs = linked('data/index.html', 'table a[href*="/countries/"]');
    for (const href of every) expect(hrefs.has(href), href).toBe(true);
  });

  test('the map table and the timeline events link country names to their pages', () => {
    if (!built) return;
    const withCounts = counts.filter((c) => c.iso3 !== 'CHN').map((c) => `${BASE}countries/${slugOf(c.iso3!)}/`);
    const mapLinks = linked('how-countries-responded/index.html', '[data-map-table] a[href*="/countries/"]');
    for (const href of withCounts) expect(mapLinks.has(href), href).toBe(true);
    // The full event list is the embedded timeline's (the chapter narrates steps); its links are absolute.
    const withEvents = [...new Set(events.filter((e) => e.iso3 && e.iso3 !== 'CHN').map((e) => `${BASE}countries/${slugOf(e.iso3!)}/`))];
    const timelineLinks = [...linked('embed/timeline/index.html', '[data-timeline] a[href*="/countries/"]')].map((href) => new URL(href ?? '', 'https://x.invalid').pathname);
    for (const href of withEvents) expect(timelineLinks, href).toContain(href);
  });
});

describe('heading anchors', () => {
  test.each(['what-they-are', 'how-countries-responded'])('/%s/: every section heading links to its own anchor', (slug) => {
    if (!built) return;
    const $ = builtPage(`${slug}/index.html`);
    const headings = $('.heading-link > h2, .heading-link > h3');
    expect(headings.length).toBeGreaterThan(0);
    headings.each((_, el) => {
      const id = el.attribs['id'];
      expect(id).toBeTruthy();
      expect($(el).find('a').attr('href')).toBe(`#${id}`);
      expect($(el).parent().find(`button[data-copy-link="${id}"]`).length).toBe(1);
    });
  });
});

describe('interface words', () => {
  test('country-page strings carry no typed numbers (every number comes from data/)', () => {
    const ui = JSON.parse(readFileSync(path.join(ROOT, 'content/ui/en.json'), 'utf8')) as Record<string, string>;
    for (const [key, value] of Object.entries(ui)) {
      // "110 Overseas" is the report's title, not a figure.
      if (key.startsWith('countries.') && key !== 'countries.report.110-overseas') expect(value.replace(/\{\w+\}/g, ''), key).not.toMatch(/\d/);
    }
  });
});
