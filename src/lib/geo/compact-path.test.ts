import { geoIdentity, geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { CompactPathContext } from './compact-path.ts';

/** Walks relative path data back to absolute vertices so tests check geometry, not string shape. */
function absoluteVertices(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let ring: [number, number][] = [];
  let command = '';
  const tokens = d.match(/[MmlZz]|-?\d+/g) ?? [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token === 'z') {
      rings.push(ring);
      ring = [];
      x = startX;
      y = startY;
      continue;
    }
    if (/[Mml]/.test(token)) {
      command = token;
      continue;
    }
    const a = Number(token);
    const b = Number(tokens[++i]);
    if (command === 'M') [x, y] = [a, b];
    else [x, y] = [x + a, y + b];
    if (command === 'M' || command === 'm') {
      [startX, startY] = [x, y];
      command = 'l';
    }
    ring.push([x, y]);
  }
  return rings;
}

describe('CompactPathContext', () => {
  const square = (x: number, y: number, size: number): GeoJSON.Polygon => ({
    type: 'Polygon',
    coordinates: [[[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]]],
  });

  it('writes integer relative path data that round-trips to the rounded vertices', () => {
    const context = new CompactPathContext();
    geoPath(geoIdentity(), context)(square(10.4, 20.6, 5));
    const d = context.result();
    expect(d).toMatch(/^M10 21l/);
    expect(d).not.toMatch(/\./);
    expect(absoluteVertices(d)).toEqual([[[10, 21], [10, 26], [15, 26], [15, 21]]]);
  });

  it('starts the second ring of a multipolygon from the first ring start, as SVG does after "z"', () => {
    const context = new CompactPathContext();
    const multi: GeoJSON.MultiPolygon = {
      type: 'MultiPolygon',
      coordinates: [square(0, 0, 10).coordinates, square(100, 50, 10).coordinates],
    };
    geoPath(geoIdentity(), context)(multi);
    const rings = absoluteVertices(context.result());
    expect(rings[1]![0]).toEqual([100, 50]);
  });

  it('drops segments that round to nothing and keeps half units when scaled', () => {
    const context = new CompactPathContext(2);
    geoPath(geoIdentity(), context)(square(0, 0, 0.5));
    expect(absoluteVertices(context.result())).toEqual([[[0, 0], [0, 1], [1, 1], [1, 0]]]);
  });
});
