import { describe, expect, it } from 'vitest';
import { event } from '../../../tests/fixtures/derive.ts';
import {
  eventStates,
  groupEventsByYear,
  isPartialDate,
  isResponse,
  partialDateEnd,
  partialDateStart,
  stepState,
  timelineCountries,
  timelineEvents,
  firstReportStart,
} from './model.ts';

const events = [
  event({ id: 'it-patrol', date: '2016-05-02', iso3: 'ITA', country: 'Italy', kind: 'other' }),
  event({ id: 'se-statement', date: '2022', iso3: 'SWE', country: 'Sweden', kind: 'statement' }),
  event({ id: 'nl-close', date: '2022-11-01', iso3: 'NLD', country: 'Netherlands', kind: 'closure' }),
  event({ id: 'report', date: '2022-09-12', iso3: null, country: null, actor: 'ngo', kind: 'report' }),
  event({ id: 'ie-close', date: '2022-10-26', iso3: 'IRL', country: 'Ireland', kind: 'closure' }),
  event({ id: 'cn-deny', date: '2022-10-26', iso3: 'NLD', country: 'Netherlands', actor: 'chinese-authorities', kind: 'denial' }),
  event({ id: 'ca-month', date: '2022-11', iso3: 'CAN', country: 'Canada', kind: 'investigation' }),
  event({ id: 'ca-unverified', date: '2023-03-02', iso3: 'CAN', country: 'Canada', kind: 'closure', verified: false }),
  event({ id: 'us-plea', date: '2024-12-18', iso3: 'USA', country: 'United States', kind: 'plea' }),
];
const ordered = timelineEvents(events);

describe('timelineEvents', () => {
  it('orders by date, year- and month-only dates before dated days of that period, ties by id', () => {
    expect(ordered.map((e) => e.id)).toEqual(['it-patrol', 'se-statement', 'report', 'cn-deny', 'ie-close', 'ca-month', 'nl-close', 'ca-unverified', 'us-plea']);
  });
});

describe('partial dates', () => {
  it('start at the first day and end on the last day of their period, in UTC', () => {
    expect(partialDateStart('2022-11').toISOString()).toBe('2022-11-01T00:00:00.000Z');
    expect(partialDateEnd('2022-11').toISOString()).toBe('2022-11-30T00:00:00.000Z');
    expect(partialDateEnd('2024-02').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(partialDateEnd('2022').toISOString()).toBe('2022-12-31T00:00:00.000Z');
    expect(partialDateEnd('2022-10-26').toISOString()).toBe('2022-10-26T00:00:00.000Z');
  });
  it('accept only real years, months and days', () => {
    expect(['2022', '2022-12', '2024-02-29'].map(isPartialDate)).toEqual([true, true, true]);
    expect(['2022-13', '2023-02-29', '2022-1', 'December 2022', ''].map(isPartialDate)).toEqual([false, false, false, false, false]);
  });
});

describe('groupEventsByYear', () => {
  it('groups consecutive events by year', () => {
    expect(groupEventsByYear(ordered).map((g) => [g.year, g.events.length])).toEqual([
      [2016, 1],
      [2022, 6],
      [2023, 1],
      [2024, 1],
    ]);
  });
});

describe('what the counter counts', () => {
  const report = firstReportStart(ordered);
  it('starts counting at the first NGO report', () => {
    expect(report?.toISOString()).toBe('2022-09-12T00:00:00.000Z');
  });
  it('counts verified acts of host governments after the report, not the 2016 patrol, denials by China or unverified events', () => {
    const counted = ordered.filter((e) => isResponse(e, report)).map((e) => e.id);
    expect(counted).toEqual(['se-statement', 'ie-close', 'ca-month', 'nl-close', 'us-plea']);
  });
});

describe('stepState: the chart at the end of a step', () => {
  it('draws every event that may have happened by then, in timeline order', () => {
    expect(stepState(ordered, '2022-08').last).toBe(1);
    expect(stepState(ordered, '2022-10-26').last).toBe(4);
    // "2022-11" starts on 1 November, so a step to 1 November draws it.
    expect(stepState(ordered, '2022-11-01').last).toBe(6);
    expect(stepState(ordered, '2026').last).toBe(ordered.length - 1);
  });
  it('counts a response only once its whole date has passed', () => {
    expect(stepState(ordered, '2022-08').responded).toEqual([]);
    expect(stepState(ordered, '2022-10-31').responded).toEqual(['IRL']);
    // Canada's month-only "2022-11" counts from 30 November; Sweden's year-only "2022" from 31 December.
    expect(stepState(ordered, '2022-11-29').responded).toEqual(['IRL', 'NLD']);
    expect(stepState(ordered, '2022-11').responded).toEqual(['CAN', 'IRL', 'NLD']);
    expect(stepState(ordered, '2022-12-31').responded).toEqual(['CAN', 'IRL', 'NLD', 'SWE']);
    expect(stepState(ordered, '2025').responded).toEqual(['CAN', 'IRL', 'NLD', 'SWE', 'USA']);
  });
  it('never counts down as the steps move forward', () => {
    const counts = ['2022-01', '2022-09', '2022-10', '2022-11', '2022-12', '2023', '2024', '2025'].map((until) => stepState(ordered, until).responded.length);
    expect([...counts].sort((a, b) => a - b)).toEqual(counts);
  });
});

describe('eventStates: the embed, one event at a time', () => {
  it('draws up to the current event and counts responses by position', () => {
    const states = eventStates(ordered);
    expect(states.map((s) => s.last)).toEqual(ordered.map((_, i) => i));
    expect(states.map((s) => s.responded.length)).toEqual([0, 1, 1, 1, 2, 3, 4, 4, 5]);
  });
});

describe('timelineCountries', () => {
  it('puts events with no country first, then countries by their first event', () => {
    expect(timelineCountries(ordered).map((r) => [r.key, r.events.length])).toEqual([
      ['global', 1],
      ['ITA', 1],
      ['SWE', 1],
      ['NLD', 2],
      ['IRL', 1],
      ['CAN', 2],
      ['USA', 1],
    ]);
  });
});
