// Renders the map and timeline components with Astro's container API from a small, frozen FIXTURE dataset
// (tests/fixtures/golden/), never from data/, and compares their <svg> with golden files in ./__golden__/.
//
// Editing data/ never changes these files: only a change to how the charts are drawn (components, map or timeline
// code, styles' class names, UI strings inside the svg, d3 or world-atlas) does. After such an intentional change:
//   npx vitest run --project components -u
// then read the diff of tests/components/__golden__/*.svg (one element per line) and commit it with the change.
// CI never writes golden files: a missing or different file fails the run.
import { beforeAll, describe, expect, test } from 'vitest';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';
import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import WorldMap from '../../src/components/charts/WorldMap.astro';
import Timeline from '../../src/components/charts/Timeline.astro';
import { loadDataset } from '../../src/lib/dataset/load.ts';
import { EVENT_KINDS, type Dataset } from '../../src/lib/dataset/types.ts';
import { editionOf } from '../../src/lib/edition/edition.ts';

/** The frozen dataset; validated with a fixed "today" so the future-date rule never depends on the clock. */
const FIXTURE_DIR = path.resolve(import.meta.dirname, '../fixtures/golden');
const dataset: Dataset = loadDataset(FIXTURE_DIR, { today: '2026-01-01' });

let map: CheerioAPI;
let timeline: CheerioAPI;
let timelineZh: CheerioAPI;

beforeAll(async () => {
  const container = await AstroContainer.create();
  const edition = editionOf('en');
  map = load(await container.renderToString(WorldMap, { props: { dataset, edition } }));
  timeline = load(await container.renderToString(Timeline, { props: { dataset, edition } }));
  // The Chinese edition of the same chart: the fixture's names through Intl, labels from content/ui/zh.json.
  timelineZh = load(await container.renderToString(Timeline, { props: { dataset, edition: editionOf('zh') } }));
});

/** One element per line, so a golden-file diff points at the country or dot that changed. */
function goldenText($: CheerioAPI, selector: string): string {
  const element = $(selector);
  expect(element.length, `${selector} is present exactly once`).toBe(1);
  return `${$.html(element).replace(/><(?!\/)/g, '>\n<')}\n`;
}

describe('the components draw the fixture, not data/', () => {
  test('the map has one data path per fixture country and one marker per distinct station coordinate', () => {
    const svg = map('svg[data-map-svg]');
    expect(svg.find('path[data-iso3]').map((_, el) => map(el).attr('data-iso3')).get().sort()).toEqual(
      dataset.countryCounts.map((row) => row.iso3).sort(),
    );
    const coordinates = new Set(dataset.stations.filter((s) => s.lat !== null && s.lon !== null).map((s) => `${s.lon},${s.lat}`));
    expect(svg.find('g.map__markers circle').length).toBe(coordinates.size);
  });

  test('the fixture exercises every event kind, and the timeline svg marks every fixture event', () => {
    const kinds = new Set(dataset.events.map((e) => e.kind));
    for (const kind of EVENT_KINDS) expect(kinds, `the fixture has a "${kind}" event`).toContain(kind);
    // Every event has a mark in the svg, keyed by its place in timeline order (data-i; data-step in older markup).
    const svg = timeline('svg[data-timeline-svg]');
    const marks = new Set(svg.find('[data-i], [data-step]').map((_, el) => timeline(el).attr('data-i') ?? timeline(el).attr('data-step')).get());
    expect(marks.size).toBe(dataset.events.length);
  });

  test('no editor_note reaches the markup', () => {
    const notes = dataset.events.map((e) => e.editor_note).filter(Boolean);
    expect(notes, 'loadDataset strips editor_note').toEqual([]);
    expect(timeline.html()).not.toContain('Provenance for editors');
  });
});

describe('golden SVGs (update with `npx vitest run --project components -u`)', () => {
  test('map svg matches __golden__/map.svg', async () => {
    await expect(goldenText(map, 'figure#world-map svg[data-map-svg]')).toMatchFileSnapshot('./__golden__/map.svg');
  });

  test('timeline svg matches __golden__/timeline.svg', async () => {
    await expect(goldenText(timeline, 'figure#timeline svg[data-timeline-svg]')).toMatchFileSnapshot('./__golden__/timeline.svg');
  });

  test('Chinese timeline svg matches __golden__/timeline.zh.svg', async () => {
    await expect(goldenText(timelineZh, 'figure#timeline svg[data-timeline-svg]')).toMatchFileSnapshot('./__golden__/timeline.zh.svg');
  });
});
