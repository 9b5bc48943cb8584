/** World country shapes from world-atlas 110m, as GeoJSON features keyed by ISO numeric id, Antarctica dropped. */
import type { Feature, FeatureCollection, Geometry, MultiLineString, MultiPolygon } from 'geojson';
import { feature, merge, mesh } from 'topojson-client';
import type { GeometryCollection, Polygon as TopoPolygon, MultiPolygon as TopoMultiPolygon, Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json' with { type: 'json' };
import { simplifyTopology, type Detail } from './simplify.ts';

/** Antarctica takes a fifth of an Equal Earth map's height and hosts no stations. */
export const DROPPED_IDS = new Set(['010']);

/**
 * Detail of the world view: borders within 0.35° of 110m's (about a pixel at 1,280 px) and no island under half a
 * square degree (Cyprus stays). Cuts the world's paths from 10.8 to 6.2 KB gzipped, most of it by drawing the
 * countries without data as one land shape (see worldBackground).
 */
export const WORLD_DETAIL: Detail = { tolerance: 0.35, minArea: 0.5 };
/** Detail of the Europe panel, drawn about four times larger than the world view: within 0.08°, under a pixel. */
export const EUROPE_DETAIL: Detail = { tolerance: 0.08, minArea: 0.15 };
/** 110m exactly as published. */
export const FULL_DETAIL: Detail = { tolerance: 0, minArea: 0 };

export type CountryFeature = Feature<Geometry, { name: string }> & { id?: string };

type World = Topology<{ countries: GeometryCollection<{ name: string }> }>;
const world = topology as unknown as World;
const simplified = new Map<string, World>();

function worldAt(detail: Detail): World {
  if (detail.tolerance === 0 && detail.minArea === 0) return world;
  const key = `${detail.tolerance}/${detail.minArea}`;
  let found = simplified.get(key);
  if (!found) simplified.set(key, (found = simplifyTopology(world, detail)));
  return found;
}

const kept = (id: unknown) => !(id !== undefined && DROPPED_IDS.has(String(id)));

/** All 110m country features except the dropped ones; three disputed areas have no id and are kept as land. */
export function worldCountryFeatures(detail: Detail = WORLD_DETAIL): CountryFeature[] {
  const at = worldAt(detail);
  const collection = feature(at, at.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return (collection.features as CountryFeature[]).filter((f) => kept(f.id));
}

/**
 * Every country the map does not draw on its own (`ownIds`, ISO numeric), as one land shape and one set of borders
 * between them: each border is drawn once instead of twice, and 140 paths become two.
 */
export function worldBackground(ownIds: ReadonlySet<string>, detail: Detail = WORLD_DETAIL): { land: MultiPolygon; borders: MultiLineString } {
  const at = worldAt(detail);
  const background = (id: unknown) => kept(id) && !(id !== undefined && ownIds.has(String(id)));
  const geometries = at.objects.countries.geometries.filter((g) => background(g.id)) as (TopoPolygon | TopoMultiPolygon)[];
  const land = merge(at, geometries);
  const borders = mesh(at, at.objects.countries, (a, b) => a !== b && background(a.id) && background(b.id));
  return { land, borders };
}

/** The set of ISO numeric ids that have a shape at this scale (microstates such as Malta do not). */
export function worldGeometryIds(): Set<string> {
  return new Set(world.objects.countries.geometries.map((g) => String(g.id ?? '')).filter((id) => id !== ''));
}
