/**
 * Builds everything the world map draws and says (shapes, classes, markers, labels, details, takeaway) from the
 * dataset: the world view and the enlarged Europe panel that phones get, both prerendered.
 */
import { geoAzimuthalEqualArea, geoEqualEarth, geoPath, type GeoProjection } from 'd3-geo';
import type { Dataset, Station, TimelineEvent } from '../dataset/types.ts';
import { CompactPathContext } from '../geo/compact-path.ts';
import { alpha3ToNumeric } from '../geo/iso.ts';
import { labelPoint, RingCollector, type Point } from '../geo/label-point.ts';
import { EUROPE_DETAIL, WORLD_DETAIL, worldBackground, worldCountryFeatures, type CountryFeature } from '../geo/world.ts';
import type { Detail } from '../geo/simplify.ts';
import type { Edition } from '../edition/edition.ts';
import { latestReportedCount } from '../derive/stations.ts';
import { decisiveEvent, responseState, stationState, type ResponseState, type StationState } from './classify.ts';

/**
 * Width of the map's viewBox. Integer coordinates at 960 cost 10.5 KB gzip against 13.7 KB at 1920 (bench-map-paths.ts)
 * and keep the embed page within its 25 KB budget; at most about 1.3 px of rounding on a 1,280 px screen.
 */
export const MAP_WIDTH = 960;

export interface MapShape {
  /** ISO numeric id. */
  key: string;
  iso3: string | null;
  name: string;
  d: string;
  stations: StationState;
  response: ResponseState;
  /** True when the dataset has a row for this country, so it is focusable and has details. */
  hasData: boolean;
  /** A point well inside the country (viewBox units): labels sit there and the arrow keys measure from it. */
  x: number;
  y: number;
}

/** A value written on the map, wire-graphics style ("Italy 11"). */
export interface MapLabel {
  iso3: string;
  x: number;
  y: number;
  text: string;
}

export interface MapMarker {
  key: string;
  x: number;
  y: number;
  city: string;
  iso3: string;
  stations: number;
  /** All rows at this point are unverified: drawn hollow. */
  unverified: boolean;
}

export interface SourceRef {
  id: string;
  publisher: string;
  published: string | null;
  url: string;
  tier: string;
}

export interface CountryDetail {
  iso3: string;
  name: string;
  firstReport: number | null;
  secondReport: number | null;
  secondReportIsMinimum: boolean;
  latest: number;
  verified: boolean;
  cities: string[];
  /** Chinese police bureaus named for this country's stations; `unconfirmed` when only weak sources name it. */
  bureaus: { name: string; unconfirmed: boolean }[];
  stationRows: number;
  stations: StationState;
  response: ResponseState;
  responseEvents: Pick<TimelineEvent, 'id' | 'date' | 'kind' | 'title'>[];
  /** The event that decided the response class (see decisiveEvent), or null for "nothing known". */
  responseEvent: Pick<TimelineEvent, 'id' | 'date' | 'kind' | 'title'> | null;
  note: string;
  sources: SourceRef[];
}

/** One drawing of the map: the world, or the Europe panel. */
export interface MapView {
  width: number;
  height: number;
  /** Every country without its own shape, merged into one path, and the borders between them as another. */
  land: string;
  borders: string;
  /** Countries with data, and China: one path each. */
  shapes: MapShape[];
  markers: MapMarker[];
  labels: MapLabel[];
}

export interface MapModel extends MapView {
  details: CountryDetail[];
  /** Europe, drawn large enough to read and tap on a phone (most reported stations are European). */
  inset: MapView;
}

/**
 * The Europe panel: an equal-area projection centred on Europe (as EPSG:3035), fitted to these bounds. At 360 units
 * wide it is drawn at about one unit per CSS pixel on a 390 px phone, where Slovakia, the smallest European country
 * with data, comes out about 40×20 px.
 */
export const EUROPE_INSET = {
  width: 360,
  rotate: [-10, -52] as [number, number],
  /** West, south, east, north, in degrees: Portugal and Ireland to Ukraine's west, Crete to central Sweden. */
  bounds: [-10.5, 35, 31, 61] as [number, number, number, number],
};

/** Station counts from this class up are written on the Europe panel ("Italy 11"). */
const LABELLED_CLASSES = new Set<StationState>(['s3', 's4']);

/**
 * Overseas parts drawn as plain land, not in the country's colour: French Guiana is France, but a reader sees a
 * coloured country in South America and takes it for a station site. Keyed by ISO numeric id; tests the part's
 * label point (longitude, latitude).
 */
const OVERSEAS_PARTS: Record<string, (lonLat: Point) => boolean> = {
  '250': ([lon]) => lon < -30,
};


const brief = (e: TimelineEvent | null) => (e ? { id: e.id, date: e.date, kind: e.kind, title: e.title } : null);

/** Cities of a country's station rows, deduplicated, in data order; unlocated rows say so once. */
function citiesOf(rows: readonly Station[]): string[] {
  return [...new Set(rows.map((s) => s.city).filter((c): c is string => c !== null))];
}

/** Bureaus named for a country's stations, in data order; a bureau is unconfirmed when every row naming it rests on weak sources for it. */
function bureausOf(rows: readonly Station[]): { name: string; unconfirmed: boolean }[] {
  const names = [...new Set(rows.map((s) => s.operator).filter((o): o is NonNullable<typeof o> => o !== null))];
  return names.map((name) => ({
    name,
    unconfirmed: rows.filter((s) => s.operator === name).every((s) => s.operator_source_tier === 'weak'),
  }));
}

/** Splits a feature into its home polygons and the overseas parts drawn as plain land (see OVERSEAS_PARTS). */
function splitOverseas(f: CountryFeature): { home: CountryFeature; overseas: CountryFeature | null } {
  const test = f.id ? OVERSEAS_PARTS[String(f.id)] : undefined;
  if (!test || f.geometry.type !== 'MultiPolygon') return { home: f, overseas: null };
  const at = (polygon: Point[][]) => labelPoint([polygon[0]!]) ?? polygon[0]![0]!;
  const polygons = f.geometry.coordinates as Point[][][];
  const home = polygons.filter((p) => !test(at(p)));
  const away = polygons.filter((p) => test(at(p)));
  if (away.length === 0 || home.length === 0) return { home: f, overseas: null };
  const part = (coordinates: Point[][][]): CountryFeature => ({ ...f, geometry: { type: 'MultiPolygon', coordinates } });
  return { home: part(home), overseas: part(away) };
}

interface Drawing {
  projection: GeoProjection;
  width: number;
  height: number;
  detail: Detail;
}

/** Draws one view (world or Europe) of the countries, markers and labels with the given projection. */
function drawView(
  dataset: Dataset,
  features: readonly CountryFeature[],
  drawing: Drawing,
  classify: (iso3: string) => Pick<MapShape, 'name' | 'stations' | 'response' | 'hasData'>,
  own: ReadonlyMap<string, string>,
  label: ((shape: MapShape) => string | null) | null,
): MapView {
  const { projection, width, height } = drawing;
  const context = new CompactPathContext();
  const path = geoPath(projection, context);
  const rings = new RingCollector();
  const ringPath = geoPath(projection, rings);
  const draw = (object: Parameters<typeof path>[0]) => {
    path(object);
    return context.result();
  };

  const shapes: MapShape[] = [];
  const overseas: CountryFeature[] = [];
  for (const f of features) {
    const iso3 = f.id ? own.get(String(f.id)) : undefined;
    if (!iso3) continue;
    const { home, overseas: away } = splitOverseas(f);
    if (away) overseas.push(away);
    const d = draw(home);
    if (d === '') continue; // outside the Europe panel
    ringPath(home);
    const [x, y] = labelPoint(rings.rings()) ?? [0, 0];
    shapes.push({ key: String(f.id), iso3, d, x: Math.round(x), y: Math.round(y), ...classify(iso3) });
  }

  const background = worldBackground(new Set(own.keys()), drawing.detail);
  path(background.land);
  for (const part of overseas) path(part);
  const land = context.result();
  const borders = draw(background.borders);

  const inside = ([x, y]: Point) => x >= 0 && y >= 0 && x <= width && y <= height;
  const markerGroups = new Map<string, Station[]>();
  for (const station of dataset.stations) {
    if (station.lat === null || station.lon === null) continue;
    const key = `${station.lon},${station.lat}`;
    markerGroups.set(key, [...(markerGroups.get(key) ?? []), station]);
  }
  const markers: MapMarker[] = [];
  for (const rows of markerGroups.values()) {
    const first = rows[0]!;
    const point = projection([first.lon!, first.lat!]);
    if (!point || !inside(point)) continue;
    markers.push({
      key: rows.map((r) => r.id).join(' '),
      x: Math.round(point[0]),
      y: Math.round(point[1]),
      city: first.city ?? first.country,
      iso3: first.iso3,
      stations: rows.length,
      unverified: rows.every((r) => !r.verified),
    });
  }

  const labels: MapLabel[] = [];
  if (label) {
    for (const shape of shapes) {
      const text = label(shape);
      if (text && inside([shape.x, shape.y])) labels.push(placeLabel(shape, text, markers, width));
    }
  }
  return { width, height, land, borders, shapes, markers, labels };
}

/** Approximate size of a label at the stylesheet's 13 px bold: enough to keep it off the markers and the edge. */
const LABEL_CHAR_WIDTH = 7.5;
const LABEL_HEIGHT = 14;

/**
 * Writes the label at the country's inner point, or just above or below it when that covers fewer station markers,
 * and keeps it inside the panel.
 */
function placeLabel(shape: MapShape, text: string, markers: readonly MapMarker[], width: number): MapLabel {
  const half = (text.length * LABEL_CHAR_WIDTH) / 2;
  const x = Math.round(Math.min(Math.max(shape.x, half), width - half));
  const covered = (y: number) =>
    markers.filter((m) => Math.abs(m.x - x) < half + 5 && Math.abs(m.y - y) < LABEL_HEIGHT / 2 + 5).length;
  const [y] = [0, 12, -12, 22, -22]
    .map((dy) => shape.y + dy)
    .map((candidate) => [candidate, covered(candidate)] as const)
    .sort((a, b) => a[1] - b[1])[0]!;
  return { iso3: shape.iso3!, x, y, text };
}

/** The Europe panel's projection and size for a given width (see EUROPE_INSET). */
export function europeProjection(width: number = EUROPE_INSET.width): { projection: GeoProjection; height: number } {
  const [west, south, east, north] = EUROPE_INSET.bounds;
  // The bounds' edges, sampled: they curve under an azimuthal projection, so the corners alone do not fit them.
  const edge: Point[] = [];
  for (let i = 0; i <= 8; i++) {
    const lon = west + ((east - west) * i) / 8;
    const lat = south + ((north - south) * i) / 8;
    edge.push([lon, south], [lon, north], [west, lat], [east, lat]);
  }
  const box = { type: 'MultiPoint' as const, coordinates: edge };
  const projection = geoAzimuthalEqualArea().rotate(EUROPE_INSET.rotate).fitWidth(width, box);
  const height = Math.ceil(geoPath(projection).bounds(box)[1][1]);
  projection.clipExtent([
    [0, 0],
    [width, height],
  ]);
  return { projection, height };
}

/** The map in an edition: country names, label numbers and sorting in its language. */
export function buildMapModel(dataset: Dataset, features: readonly CountryFeature[], edition: Edition, width: number = MAP_WIDTH): MapModel {
  const collection = { type: 'FeatureCollection' as const, features: [...features] };
  const projection = geoEqualEarth().fitWidth(width, collection);
  const bounds = geoPath(projection).bounds(collection);
  const height = Math.ceil(bounds[1][1]);

  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const rowsByIso3 = new Map(dataset.countryCounts.map((row) => [row.iso3, row]));
  // Countries drawn on their own (with data, and China): ISO numeric → alpha-3. The rest is one land shape.
  const own = new Map<string, string>();
  for (const iso3 of new Set([...rowsByIso3.keys(), 'CHN'])) {
    const numeric = alpha3ToNumeric(iso3);
    if (numeric) own.set(numeric, iso3);
  }
  const names = new Map(features.map((f) => [String(f.id), f.properties.name]));
  const classify = (iso3: string) => {
    const row = rowsByIso3.get(iso3);
    return {
      name: row?.country ?? edition.countryName(iso3, names.get(alpha3ToNumeric(iso3) ?? '') ?? iso3),
      stations: stationState(iso3, row),
      response: responseState(iso3, row !== undefined, dataset.events).state,
      hasData: row !== undefined,
    };
  };

  const world = drawView(dataset, features, { projection, width, height, detail: WORLD_DETAIL }, classify, own, null);

  const europe = europeProjection();
  const label = (shape: MapShape) => {
    const row = rowsByIso3.get(shape.iso3!);
    return row && LABELLED_CLASSES.has(shape.stations) ? `${shape.name} ${edition.number(latestReportedCount(row).value)}` : null;
  };
  const inset = drawView(
    dataset,
    worldCountryFeatures(EUROPE_DETAIL),
    { projection: europe.projection, width: EUROPE_INSET.width, height: europe.height, detail: EUROPE_DETAIL },
    classify,
    own,
    label,
  );

  const details: CountryDetail[] = dataset.countryCounts.map((row) => {
    const rows = dataset.stations.filter((s) => s.iso3 === row.iso3);
    const response = responseState(row.iso3, true, dataset.events);
    const sourceIds = [...new Set([...row.sources, ...response.events.flatMap((e) => e.sources)])];
    return {
      iso3: row.iso3,
      name: row.country,
      firstReport: row.first_report,
      secondReport: row.second_report,
      secondReportIsMinimum: row.second_report_is_minimum,
      latest: latestReportedCount(row).value,
      verified: row.verified,
      cities: citiesOf(rows),
      bureaus: bureausOf(rows),
      stationRows: rows.length,
      stations: stationState(row.iso3, row),
      response: response.state,
      responseEvents: response.events.map((e) => brief(e)!),
      responseEvent: brief(decisiveEvent(response.state, response.events)),
      note: row.note,
      sources: sourceIds.map((id) => {
        const s = sourcesById.get(id)!;
        return { id, publisher: s.publisher, published: s.published, url: s.url, tier: s.tier };
      }),
    };
  });
  details.sort((a, b) => b.latest - a.latest || edition.compare(a.name, b.name));

  return { ...world, details, inset };
}
