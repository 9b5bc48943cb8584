/** Builds everything the world map draws and says (shapes, classes, markers, details, takeaway) from the dataset. */
import { geoEqualEarth, geoPath } from 'd3-geo';
import type { Dataset, Station, TimelineEvent } from '../dataset/types.ts';
import { CompactPathContext } from '../geo/compact-path.ts';
import { alpha3ToNumeric } from '../geo/iso.ts';
import type { CountryFeature } from '../geo/world.ts';
import { latestReportedCount } from '../derive/stations.ts';
import { responseState, stationState, type ResponseState, type StationState } from './classify.ts';

/**
 * Width of the map's viewBox. Integer coordinates at 960 cost 10.5 KB gzip against 13.7 KB at 1920 (bench-map-paths.ts)
 * and keep the embed page within its 25 KB budget; at most about 1.3 px of rounding on a 1,280 px screen.
 */
export const MAP_WIDTH = 960;

export interface MapShape {
  /** ISO numeric id, or a generated key for the three 110m shapes without one. */
  key: string;
  iso3: string | null;
  name: string;
  d: string;
  stations: StationState;
  response: ResponseState;
  /** True when the dataset has a row for this country, so it is focusable and has details. */
  hasData: boolean;
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
  note: string;
  sources: SourceRef[];
}

export interface MapModel {
  width: number;
  height: number;
  shapes: MapShape[];
  markers: MapMarker[];
  details: CountryDetail[];
}

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

export function buildMapModel(dataset: Dataset, features: readonly CountryFeature[], width: number = MAP_WIDTH): MapModel {
  const collection = { type: 'FeatureCollection' as const, features: [...features] };
  const projection = geoEqualEarth().fitWidth(width, collection);
  const bounds = geoPath(projection).bounds(collection);
  const height = Math.ceil(bounds[1][1]);
  const context = new CompactPathContext();
  const path = geoPath(projection, context);

  const sourcesById = new Map(dataset.sources.map((s) => [s.id, s]));
  const rowsByIso3 = new Map(dataset.countryCounts.map((row) => [row.iso3, row]));
  const numericToIso3 = new Map<string, string>();
  for (const iso3 of new Set([...rowsByIso3.keys(), 'CHN'])) {
    const numeric = alpha3ToNumeric(iso3);
    if (numeric) numericToIso3.set(numeric, iso3);
  }

  const shapes: MapShape[] = features.map((f, i) => {
    const key = f.id ? String(f.id) : `x${i}`;
    const iso3 = f.id ? (numericToIso3.get(String(f.id)) ?? null) : null;
    const row = iso3 ? rowsByIso3.get(iso3) : undefined;
    path(f);
    return {
      key,
      iso3,
      name: row?.country ?? f.properties.name,
      d: context.result(),
      stations: iso3 ? stationState(iso3, row) : 'none',
      response: iso3 ? responseState(iso3, row !== undefined, dataset.events).state : 'none',
      hasData: row !== undefined,
    };
  });

  const markerGroups = new Map<string, Station[]>();
  for (const station of dataset.stations) {
    if (station.lat === null || station.lon === null) continue;
    const key = `${station.lon},${station.lat}`;
    markerGroups.set(key, [...(markerGroups.get(key) ?? []), station]);
  }
  const markers: MapMarker[] = [...markerGroups.values()].map((rows) => {
    const first = rows[0]!;
    const point = projection([first.lon!, first.lat!]) ?? [0, 0];
    return {
      key: rows.map((r) => r.id).join(' '),
      x: Math.round(point[0]),
      y: Math.round(point[1]),
      city: first.city ?? first.country,
      iso3: first.iso3,
      stations: rows.length,
      unverified: rows.every((r) => !r.verified),
    };
  });

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
      responseEvents: response.events.map(({ id, date, kind, title }) => ({ id, date, kind, title })),
      note: row.note,
      sources: sourceIds.map((id) => {
        const s = sourcesById.get(id)!;
        return { id, publisher: s.publisher, published: s.published, url: s.url, tier: s.tier };
      }),
    };
  });
  details.sort((a, b) => b.latest - a.latest || a.name.localeCompare(b.name));

  return { width, height, shapes, markers, details };
}
