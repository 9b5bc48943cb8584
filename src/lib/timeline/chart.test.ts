import { describe, expect, it } from 'vitest';
import { event } from '../../../tests/fixtures/derive.ts';
import { buildSwimlaneChart } from './chart.ts';

const events = [
  event({ id: 'early', date: '2016-05', iso3: 'ITA', country: 'Italy', kind: 'other' }),
  event({ id: 'report', date: '2022-09-12', iso3: null, country: null, actor: 'ngo', kind: 'report' }),
  event({ id: 'ie', date: '2022-10-26', iso3: 'IRL', country: 'Ireland', kind: 'closure' }),
  event({ id: 'it', date: '2022-12-07', iso3: 'ITA', country: 'Italy', kind: 'investigation' }),
  event({ id: 'us', date: '2024-12-18', iso3: 'USA', country: 'United States', kind: 'plea' }),
];
const chart = buildSwimlaneChart(events, { width: 480, globalLabel: 'No single country' });

describe('buildSwimlaneChart', () => {
  it('has one dot per event, numbered in reading order', () => {
    expect(chart.dots.map((d) => [d.id, d.step])).toEqual([
      ['early', 0],
      ['report', 1],
      ['ie', 2],
      ['it', 3],
      ['us', 4],
    ]);
  });
  it('puts each country on its own row and global events on a labelled last row', () => {
    expect(chart.rows.map((r) => r.label)).toEqual(['Italy', 'Ireland', 'United States', 'No single country']);
    const rowOf = (id: string) => chart.dots.find((d) => d.id === id)!.y;
    expect(rowOf('early')).toBe(rowOf('it'));
  });
  it('keeps events before the report in the narrow band and later ones in date order to the right', () => {
    const x = (id: string) => chart.dots.find((d) => d.id === id)!.x;
    expect(x('early')).toBeGreaterThanOrEqual(chart.band.x0);
    expect(x('early')).toBeLessThanOrEqual(chart.band.x1);
    expect(x('report')).toBeGreaterThan(chart.band.x1);
    expect(x('report')).toBeLessThan(x('ie'));
    expect(x('ie')).toBeLessThan(x('it'));
    expect(x('us')).toBeLessThanOrEqual(chart.width);
  });
  it('labels each new year on the axis', () => {
    expect(chart.ticks.map((t) => t.year)).toEqual([2023, 2024, 2025]);
  });
});
