import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset/types.ts';
import { countryCount, event, source, station } from '../../../tests/fixtures/derive.ts';
import { responseState } from '../map/classify.ts';
import { listCountries } from './countries.ts';
import { buildCountryPage, citedSources } from './page.ts';

const dataset: Dataset = {
  sources: [source({ id: 'sd-110-overseas' }), source({ id: 'sd-patrol-and-persuade' }), source({ id: 'local' }), source({ id: 'weak', tier: 'weak' })],
  stations: [
    station({ id: 'usa-ny', iso3: 'USA', city: 'New York', lat: 40.7, lon: -74, operator: 'Fuzhou', operator_source_tier: 'reputable', sources: ['local'] }),
    station({ id: 'usa-la', iso3: 'USA', city: 'Los Angeles', operator: 'Nantong', operator_source_tier: 'weak', sources: ['local'] }),
    station({ id: 'usa-x', iso3: 'USA', verified: false, sources: ['weak'] }),
  ],
  countryCounts: [
    countryCount({ iso3: 'USA', country: 'United States', first_report: 1, second_report: 4, second_report_is_minimum: true, sources: ['sd-patrol-and-persuade'] }),
    countryCount({ iso3: 'ECU', country: 'Ecuador', first_report: 2, verified: false, sources: ['sd-110-overseas', 'weak'] }),
  ],
  events: [
    event({ id: 'u1', date: '2022-10', iso3: 'USA', country: 'United States', kind: 'investigation', sources: ['local'] }),
    event({ id: 'u2', date: '2023-04-17', iso3: 'USA', country: 'United States', kind: 'arrest', sources: ['local'] }),
    event({ id: 'u3', date: '2023-04-17', iso3: 'USA', country: 'United States', kind: 'charge', sources: ['local'] }),
    event({ id: 'u4', date: '2022-11', iso3: 'USA', country: 'United States', kind: 'denial', actor: 'chinese-authorities', sources: ['local'] }),
    event({ id: 'u5', date: '2026-05', iso3: 'USA', country: 'United States', kind: 'conviction', verified: false, sources: ['weak'] }),
    event({ id: 'b1', date: '2023-01', iso3: 'BEL', country: 'Belgium', kind: 'statement', sources: ['brussels'] }),
  ],
  figures: [],
  disagreements: [],
  corrections: [
    { id: 'launch', date: '2026-11-22', kind: 'update', what: 'w', why: 'y', sources: [] },
    { id: 'fix', date: '2026-11-30', kind: 'correction', what: 'w', why: 'y', sources: ['local'] },
  ],
};
const countries = listCountries(dataset);
const page = (iso3: string) => buildCountryPage(dataset, countries.find((c) => c.iso3 === iso3)!);

describe('buildCountryPage', () => {
  it("gives each report's figure as the count row has it, with the report's own source", () => {
    expect(page('USA').reports).toEqual([
      { report: '110-overseas', sourceId: 'sd-110-overseas', value: 1, isMinimum: false },
      { report: 'patrol-and-persuade', sourceId: 'sd-patrol-and-persuade', value: 4, isMinimum: true },
    ]);
    expect(page('BEL').reports).toEqual([]);
  });
  it('counts documented stations, verified and located', () => {
    expect(page('USA').documented).toEqual({ total: 3, verified: 2, located: 1 });
  });
  it('marks a bureau named only by weak sources', () => {
    expect(page('USA').stations.map((s) => s.bureau)).toEqual([{ name: 'Fuzhou', unconfirmed: false }, { name: 'Nantong', unconfirmed: true }, null]);
    expect(page('USA').unverified.bureaus.map((s) => s.station.id)).toEqual(['usa-la']);
  });
  it("classifies the response exactly as the map does, and lists the events of the deciding kind", () => {
    const usa = page('USA');
    expect(usa.response.state).toBe(responseState('USA', true, dataset.events).state);
    expect(usa.response.state).toBe('charges');
    expect(usa.response.because.map((e) => e.id)).toEqual(['u2', 'u3']);
    expect(usa.response.hostEvents.map((e) => e.id)).toEqual(['u1', 'u2', 'u3']);
    expect(page('ECU').response).toMatchObject({ state: 'nothing-known', because: [] });
    expect(page('BEL').response.state).toBe('statement');
  });
  it('lists every event in date order, and the unverified ones apart', () => {
    expect(page('USA').events.map((e) => e.id)).toEqual(['u1', 'u4', 'u2', 'u3', 'u5']);
    expect(page('USA').unverified.events.map((e) => e.id)).toEqual(['u5']);
    expect(page('ECU').unverified.countRow?.iso3).toBe('ECU');
    expect(page('USA').unverified.stations.map((s) => s.id)).toEqual(['usa-x']);
  });
  it('dates the last change from the newest event or log entry that concerns the country, and says which', () => {
    expect(page('USA').newestEvent).toEqual({ date: '2026-05', kind: 'event', id: 'u5' });
    expect(page('USA').lastChanged).toEqual({ date: '2026-11-30', kind: 'correction', id: 'fix' });
    expect(page('ECU').lastChanged).toEqual({ date: '2026-11-22', kind: 'correction', id: 'launch' });
  });
  it('prefers the log entry on the same day as an event', () => {
    const sameDay = { ...dataset, corrections: [{ id: 'c', date: '2026-05', kind: 'update' as const, what: 'w', why: 'y', sources: [] }] };
    expect(buildCountryPage(sameDay, countries.find((c) => c.iso3 === 'USA')!).lastChanged).toMatchObject({ kind: 'correction', id: 'c' });
  });
  it('collects each cited source once', () => {
    expect(citedSources(page('USA'))).toEqual(['sd-110-overseas', 'sd-patrol-and-persuade', 'local', 'weak']);
  });
});
