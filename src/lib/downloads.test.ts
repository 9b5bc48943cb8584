import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { recordsToCsv, recordsToJson } from './downloads.ts';

describe('recordsToCsv', () => {
  const records = [
    { id: 'a', city: 'Paris, 13th', count: 2, verified: true, sources: ['x', 'y'], note: null },
    { id: 'b', city: 'Say "hi"', count: 0, verified: false, sources: ['z'], note: 'line\nbreak' },
  ];
  it('round-trips through a CSV parser with quoting intact', () => {
    const parsed = csvParse(recordsToCsv(records));
    expect(parsed.columns).toEqual(['id', 'city', 'count', 'verified', 'sources', 'note']);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ city: 'Paris, 13th', sources: 'x; y', note: '', verified: 'true' });
    expect(parsed[1]).toMatchObject({ city: 'Say "hi"', note: 'line\nbreak', count: '0' });
  });
  it('writes only a header-less empty file for no records', () => {
    expect(recordsToCsv([])).toBe('');
  });
});

describe('recordsToJson', () => {
  it('publishes the records unchanged', () => {
    expect(JSON.parse(recordsToJson([{ a: 1 }]))).toEqual([{ a: 1 }]);
  });
});
