import { describe, expect, it } from 'vitest';
import { buildLocatorMap, LOCATOR_HEIGHT, LOCATOR_WIDTH, locatorPoints, shortCity } from './locator.ts';

describe('shortCity', () => {
  it('keeps the city a map can label', () => {
    expect(shortCity('Tokyo (Chiyoda ward: Kanda / Akihabara area)')).toBe('Tokyo');
    expect(shortCity('Markham, Ontario')).toBe('Markham');
    expect(shortCity('Montreal (Chinatown) - Service à la Famille Chinoise du Grand Montréal')).toBe('Montreal');
    expect(shortCity('Brossard, Quebec - Centre Sino-Québec de la Rive-Sud')).toBe('Brossard');
    expect(shortCity('Frankfurt am Main')).toBe('Frankfurt am Main');
  });
});

describe('locatorPoints', () => {
  it('groups stations at one point, skips unlocated ones, and is hollow only when all are unverified', () => {
    const points = locatorPoints([
      { id: 'a', city: 'Milan', lat: 45.46, lon: 9.19, verified: true },
      { id: 'b', city: 'Milan', lat: 45.46, lon: 9.19, verified: false },
      { id: 'c', city: null, lat: null, lon: null, verified: true },
      { id: 'd', city: 'Quito', lat: -0.18, lon: -78.47, verified: false },
    ]);
    expect(points).toEqual([
      { ids: ['a', 'b'], city: 'Milan', lon: 9.19, lat: 45.46, unverified: false },
      { ids: ['d'], city: 'Quito', lon: -78.47, lat: -0.18, unverified: true },
    ]);
  });
});

describe('buildLocatorMap', () => {
  it('draws the country and its neighbours inside the frame, with every marker on the map', () => {
    const map = buildLocatorMap(
      'FRA',
      locatorPoints([
        { id: 'p', city: 'Paris', lat: 48.86, lon: 2.35, verified: true },
        { id: 'n', city: 'Noisy-le-Grand', lat: 48.85, lon: 2.55, verified: true },
        { id: 'l', city: 'Lyon', lat: 45.76, lon: 4.84, verified: false },
      ]),
      (cities) => cities.join(' & '),
    )!;
    expect(map.width).toBe(LOCATOR_WIDTH);
    expect(map.height).toBe(LOCATOR_HEIGHT);
    expect(map.country).toMatch(/^M\d+ \d+/);
    expect(map.land.length).toBeGreaterThan(100);
    // Paris and Noisy-le-Grand are one marker at this scale; French Guiana does not pull the frame into the Atlantic.
    expect(map.markers.map((m) => m.city)).toEqual(['Paris & Noisy-le-Grand', 'Lyon']);
    for (const m of map.markers) {
      expect(m.x).toBeGreaterThan(LOCATOR_WIDTH * 0.1);
      expect(m.x).toBeLessThan(LOCATOR_WIDTH * 0.9);
      expect(m.y).toBeGreaterThan(LOCATOR_HEIGHT * 0.1);
      expect(m.y).toBeLessThan(LOCATOR_HEIGHT * 0.9);
    }
    expect(map.markers[1]!.unverified).toBe(true);
  });
  it('keeps labels inside the frame and apart', () => {
    const map = buildLocatorMap(
      'ITA',
      locatorPoints(
        [
          ['Rome', 41.9, 12.5],
          ['Milan', 45.46, 9.19],
          ['Florence', 43.77, 11.26],
          ['Bolzano', 46.5, 11.35],
          ['Venice', 45.44, 12.32],
        ].map(([city, lat, lon]) => ({ id: String(city), city: String(city), lat: Number(lat), lon: Number(lon), verified: true })),
      ),
    )!;
    const labelled = map.markers.filter((m) => m.label !== null);
    expect(labelled.length).toBeGreaterThanOrEqual(4);
    for (const m of labelled) {
      expect(m.label!.x).toBeGreaterThanOrEqual(0);
      expect(m.label!.x).toBeLessThanOrEqual(LOCATOR_WIDTH);
    }
  });
  it('returns null for a code with no shape', () => {
    expect(buildLocatorMap('XXX', [])).toBeNull();
  });
});
