import { csvParse } from 'd3-dsv';
import { describe, expect, it } from 'vitest';
import { UTF8_BOM, recordsToCsv, recordsToJson } from './downloads.ts';

describe('recordsToCsv', () => {
  const records = [
    { id: 'a', city: 'Paris, 13th', count: 2, verified: true, sources: ['x', 'y'], note: null },
    { id: 'b', city: 'Say "hi"', count: 0, verified: false, sources: ['z'], note: 'line\nbreak' },
  ];
  it('round-trips through a CSV parser with quoting intact', () => {
    const parsed = csvParse(recordsToCsv(records).slice(UTF8_BOM.length));
    expect(parsed.columns).toEqual(['id', 'city', 'count', 'verified', 'sources', 'note']);
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ city: 'Paris, 13th', sources: 'x; y', note: '', verified: 'true' });
    expect(parsed[1]).toMatchObject({ city: 'Say "hi"', note: 'line\nbreak', count: '0' });
  });
  it('starts with a UTF-8 BOM so Excel on Windows reads accents right, and keeps them intact', () => {
    const csv = recordsToCsv([{ city: 'Montréal', country: 'Côte d’Ivoire', name: '海外警务服务站' }]);
    const bytes = new TextEncoder().encode(csv);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // Exactly one BOM, followed directly by the header row.
    expect(csv.indexOf(UTF8_BOM, 1)).toBe(-1);
    expect(csv.slice(1).startsWith('city,country,name\n')).toBe(true);
    expect(csvParse(new TextDecoder().decode(bytes))[0]).toEqual({ city: 'Montréal', country: 'Côte d’Ivoire', name: '海外警务服务站' });
  });
  it('writes only the BOM (no header row) for no records', () => {
    expect(recordsToCsv([])).toBe(UTF8_BOM);
  });
});

describe('recordsToJson', () => {
  it('publishes the records unchanged', () => {
    expect(JSON.parse(recordsToJson([{ a: 1 }]))).toEqual([{ a: 1 }]);
  });
});
