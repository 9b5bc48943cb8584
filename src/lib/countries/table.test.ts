import { describe, expect, it } from 'vitest';
import { countryCount, event, station } from '../../../tests/fixtures/derive.ts';
import { listCountries } from './countries.ts';
import { countryTableRows, RESPONSE_ORDER, responseRank } from './table.ts';

describe('countryTableRows', () => {
  const data = {
    countryCounts: [countryCount({ iso3: 'ITA', country: 'Italy', first_report: 4, second_report: 11 })],
    stations: [station({ id: 'a', iso3: 'ITA' }), station({ id: 'b', iso3: 'ITA', verified: false })],
    events: [event({ id: 'e', date: '2022', iso3: 'ITA', kind: 'investigation' }), event({ id: 'f', date: '2022', iso3: 'BEL', kind: 'denial' })],
  };
  it('gives both report figures, documented stations and the map response', () => {
    const rows = countryTableRows(data, listCountries(data));
    expect(rows.map((r) => [r.country.iso3, r.first, r.second, r.documented, r.documentedVerified, r.response, r.verified])).toEqual([
      ['BEL', null, null, 0, 0, 'denial', false],
      ['ITA', 4, 11, 2, 1, 'investigation', true],
    ]);
  });
});

describe('responseRank', () => {
  it('ranks stronger responses higher, in the map legend order', () => {
    const ranks = RESPONSE_ORDER.map(responseRank);
    expect([...ranks].sort((a, b) => b - a)).toEqual(ranks);
    expect(responseRank('charges')).toBeGreaterThan(responseRank('closure'));
    expect(responseRank('nothing-known')).toBeGreaterThan(responseRank('none'));
  });
});
