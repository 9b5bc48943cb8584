import { describe, expect, it } from 'vitest';
import { formatNumber, formatPartialDate, parsePartialDate, partialDateSortKey } from './format.ts';

describe('formatNumber', () => {
  it('groups thousands for the English edition', () => {
    expect(formatNumber(230000)).toBe('230,000');
    expect(formatNumber(54)).toBe('54');
  });
  it('follows the locale passed by another edition', () => {
    // French groups with a narrow no-break space.
    expect(formatNumber(230000, 'fr-CA').replace(/\s/gu, ' ')).toBe('230 000');
  });
});

describe('formatPartialDate', () => {
  it('prints only the precision the source gave', () => {
    expect(formatPartialDate('2022-10-26')).toBe('26 October 2022');
    expect(formatPartialDate('2022-10')).toBe('October 2022');
    expect(formatPartialDate('2016')).toBe('2016');
  });
  it('never shifts a day whatever the time zone', () => {
    expect(formatPartialDate('2022-01-01', 'en-GB', 'short')).toBe('1 Jan 2022');
  });
  it('rejects text that is not a partial ISO date', () => {
    expect(() => parsePartialDate('26/10/2022')).toThrow(/Not a partial ISO date/);
  });
});

describe('partialDateSortKey', () => {
  it('sorts a month-only date before the dated days of that month', () => {
    const dates = ['2022-10-26', '2022-10', '2022-09-12', '2022'];
    expect([...dates].sort((a, b) => partialDateSortKey(a).localeCompare(partialDateSortKey(b)))).toEqual([
      '2022',
      '2022-09-12',
      '2022-10',
      '2022-10-26',
    ]);
  });
});
