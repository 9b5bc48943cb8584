/** Property tests for validateDatasetFiles: generated valid datasets pass and round-trip, every single-field corruption is reported at the right file, record and field, and no input, however broken, makes it throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATA_FILES, validateDatasetFiles } from './load.ts';
import type { DataFileName } from './load.ts';
import { ACTORS, BUREAUS, CORRECTION_KINDS, EVENT_KINDS, REPORT_IDS, STATION_STATUSES, TIERS } from './types.ts';
import type { DataIssue } from './types.ts';

// Fixed seed so every run explores the same cases; override with FC_SEED (and replay a shrunk
// failure with FC_PATH, both printed by fast-check when a property fails).
const SEED = Number(process.env['FC_SEED'] ?? 20261122);
const REPLAY_PATH = process.env['FC_PATH'];
const VALID_RUNS = 300;
const CORRUPTION_RUNS = 500;
const GARBAGE_RUNS = 600;
// About 6 s of CPU for the whole file; the generous limit only keeps a busy shared runner from failing it.
const TIMEOUT_MS = 30_000;

function params<T>(numRuns: number): fc.Parameters<T> {
  return REPLAY_PATH === undefined ? { seed: SEED, numRuns } : { seed: SEED, numRuns, path: REPLAY_PATH };
}

// A fixed "today" keeps the future-date rule stable as the calendar moves.
const TODAY = '2026-11-22';

/** Countries that are real ISO 3166-1 alpha-3 codes and have a shape on the world-atlas 1:110m map. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  ESP: 'Spain',
  ITA: 'Italy',
  FRA: 'France',
  CAN: 'Canada',
  USA: 'United States',
  JPN: 'Japan',
  BRA: 'Brazil',
  NGA: 'Nigeria',
  AUS: 'Australia',
  DEU: 'Germany',
};
const ISO3S = Object.keys(COUNTRY_NAMES);

/** Inland cities of each country as [lat, lon]; a station is put within about 20 km of one, so it lies in its country. */
const CITY_POINTS: Readonly<Record<string, readonly (readonly [number, number])[]>> = {
  ESP: [[40.42, -3.7], [37.39, -5.98], [41.65, -0.88]],
  ITA: [[41.9, 12.5], [45.46, 9.19], [43.77, 11.25]],
  FRA: [[48.86, 2.35], [45.76, 4.84], [43.6, 1.44]],
  CAN: [[45.42, -75.7], [43.65, -79.38], [51.05, -114.07]],
  USA: [[39.74, -104.99], [41.88, -87.63], [33.75, -84.39]],
  JPN: [[35.68, 139.69], [34.69, 135.5], [36.56, 139.88]],
  BRA: [[-15.79, -47.88], [-23.55, -46.63], [-19.92, -43.94]],
  NGA: [[9.08, 7.4], [12.0, 8.52], [7.38, 3.95]],
  AUS: [[-35.28, 149.13], [-33.87, 151.21], [-23.7, 133.88]],
  DEU: [[52.52, 13.4], [48.14, 11.58], [50.94, 6.96]],
};

const FILE_NAMES = Object.keys(DATA_FILES) as DataFileName[];

type JsonRecord = Record<string, unknown>;
/** One generated dataset: the records of each file, exactly as they will be written. */
type RawDataset = Record<DataFileName, JsonRecord[]>;

// ---------------------------------------------------------------------------------------------
// Valid building blocks.

const ID_CHARS = [...'abcdefghijklmnopqrstuvwxyz0123456789'];
/** Parts of at most 5 characters, so ids such as "zzzzzz-unknown" used below are never generated. */
const idArb = fc
  .array(fc.string({ unit: fc.constantFrom(...ID_CHARS), minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 3 })
  .map((parts) => parts.join('-'));

/** Characters JSON must escape, invisible ones, and lone surrogates (written as \u escapes), which the scanner must decode as JSON.parse does. */
const awkwardUnit = fc.constantFrom('"', '\\', '/', '\n', '\t', '\u0000', '\u001f', '\u2028', '\ufeff', '\ud800', '\udfff', 'é', '😀', '{', ']');
const rawTextArb = fc.oneof(
  fc.constantFrom('Madrid', 'A "quoted" claim', 'back\\slash', 'tab\tinside', 'Zürich', '北京'),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 16 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 16 }),
  fc.string({ unit: fc.oneof(fc.constantFrom('a', 'b', ' '), awkwardUnit), minLength: 1, maxLength: 12 }),
);
/** Text a page prints: non-empty, no spaces at either end. */
const textArb = rawTextArb.map((value) => value.trim()).filter((value) => value !== '');
/** Optional prose: null, or any text that is not blank (spaces at the ends are allowed). */
const optionalNoteArb = fc.option(rawTextArb.filter((value) => value.trim() !== ''), { nil: null });
/** A station's or country row's note: any text, empty included. */
const anyNoteArb = fc.oneof(fc.constant(''), rawTextArb);

/** A partial date (YYYY, YYYY-MM or YYYY-MM-DD) on a real calendar day, never after TODAY. */
const dateArb = fc.oneof(
  fc.constantFrom(TODAY, TODAY.slice(0, 7), TODAY.slice(0, 4), '2024-02-29', '2000-02-29', '1999-12-31'),
  fc
    .record({
      day: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date(`${TODAY}T23:59:59.999Z`), noInvalidDate: true }),
      precision: fc.constantFrom(4, 7, 10),
    })
    .map(({ day, precision }) => day.toISOString().slice(0, precision)),
);

const urlArb = fc.oneof(
  fc.constantFrom('https://example.org/a', 'http://news.example.com/x?y=1#z', 'https://www.politico.eu/article/x/'),
  fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true }),
);

/** An offset of up to 0.2 degrees (about 20 km), so coordinates are arbitrary doubles that still lie in their country. */
const jitterArb = fc.double({ min: -0.2, max: 0.2, noNaN: true });
const countArb = fc.nat();
/** Indices into the sources list, resolved once the sources are known. */
const refsArb = fc.uniqueArray(fc.nat({ max: 5 }), { minLength: 1, maxLength: 3 });

const sourceArb = fc.record({
  id: idArb,
  title: textArb,
  publisher: textArb,
  published: fc.option(dateArb, { nil: null }),
  url: urlArb,
  tier: fc.constantFrom(...TIERS),
});

const stationArb = fc.record({
  id: idArb,
  countryPick: fc.nat(),
  city: fc.option(textArb, { nil: null }),
  coords: fc.option(fc.record({ city: fc.nat(), dLat: jitterArb, dLon: jitterArb }), { nil: null }),
  operator: fc.option(fc.tuple(fc.constantFrom(...BUREAUS), fc.constantFrom(...TIERS)), { nil: null }),
  listed_in: fc.option(fc.constantFrom(...REPORT_IDS), { nil: null }),
  status: fc.constantFrom(...STATION_STATUSES),
  verified: fc.boolean(),
  refs: refsArb,
  note: anyNoteArb,
});

const countryRowArb = fc.record({
  id: idArb,
  iso3: fc.constantFrom(...ISO3S),
  counts: fc.oneof(
    fc.tuple(countArb, fc.constant(null)),
    fc.tuple(fc.constant(null), countArb),
    fc.tuple(countArb, countArb),
  ),
  second_report_is_minimum: fc.boolean(),
  verified: fc.boolean(),
  refs: refsArb,
  note: anyNoteArb,
});

const eventArb = fc.record({
  id: idArb,
  date: dateArb,
  iso3: fc.option(fc.constantFrom(...ISO3S), { nil: null }),
  actor: fc.constantFrom(...ACTORS),
  kind: fc.constantFrom(...EVENT_KINDS),
  title: textArb,
  summary: textArb,
  verified: fc.boolean(),
  refs: refsArb,
  note: optionalNoteArb,
});

const figureArb = fc.record({
  id: idArb,
  value: countArb,
  label: textArb,
  as_of: dateArb,
  verified: fc.boolean(),
  refs: refsArb,
  note: optionalNoteArb,
});

const disagreementArb = fc.record({
  id: idArb,
  topic: textArb,
  positions: fc.array(fc.record({ claim: textArb, refs: refsArb }), { minLength: 2, maxLength: 3 }),
  our_reading: textArb,
});

const correctionArb = fc.record({
  id: idArb,
  date: dateArb,
  kind: fc.constantFrom(...CORRECTION_KINDS),
  what: textArb,
  why: textArb,
  refs: fc.uniqueArray(fc.nat({ max: 5 }), { maxLength: 3 }),
});

/** Makes ids unique within a file by suffixing the record index (the suffix is the last part, so two results can never meet). */
function withUniqueIds<T extends { id: string }>(records: readonly T[]): T[] {
  const seen = new Set<string>();
  return records.map((record, index) => {
    let id = record.id;
    while (seen.has(id)) id = `${id}-${String(index)}`;
    seen.add(id);
    return { ...record, id };
  });
}

const datasetSkeletonArb = fc.record({
  sources: fc.array(sourceArb, { minLength: 1, maxLength: 6 }),
  stations: fc.array(stationArb, { maxLength: 5 }),
  countryRows: fc.uniqueArray(countryRowArb, { maxLength: 5, selector: (row) => row.iso3 }),
  events: fc.array(eventArb, { maxLength: 5 }),
  figures: fc.array(figureArb, { maxLength: 5 }),
  disagreements: fc.array(disagreementArb, { maxLength: 5 }),
  corrections: fc.array(correctionArb, { maxLength: 5 }),
});

/** A dataset that obeys every rule in load.ts and schema.ts, with keys in schema order. */
const datasetArb: fc.Arbitrary<RawDataset> = datasetSkeletonArb.map((skeleton) => {
  const sources = withUniqueIds(skeleton.sources);
  if (sources.every((source) => source.tier === 'weak') && sources[0] !== undefined) sources[0] = { ...sources[0], tier: 'reputable' };
  const strongId = sources.find((source) => source.tier !== 'weak')?.id ?? '';
  const tierOf = new Map(sources.map((source) => [source.id, source.tier]));

  const resolve = (refs: readonly number[]): string[] => [...new Set(refs.map((ref) => sources[ref % sources.length]?.id ?? strongId))];
  /** A verified row must cite at least one primary or reputable source. */
  const citing = (refs: readonly number[], verified: boolean): string[] => {
    const ids = resolve(refs);
    return verified && ids.every((id) => tierOf.get(id) === 'weak') ? [...ids, strongId] : ids;
  };

  const countryRows = withUniqueIds(skeleton.countryRows);
  const rowIsos = countryRows.map((row) => row.iso3);
  // Each station's country must have a row; with no rows there can be no stations.
  const stations = rowIsos.length === 0 ? [] : withUniqueIds(skeleton.stations);

  return {
    'sources.json': sources.map((source) => ({ ...source })),
    'stations.json': stations.map((station) => {
      const iso3 = rowIsos[station.countryPick % rowIsos.length] ?? 'ESP';
      const cities = CITY_POINTS[iso3] ?? [];
      const city = station.coords === null ? undefined : cities[station.coords.city % cities.length];
      // Every city is far from 0°, so a sum is never -0 (which JSON would write as 0).
      const lat = city === undefined ? null : city[0] + (station.coords?.dLat ?? 0);
      const lon = city === undefined ? null : city[1] + (station.coords?.dLon ?? 0);
      return {
        id: station.id,
        iso3,
        country: COUNTRY_NAMES[iso3],
        city: station.city,
        lat,
        lon,
        operator: station.operator?.[0] ?? null,
        operator_source_tier: station.operator?.[1] ?? null,
        listed_in: station.listed_in,
        status: station.status,
        verified: station.verified,
        sources: citing(station.refs, station.verified),
        note: station.note,
      };
    }),
    'country_counts.json': countryRows.map((row) => ({
      id: row.id,
      iso3: row.iso3,
      country: COUNTRY_NAMES[row.iso3],
      first_report: row.counts[0],
      second_report: row.counts[1],
      second_report_is_minimum: row.second_report_is_minimum,
      verified: row.verified,
      sources: citing(row.refs, row.verified),
      note: row.note,
    })),
    'events.json': withUniqueIds(skeleton.events).map((event) => ({
      id: event.id,
      date: event.date,
      iso3: event.iso3,
      country: event.iso3 === null ? null : COUNTRY_NAMES[event.iso3],
      actor: event.actor,
      kind: event.kind,
      title: event.title,
      summary: event.summary,
      verified: event.verified,
      sources: citing(event.refs, event.verified),
      note: event.note,
    })),
    'figures.json': withUniqueIds(skeleton.figures).map((figure) => ({
      id: figure.id,
      value: figure.value,
      label: figure.label,
      as_of: figure.as_of,
      verified: figure.verified,
      sources: citing(figure.refs, figure.verified),
      note: figure.note,
    })),
    'disagreements.json': withUniqueIds(skeleton.disagreements).map((entry) => ({
      id: entry.id,
      topic: entry.topic,
      positions: entry.positions.map((position) => ({ claim: position.claim, sources: resolve(position.refs) })),
      our_reading: entry.our_reading,
    })),
    'corrections.json': withUniqueIds(skeleton.corrections).map((entry) => {
      const ids = resolve(entry.refs);
      return {
        id: entry.id,
        date: entry.date,
        kind: entry.kind,
        what: entry.what,
        why: entry.why,
        // An update may cite nothing; a correction must cite something.
        sources: entry.kind === 'correction' && ids.length === 0 ? [strongId] : ids,
      };
    }),
  };
});

// ---------------------------------------------------------------------------------------------
// Serialising: varied indentation and key order, with each record's span known independently of the validator.

interface FileLayout {
  indent: 0 | 2 | 4;
  orderSeed: number;
  /** Line break between formatted lines: editors on Windows (or old Macs) save \r\n (or \r), which JSON allows as whitespace. */
  newline: '\n' | '\r\n' | '\r';
}
const fileLayoutArb: fc.Arbitrary<FileLayout> = fc.record({
  indent: fc.constantFrom<0 | 2 | 4>(0, 2, 4),
  orderSeed: fc.integer(),
  newline: fc.constantFrom<'\n' | '\r\n' | '\r'>('\n', '\r\n', '\r'),
});
const layoutArb = fc.tuple(...FILE_NAMES.map(() => fileLayoutArb));

/** A small deterministic PRNG (mulberry32), so a key order is a function of the generated seed. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The same value with the keys of every object shuffled; Object.fromEntries keeps an own "__proto__" key as data. */
function shuffleKeys(value: unknown, random: () => number): unknown {
  if (Array.isArray(value)) return value.map((item) => shuffleKeys(item, random));
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value);
  for (let i = entries.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const swap = entries[i];
    entries[i] = entries[j] as [string, unknown];
    entries[j] = swap as [string, unknown];
  }
  return Object.fromEntries(entries.map(([key, item]) => [key, shuffleKeys(item, random)]));
}

interface SerializedFile {
  text: string;
  /** [start, end) character offsets of each record in `text`. */
  spans: [number, number][];
}

/** Writes records exactly as JSON.stringify(records, null, indent) would (with the chosen line break), noting where each record starts and ends. */
function serializeFile(records: readonly JsonRecord[], layout: FileLayout): SerializedFile {
  const random = prng(layout.orderSeed);
  const shuffled = records.map((record) => shuffleKeys(record, random));
  const pad = ' '.repeat(layout.indent);
  const spans: [number, number][] = [];
  let text = '[';
  shuffled.forEach((record, index) => {
    if (index > 0) text += ',';
    if (layout.indent > 0) text += `${layout.newline}${pad}`;
    // Only formatting puts a raw line feed in JSON.stringify's output; line breaks inside text are escaped.
    const written = (JSON.stringify(record, null, layout.indent) ?? 'null').replaceAll('\n', `${layout.newline}${pad}`);
    spans.push([text.length, text.length + written.length]);
    text += written;
  });
  if (layout.indent > 0 && shuffled.length > 0) text += layout.newline;
  text += ']';
  if (text !== JSON.stringify(shuffled, null, layout.indent).replaceAll('\n', layout.newline)) throw new Error('test bug: serializeFile disagrees with JSON.stringify');
  return { text, spans };
}

function serializeDataset(data: RawDataset, layouts: readonly FileLayout[]): Record<DataFileName, SerializedFile> {
  const out = {} as Record<DataFileName, SerializedFile>;
  FILE_NAMES.forEach((name, index) => {
    out[name] = serializeFile(data[name], layouts[index] ?? { indent: 2, orderSeed: 0, newline: '\n' });
  });
  return out;
}

function textsOf(serialized: Record<DataFileName, SerializedFile>): Record<string, string | null> {
  return Object.fromEntries(FILE_NAMES.map((name) => [name, serialized[name].text]));
}

/** The character offset of a 1-based line and column, counting line breaks as editors do (\n, \r\n or a lone \r); NaN when no such place exists. */
function offsetOf(text: string, line: number, column: number): number {
  const lines = text.split(/(\r\n|\r|\n)/);
  let lineStart = 0;
  // split with a capture group alternates line, break, line, break, ...
  for (let current = 1; current < line; current++) {
    const content = lines[2 * (current - 1)];
    const lineBreak = lines[2 * (current - 1) + 1];
    if (content === undefined || lineBreak === undefined) return Number.NaN;
    lineStart += content.length + lineBreak.length;
  }
  const content = lines[2 * (line - 1)];
  if (content === undefined || column < 1 || column > content.length + 1) return Number.NaN;
  return lineStart + column - 1;
}

/** The top-level list of a file as JSON.parse reads it, or null when the text is not a JSON list. */
function parsedArray(text: string | null): unknown[] | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return Array.isArray(value) ? value : null;
  } catch {
    return null;
  }
}

function report(issues: readonly DataIssue[]): string {
  return issues.map((issue) => `${issue.file}:${String(issue.line)}:${String(issue.column)} #${String(issue.index)} ${String(issue.field)}: ${issue.message}`).join('\n');
}

// ---------------------------------------------------------------------------------------------
// Corruptions: what can be broken in each file, and how.

type FieldKind =
  | 'id'
  | 'text'
  | 'nullableText'
  | 'anyText'
  | 'optionalNote'
  | 'date'
  | 'nullableDate'
  | 'url'
  | 'enum'
  | 'nullableEnum'
  | 'bool'
  | 'count'
  | 'nullableCount'
  | 'lat'
  | 'lon'
  | 'iso3'
  | 'nullableIso3'
  | 'sources'
  | 'sourceRef'
  | 'positions'
  | 'claim';

const FIELD_KINDS: Record<DataFileName, Record<string, FieldKind>> = {
  'sources.json': { id: 'id', title: 'text', publisher: 'text', published: 'nullableDate', url: 'url', tier: 'enum' },
  'stations.json': {
    id: 'id',
    iso3: 'iso3',
    country: 'text',
    city: 'nullableText',
    lat: 'lat',
    lon: 'lon',
    operator: 'nullableEnum',
    operator_source_tier: 'nullableEnum',
    listed_in: 'nullableEnum',
    status: 'enum',
    verified: 'bool',
    sources: 'sources',
    note: 'anyText',
  },
  'country_counts.json': {
    id: 'id',
    iso3: 'iso3',
    country: 'text',
    first_report: 'nullableCount',
    second_report: 'nullableCount',
    second_report_is_minimum: 'bool',
    verified: 'bool',
    sources: 'sources',
    note: 'anyText',
  },
  'events.json': {
    id: 'id',
    date: 'date',
    iso3: 'nullableIso3',
    country: 'nullableText',
    actor: 'enum',
    kind: 'enum',
    title: 'text',
    summary: 'text',
    verified: 'bool',
    sources: 'sources',
    note: 'optionalNote',
  },
  'figures.json': { id: 'id', value: 'count', label: 'text', as_of: 'date', verified: 'bool', sources: 'sources', note: 'optionalNote' },
  'disagreements.json': { id: 'id', topic: 'text', positions: 'positions', our_reading: 'text' },
  'corrections.json': { id: 'id', date: 'date', kind: 'enum', what: 'text', why: 'text', sources: 'sources' },
};

const NUMBER_KINDS = new Set<FieldKind>(['count', 'nullableCount', 'lat', 'lon']);
const STRING_KINDS = new Set<FieldKind>(['id', 'text', 'nullableText', 'anyText', 'optionalNote', 'date', 'nullableDate', 'url', 'enum', 'nullableEnum', 'iso3', 'nullableIso3', 'sourceRef', 'claim']);
const NULLABLE_KINDS = new Set<FieldKind>(['nullableText', 'optionalNote', 'nullableDate', 'nullableEnum', 'nullableCount', 'lat', 'lon', 'nullableIso3']);
/** Kinds where empty text breaks a rule (a station's or country row's note may be empty). */
const NO_EMPTY_KINDS = new Set<FieldKind>(['id', 'text', 'nullableText', 'optionalNote', 'date', 'nullableDate', 'url', 'enum', 'nullableEnum', 'iso3', 'nullableIso3', 'sourceRef', 'claim']);
const DATE_KINDS = new Set<FieldKind>(['date', 'nullableDate']);
const ISO_KINDS = new Set<FieldKind>(['iso3', 'nullableIso3']);

const CORRUPTION_NAMES = [
  'wrong type',
  'null for a required field',
  'empty text',
  'out of range',
  'unknown key',
  'missing key',
  'duplicate id',
  'unknown source id',
  'repeated source id',
  'empty list',
  'bad ISO code',
  'impossible date',
  'future date',
  'half coordinates',
  'tier without operator',
  'no report figure',
  'verified on weak sources only',
  'station without country row',
  'code of another country',
  'swapped coordinates',
] as const;
type CorruptionName = (typeof CORRUPTION_NAMES)[number];

interface Corruption {
  name: CorruptionName;
  file: DataFileName;
  /** The record the validator must name. */
  index: number;
  /** The field path it must name (an issue on a deeper path also counts). */
  field: string;
  apply: (data: RawDataset) => void;
}

interface LazyCorruption {
  name: CorruptionName;
  make: () => Corruption;
}

interface Picks {
  target: number;
  corruption: number;
  value: number;
  other: number;
}

interface Target {
  path: (string | number)[];
  kind: FieldKind;
}

function pick<T>(items: readonly T[], n: number): T | undefined {
  return items.length === 0 ? undefined : items[n % items.length];
}

function getAt(root: unknown, path: readonly (string | number)[]): unknown {
  let current = root;
  for (const segment of path) current = (current as Record<string | number, unknown>)[segment];
  return current;
}

/** Sets (or, with `remove`, deletes) the value at path; defineProperty keeps a "__proto__" key an ordinary field. */
function setAt(root: unknown, path: readonly (string | number)[], value: unknown, remove = false): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  const last = path.at(-1) as string | number;
  if (remove) delete parent[last];
  else Object.defineProperty(parent, last, { value, enumerable: true, writable: true, configurable: true });
}

const WRONG_NUMBERS = ['12,5', '7', '1,000', 'twelve', true, [3]];
const WRONG_STRINGS = [42, 0, -1.5, true, false, ['x'], {}];
const WRONG_BOOLEANS = ['true', 'false', 'TRUE', 1, 0, 'yes'];
const WRONG_LISTS = ['src-a', 5, true, { id: 'x' }];
const UNKNOWN_KEYS = ['notes', 'Id', 'source', 'lat ', 'extra', '__proto__', 'constructor', 'toString', '', 'a/b', 'x~1', '~0', 'ünïcode', 'sources.0', 'say "hi"', 'tab\there', '\u2028', '\ud800'];
const BAD_ISO = ['XXX', 'ZZZ', 'esp', 'ES', 'SPAIN', 'MLT', 'SGP', 'AND', 'E S'];
const IMPOSSIBLE_DATES = ['2022-02-30', '2023-02-29', '2021-04-31', '2022-13-01', '2022-00', '2022-1-5', '22-01-01', '2022/01/01', '2022-01-01T00:00:00Z', ' 2022'];
const FUTURE_DATES = ['2099-01-01', '2026-11-23', '2026-12', '2027', '2026-12-01'];
const OUT_OF_RANGE: Partial<Record<FieldKind, unknown[]>> = {
  count: [-1, -1000, 1.5, 0.1],
  nullableCount: [-1, -1000, 1.5, 0.1],
  lat: [91, -90.5, 1e9],
  lon: [181, -180.01, -1e9],
};

/** Every field, every nested claim/sources of a disagreement position, and every entry of a sources list. */
function targetsOf(file: DataFileName, record: JsonRecord): Target[] {
  const targets: Target[] = [];
  for (const [key, kind] of Object.entries(FIELD_KINDS[file])) {
    targets.push({ path: [key], kind });
    if (kind === 'sources') (record[key] as unknown[]).forEach((_, k) => targets.push({ path: [key, k], kind: 'sourceRef' }));
    if (kind === 'positions') {
      (record[key] as JsonRecord[]).forEach((position, p) => {
        targets.push({ path: [key, p, 'claim'], kind: 'claim' });
        targets.push({ path: [key, p, 'sources'], kind: 'sources' });
        (position['sources'] as unknown[]).forEach((_, k) => targets.push({ path: [key, p, 'sources', k], kind: 'sourceRef' }));
      });
    }
  }
  return targets;
}

/**
 * Picks one corruption: first its kind (uniformly among the kinds that apply somewhere in this
 * dataset, so rare ones such as a duplicate id run as often as common ones), then where to apply it.
 */
function chooseCorruption(data: RawDataset, picks: Picks): Corruption | null {
  const byName = new Map<CorruptionName, LazyCorruption[]>();
  for (const file of FILE_NAMES) {
    data[file].forEach((record, index) => {
      for (const target of targetsOf(file, record)) {
        for (const corruption of corruptionsAt(data, file, index, target, picks)) {
          const group = byName.get(corruption.name);
          if (group === undefined) byName.set(corruption.name, [corruption]);
          else group.push(corruption);
        }
      }
    });
  }
  const name = pick(CORRUPTION_NAMES.filter((candidate) => byName.has(candidate)), picks.corruption);
  const chosen = name === undefined ? undefined : pick(byName.get(name) ?? [], picks.target);
  return chosen === undefined ? null : chosen.make();
}

/** The corruptions that apply to one field (target) of record `index` in `file`. */
function corruptionsAt(data: RawDataset, file: DataFileName, index: number, target: Target, picks: Picks): LazyCorruption[] {
  const records = data[file];
  const record = records[index] as JsonRecord;
  const field = target.path.join('.');
  const at = (data2: RawDataset): JsonRecord => data2[file][index] as JsonRecord;
  const setValue = (name: CorruptionName, values: readonly unknown[]): Corruption => {
    const value = pick(values, picks.value);
    return { name, file, index, field, apply: (d) => setAt(at(d), target.path, value) };
  };
  // Only the chosen candidate is built, so the work of building it is done once per run.
  const candidates: LazyCorruption[] = [];
  const add = (name: CorruptionName, make: () => Corruption): void => {
    candidates.push({ name, make });
  };
  const kind = target.kind;
  if (NUMBER_KINDS.has(kind)) add('wrong type', () => setValue('wrong type', WRONG_NUMBERS));
  if (STRING_KINDS.has(kind)) add('wrong type', () => setValue('wrong type', WRONG_STRINGS));
  if (kind === 'bool') add('wrong type', () => setValue('wrong type', WRONG_BOOLEANS));
  if (kind === 'sources' || kind === 'positions') add('wrong type', () => setValue('wrong type', WRONG_LISTS));
  if (!NULLABLE_KINDS.has(kind)) add('null for a required field', () => setValue('null for a required field', [null]));
  if (NO_EMPTY_KINDS.has(kind)) add('empty text', () => setValue('empty text', ['', ' ', '\n']));
  const outOfRange = OUT_OF_RANGE[kind];
  if (outOfRange !== undefined) add('out of range', () => setValue('out of range', outOfRange));
  if (ISO_KINDS.has(kind)) add('bad ISO code', () => setValue('bad ISO code', BAD_ISO));
  if (ISO_KINDS.has(kind) && typeof record['iso3'] === 'string') {
    // A real code with a map shape, but not the country the row names.
    add('code of another country', () => setValue('code of another country', ISO3S.filter((code) => code !== record['iso3'])));
  }
  if (DATE_KINDS.has(kind)) {
    add('impossible date', () => setValue('impossible date', IMPOSSIBLE_DATES));
    add('future date', () => setValue('future date', FUTURE_DATES));
  }

  // Keys: an unknown one added to the record (or to a disagreement position), or a required one removed.
  const objectPath = kind === 'claim' || (kind === 'sources' && target.path.length === 3) ? target.path.slice(0, 2) : [];
  if (target.path.length === 1 || objectPath.length > 0) {
    add('unknown key', () => {
      const holder = getAt(record, objectPath) as JsonRecord;
      const key = pick(UNKNOWN_KEYS.filter((name) => !Object.hasOwn(holder, name)), picks.value) as string;
      return { name: 'unknown key', file, index, field: [...objectPath, key].join('.'), apply: (d) => setAt(at(d), [...objectPath, key], 'surprise') };
    });
    add('missing key', () => ({ name: 'missing key', file, index, field, apply: (d) => setAt(at(d), target.path, undefined, true) }));
  }

  if (kind === 'id' && records.length > 1) {
    add('duplicate id', () => {
      const other = (index + 1 + (picks.other % (records.length - 1))) % records.length;
      const otherId = (records[other] as JsonRecord)['id'];
      return { name: 'duplicate id', file, index: Math.max(index, other), field: 'id', apply: (d) => setAt(at(d), ['id'], otherId) };
    });
  }

  if ((kind === 'sources' || kind === 'sourceRef') && file !== 'sources.json') {
    add('unknown source id', () => {
      // A well-formed id that sources.json does not have (parts of 6 characters are never generated).
      const sourceIds = new Set(data['sources.json'].map((source) => source['id'] as string));
      const unknownIds = ['zzzzzz-unknown', ...[...sourceIds].map((id) => `${id}-zzzzzz`)].filter((id) => !sourceIds.has(id));
      const unknown = pick(unknownIds, picks.value) as string;
      if (kind === 'sourceRef') return { name: 'unknown source id', file, index, field, apply: (d) => setAt(at(d), target.path, unknown) };
      const list = getAt(record, target.path) as unknown[];
      return { name: 'unknown source id', file, index, field, apply: (d) => setAt(at(d), [...target.path, list.length], unknown) };
    });
  }
  if (kind === 'sources' && file !== 'corrections.json') {
    const list = getAt(record, target.path) as unknown[];
    add('repeated source id', () => {
      const repeated = list[picks.other % list.length];
      return { name: 'repeated source id', file, index, field, apply: (d) => setAt(at(d), [...target.path, list.length], repeated) };
    });
    add('empty list', () => setValue('empty list', [[]]));
  }
  if (file === 'corrections.json' && kind === 'sources' && record['kind'] === 'correction') add('empty list', () => setValue('empty list', [[]]));
  if (kind === 'positions') {
    add('empty list', () => ({ name: 'empty list', file, index, field, apply: (d) => setAt(at(d), ['positions'], (at(d)['positions'] as unknown[]).slice(0, picks.other % 2)) }));
  }

  // Rules that tie two fields together; the validator names the field given here.
  if (file === 'stations.json' && (kind === 'lat' || kind === 'lon') && typeof record['lat'] === 'number') {
    add('half coordinates', () => ({ name: 'half coordinates', file, index, field, apply: (d) => setAt(at(d), [field], null) }));
  }
  if (file === 'stations.json' && kind === 'lat' && record['lat'] === null) {
    add('half coordinates', () => ({ name: 'half coordinates', file, index, field: 'lat', apply: (d) => setAt(at(d), ['lon'], 12.5) }));
  }
  // Swapped, a Nigerian point may still lie in Nigeria; every other country's cities then fall outside it (or out of range).
  if (file === 'stations.json' && kind === 'lat' && typeof record['lat'] === 'number' && record['iso3'] !== 'NGA') {
    add('swapped coordinates', () => ({
      name: 'swapped coordinates',
      file,
      index,
      field: 'lat',
      apply: (d) => {
        setAt(at(d), ['lat'], record['lon']);
        setAt(at(d), ['lon'], record['lat']);
      },
    }));
  }
  if (file === 'stations.json' && field === 'operator' && record['operator'] !== null) {
    add('tier without operator', () => ({ name: 'tier without operator', file, index, field: 'operator_source_tier', apply: (d) => setAt(at(d), ['operator'], null) }));
  }
  if (file === 'stations.json' && field === 'operator_source_tier') {
    add('tier without operator', () => ({
      name: 'tier without operator',
      file,
      index,
      field: 'operator_source_tier',
      apply: (d) => setAt(at(d), ['operator_source_tier'], record['operator'] === null ? 'primary' : null),
    }));
  }
  if (file === 'country_counts.json' && (field === 'first_report' || field === 'second_report')) {
    add('no report figure', () => ({
      name: 'no report figure',
      file,
      index,
      field: 'first_report',
      apply: (d) => {
        setAt(at(d), ['first_report'], null);
        setAt(at(d), ['second_report'], null);
      },
    }));
  }
  if (field === 'verified' && data['sources.json'].some((source) => source['tier'] === 'weak')) {
    add('verified on weak sources only', () => {
      const weakIds = data['sources.json'].filter((source) => source['tier'] === 'weak').map((source) => source['id']);
      const weakId = pick(weakIds, picks.other);
      return {
        name: 'verified on weak sources only',
        file,
        index,
        field: 'verified',
        apply: (d) => {
          setAt(at(d), ['verified'], true);
          setAt(at(d), ['sources'], [weakId]);
        },
      };
    });
  }
  if (file === 'stations.json' && field === 'iso3') {
    add('station without country row', () => {
      // At most 5 of the 10 countries have a row, so there is always one without.
      const rowIsos = new Set(data['country_counts.json'].map((row) => row['iso3']));
      const iso3 = pick(ISO3S.filter((code) => !rowIsos.has(code)), picks.other) as string;
      return {
        name: 'station without country row',
        file,
        index,
        field: 'iso3',
        apply: (d) => {
          setAt(at(d), ['iso3'], iso3);
          setAt(at(d), ['country'], COUNTRY_NAMES[iso3]);
        },
      };
    });
  }

  return candidates;
}

// ---------------------------------------------------------------------------------------------
// Garbage: what a file's text may be replaced with or how it may be mangled.

const ALL_KEYS = [...new Set(Object.values(FIELD_KINDS).flatMap((kinds) => Object.keys(kinds))), 'claim', 'x', '__proto__'];
const jsonSoupUnit = fc.constantFrom(...'[]{}",:0123456789-.eE+ \n\r\ttruefalsn\\/\'u', '\u201c', '\ufeff', '\u00a0');

function stringifyLoosely(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'null';
  } catch {
    return 'null';
  }
}

/** A text that replaces a whole file. */
const garbageTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.string({ unit: jsonSoupUnit, maxLength: 60 }),
  fc.uint8Array({ maxLength: 80 }).map((bytes) => new TextDecoder('utf-8').decode(bytes)),
  fc.uint8Array({ maxLength: 80 }).map((bytes) => String.fromCharCode(...bytes)),
  fc.json(),
  fc.anything().map(stringifyLoosely),
  fc.array(fc.anything(), { maxLength: 4 }).map(stringifyLoosely),
  fc.array(fc.oneof(fc.jsonValue(), fc.constant(null)), { maxLength: 4 }).map((value) => JSON.stringify(value, null, 2)),
  // Records with the real field names and random values reach every schema branch.
  fc
    .array(fc.dictionary(fc.constantFrom(...ALL_KEYS), fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom('', 'ESP', '2022-02-30', 'sd-1', -1, 91))), { maxLength: 4 })
    .map((records) => JSON.stringify(records, null, 1)),
  // Nesting deeper than the scanner's limit.
  fc.record({ depth: fc.integer({ min: 1, max: 1200 }), open: fc.constantFrom('[', '{"a":'), close: fc.boolean() }).map(({ depth, open, close }) =>
    open.repeat(depth) + (close ? '0' + (open === '[' ? ']' : '}').repeat(depth) : ''),
  ),
  fc.constantFrom('', ' ', '\n', '\uFEFF[]', '[]', '{}', 'null', '[null]', '[1,]', '[{"id":"a","id":"b"}]', '[{"__proto__":{"id":"x"}}]', '[{"a":1}\r\n,', '[\r{"id":\r1}]', '["\\ud800"]', '[1e999]', '[-0]', '[01]'),
);

type Mutation =
  | { kind: 'replace'; text: string }
  | { kind: 'missing' }
  | { kind: 'truncate'; at: number }
  | { kind: 'suffix'; at: number }
  | { kind: 'splice'; at: number; remove: number; insert: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('replace' as const), text: garbageTextArb }), weight: 4 },
  { arbitrary: fc.record({ kind: fc.constant('missing' as const) }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }), weight: 3 },
  { arbitrary: fc.record({ kind: fc.constant('suffix' as const), at: fc.nat() }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('splice' as const),
      at: fc.nat(),
      remove: fc.nat({ max: 4 }),
      insert: fc.oneof(fc.constant(''), fc.string({ unit: jsonSoupUnit, maxLength: 3 }), fc.constantFrom('\\', '"', '\u2028', '\ud800', '}', ']', ',', '/*', '//')),
    }),
    weight: 3,
  },
);

function mutate(text: string | null, mutation: Mutation): string | null {
  if (mutation.kind === 'replace') return mutation.text;
  if (mutation.kind === 'missing' || text === null) return null;
  const at = mutation.at % (text.length + 1);
  if (mutation.kind === 'truncate') return text.slice(0, at);
  if (mutation.kind === 'suffix') return text.slice(at);
  return text.slice(0, at) + mutation.insert + text.slice(at + mutation.remove);
}

// ---------------------------------------------------------------------------------------------
// 1. Valid datasets.

describe(`validateDatasetFiles properties (seed ${String(SEED)})`, () => {
  it(`accepts ${String(VALID_RUNS)} generated valid datasets and returns their records unchanged (seed ${String(SEED)})`, () => {
    fc.assert(
      fc.property(datasetArb, layoutArb, (data, layouts) => {
        const serialized = serializeDataset(data, layouts);
        const { dataset, issues } = validateDatasetFiles(textsOf(serialized), { today: TODAY });
        expect(issues, report(issues)).toEqual([]);
        expect(dataset).not.toBeNull();
        const expected = Object.fromEntries(FILE_NAMES.map((name) => [DATA_FILES[name], data[name]]));
        expect(JSON.parse(JSON.stringify(dataset))).toEqual(expected);
      }),
      params(VALID_RUNS),
    );
  }, TIMEOUT_MS);

  // -------------------------------------------------------------------------------------------
  // 2. Single-record corruptions.

  it(`rejects ${String(CORRUPTION_RUNS)} single-record corruptions at the right file, record and field (seed ${String(SEED)})`, () => {
    const tally = new Map<string, number>();
    fc.assert(
      fc.property(
        datasetArb,
        layoutArb,
        fc.record({ corruption: fc.nat(), target: fc.nat(), value: fc.nat(), other: fc.nat() }),
        (data, layouts, picks) => {
          const corruption = chooseCorruption(data, picks);
          fc.pre(corruption !== null);
          tally.set(corruption.name, (tally.get(corruption.name) ?? 0) + 1);
          // fast-check keeps the generated value to report it, so corrupt a copy.
          const corrupted = structuredClone(data);
          corruption.apply(corrupted);
          const serialized = serializeDataset(corrupted, layouts);
          const { dataset, issues } = validateDatasetFiles(textsOf(serialized), { today: TODAY });
          const what = `${corruption.name} on ${corruption.file} record #${String(corruption.index)} field "${corruption.field}"\n${report(issues)}`;
          expect(dataset, what).toBeNull();
          const named = issues.filter(
            (issue) =>
              issue.file === corruption.file &&
              issue.index === corruption.index &&
              issue.field !== null &&
              (issue.field === corruption.field || issue.field.startsWith(`${corruption.field}.`)),
          );
          expect(named.length, `no issue names the corrupted record and field: ${what}`).toBeGreaterThan(0);
          const idValue = (corrupted[corruption.file][corruption.index] as JsonRecord)['id'];
          const expectedId = typeof idValue === 'string' && idValue !== '' ? idValue : null;
          expect(named.map((issue) => issue.recordId), `wrong recordId: ${what}`).toEqual(named.map(() => expectedId));
          const { text, spans } = serialized[corruption.file];
          const span = spans[corruption.index] ?? [0, 0];
          const inRecord = named.filter((issue) => {
            if (!(issue.line >= 1 && issue.column >= 1)) return false;
            const offset = offsetOf(text, issue.line, issue.column);
            return offset >= span[0] && offset < span[1];
          });
          expect(inRecord.length, `the issue's line:column is not inside the record (offsets ${String(span[0])}-${String(span[1])}): ${what}`).toBeGreaterThan(0);
        },
      ),
      params(CORRUPTION_RUNS),
    );
    // Every kind of corruption must actually have been exercised, or the property proves less than it claims.
    for (const name of CORRUPTION_NAMES) expect(tally.get(name) ?? 0, `corruption "${name}" never ran`).toBeGreaterThan(0);
  }, TIMEOUT_MS);

  // -------------------------------------------------------------------------------------------
  // 3. Garbage never crashes.

  it(`never throws on ${String(GARBAGE_RUNS)} truncated, mangled or random inputs, and places every issue in the file (seed ${String(SEED)})`, () => {
    fc.assert(
      fc.property(datasetArb, layoutArb, fc.array(fc.record({ file: fc.constantFrom(...FILE_NAMES), mutation: mutationArb }), { minLength: 1, maxLength: 3 }), (data, layouts, mutations) => {
        const texts = textsOf(serializeDataset(data, layouts));
        for (const { file, mutation } of mutations) texts[file] = mutate(texts[file] ?? null, mutation);
        const { dataset, issues } = validateDatasetFiles(texts, { today: TODAY });
        if (issues.length === 0) {
          expect(dataset).not.toBeNull();
          return;
        }
        expect(dataset).toBeNull();
        for (const issue of issues) {
          const where = `${report([issue])}\nin ${JSON.stringify(texts[issue.file] ?? null).slice(0, 400)}`;
          expect(FILE_NAMES as string[], where).toContain(issue.file);
          expect(Number.isInteger(issue.line) && issue.line >= 1, where).toBe(true);
          expect(Number.isInteger(issue.column) && issue.column >= 1, where).toBe(true);
          expect(issue.index === null || (Number.isInteger(issue.index) && issue.index >= 0), where).toBe(true);
          expect(typeof issue.message === 'string' && issue.message.length > 0, where).toBe(true);
          const text = texts[issue.file] ?? null;
          if (text === null || text.trim() === '') {
            expect({ line: issue.line, column: issue.column }, where).toEqual({ line: 1, column: 1 });
          } else {
            expect(offsetOf(text, issue.line, issue.column), `line:column is not a place in the file: ${where}`).not.toBeNaN();
          }
          // A record-level issue must name a record that exists, by the id JSON.parse sees.
          if (issue.field !== null) expect(issue.index, where).not.toBeNull();
          const records = parsedArray(text);
          if (issue.index !== null && records !== null) {
            expect(issue.index, where).toBeLessThan(records.length);
            const id = (records[issue.index] as JsonRecord | null | undefined)?.['id'];
            const isRecord = typeof records[issue.index] === 'object' && records[issue.index] !== null && !Array.isArray(records[issue.index]);
            expect(issue.recordId, where).toBe(isRecord && typeof id === 'string' && id !== '' ? id : null);
          }
        }
      }),
      params(GARBAGE_RUNS),
    );
  }, TIMEOUT_MS);
});
