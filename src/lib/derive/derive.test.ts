import { describe, expect, it } from 'vitest';
import { computeMetrics, isMetricId, METRIC_IDS } from './metrics.ts';
import { countriesWithResponse, hostResponses, sortEventsChronologically } from './responses.ts';
import { countDistinctCountries, countStationsByCountry, latestReportedCount } from './stations.ts';
import { countryCount, event, source, station } from '../../../tests/fixtures/derive.ts';

const stations = [
  station({ id: 'esp-madrid-1', iso3: 'ESP' }),
  station({ id: 'esp-madrid-2', iso3: 'ESP', verified: false }),
  station({ id: 'ita-milan', iso3: 'ITA', listed_in: 'patrol-and-persuade' }),
  station({ id: 'can-montreal', iso3: 'CAN', listed_in: null }),
];

describe('countStationsByCountry', () => {
  it('counts every row per country', () => {
    expect(Object.fromEntries(countStationsByCountry(stations))).toEqual({ ESP: 2, ITA: 1, CAN: 1 });
  });
  it('leaves unverified rows out when asked, so they never reach a headline', () => {
    expect(countStationsByCountry(stations, { verifiedOnly: true }).get('ESP')).toBe(1);
  });
  it('counts distinct countries', () => {
    expect(countDistinctCountries(stations)).toBe(3);
  });
});

describe('latestReportedCount', () => {
  it('prefers the second report and keeps its minimum flag', () => {
    expect(latestReportedCount(countryCount({ iso3: 'USA', first_report: 1, second_report: 4, second_report_is_minimum: true }))).toEqual({
      value: 4,
      isMinimum: true,
    });
  });
  it('falls back to the first report when the second gives no figure', () => {
    expect(latestReportedCount(countryCount({ iso3: 'ESP', first_report: 9 }))).toEqual({ value: 9, isMinimum: false });
  });
});

describe('host responses', () => {
  const events = [
    event({ id: 'a', date: '2022-10-26', iso3: 'IRL', kind: 'closure' }),
    event({ id: 'b', date: '2022-10-26', iso3: 'NLD', kind: 'denial', actor: 'chinese-authorities' }),
    event({ id: 'c', date: '2022-12-05', iso3: null, country: null, kind: 'report', actor: 'ngo' }),
    event({ id: 'd', date: '2023-03-02', iso3: 'CAN', kind: 'closure', verified: false }),
    event({ id: 'e', date: '2023-04-17', iso3: 'USA', kind: 'arrest' }),
  ];
  it('keeps only verified host-government events', () => {
    expect(hostResponses(events).map((e) => e.id)).toEqual(['a', 'e']);
  });
  it('does not count a Chinese denial or an unverified closure as a country closing a station', () => {
    expect([...countriesWithResponse(events, ['closure'])]).toEqual(['IRL']);
  });
  it('sorts month-only dates before the days of that month', () => {
    const sorted = sortEventsChronologically([
      event({ id: 'x', date: '2022-10-26' }),
      event({ id: 'y', date: '2022-10' }),
      event({ id: 'z', date: '2016' }),
    ]);
    expect(sorted.map((e) => e.id)).toEqual(['z', 'y', 'x']);
  });
});

describe('computeMetrics', () => {
  const metrics = computeMetrics({
    stations,
    countryCounts: [countryCount({ iso3: 'ESP' }), countryCount({ iso3: 'ITA', verified: false })],
    events: [event({ id: 'a', date: '2022-10-26', kind: 'closure' }), event({ id: 'b', date: '2022', verified: false })],
    sources: [source({ id: 'a', tier: 'primary' }), source({ id: 'b', tier: 'weak' }), source({ id: 'c' })],
  });
  it('separates verified, unverified and non-NGO rows', () => {
    expect(metrics['station-rows']).toBe(4);
    expect(metrics['station-rows-verified']).toBe(3);
    expect(metrics['station-rows-unverified']).toBe(1);
    expect(metrics['sd-station-rows-verified']).toBe(2);
    expect(metrics['first-report-rows']).toBe(2);
    expect(metrics['first-report-row-countries']).toBe(1);
    expect(metrics['second-report-rows']).toBe(1);
  });
  it('counts countries, events and source tiers', () => {
    expect(metrics['countries-verified']).toBe(1);
    expect(metrics['countries-with-closure']).toBe(1);
    expect(metrics['events-verified']).toBe(1);
    expect([metrics['sources-primary'], metrics['sources-reputable'], metrics['sources-weak']]).toEqual([1, 1, 1]);
  });
  it('defines every declared metric', () => {
    expect(Object.keys(metrics).sort()).toEqual([...METRIC_IDS].sort());
    expect(isMetricId('station-rows')).toBe(true);
    expect(isMetricId('stations')).toBe(false);
  });
});
