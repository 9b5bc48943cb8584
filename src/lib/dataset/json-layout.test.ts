/** Tests for the JSON scanner on its own: where values and field names sit, repeated fields, and syntax problems worded for editors. */
import { describe, expect, it } from 'vitest';
import { JsonSyntaxProblem, makePositionFinder, pointerOf, scanJsonLayout, segmentsOf, valueAtPath } from './json-layout.ts';

function scan(text: string): ReturnType<typeof scanJsonLayout> {
  return scanJsonLayout(text, makePositionFinder(text));
}

function problemIn(text: string): { message: string; line: number; column: number } {
  try {
    scan(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxProblem)) throw error;
    return { message: error.message, ...makePositionFinder(text)(error.offset) };
  }
  throw new Error(`no syntax problem in ${JSON.stringify(text)}`);
}

describe('pointers', () => {
  it('round-trip field names with "/" and "~"', () => {
    const segments = [3, 'a/b', 'x~1', '~0', ''];
    expect(segmentsOf(pointerOf(segments))).toEqual(segments.map(String));
    expect(pointerOf([])).toBe('');
  });
});

describe('makePositionFinder', () => {
  it('counts lines as editors do, after \\n, \\r\\n or a lone \\r', () => {
    const text = 'a\nb\r\nc\rd';
    const positionOf = makePositionFinder(text);
    expect(['a', 'b', 'c', 'd'].map((letter) => positionOf(text.indexOf(letter)))).toEqual([
      { line: 1, column: 1 },
      { line: 2, column: 1 },
      { line: 3, column: 1 },
      { line: 4, column: 1 },
    ]);
  });
});

describe('scanJsonLayout', () => {
  it('maps every value and field name to its offset', () => {
    const text = '[\n  {"id": "a", "sources": ["x", "y"]}\n]';
    const layout = scan(text);
    expect(layout.valueAt.get('')).toBe(0);
    expect(layout.valueAt.get('/0/sources/1')).toBe(text.indexOf('"y"'));
    expect(layout.keyAt.get('/0/id')).toBe(text.indexOf('"id"'));
    expect(layout.repeatedKeys).toEqual([]);
  });

  it('notes a field written twice in one record', () => {
    const text = '[{"city": "Rome", "city": "Roma"}]';
    expect(scan(text).repeatedKeys).toEqual([{ pointer: '/0/city', offset: text.lastIndexOf('"city"') }]);
  });

  it.each([
    ['[{"a": 1,}]', 'last field of this record', 1, 9],
    ['[1, 2,]', 'last item of this list', 1, 6],
    ['[{"a": 1} {"b": 2}]', 'comma is probably missing', 1, 10],
    ['[{\u201ca\u201d: 1}]', 'curly quotes', 1, 3],
    ['[{"a": 12,5}]', 'write that number without a comma', 1, 11],
    ['[ // note\n 1]', 'does not allow comments', 1, 3],
    ['\uFEFF[]', 'byte-order mark', 1, 1],
    ['[{"a": "x]', 'never closed', 1, 8],
  ])('words %j for editors', (text, expected, line, column) => {
    const problem = problemIn(text);
    expect(problem.message).toContain(expected);
    expect({ line: problem.line, column: problem.column }).toEqual({ line, column });
  });
});

describe('valueAtPath', () => {
  it('follows lists and records, and gives undefined for a path that does not exist', () => {
    const data = [{ positions: [{ claim: 'x' }] }];
    expect(valueAtPath(data, [0, 'positions', 0, 'claim'])).toBe('x');
    expect(valueAtPath(data, [0, 'nope'])).toBeUndefined();
    expect(valueAtPath(data, [0, 'positions', 'claim'])).toBeUndefined();
  });
});
