/** Tests for the country facts the validator uses: names and aliases for ISO codes, and whether a point lies in or near a country. */
import { describe, expect, it } from 'vitest';
import { codeForCountryName, countryAt, isInOrNearCountry, isoCountry } from './countries.ts';
import type { IsoCountry } from './countries.ts';

function country(alpha3: string): IsoCountry {
  const found = isoCountry(alpha3);
  if (found === undefined) throw new Error(`no ISO country ${alpha3}`);
  return found;
}

describe('codeForCountryName', () => {
  it.each([
    ['Austria', 'AUT'],
    ['Australia', 'AUS'],
    ['Czechia', 'CZE'],
    ['Czech Republic', 'CZE'],
    ['Russia', 'RUS'],
    ['Russian Federation', 'RUS'],
    ['United States', 'USA'],
    ['United States of America', 'USA'],
    ['United Kingdom', 'GBR'],
    ['South Korea', 'KOR'],
    ['The Netherlands', 'NLD'],
    ['netherlands', 'NLD'],
    ["Côte d'Ivoire", 'CIV'],
    ['Cote d’Ivoire', 'CIV'],
    ['Turkey', 'TUR'],
    ['State of Palestine', 'PSE'],
    ['The Democratic Republic of the Congo', 'COD'],
  ])('"%s" is %s', (name, code) => {
    expect(codeForCountryName(name)).toBe(code);
  });

  it('knows no made-up or misspelt name', () => {
    expect(codeForCountryName('Testville')).toBeNull();
    expect(codeForCountryName('Austrila')).toBeNull();
    expect(codeForCountryName('')).toBeNull();
  });
});

describe('isInOrNearCountry', () => {
  it.each([
    ['Madrid', 'ESP', 40.42, -3.7],
    ['Valencia', 'ESP', 39.47, -0.38],
    ['Palma de Mallorca', 'ESP', 39.57, 2.65],
    ['Las Palmas de Gran Canaria', 'ESP', 28.12, -15.43],
    ['Madeira (Ribeira Brava)', 'PRT', 32.67, -17.06],
    ['Lisbon', 'PRT', 38.72, -9.14],
    ['Venice', 'ITA', 45.44, 12.32],
    ['Stockholm', 'SWE', 59.33, 18.07],
    ['New York', 'USA', 40.71, -74],
    ['Honolulu', 'USA', 21.31, -157.86],
    ['Rio de Janeiro', 'BRA', -22.91, -43.17],
    ['Guayaquil', 'ECU', -2.19, -79.89],
    ['Sydney', 'AUS', -33.87, 151.21],
    ['Hobart', 'AUS', -42.88, 147.33],
    ['Odesa', 'UKR', 46.48, 30.72],
    ['Dublin', 'IRL', 53.35, -6.26],
  ])('%s lies in or near %s', (_city, alpha3, lat, lon) => {
    expect(isInOrNearCountry(country(alpha3), lat, lon)).toBe(true);
  });

  it.each([
    ['Madrid swapped', 'ESP', -3.7, 40.42],
    ['Rome without the minus sign it does not need', 'ITA', 41.9, -12.5],
    ['Paris', 'ESP', 48.86, 2.35],
    ['Sydney north of the equator', 'AUS', 33.87, 151.21],
    ['Reykjavik', 'IRL', 64.15, -21.94],
  ])('%s is not in %s', (_what, alpha3, lat, lon) => {
    expect(isInOrNearCountry(country(alpha3), lat, lon)).toBe(false);
  });

  it('has nothing to say about a country with no 1:50m shape', () => {
    // Tokelau is a real ISO code with no outline of its own in world-atlas.
    expect(isInOrNearCountry(country('TKL'), -9.2, -171.85)).toBeNull();
  });
});

describe('countryAt', () => {
  it('names the country a point lies in, or null at sea', () => {
    expect(countryAt(48.86, 2.35)).toBe('France');
    expect(countryAt(64.15, -21.94)).toBe('Iceland');
    expect(countryAt(0, -30)).toBeNull();
  });
});
