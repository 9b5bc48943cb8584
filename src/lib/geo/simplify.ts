/**
 * Lighter world geometry for the prerendered map: Douglas–Peucker on each TopoJSON arc (so neighbours keep sharing
 * exactly the same simplified border, with no slivers or overlaps) and removal of islands too small to see or tap.
 * Runs at build time only; the page receives the resulting paths, never this code.
 */
import type { GeoJsonProperties } from 'geojson';
import type { Arc, GeometryObject, Topology } from 'topojson-specification';

export interface Detail {
  /** Largest distance, in degrees, a simplified border may stray from the original (0 keeps every point). */
  tolerance: number;
  /** Polygons (islands, exclaves) smaller than this many square degrees, scaled by cos(latitude), are dropped. */
  minArea: number;
}

type Point = [number, number];

/** Douglas–Peucker: the points of `line` needed to stay within `tolerance` of it; the two ends are always kept. */
export function simplifyLine(line: readonly Point[], tolerance: number): Point[] {
  if (line.length <= 2 || tolerance <= 0) return [...line];
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: [number, number][] = [[0, line.length - 1]];
  while (stack.length > 0) {
    const [a, b] = stack.pop()!;
    const [ax, ay] = line[a]!;
    const [bx, by] = line[b]!;
    const dx = bx - ax;
    const dy = by - ay;
    const length = Math.hypot(dx, dy);
    let farthest = -1;
    let distance = tolerance;
    for (let i = a + 1; i < b; i++) {
      const [px, py] = line[i]!;
      // Distance to the chord, or to its one point when the arc is a closed ring (an island drawn as one arc).
      const d = length === 0 ? Math.hypot(px - ax, py - ay) : Math.abs(dy * (px - ax) - dx * (py - ay)) / length;
      if (d > distance) {
        distance = d;
        farthest = i;
      }
    }
    if (farthest !== -1) {
      keep[farthest] = 1;
      stack.push([a, farthest], [farthest, b]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/** The arcs as absolute longitude/latitude points, undoing TopoJSON's quantisation and delta encoding. */
export function decodeArcs(topology: Topology): Point[][] {
  const transform = topology.transform;
  return topology.arcs.map((arc: Arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([a = 0, b = 0]) => {
      if (!transform) return [a, b] as Point;
      x += a;
      y += b;
      return [x * transform.scale[0] + transform.translate[0], y * transform.scale[1] + transform.translate[1]] as Point;
    });
  });
}

/** Area of a ring in square degrees, each degree of longitude shrunk by cos(latitude) so polar islands are not favoured. */
export function ringArea(ring: readonly Point[]): number {
  if (ring.length === 0) return 0;
  const meanLatitude = ring.reduce((sum, [, y]) => sum + y, 0) / ring.length;
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum / 2) * Math.cos((meanLatitude * Math.PI) / 180);
}

function ringPoints(arcs: readonly Point[][], ring: readonly number[]): Point[] {
  const points: Point[] = [];
  for (const index of ring) {
    const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
    points.push(...(points.length > 0 ? arc.slice(1) : arc));
  }
  return points;
}

/**
 * Drops the polygons of one geometry whose outer ring is under `minArea`, but never the geometry's largest polygon,
 * so every country keeps a shape however small it is.
 */
function dropSmallPolygons<G extends GeometryObject<GeoJsonProperties>>(geometry: G, arcs: readonly Point[][], minArea: number): G {
  if (geometry.type !== 'MultiPolygon' || minArea <= 0) return geometry;
  const areas = geometry.arcs.map((polygon) => ringArea(ringPoints(arcs, polygon[0]!)));
  const largest = areas.indexOf(Math.max(...areas));
  const kept = geometry.arcs.filter((_, i) => i === largest || areas[i]! >= minArea);
  return (kept.length === 1 ? { ...geometry, type: 'Polygon', arcs: kept[0]! } : { ...geometry, arcs: kept }) as G;
}

/**
 * A copy of `topology` with absolute, simplified arcs (no transform) and small islands removed from every geometry
 * collection. Shared borders stay shared because each arc is simplified once, ends fixed.
 */
export function simplifyTopology<T extends Topology>(topology: T, detail: Detail): T {
  const arcs = decodeArcs(topology);
  const objects = Object.fromEntries(
    Object.entries(topology.objects).map(([name, object]) => [
      name,
      object.type === 'GeometryCollection'
        ? { ...object, geometries: object.geometries.map((g) => dropSmallPolygons(g, arcs, detail.minArea)) }
        : dropSmallPolygons(object, arcs, detail.minArea),
    ]),
  );
  const { transform: _transform, ...rest } = topology;
  return { ...rest, objects, arcs: arcs.map((arc) => simplifyLine(arc, detail.tolerance)) } as unknown as T;
}
