import { describe, expect, it } from 'vitest';
import type { CountryDetail } from './model.ts';
import { listNames, takeawayFacts } from './takeaway.ts';

const detail = (name: string, latest: number, response: CountryDetail['response'], verified = true): CountryDetail => ({
  iso3: name.slice(0, 3).toUpperCase(),
  name,
  firstReport: latest,
  secondReport: null,
  secondReportIsMinimum: false,
  latest,
  verified,
  cities: [],
  bureaus: [],
  stationRows: latest,
  stations: 's1',
  response,
  responseEvents: [],
  responseEvent: null,
  note: '',
  sources: [],
});

describe('takeawayFacts', () => {
  it('names the verified country with the most stations and counts responses', () => {
    const facts = takeawayFacts([
      detail('Italy', 11, 'investigation'),
      detail('Spain', 9, 'investigation'),
      detail('Ecuador', 20, 'nothing-known', false),
      detail('Ireland', 1, 'closure'),
      detail('Netherlands', 2, 'closure'),
      detail('United States', 4, 'charges'),
    ]);
    expect(facts).toEqual({ topCountries: ['Italy'], topCount: 11, closures: 2, charges: 1, verifiedCountries: 5 });
  });
  it('lists every country tied for the top', () => {
    expect(takeawayFacts([detail('B', 3, 'none'), detail('A', 3, 'none')]).topCountries).toEqual(['A', 'B']);
  });
});

describe('listNames', () => {
  it('joins names the way a sentence does', () => {
    expect(listNames(['Italy'], 'and')).toBe('Italy');
    expect(listNames(['Italy', 'Spain'], 'and')).toBe('Italy and Spain');
    expect(listNames(['A', 'B', 'C'], 'et')).toBe('A, B et C');
  });
});
