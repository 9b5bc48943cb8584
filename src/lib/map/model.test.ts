import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDataset } from '../dataset/load.ts';
import { worldCountryFeatures } from '../geo/world.ts';
import { insideRing, type Point } from '../geo/label-point.ts';
import { editionOf } from '../edition/edition.ts';
import { buildMapModel, EUROPE_INSET, europeProjection } from './model.ts';

// The frozen fixture the golden SVGs use: Spain, Italy, France, the UK, the Netherlands, Hungary and Ireland in Europe.
const dataset = loadDataset(path.resolve(import.meta.dirname, '../../../tests/fixtures/golden'), { today: '2026-01-01' });
const model = buildMapModel(dataset, worldCountryFeatures(), editionOf('en'));
const EUROPEAN = ['ESP', 'ITA', 'FRA', 'GBR', 'NLD', 'HUN', 'IRL'];

/** Absolute rings of CompactPathContext output (integer, relative moves and lines), for geometry checks. */
function rings(d: string): Point[][] {
  const out: Point[][] = [];
  let [x, y, sx, sy] = [0, 0, 0, 0];
  let ring: Point[] = [];
  for (const [, command, args] of d.matchAll(/([MmlZz])([^MmlZz]*)/g)) {
    const numbers = (args!.match(/-?\d+/g) ?? []).map(Number);
    if (command === 'z' || command === 'Z') {
      out.push(ring);
      ring = [];
      [x, y] = [sx, sy];
      continue;
    }
    for (let i = 0; i < numbers.length; i += 2) {
      if (command === 'M') [x, y] = [numbers[i]!, numbers[i + 1]!];
      else [x, y] = [x + numbers[i]!, y + numbers[i + 1]!];
      if (i === 0 && command !== 'l') [sx, sy] = [x, y];
      ring.push([x, y]);
    }
  }
  return out;
}

describe('buildMapModel', () => {
  it('draws one shape per country with data, and China, and everything else as one land path and its borders', () => {
    expect(model.shapes.filter((s) => s.hasData).map((s) => s.iso3).sort()).toEqual(dataset.countryCounts.map((r) => r.iso3).sort());
    expect(model.shapes.filter((s) => !s.hasData).map((s) => s.iso3)).toEqual(['CHN']);
    expect(model.land.length).toBeGreaterThan(1000);
    expect(model.borders.length).toBeGreaterThan(100);
  });

  it('puts each shape’s inner point inside the shape', () => {
    for (const shape of model.shapes) {
      expect(rings(shape.d).some((ring) => insideRing([shape.x, shape.y], ring)), shape.iso3!).toBe(true);
    }
  });

  it('draws French Guiana as land, not in France’s colour', () => {
    const france = model.shapes.find((s) => s.iso3 === 'FRA')!;
    // Everything France draws is east of the mid-Atlantic, a third of the way across the map.
    expect(Math.min(...rings(france.d).flat().map(([x]) => x))).toBeGreaterThan(model.width * 0.4);
  });
});

describe('the Europe panel', () => {
  it('has every European country with data, inside the panel, at its width', () => {
    expect(model.inset.width).toBe(EUROPE_INSET.width);
    expect(model.inset.height).toBe(europeProjection().height);
    const drawn = model.inset.shapes.map((s) => s.iso3);
    for (const iso3 of EUROPEAN) expect(drawn, iso3).toContain(iso3);
    expect(drawn, 'no country outside Europe').not.toContain('USA');
    for (const shape of model.inset.shapes.filter((s) => EUROPEAN.includes(s.iso3!))) {
      expect(shape.x).toBeGreaterThanOrEqual(0);
      expect(shape.x).toBeLessThanOrEqual(model.inset.width);
      expect(shape.y).toBeGreaterThanOrEqual(0);
      expect(shape.y).toBeLessThanOrEqual(model.inset.height);
    }
  });

  it('writes the largest counts on it, and only those ("Italy 11")', () => {
    expect(model.inset.labels.map((l) => l.text).sort()).toEqual(['France 4', 'Italy 11', 'Spain 9']);
    for (const label of model.inset.labels) {
      expect(label.x).toBeGreaterThan(0);
      expect(label.x).toBeLessThan(model.inset.width);
    }
    expect(model.labels).toEqual([]);
  });

  it('keeps the markers inside the panel', () => {
    for (const m of model.inset.markers) {
      expect(m.x).toBeGreaterThanOrEqual(0);
      expect(m.x).toBeLessThanOrEqual(model.inset.width);
    }
  });
});

describe('details', () => {
  it('name the event that decided each response class', () => {
    for (const d of model.details) {
      if (d.response === 'nothing-known') expect(d.responseEvent).toBeNull();
      else expect(d.responseEvents.map((e) => e.id)).toContain(d.responseEvent?.id);
    }
  });
});
