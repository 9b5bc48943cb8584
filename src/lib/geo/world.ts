/** World country shapes from world-atlas 110m, as GeoJSON features keyed by ISO numeric id, Antarctica dropped. */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json' with { type: 'json' };

/** Antarctica takes a fifth of an Equal Earth map's height and hosts no stations. */
export const DROPPED_IDS = new Set(['010']);

export type CountryFeature = Feature<Geometry, { name: string }> & { id?: string };

const world = topology as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;

/** All 110m country features except the dropped ones; three disputed areas have no id and are kept as land. */
export function worldCountryFeatures(): CountryFeature[] {
  const collection = feature(world, world.objects.countries) as FeatureCollection<Geometry, { name: string }>;
  return (collection.features as CountryFeature[]).filter((f) => !(f.id && DROPPED_IDS.has(String(f.id))));
}

/** The set of ISO numeric ids that have a shape at this scale (microstates such as Malta do not). */
export function worldGeometryIds(): Set<string> {
  return new Set(world.objects.countries.geometries.map((g) => String(g.id ?? '')).filter((id) => id !== ''));
}
