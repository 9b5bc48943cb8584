/** Tests for the editor-facing wording: values as an editor sees them, typo suggestions and hints for wrongly typed values. */
import { describe, expect, it } from 'vitest';
import { closestMatch, describeValue, unknownFieldMessage, wrongTypeHint } from './messages.ts';

describe('describeValue', () => {
  it.each([
    [undefined, 'nothing'],
    [null, 'null'],
    ['', 'empty text ""'],
    ['12,5', 'the text "12,5"'],
    [3, 'the number 3'],
    [false, 'the value false'],
    [[], 'an empty list []'],
    [['a'], 'a list [ ... ]'],
    [{}, 'a record { ... }'],
  ])('%j is %s', (value, words) => {
    expect(describeValue(value)).toBe(words);
  });

  it('shortens long text', () => {
    expect(describeValue('x'.repeat(100))).toBe(`the text "${'x'.repeat(57)}..."`);
  });
});

describe('closestMatch', () => {
  it('suggests a near name and nothing for a far one', () => {
    expect(closestMatch('cty', ['city', 'country'])).toBe('city');
    expect(closestMatch('NGO', ['ngo', 'press'])).toBe('ngo');
    expect(closestMatch('banana', ['city', 'country'])).toBeNull();
  });
});

describe('wrongTypeHint', () => {
  it.each([
    ['number', '12,5', ' Write numbers without quotes and with a dot for decimals: 12.5.'],
    ['number', '1,000', ' Write numbers without quotes or thousands separators: 1000.'],
    ['number', '7', ' Write numbers without quotes: 7.'],
    ['boolean', 'TRUE', ' Write true without quotes.'],
    ['array', 'src-a', ' Put it in a list: ["src-a"].'],
    ['number', 'twelve', ''],
  ])('expected %s, found %j', (expected, found, hint) => {
    expect(wrongTypeHint(expected, found)).toBe(hint);
  });
});

describe('unknownFieldMessage', () => {
  it('suggests the closest allowed field and lists them all', () => {
    expect(unknownFieldMessage('sorces', ['id', 'sources'])).toBe('unknown field. Did you mean "sources"? The fields allowed here are: id, sources.');
    expect(unknownFieldMessage('zzzzzz', ['id'])).toBe('unknown field. The fields allowed here are: id.');
  });
});
