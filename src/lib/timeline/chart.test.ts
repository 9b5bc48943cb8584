import { describe, expect, it } from 'vitest';
import { event } from '../../../tests/fixtures/derive.ts';
import { buildTimelineChart, cursorX, kindClass, stripScale, CHART_WIDTH } from './chart.ts';
import { timelineEvents } from './model.ts';

const events = [
  event({ id: 'early', date: '2016-05', iso3: 'ITA', country: 'Italy', kind: 'other', actor: 'chinese-authorities' }),
  event({ id: 'report', date: '2022-09-12', iso3: null, country: null, actor: 'ngo', kind: 'report' }),
  event({ id: 'ie', date: '2022-10-26', iso3: 'IRL', country: 'Ireland', kind: 'closure' }),
  event({ id: 'uk', date: '2022-10-27', iso3: 'GBR', country: 'United Kingdom', kind: 'investigation' }),
  event({ id: 'it', date: '2022-12-07', iso3: 'ITA', country: 'Italy', kind: 'investigation' }),
  event({ id: 'us', date: '2024-12-18', iso3: 'USA', country: 'United States', kind: 'plea', verified: false }),
];
const ordered = timelineEvents(events);
const chart = buildTimelineChart(events, { globalLabel: 'Reports and the EU', beforeLabel: 'Before' });

describe('buildTimelineChart', () => {
  it('draws one bar and one dot per event, numbered in timeline order', () => {
    expect(chart.strip.bars.map((b) => b.i)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(chart.cells.flatMap((c) => c.dots.map((d) => d.i)).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  });
  it('marks kinds by colour group, acts by others hollow and unverified events faint', () => {
    const dot = (i: number) => chart.cells.flatMap((c) => c.dots).find((d) => d.i === i)!;
    expect([dot(0).cls, dot(0).hollow, dot(1).hollow, dot(2).hollow]).toEqual(['other', true, true, false]);
    expect([dot(5).cls, dot(5).unverified]).toEqual(['charges', true]);
    expect(kindClass('legislation')).toBe('statement');
  });
  it('opens the grid with events of no single country, then countries in the order they entered the story', () => {
    expect(chart.cells.map((c) => c.label)).toEqual(['Reports and the EU', 'Italy', 'Ireland', 'United Kingdom', 'United States']);
  });
  it('gives a name too long for one cell two cells, and squeezes one a little too long into its cell', () => {
    const cell = (label: string) => chart.cells.find((c) => c.label === label)!;
    expect(cell('Reports and the EU').w).toBe(2 * cell('Italy').w);
    expect(cell('United Kingdom').w).toBe(cell('Italy').w);
    expect(cell('United Kingdom').fit).toBeLessThan(cell('Italy').w);
    expect(cell('Italy').fit).toBeNull();
    for (const c of chart.cells) expect(c.x + c.w, c.label).toBeLessThanOrEqual(CHART_WIDTH);
  });
  it('switches a country on when its government had responded by the last event', () => {
    expect(Object.fromEntries(chart.cells.map((c) => [c.label, c.on]))).toEqual({
      'Reports and the EU': false,
      Italy: true,
      Ireland: true,
      'United Kingdom': true,
      'United States': false,
    });
  });
  it('puts events before the first report in the band, later ones in date order, stacked within a month', () => {
    const bar = (i: number) => chart.strip.bars.find((b) => b.i === i)!;
    expect(bar(0).x + bar(0).w).toBeLessThanOrEqual(chart.strip.band.x1);
    expect(bar(1).x).toBeGreaterThan(chart.strip.band.x1);
    expect(bar(2).x).toBe(bar(3).x);
    expect(bar(3).y).toBeLessThan(bar(2).y);
    expect(bar(4).x).toBeGreaterThan(bar(2).x);
    expect(bar(5).x + bar(5).w).toBeLessThanOrEqual(CHART_WIDTH);
    for (const b of chart.strip.bars) expect(b.y + b.h).toBeLessThanOrEqual(chart.strip.baseline);
  });
  it('has a tick at every new year and a label for every year from the first report to the last event', () => {
    expect(chart.strip.years.map((y) => y.label)).toEqual(['2022', '2023', '2024']);
    expect(chart.strip.ticks).toHaveLength(2);
    const xs = chart.strip.years.map((y) => y.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
  });
});

describe('cursorX', () => {
  it('moves right as the date moves on, and stays in the drawing', () => {
    const xs = ['2022-08', '2022-10', '2022-12-31', '2023-06', '2024-12-31'].map((until) => cursorX(ordered, until));
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    expect(xs[0]).toBe(stripScale(ordered).band.x1);
    expect(cursorX(ordered, '2030')).toBeLessThanOrEqual(CHART_WIDTH);
  });
});
