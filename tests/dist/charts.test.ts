// Checks the built world map and timeline against numbers computed here, independently, from data/*.json (or from
// the data directory the build read, DATA_DIR), so any valid edit to data/ keeps these tests green.
//
// The golden SVGs live in tests/components/: they render a frozen fixture dataset, so editing data/ never changes them.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expectBuilt, builtPage } from '../helpers/dist.ts';

const ROOT = process.cwd();
const DATA = path.resolve(ROOT, process.env['DATA_DIR'] ?? 'data');

interface CountryCountRow {
  iso3: string;
  country: string;
  first_report: number | null;
  second_report: number | null;
  second_report_is_minimum: boolean;
  verified: boolean;
}
interface StationRow {
  id: string;
  iso3: string;
  lat: number | null;
  lon: number | null;
  verified: boolean;
}
interface EventRow {
  id: string;
  date: string;
  iso3: string | null;
  kind: string;
  sources: string[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T;
}

const countryCounts = readJson<CountryCountRow[]>(path.join(DATA, 'country_counts.json'));
const stations = readJson<StationRow[]>(path.join(DATA, 'stations.json'));
const events = readJson<EventRow[]>(path.join(DATA, 'events.json'));

expectBuilt();

const page = builtPage;

// --- Expectations computed from the data, without the site's own helpers -------------------------------------

/** ISO alpha-3 codes that have a shape in world-atlas 110m (Antarctica, 010, is dropped by the map). */
function alpha3WithShape(): Set<string> {
  const crosswalk = readJson<{ alpha3: string; numeric: string }[]>(path.join(ROOT, 'src/lib/geo/iso-3166-1.json'));
  const topology = readJson<{ objects: { countries: { geometries: { id?: string }[] } } }>(
    path.join(ROOT, 'node_modules/world-atlas/countries-110m.json'),
  );
  const numericIds = new Set(topology.objects.countries.geometries.map((g) => String(g.id ?? '')).filter((id) => id !== '' && id !== '010'));
  return new Set(crosswalk.filter((row) => numericIds.has(row.numeric)).map((row) => row.alpha3));
}

const latest = (row: CountryCountRow): number => row.second_report ?? row.first_report ?? 0;

function stationClass(row: CountryCountRow): string {
  if (!row.verified) return 'unverified';
  const n = latest(row);
  if (n >= 7) return 's4';
  if (n >= 4) return 's3';
  if (n >= 2) return 's2';
  if (n >= 1) return 's1';
  return 'none';
}

/** Expected number of map shapes per stations-view class, China counted as not applicable. */
function expectedClassCounts(withShape: Set<string>): Record<string, number> {
  const counts: Record<string, number> = { s1: 0, s2: 0, s3: 0, s4: 0, unverified: 0, 'not-applicable': 1 };
  for (const row of countryCounts) {
    if (!withShape.has(row.iso3) || row.iso3 === 'CHN') continue;
    const cls = stationClass(row);
    if (cls in counts) counts[cls]! += 1;
  }
  return counts;
}

/** Distinct station coordinates, each with whether every row there is unverified. */
function markerGroups(): { key: string; hollow: boolean }[] {
  const groups = new Map<string, StationRow[]>();
  for (const s of stations) {
    if (s.lat === null || s.lon === null) continue;
    const key = `${s.lon},${s.lat}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups.entries()].map(([key, rows]) => ({ key, hollow: rows.every((r) => !r.verified) }));
}

/** Sort key for partial dates: "2022-11" sorts as 2022-11-00, before every day of that month. */
function dateKey(date: string): string {
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}-${m}-${d}`;
}
const chronological = [...events].sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || a.id.localeCompare(b.id));

// --- Map ---------------------------------------------------------------------------------------------------

describe('front-page map (index.html)', () => {
  const $ = () => page('index.html');
  const svg = () => $()('figure.map[data-map]#world-map svg[data-map-svg]');
  const withShape = alpha3WithShape();

  test('there is exactly one map figure with one inline svg', () => {
    expect($()('figure.map[data-map]').length).toBe(1);
    expect(svg().length).toBe(1);
    expect(svg().attr('role')).toBe('img');
  });

  test('one data path per country_counts row with a 110m shape', () => {
    const expected = countryCounts.filter((row) => withShape.has(row.iso3)).map((row) => row.iso3).sort();
    const actual = svg()
      .find('path[data-iso3]')
      .map((_, el) => $()(el).attr('data-iso3'))
      .get()
      .sort();
    expect(actual).toEqual(expected);
  });

  test('coloured countries per class match the data', () => {
    const expected = expectedClassCounts(withShape);
    const actual: Record<string, number> = {};
    for (const cls of Object.keys(expected)) actual[cls] = svg().find(`g.map__countries path.${cls}`).length;
    expect(actual).toEqual(expected);
    // And each country is in the right class, so two swapped countries cannot cancel out.
    for (const row of countryCounts.filter((r) => withShape.has(r.iso3))) {
      const cls = svg().find(`path[data-iso3="${row.iso3}"]`).attr('class')?.split(/\s+/) ?? [];
      expect(cls, `${row.country} (${row.iso3})`).toContain(stationClass(row));
    }
    // China is drawn once, as not applicable, and never as a country with a count.
    const notApplicable = svg().find('path.not-applicable');
    expect(notApplicable.length).toBe(1);
    expect(notApplicable.attr('data-iso3') ?? 'CHN').toBe('CHN');
  });

  test('one marker per distinct station coordinate; hollow where every row there is unverified', () => {
    const groups = markerGroups();
    const circles = svg().find('g.map__markers circle');
    expect(circles.length).toBe(groups.length);
    expect(svg().find('g.map__markers circle.unverified').length).toBe(groups.filter((g) => g.hollow).length);
  });

  test('the table has one row per country with the reported numbers', () => {
    const rows = $()('figure#world-map table[data-map-table] tbody tr[data-iso3]');
    expect(rows.length).toBe(countryCounts.length);
    for (const row of countryCounts) {
      const tr = rows.filter(`[data-iso3="${row.iso3}"]`);
      expect(tr.length, `table row for ${row.iso3}`).toBe(1);
      const cells = tr.children('td');
      const cellNumber = (i: number): number | null => {
        const text = cells.eq(i).text().trim();
        return text === '—' ? null : Number(text.replace(/[^\d]/g, ''));
      };
      expect(cellNumber(0), `${row.country}: first report`).toBe(row.first_report);
      expect(cellNumber(1), `${row.country}: second report`).toBe(row.second_report);
      if (row.second_report !== null && row.second_report_is_minimum) {
        expect(cells.eq(1).text().trim(), `${row.country}: a minimum is marked as such`).not.toBe(String(row.second_report));
      }
      expect(tr.attr('data-stations'), `${row.country}: data-stations`).toBe(stationClass(row));
    }
  });

  test('the svg has no style attributes (CSP: styles come from the stylesheet)', () => {
    const styled = svg().find('[style]').length + (svg().attr('style') === undefined ? 0 : 1);
    expect(styled).toBe(0);
  });

  test('the takeaway names the verified country with the highest count', () => {
    const verified = countryCounts.filter((r) => r.verified);
    const top = Math.max(...verified.map(latest));
    const leaders = verified.filter((r) => latest(r) === top).map((r) => r.country);
    const takeaway = $()('#world-map-takeaway').text();
    for (const name of leaders) expect(takeaway).toContain(name);
    expect(takeaway).toContain(`(${top})`);
    // No unverified country may be named as the leader even when its count is higher.
    for (const row of countryCounts.filter((r) => !r.verified && latest(r) >= top)) {
      expect(takeaway.startsWith(row.country)).toBe(false);
    }
  });
});

// --- Timeline ----------------------------------------------------------------------------------------------

describe('timeline and event log (how-countries-responded/)', () => {
  const $ = () => page('how-countries-responded/index.html');
  const items = () => $()('#event-log details[data-year] li[id]');

  test('the log lists one item per event, in chronological order (month-only dates before the days of that month, then id)', () => {
    const ids = items()
      .map((_, el) => $()(el).attr('id'))
      .get();
    expect(ids).toEqual(chronological.map((e) => `event-${e.id}`));
  });

  test('each item sits in its year and carries its country and kind group', () => {
    const byId = new Map(events.map((e) => [`event-${e.id}`, e]));
    const group = (kind: string) => (['arrest', 'charge', 'plea', 'conviction', 'sentence'].includes(kind) ? 'charges' : kind === 'legislation' ? 'statement' : kind);
    const problems: string[] = [];
    items().each((_, el) => {
      const li = $()(el);
      const event = byId.get(li.attr('id') ?? '');
      if (!event) return;
      if (li.closest('details').attr('data-year') !== event.date.slice(0, 4)) problems.push(`${li.attr('id')}: in year ${li.closest('details').attr('data-year')}`);
      if (li.attr('data-k') !== group(event.kind)) problems.push(`${li.attr('id')}: data-k ${li.attr('data-k')}, expected ${group(event.kind)}`);
      if (li.attr('data-c') !== (event.iso3 ?? 'global')) problems.push(`${li.attr('id')}: data-c ${li.attr('data-c')}, expected ${event.iso3 ?? 'global'}`);
    });
    expect(problems).toEqual([]);
  });

  test('the chart draws one bar and one dot per event', () => {
    for (const selector of ['.timeline__bars rect[data-i]', '.timeline__cells circle[data-i]']) {
      const marks = $()(`figure#timeline ${selector}`);
      expect(marks.length, selector).toBe(events.length);
      expect(new Set(marks.map((_, el) => $()(el).attr('data-i')).get()).size, selector).toBe(events.length);
    }
  });

  test('every event cites each of its sources, with an entry on /sources/', () => {
    const sourcesPage = page('sources/index.html');
    const byId = new Map(events.map((e) => [`event-${e.id}`, e]));
    const problems: string[] = [];
    items().each((_, el) => {
      const li = $()(el);
      const links = li.find('.log__src a[href]');
      if (links.length !== byId.get(li.attr('id') ?? '')?.sources.length) problems.push(`${li.attr('id')}: ${links.length} source links`);
      links.each((__, a) => {
        const href = $()(a).attr('href') ?? '';
        const match = /(?:^|\/)sources\/#(src-[^#?/]+)$/.exec(href);
        if (!match) problems.push(`${li.attr('id')}: ${href} is not a /sources/#src-… link`);
        else if (sourcesPage(`[id="${match[1]}"]`).length !== 1) problems.push(`${li.attr('id')}: ${href} has no target on /sources/`);
      });
    });
    expect(problems).toEqual([]);
  });
});

// --- Embeds use the same components ------------------------------------------------------------------------

describe('embeds', () => {
  test('/embed/map/ has as many data paths and table rows as the chapter map', () => {
    const chapter = page('how-countries-responded/index.html');
    const embed = page('embed/map/index.html');
    const chapterPaths = chapter('figure.map[data-map] svg[data-map-svg] path[data-iso3]').length;
    expect(chapterPaths).toBe(countryCounts.length);
    expect(embed('figure.map[data-map] svg[data-map-svg] path[data-iso3]').length).toBe(chapterPaths);
    expect(embed('figure.map[data-map] svg[data-map-svg] path').length).toBe(chapter('figure.map[data-map] svg[data-map-svg] path').length);
    expect(embed('figure.map table[data-map-table] tbody tr[data-iso3]').length).toBe(countryCounts.length);
  });

  test('/embed/timeline/ steps through every event of the chapter\'s log, in stepper mode', () => {
    const chapter = page('how-countries-responded/index.html');
    const embed = page('embed/timeline/index.html');
    expect(chapter('#event-log li[id]').length).toBe(events.length);
    expect(embed('figure.timeline[data-timeline] li.timeline__step').map((_, el) => embed(el).attr('id')).get()).toEqual(
      chapter('#event-log li[id]').map((_, el) => chapter(el).attr('id')).get(),
    );
    expect(embed('figure.timeline[data-timeline]').attr('data-mode')).toBe('stepper');
  });
});
