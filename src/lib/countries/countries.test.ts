import { describe, expect, it } from 'vitest';
import { countryCount, event, station } from '../../../tests/fixtures/derive.ts';
import { describeSlugProblems, findSlugProblems, lineOfRecord, listCountries, slugifyCountryName } from './countries.ts';

describe('slugifyCountryName', () => {
  it('makes readable lower-case ASCII slugs', () => {
    expect(slugifyCountryName('United Kingdom')).toBe('united-kingdom');
    expect(slugifyCountryName('Czech Republic')).toBe('czech-republic');
    expect(slugifyCountryName("Côte d'Ivoire")).toBe('cote-d-ivoire');
    expect(slugifyCountryName('São Tomé & Príncipe')).toBe('sao-tome-and-principe');
    expect(slugifyCountryName('  Korea (Republic of)  ')).toBe('korea-republic-of');
  });
});

describe('listCountries', () => {
  const data = {
    countryCounts: [countryCount({ iso3: 'IRL', country: 'Ireland' }), countryCount({ iso3: 'GBR', country: 'United Kingdom' })],
    stations: [station({ id: 'irl-dublin', iso3: 'IRL', country: 'Ireland' })],
    events: [
      event({ id: 'e1', date: '2022', iso3: 'CHN', country: 'China' }),
      event({ id: 'e2', date: '2022', iso3: 'BEL', country: 'Belgium' }),
      event({ id: 'e3', date: '2022', iso3: null, country: null }),
    ],
  };
  it('takes every country from counts, stations and events, except China and global events, sorted by name', () => {
    const countries = listCountries(data);
    expect(countries.map((c) => c.slug)).toEqual(['belgium', 'ireland', 'united-kingdom']);
    expect(countries.find((c) => c.iso3 === 'BEL')).toMatchObject({ id: 'bel', origin: { file: 'events.json', index: 1, recordId: 'e2' } });
    expect(countries.find((c) => c.iso3 === 'IRL')?.origin.file).toBe('country_counts.json');
  });
  it('keeps a pinned slug when the name changes', () => {
    const renamed = { ...data, countryCounts: [countryCount({ iso3: 'GBR', country: 'Britain' })] };
    expect(listCountries(renamed, { GBR: 'united-kingdom' }).find((c) => c.iso3 === 'GBR')?.slug).toBe('united-kingdom');
  });
});

describe('slug clashes', () => {
  const data = {
    countryCounts: [countryCount({ iso3: 'COD', country: 'Congo', id: 'cod' })],
    stations: [],
    events: [event({ id: '2023-cog-statement', date: '2023', iso3: 'COG', country: 'Congo' })],
  };
  it('finds two countries whose names make the same slug', () => {
    const problems = findSlugProblems(listCountries(data));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.slug).toBe('congo');
  });
  it('names each file, line and record, and the way out', () => {
    const texts: Record<string, string> = {
      'country_counts.json': '[\n  {\n    "id": "cod",\n    "iso3": "COD"\n  }\n]',
      'events.json': '[\n  {\n    "id": "x"\n  },\n  {\n    "id": "2023-cog-statement"\n  }\n]',
    };
    const message = describeSlugProblems(findSlugProblems(listCountries(data)), 'data', (file, id) => lineOfRecord(texts[file] ?? '', id));
    expect(message).toContain('data/country_counts.json:3 (id "cod", COD "Congo")');
    expect(message).toContain('data/events.json:6 (id "2023-cog-statement", COG "Congo")');
    expect(message).toContain('/countries/congo/');
    expect(message).toContain('PINNED_SLUGS');
  });
  it('falls back to the record number without line information', () => {
    const message = describeSlugProblems(findSlugProblems(listCountries(data)), 'data');
    expect(message).toContain('data/events.json record #1');
  });
  it('refuses a name that makes an empty slug', () => {
    const empty = { countryCounts: [countryCount({ iso3: 'XXA', country: '—' })], stations: [], events: [] };
    expect(findSlugProblems(listCountries(empty))).toEqual([{ slug: '', countries: [expect.objectContaining({ iso3: 'XXA' })] }]);
  });
});
