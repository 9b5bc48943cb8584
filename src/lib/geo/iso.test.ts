import { describe, expect, it } from 'vitest';
import table from './iso-3166-1.json' with { type: 'json' };
import { alpha3ToAlpha2 } from './iso.ts';

describe('ISO alpha-2 crosswalk', () => {
  it('gives every country a distinct alpha-2 code that Intl knows', () => {
    const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
    const codes = table.map((row) => row.alpha2);
    expect(new Set(codes).size).toBe(table.length);
    for (const row of table) {
      expect(row.alpha2, row.alpha3).toMatch(/^[A-Z]{2}$/);
      expect(names.of(row.alpha2), `${row.alpha3} → ${row.alpha2}`).toBeTruthy();
    }
  });
  it('maps the codes that Intl has withdrawn aliases for to the current ones', () => {
    expect(['FRA', 'GBR', 'RUS', 'SRB', 'CZE'].map(alpha3ToAlpha2)).toEqual(['FR', 'GB', 'RU', 'RS', 'CZ']);
    expect(alpha3ToAlpha2('XXX')).toBeNull();
  });
});
