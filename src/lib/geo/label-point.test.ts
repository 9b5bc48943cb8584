import { geoIdentity, geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { insideRing, labelPoint, planarArea, RingCollector, type Point } from './label-point.ts';

const square: Point[] = [[0, 0], [10, 0], [10, 10], [0, 10]];
// A "C": the middle of its bounding box (5, 5) is in the gap, outside the shape.
const crescent: Point[] = [[0, 0], [10, 0], [10, 3], [3, 3], [3, 7], [10, 7], [10, 10], [0, 10]];

describe('labelPoint', () => {
  it('is the middle of a square', () => {
    const [x, y] = labelPoint([square])!;
    expect(x).toBeCloseTo(5, 0);
    expect(y).toBeCloseTo(5, 0);
  });
  it('falls inside a crescent, where the middle of the bounding box does not', () => {
    expect(insideRing([5, 5], crescent)).toBe(false);
    const point = labelPoint([crescent])!;
    expect(insideRing(point, crescent)).toBe(true);
    expect(point[0]).toBeLessThan(3);
  });
  it('uses the largest ring (the mainland, not an island)', () => {
    const island: Point[] = [[100, 100], [101, 100], [101, 101], [100, 101]];
    const [x] = labelPoint([island, square])!;
    expect(x).toBeLessThan(10);
  });
  it('is null without rings', () => {
    expect(labelPoint([])).toBeNull();
  });
});

describe('RingCollector', () => {
  it('records the projected rings of a feature', () => {
    const collector = new RingCollector();
    geoPath(geoIdentity(), collector)({ type: 'Polygon', coordinates: [[[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]]] });
    const rings = collector.rings();
    expect(rings).toHaveLength(1);
    expect(planarArea(rings[0]!)).toBe(16);
    expect(collector.rings()).toEqual([]);
  });
});
