import { describe, expect, it } from 'vitest';
import { feature, mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import topology from 'world-atlas/countries-110m.json' with { type: 'json' };
import { decodeArcs, ringArea, simplifyLine, simplifyTopology } from './simplify.ts';

const world = topology as unknown as Topology;

describe('simplifyLine', () => {
  it('keeps both ends and drops points within the tolerance', () => {
    expect(simplifyLine([[0, 0], [1, 0.1], [2, -0.1], [3, 0]], 0.5)).toEqual([[0, 0], [3, 0]]);
  });
  it('keeps a point that strays further than the tolerance', () => {
    expect(simplifyLine([[0, 0], [1, 2], [2, 0]], 0.5)).toEqual([[0, 0], [1, 2], [2, 0]]);
  });
  it('keeps the shape of a closed ring (one arc that starts where it ends)', () => {
    const ring: [number, number][] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    expect(simplifyLine(ring, 0.5)).toEqual(ring);
  });
  it('returns the line unchanged at tolerance 0', () => {
    const line: [number, number][] = [[0, 0], [1, 0], [2, 0]];
    expect(simplifyLine(line, 0)).toEqual(line);
  });
});

describe('ringArea', () => {
  it('is in square degrees, shrunk by cos(latitude)', () => {
    expect(ringArea([[0, -0.5], [1, -0.5], [1, 0.5], [0, 0.5]])).toBeCloseTo(1, 3);
    expect(ringArea([[0, 59.5], [1, 59.5], [1, 60.5], [0, 60.5]])).toBeCloseTo(0.5, 2);
  });
});

describe('simplifyTopology on world-atlas 110m', () => {
  const simple = simplifyTopology(world, { tolerance: 0.25, minArea: 0.5 });

  it('writes absolute coordinates, within the tolerance of the original arcs', () => {
    expect(simple.transform).toBeUndefined();
    const original = decodeArcs(world);
    const simplified = simple.arcs;
    expect(simplified.length).toBe(original.length);
    simplified.forEach((arc, i) => {
      // Both ends stay exactly where they were, so neighbours still meet.
      expect(arc[0]).toEqual(original[i]![0]);
      expect(arc.at(-1)).toEqual(original[i]!.at(-1));
    });
    const before = original.reduce((n, arc) => n + arc.length, 0);
    const after = simplified.reduce((n, arc) => n + arc.length, 0);
    expect(after).toBeLessThan(before * 0.75);
  });

  it('keeps every country and its borders shared with its neighbours', () => {
    const bordersOnly = simplifyTopology(world, { tolerance: 0.25, minArea: 0 });
    const countries = (t: Topology) => (feature(t, t.objects['countries'] as never) as unknown as { features: { id?: string }[] }).features;
    expect(countries(simple).map((f) => f.id)).toEqual(countries(world).map((f) => f.id));
    // Interior borders: one line per pair of neighbours, so the same number of border lines before and after.
    const borders = (t: Topology) => (mesh(t, t.objects['countries'] as never, (a, b) => a !== b).coordinates as unknown[]).length;
    expect(borders(bordersOnly)).toBe(borders(world));
  });

  it('drops small islands but never a country’s largest polygon', () => {
    const parts = (t: Topology) =>
      (t.objects['countries'] as unknown as { geometries: { type: string; arcs: unknown[] }[] }).geometries.reduce(
        (n, g) => n + (g.type === 'MultiPolygon' ? g.arcs.length : 1),
        0,
      );
    expect(parts(simple)).toBeLessThan(parts(world));
    const geometries = (simple.objects['countries'] as unknown as { geometries: { type: string | null }[] }).geometries;
    expect(geometries.every((g) => g.type === 'Polygon' || g.type === 'MultiPolygon')).toBe(true);
  });
});
