import { describe, expect, it } from 'vitest';
import { event } from '../../../tests/fixtures/derive.ts';
import {
  cumulativeRespondingCountries,
  groupEventsByYear,
  matchesTimelineFilter,
  parseTimelineFilter,
  partialDateStart,
  swimlaneRows,
  timelineEvents,
  timelineFilterToSearch,
} from './model.ts';

const events = [
  event({ id: 'nl-close', date: '2022-11-01', iso3: 'NLD', country: 'Netherlands', kind: 'closure' }),
  event({ id: 'report', date: '2022-09-12', iso3: null, country: null, actor: 'ngo', kind: 'report' }),
  event({ id: 'ie-close', date: '2022-10-26', iso3: 'IRL', country: 'Ireland', kind: 'closure' }),
  event({ id: 'cn-deny', date: '2022-10-26', iso3: 'NLD', country: 'Netherlands', actor: 'chinese-authorities', kind: 'denial' }),
  event({ id: 'ca-month', date: '2022-11', iso3: 'CAN', country: 'Canada', kind: 'investigation' }),
  event({ id: 'ca-unverified', date: '2023-03-02', iso3: 'CAN', country: 'Canada', kind: 'closure', verified: false }),
  event({ id: 'us-plea', date: '2024-12-18', iso3: 'USA', country: 'United States', kind: 'plea' }),
];

describe('timelineEvents', () => {
  it('orders by date, month-only dates before dated days of that month, ties by id', () => {
    expect(timelineEvents(events).map((e) => e.id)).toEqual([
      'report',
      'cn-deny',
      'ie-close',
      'ca-month',
      'nl-close',
      'ca-unverified',
      'us-plea',
    ]);
  });
});

describe('groupEventsByYear', () => {
  it('groups consecutive events by year', () => {
    expect(groupEventsByYear(timelineEvents(events)).map((g) => [g.year, g.events.length])).toEqual([
      [2022, 5],
      [2023, 1],
      [2024, 1],
    ]);
  });
});

describe('filters', () => {
  const known = { countries: ['NLD', 'IRL', 'CAN', 'USA', 'global'], kinds: ['closure', 'denial', 'report', 'investigation', 'plea'] };
  it('reads a shareable URL and ignores values the data does not have', () => {
    expect(parseTimelineFilter('?country=CAN&kind=closure', known)).toEqual({ country: 'CAN', kind: 'closure' });
    expect(parseTimelineFilter('?country=XXX&kind=<script>', known)).toEqual({ country: null, kind: null });
  });
  it('writes the filter back while keeping other parameters', () => {
    expect(timelineFilterToSearch({ country: 'IRL', kind: null }, '?theme=dark&kind=denial')).toBe('?theme=dark&country=IRL');
    expect(timelineFilterToSearch({ country: null, kind: null }, '?country=IRL')).toBe('');
  });
  it('matches by country, global events and kind', () => {
    const match = (f: { country: string | null; kind: null | 'closure' }) =>
      events.filter((e) => matchesTimelineFilter(e, f)).map((e) => e.id);
    expect(match({ country: 'NLD', kind: null })).toEqual(['nl-close', 'cn-deny']);
    expect(match({ country: 'global', kind: null })).toEqual(['report']);
    expect(match({ country: null, kind: 'closure' })).toEqual(['nl-close', 'ie-close', 'ca-unverified']);
  });
});

describe('cumulativeRespondingCountries', () => {
  it('counts countries whose government had acted by each step, ignoring Chinese denials and unverified events', () => {
    expect(cumulativeRespondingCountries(events).map((c) => [c.id, c.countries])).toEqual([
      ['report', 0],
      ['cn-deny', 0],
      ['ie-close', 1],
      ['ca-month', 2],
      ['nl-close', 3],
      ['ca-unverified', 3],
      ['us-plea', 4],
    ]);
  });
});

describe('swimlaneRows', () => {
  it('orders countries by their first event and puts global events last', () => {
    expect(swimlaneRows(events).map((r) => [r.key, r.events.length])).toEqual([
      ['NLD', 2],
      ['IRL', 1],
      ['CAN', 2],
      ['USA', 1],
      ['global', 1],
    ]);
  });
  it('places partial dates at their first instant in UTC', () => {
    expect(partialDateStart('2022-11').toISOString()).toBe('2022-11-01T00:00:00.000Z');
  });
});
