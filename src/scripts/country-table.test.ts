import { describe, expect, it } from 'vitest';
import { compareSortValues } from './country-table.ts';

describe('compareSortValues', () => {
  it('sorts numbers numerically in either direction', () => {
    const values = ['11', '2', '4'];
    expect([...values].sort((a, b) => compareSortValues(a, b, 'ascending', 'en'))).toEqual(['2', '4', '11']);
    expect([...values].sort((a, b) => compareSortValues(a, b, 'descending', 'en'))).toEqual(['11', '4', '2']);
  });
  it('sorts text by the locale and puts missing values last both ways', () => {
    const values = ['', 'Österreich', 'Angola', 'Zambia'];
    expect([...values].sort((a, b) => compareSortValues(a, b, 'ascending', 'de'))).toEqual(['Angola', 'Österreich', 'Zambia', '']);
    expect([...values].sort((a, b) => compareSortValues(a, b, 'descending', 'de'))).toEqual(['Zambia', 'Österreich', 'Angola', '']);
  });
});
