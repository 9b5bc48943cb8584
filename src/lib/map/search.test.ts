import { describe, expect, it } from 'vitest';
import { COUNTRY_ALIASES, normalise, searchCountry, type SearchableCountry } from './search.ts';

// The dataset's own names for the countries readers most often call something else, plus the traps ("UK" begins
// "Ukraine", "Ireland" ends "Northern Ireland", "United" begins three names).
const COUNTRIES: SearchableCountry[] = [
  { iso3: 'GBR', name: 'United Kingdom' },
  { iso3: 'UKR', name: 'Ukraine' },
  { iso3: 'USA', name: 'United States' },
  { iso3: 'ARE', name: 'United Arab Emirates' },
  { iso3: 'CZE', name: 'Czech Republic' },
  { iso3: 'KOR', name: 'South Korea' },
  { iso3: 'NLD', name: 'Netherlands' },
  { iso3: 'IRL', name: 'Ireland' },
  { iso3: 'ESP', name: 'Spain' },
  { iso3: 'SVK', name: 'Slovakia' },
  { iso3: 'ROU', name: 'Romania' },
];

const match = (query: string) => {
  const result = searchCountry(query, COUNTRIES);
  return result.kind === 'match' ? result.iso3 : result.kind;
};

describe('normalise', () => {
  it('drops case, accents, dots, apostrophes and a leading "the"', () => {
    expect(normalise('  The U.S. ')).toBe('us');
    expect(normalise('Česko')).toBe('cesko');
    expect(normalise('ÖSTERREICH')).toBe('osterreich');
    expect(normalise('Côte d’Ivoire')).toBe('cote divoire');
  });
});

describe('searchCountry', () => {
  it.each([
    ['UK', 'GBR'],
    ['U.K.', 'GBR'],
    ['Britain', 'GBR'],
    ['Great Britain', 'GBR'],
    ['England', 'GBR'],
    ['Scotland', 'GBR'],
    ['USA', 'USA'],
    ['US', 'USA'],
    ['the US', 'USA'],
    ['America', 'USA'],
    ['United States', 'USA'],
    ['United States of America', 'USA'],
    ['Czechia', 'CZE'],
    ['czech', 'CZE'],
    ['Korea', 'KOR'],
    ['South Korea', 'KOR'],
    ['Holland', 'NLD'],
    ['the Netherlands', 'NLD'],
    ['UAE', 'ARE'],
    ['España', 'ESP'],
  ])('understands "%s"', (query, iso3) => {
    expect(match(query)).toBe(iso3);
  });

  it('matches the dataset name exactly, in any case, before any prefix', () => {
    expect(match('ukraine')).toBe('UKR');
    expect(match('IRELAND')).toBe('IRL');
    expect(match('Northern Ireland')).toBe('GBR');
  });

  it('accepts the start of a name, or of a word in it, when only one country fits', () => {
    expect(match('Slova')).toBe('SVK');
    expect(match('Ukr')).toBe('UKR');
    expect(match('kor')).toBe('KOR');
    expect(match('neth')).toBe('NLD');
  });

  it('says when what was typed fits several countries', () => {
    expect(searchCountry('United', COUNTRIES)).toEqual({ kind: 'ambiguous', iso3s: ['GBR', 'USA', 'ARE'] });
  });

  it('finds nothing for countries that are not on the list, gibberish or an empty box', () => {
    for (const query of ['Belgium', 'Poland', 'Slovenia', 'xyzzy', '', '   ', '...']) expect(match(query), query).toBe('none');
  });

  it('never matches an alias to a country that is not listed', () => {
    expect(searchCountry('Deutschland', COUNTRIES)).toEqual({ kind: 'none' });
  });

  it('keeps aliases normalised and unambiguous', () => {
    const seen = new Map<string, string>();
    for (const [iso3, aliases] of Object.entries(COUNTRY_ALIASES)) {
      expect(iso3).toMatch(/^[A-Z]{3}$/);
      for (const alias of aliases) {
        expect(normalise(alias), `${iso3}: "${alias}" is stored normalised`).toBe(alias);
        expect(seen.get(alias), `"${alias}" is listed for ${seen.get(alias)} and ${iso3}`).toBeUndefined();
        seen.set(alias, iso3);
      }
    }
  });
});
