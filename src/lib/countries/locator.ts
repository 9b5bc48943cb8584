/**
 * A small locator map for a country page: the country highlighted among its neighbours, station cities marked,
 * prerendered as SVG paths in the compact integer encoding (src/lib/geo/compact-path.ts). An azimuthal equal-area
 * projection centred on the country keeps every region, Russia and New Zealand included, undistorted at the middle.
 */
import { geoAzimuthalEqualArea, geoBounds, geoCentroid, geoCircle, geoPath, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import topology50m from 'world-atlas/countries-50m.json' with { type: 'json' };
import topology110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import { CompactPathContext } from '../geo/compact-path.ts';
import { alpha3ToNumeric } from '../geo/iso.ts';

/** viewBox size: about one unit per CSS pixel on a 320 px phone, so 14-unit labels stay readable there (12.6 px). */
export const LOCATOR_WIDTH = 320;
export const LOCATOR_HEIGHT = 240;
/** The view always shows at least this many degrees around the country, so small countries keep their neighbours. */
const MIN_RADIUS_DEGREES = 7;
/** Share of the frame's width and height kept free around the country (and its stations) on each side. */
const MARGIN = 0.14;
/** Label size in viewBox units, and a rough width per character (system sans-serif at that size). */
export const LABEL_SIZE = 14;
const CHAR_WIDTH = 0.56 * LABEL_SIZE;
const MARKER_RADIUS = 4;

type LandFeature = Feature<Geometry, { name: string }> & { id?: string };

/** Above this many kilometres per viewBox unit the 1:110m shapes are as sharp as the 1:50m ones, at a third of the bytes. */
const COARSE_KM_PER_UNIT = 12;
const EARTH_RADIUS_KM = 6371;

const cachedFeatures = new Map<string, LandFeature[]>();
/** Country shapes at 1:50m or 1:110m: the 1:110m shapes look blocky close up (the Netherlands at 110m is a hexagon). */
export function locatorFeatures(scale: '50m' | '110m'): LandFeature[] {
  let features = cachedFeatures.get(scale);
  if (!features) {
    const world = (scale === '50m' ? topology50m : topology110m) as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
    const collection = feature(world, world.objects.countries) as FeatureCollection<Geometry, { name: string }>;
    features = (collection.features as LandFeature[]).filter((f) => String(f.id ?? '') !== '010');
    cachedFeatures.set(scale, features);
  }
  return features;
}

export interface LocatorPoint {
  /** Station ids drawn at this point. */
  ids: string[];
  city: string;
  lon: number;
  lat: number;
  /** Every station at this point is unverified: drawn hollow. */
  unverified: boolean;
}

export interface LocatorMarker {
  x: number;
  y: number;
  /** Every city at this marker, joined ("Florence and Prato"). */
  city: string;
  /** The text the label shows: `city`, or the first city alone when the whole list does not fit. */
  text: string;
  unverified: boolean;
  stations: number;
  /** Where the label goes, or null when it would collide with another label or leave the frame. */
  label: { x: number; y: number; anchor: 'start' | 'middle' | 'end' } | null;
}

type UnlabelledMarker = Omit<LocatorMarker, 'label' | 'text'> & { cities: string[] };

export interface LocatorMap {
  width: number;
  height: number;
  /** The country itself. */
  country: string;
  /** Every other shape that reaches into the frame, as one path. */
  land: string;
  markers: LocatorMarker[];
}

/** The part of a country that matters for framing: its largest polygon (mainland France, not French Guiana). */
function mainPolygon(geometry: Geometry): Polygon | null {
  if (geometry.type === 'Polygon') return geometry;
  if (geometry.type !== 'MultiPolygon') return null;
  let best: Polygon | null = null;
  let bestArea = -1;
  for (const coordinates of (geometry as MultiPolygon).coordinates) {
    const polygon: Polygon = { type: 'Polygon', coordinates };
    // Spherical bounds area is a fair proxy for "largest part" and cheap.
    const [[x0, y0], [x1, y1]] = geoBounds(polygon);
    const area = Math.abs((x1 - x0 + 360) % 360) * Math.abs(y1 - y0);
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}

/** A projection centred on the country, fitted to its main part, its stations and a minimum radius of neighbours. */
export function locatorProjection(shape: Geometry, points: readonly Position[], width = LOCATOR_WIDTH, height = LOCATOR_HEIGHT): GeoProjection {
  const main = mainPolygon(shape) ?? shape;
  const centre = geoCentroid({ type: 'Feature', properties: {}, geometry: main });
  const frame: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', properties: {}, geometry: main },
      { type: 'Feature', properties: {}, geometry: geoCircle().center(centre as [number, number]).radius(MIN_RADIUS_DEGREES)() },
      ...points.map((p) => ({ type: 'Feature' as const, properties: {}, geometry: { type: 'Point' as const, coordinates: p } })),
    ],
  };
  const mx = width * MARGIN;
  const my = height * MARGIN;
  return geoAzimuthalEqualArea()
    .rotate([-centre[0], -centre[1]])
    .clipAngle(90)
    .fitExtent(
      [
        [mx, my],
        [width - mx, height - my],
      ],
      frame,
    )
    .clipExtent([
      [0, 0],
      [width, height],
    ]);
}

/** Greedy label placement: right of the point, else left, above or below, else none; never over another label or a marker, nor off the frame. */
function placeLabels(markers: UnlabelledMarker[], width: number, height: number): LocatorMarker[] {
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = markers.map((m) => ({
    x0: m.x - MARKER_RADIUS,
    y0: m.y - MARKER_RADIUS,
    x1: m.x + MARKER_RADIUS,
    y1: m.y + MARKER_RADIUS,
  }));
  const overlaps = (b: (typeof boxes)[number]) => boxes.some((o) => b.x0 < o.x1 && b.x1 > o.x0 && b.y0 < o.y1 && b.y1 > o.y0);
  // Most stations first, then west to east, so the busiest city keeps its label.
  const order = markers.map((_, i) => i).sort((a, b) => markers[b]!.stations - markers[a]!.stations || markers[a]!.x - markers[b]!.x);
  const placed = new Map<number, { label: LocatorMarker['label']; text: string }>();
  for (const i of order) {
    const m = markers[i]!;
    const texts = m.cities.length > 1 ? [m.city, m.cities[0]!] : [m.city];
    let result: { label: LocatorMarker['label']; text: string } = { label: null, text: m.city };
    for (const text of texts) {
      const found = tryLabel(m, text);
      if (found) {
        result = { label: found, text };
        break;
      }
    }
    placed.set(i, result);
  }
  return markers.map((m, i) => ({
    x: m.x,
    y: m.y,
    city: m.city,
    unverified: m.unverified,
    stations: m.stations,
    text: placed.get(i)?.text ?? m.city,
    label: placed.get(i)?.label ?? null,
  }));

  function tryLabel(m: UnlabelledMarker, text: string): LocatorMarker['label'] {
    const textWidth = text.length * CHAR_WIDTH;
    // Text boxes are about 0.8 em tall (capitals and x-height; city names rarely descend far).
    const y0 = m.y - LABEL_SIZE * 0.4;
    const y1 = m.y + LABEL_SIZE * 0.4;
    const right = { x0: m.x + MARKER_RADIUS + 2, y0, x1: m.x + MARKER_RADIUS + 2 + textWidth, y1 };
    const left = { x0: m.x - MARKER_RADIUS - 2 - textWidth, y0, x1: m.x - MARKER_RADIUS - 2, y1 };
    const above = { x0: m.x - textWidth / 2, y0: y0 - LABEL_SIZE, x1: m.x + textWidth / 2, y1: y1 - LABEL_SIZE };
    const below = { x0: m.x - textWidth / 2, y0: y0 + LABEL_SIZE, x1: m.x + textWidth / 2, y1: y1 + LABEL_SIZE };
    const fits = (b: typeof right) => b.x0 >= 1 && b.x1 <= width - 1 && b.y0 >= 0 && b.y1 <= height && !overlaps(b);
    const options = [
      { box: right, label: { x: right.x0, y: m.y, anchor: 'start' as const } },
      { box: left, label: { x: left.x1, y: m.y, anchor: 'end' as const } },
      { box: above, label: { x: m.x, y: m.y - LABEL_SIZE, anchor: 'middle' as const } },
      { box: below, label: { x: m.x, y: m.y + LABEL_SIZE, anchor: 'middle' as const } },
    ];
    const chosen = options.find((option) => fits(option.box));
    if (!chosen) return null;
    boxes.push(chosen.box);
    return chosen.label;
  }
}

/** Groups located stations by point (two Milan stations share one marker), in data order. */
export function locatorPoints(
  stations: readonly { id: string; city: string | null; lat: number | null; lon: number | null; verified: boolean }[],
): LocatorPoint[] {
  const groups = new Map<string, LocatorPoint>();
  for (const s of stations) {
    if (s.lat === null || s.lon === null) continue;
    const key = `${s.lon},${s.lat}`;
    const group = groups.get(key);
    if (group) {
      group.ids.push(s.id);
      group.unverified &&= !s.verified;
    } else {
      groups.set(key, { ids: [s.id], city: shortCity(s.city ?? ''), lon: s.lon, lat: s.lat, unverified: !s.verified });
    }
  }
  return [...groups.values()];
}

/**
 * The city as the map labels it: "Tokyo (Chiyoda ward: Kanda / Akihabara area)" → "Tokyo", "Markham, Ontario" →
 * "Markham", "Montreal (Chinatown) - Service à la Famille…" → "Montreal". The list below the map gives the rest.
 */
export function shortCity(city: string): string {
  return city.split(/\s*[(,]|\s+[-–]\s+/)[0]!.trim() || city;
}

/** Markers closer than this (in viewBox units) merge into one: at locator scale they are the same place. */
const MERGE_DISTANCE = 7;

function mergeClose(markers: Omit<UnlabelledMarker, 'cities'>[], joinCities: (cities: string[]) => string): UnlabelledMarker[] {
  const groups: { members: Omit<UnlabelledMarker, 'cities'>[] }[] = [];
  for (const marker of markers) {
    const near = groups.find((g) => Math.hypot(g.members[0]!.x - marker.x, g.members[0]!.y - marker.y) < MERGE_DISTANCE);
    if (near) near.members.push(marker);
    else groups.push({ members: [marker] });
  }
  return groups.map(({ members }) => {
    const first = members[0]!;
    const cities = [...new Set(members.map((m) => m.city))];
    return {
      x: first.x,
      y: first.y,
      cities,
      city: joinCities(cities),
      unverified: members.every((m) => m.unverified),
      stations: members.reduce((n, m) => n + m.stations, 0),
    };
  });
}

/** Builds the locator for one country (alpha-3); null when world-atlas has no shape for it. */
export function buildLocatorMap(
  iso3: string,
  points: readonly LocatorPoint[],
  joinCities: (cities: string[]) => string = (cities) => cities.join(', '),
  width = LOCATOR_WIDTH,
  height = LOCATOR_HEIGHT,
): LocatorMap | null {
  const numeric = alpha3ToNumeric(iso3);
  const framing = locatorFeatures('50m').find((f) => String(f.id ?? '') === numeric);
  if (!framing) return null;
  const projection = locatorProjection(
    framing.geometry,
    points.map((p) => [p.lon, p.lat]),
    width,
    height,
  );
  // Azimuthal equal-area: the scale is the globe's radius in viewBox units at the centre.
  const features = locatorFeatures(EARTH_RADIUS_KM / projection.scale() > COARSE_KM_PER_UNIT ? '110m' : '50m');
  const own = features.find((f) => String(f.id ?? '') === numeric) ?? framing;
  const context = new CompactPathContext();
  const path = geoPath(projection, context);
  path(own);
  const country = context.result();
  const land = features
    .filter((f) => f !== own)
    .map((f) => {
      path(f);
      return context.result();
    })
    .filter((d) => d !== '')
    .join('');
  const markers = points.map((p) => {
    const [x, y] = projection([p.lon, p.lat]) ?? [-1, -1];
    return { x: Math.round(x), y: Math.round(y), city: p.city, unverified: p.unverified, stations: p.ids.length };
  });
  return { width, height, country, land, markers: placeLabels(mergeClose(markers, joinCities), width, height) };
}
