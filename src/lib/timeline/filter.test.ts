import { describe, expect, it } from 'vitest';
import { foldText, logFilterToSearch, matchesLogFilter, parseLogFilter } from './filter.ts';

const allowed = { country: ['', 'CAN', 'IRL', 'global'], kind: ['', 'closure', 'charges'], year: ['', '2022', '2023'] };

describe('the event log filter in the URL', () => {
  it('reads a shared link and ignores values the data does not have', () => {
    expect(parseLogFilter('?country=CAN&kind=closure&year=2023&q=%20Montreal%20', allowed)).toEqual({ country: 'CAN', kind: 'closure', year: '2023', q: 'Montreal' });
    expect(parseLogFilter('?country=XXX&kind=<script>&year=1999', allowed)).toEqual({ country: '', kind: '', year: '', q: '' });
    expect(parseLogFilter(`?q=${'a'.repeat(500)}`, allowed).q).toHaveLength(100);
  });
  it('writes the filter back while keeping other parameters, and drops empty ones', () => {
    expect(logFilterToSearch({ country: 'IRL', kind: '', year: '', q: 'dublin office' }, '?theme=dark&kind=closure')).toBe('?theme=dark&country=IRL&q=dublin+office');
    expect(logFilterToSearch({ country: '', kind: '', year: '', q: '' }, '?country=IRL')).toBe('');
  });
  it('round-trips', () => {
    const filter = { country: 'global', kind: 'charges', year: '2022', q: 'Viña del Mar' };
    expect(parseLogFilter(logFilterToSearch(filter), allowed)).toEqual(filter);
  });
});

describe('matching', () => {
  const item = { country: 'CHL', kind: 'investigation', year: '2022', q: "28 Oct 2022 Investigation Chile: Chile joins investigation into Viña del Mar site Sources: Radio Universidad de Chile" };
  const none = { country: '', kind: '', year: '', q: '' };
  it('passes everything with no filter', () => expect(matchesLogFilter(item, none)).toBe(true));
  it('matches each select exactly', () => {
    expect(matchesLogFilter(item, { ...none, country: 'CHL', kind: 'investigation', year: '2022' })).toBe(true);
    expect(matchesLogFilter(item, { ...none, country: 'CAN' })).toBe(false);
    expect(matchesLogFilter(item, { ...none, year: '2023' })).toBe(false);
  });
  it('finds every word of the search, in any case, with or without accents', () => {
    expect(matchesLogFilter(item, { ...none, q: 'vina  CHILE' })).toBe(true);
    expect(matchesLogFilter(item, { ...none, q: 'viña radio' })).toBe(true);
    expect(matchesLogFilter(item, { ...none, q: 'vina closure' })).toBe(false);
    expect(foldText('România')).toBe('romania');
  });
});
