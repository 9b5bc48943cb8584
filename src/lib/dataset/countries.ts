/** What the validator knows about countries: ISO 3166-1 codes and the names this dataset may use for them, which codes the world map can draw, and whether a point lies in or near a country. */
import { geoContains } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import isoCountryList from '../geo/iso-3166-1.json' with { type: 'json' };
import worldAtlas110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import worldAtlas50m from 'world-atlas/countries-50m.json' with { type: 'json' };

export interface IsoCountry {
  alpha3: string;
  numeric: string;
  name: string;
}

const ISO_COUNTRIES = isoCountryList as IsoCountry[];
const ISO_BY_ALPHA3: ReadonlyMap<string, IsoCountry> = new Map(ISO_COUNTRIES.map((country) => [country.alpha3, country]));
const ISO_BY_NUMERIC: ReadonlyMap<string, IsoCountry> = new Map(ISO_COUNTRIES.map((country) => [country.numeric, country]));

export function isoCountry(alpha3: string): IsoCountry | undefined {
  return ISO_BY_ALPHA3.get(alpha3);
}

/** `"AUT" (Austria)`, or just `"XYZ"` for a code that is not ISO. */
export function countryLabel(alpha3: string): string {
  const country = ISO_BY_ALPHA3.get(alpha3);
  return country === undefined ? `"${alpha3}"` : `"${alpha3}" (${country.name})`;
}

// ---------------------------------------------------------------------------------------------
// Names.

/**
 * Other names the data may give a country besides its name in src/lib/geo/iso-3166-1.json, keyed
 * by alpha-3 code. Matching ignores case, accents, punctuation and a leading "the"; ISO names
 * written "Congo, The Democratic Republic of the" also match "The Democratic Republic of the Congo".
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  BOL: ['Plurinational State of Bolivia'],
  BRN: ['Brunei'],
  CHN: ["People's Republic of China", 'PRC'],
  CIV: ['Ivory Coast'],
  COD: ['DR Congo', 'DRC', 'Congo-Kinshasa'],
  COG: ['Republic of the Congo', 'Congo-Brazzaville'],
  CPV: ['Cape Verde'],
  CZE: ['Czech Republic'],
  FSM: ['Micronesia'],
  GBR: ['UK', 'Great Britain', 'Britain', 'United Kingdom of Great Britain and Northern Ireland'],
  IRN: ['Islamic Republic of Iran'],
  KOR: ['Republic of Korea', 'Korea, Republic of'],
  LAO: ["Lao People's Democratic Republic"],
  MDA: ['Republic of Moldova'],
  MKD: ['Macedonia'],
  MMR: ['Burma'],
  NLD: ['Holland', 'Kingdom of the Netherlands'],
  PRK: ["Democratic People's Republic of Korea"],
  PSE: ['Palestine'],
  RUS: ['Russia'],
  SWZ: ['Swaziland'],
  SYR: ['Syrian Arab Republic'],
  TLS: ['East Timor'],
  TUR: ['Turkey'],
  TZA: ['United Republic of Tanzania'],
  USA: ['United States of America', 'USA', 'US'],
  VAT: ['Vatican', 'Vatican City', 'Holy See'],
  VEN: ['Bolivarian Republic of Venezuela'],
  VNM: ['Viet Nam'],
};

/** Case, accents, punctuation and a leading "the" do not make a different name. */
function normalizeName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replaceAll('&', ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Every accepted spelling, normalised, mapped to its alpha-3 code. */
const CODE_BY_NAME: ReadonlyMap<string, string> = (() => {
  const byName = new Map<string, string>();
  const add = (name: string, alpha3: string): void => {
    const key = normalizeName(name);
    if (key !== '' && !byName.has(key)) byName.set(key, alpha3);
  };
  for (const { alpha3, name } of ISO_COUNTRIES) {
    add(name, alpha3);
    // "Palestine, State of" is also "State of Palestine".
    const comma = name.indexOf(', ');
    if (comma !== -1) add(`${name.slice(comma + 2)} ${name.slice(0, comma)}`, alpha3);
  }
  for (const [alpha3, names] of Object.entries(COUNTRY_ALIASES)) for (const name of names) add(name, alpha3);
  return byName;
})();

/** The alpha-3 code of a country name, or null when the name is not one we know. */
export function codeForCountryName(name: string): string | null {
  return CODE_BY_NAME.get(normalizeName(name)) ?? null;
}

// ---------------------------------------------------------------------------------------------
// Shapes.

type CountriesTopology = Topology<{ countries: GeometryCollection<{ name: string }> }>;
const WORLD_110M = worldAtlas110m as unknown as CountriesTopology;
const WORLD_50M = worldAtlas50m as unknown as CountriesTopology;

// Feature ids are zero-padded strings ("040"); compared as strings, never as numbers, so "040" and "40" never meet.
const MAP_FEATURE_IDS: ReadonlySet<string> = new Set(
  WORLD_110M.objects.countries.geometries.map((geometry) => geometry.id).filter((id): id is string => typeof id === 'string'),
);

/** Whether the page's world map (world-atlas 1:110m) has a shape for this ISO country. */
export function hasMapShape(country: IsoCountry): boolean {
  return MAP_FEATURE_IDS.has(country.numeric);
}

/**
 * How far outside a country's 1:50m outline a point may lie and still count as in it: coarse
 * outlines cut off harbours, lagoons and small islands (Venice, Lisbon, Manhattan).
 */
export const NEAR_KM = 50;
const RING_RADII_KM = [10, 25, NEAR_KM];
const RING_POINTS = 16;
const EARTH_RADIUS_KM = 6371;

/** The 1:50m shapes by ISO numeric id; one id may have several geometries (Australia and the Ashmore and Cartier Islands). */
const GEOMETRIES_50M: ReadonlyMap<string, GeometryCollection<{ name: string }>['geometries']> = (() => {
  const byId = new Map<string, GeometryCollection<{ name: string }>['geometries']>();
  for (const geometry of WORLD_50M.objects.countries.geometries) {
    // Disputed areas (Kosovo, Somaliland, ...) have no ISO id; their name keeps them apart.
    const name = (geometry.properties as { name?: string } | undefined)?.name ?? '';
    const id = typeof geometry.id === 'string' ? geometry.id : `name:${name}`;
    byId.set(id, [...(byId.get(id) ?? []), geometry]);
  }
  return byId;
})();

const shapeCache = new Map<string, FeatureCollection<Geometry, { name: string }>>();

function shapeOf(id: string): FeatureCollection<Geometry, { name: string }> | null {
  const cached = shapeCache.get(id);
  if (cached !== undefined) return cached;
  const geometries = GEOMETRIES_50M.get(id);
  if (geometries === undefined) return null;
  const shape: FeatureCollection<Geometry, { name: string }> = {
    type: 'FeatureCollection',
    features: geometries.map((geometry) => feature(WORLD_50M, geometry) as Feature<Geometry, { name: string }>),
  };
  shapeCache.set(id, shape);
  return shape;
}

/** The point `km` away from (lat, lon) on the given bearing, as [lon, lat] the way d3 wants it. */
function destination(lat: number, lon: number, km: number, bearing: number): [number, number] {
  const distance = km / EARTH_RADIUS_KM;
  const phi1 = (lat * Math.PI) / 180;
  const lambda1 = (lon * Math.PI) / 180;
  const phi2 = Math.asin(Math.sin(phi1) * Math.cos(distance) + Math.cos(phi1) * Math.sin(distance) * Math.cos(bearing));
  const lambda2 = lambda1 + Math.atan2(Math.sin(bearing) * Math.sin(distance) * Math.cos(phi1), Math.cos(distance) - Math.sin(phi1) * Math.sin(phi2));
  return [(((lambda2 * 180) / Math.PI + 540) % 360) - 180, (phi2 * 180) / Math.PI];
}

/**
 * Whether (lat, lon) lies in the country or within NEAR_KM of its 1:50m outline, tested on rings
 * of points around it; null when the 1:50m map has no shape for the country, so nothing can be said.
 */
export function isInOrNearCountry(country: IsoCountry, lat: number, lon: number): boolean | null {
  const key = `${country.numeric} ${String(lat)} ${String(lon)}`;
  const known = placementCache.get(key);
  if (known !== undefined) return known;
  const shape = shapeOf(country.numeric);
  let result: boolean | null = null;
  if (shape !== null) result = geoContains(shape, [lon, lat]) || RING_RADII_KM.some((km) => ringTouches(shape, lat, lon, km));
  // The same rows are checked on every run of the dev server and the tests; remember the answers.
  if (placementCache.size > 50_000) placementCache.clear();
  placementCache.set(key, result);
  return result;
}

const placementCache = new Map<string, boolean | null>();

function ringTouches(shape: FeatureCollection<Geometry, { name: string }>, lat: number, lon: number, km: number): boolean {
  for (let i = 0; i < RING_POINTS; i++) {
    if (geoContains(shape, destination(lat, lon, km, (2 * Math.PI * i) / RING_POINTS))) return true;
  }
  return false;
}

/** The name of the country whose 1:50m outline contains (lat, lon), or null at sea. Slow: for messages only. */
export function countryAt(lat: number, lon: number): string | null {
  for (const id of GEOMETRIES_50M.keys()) {
    const shape = shapeOf(id);
    if (shape !== null && geoContains(shape, [lon, lat])) {
      return ISO_BY_NUMERIC.get(id)?.name ?? shape.features[0]?.properties.name ?? null;
    }
  }
  return null;
}
