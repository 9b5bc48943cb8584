/** Finds where every value and field name of a JSON text sits, and words what is wrong with a broken one for editors, because JSON.parse says neither. */

export interface Position {
  line: number;
  column: number;
}

export type PathSegment = string | number;

/** Where every value and field name of a JSON text starts, keyed by JSON pointer ("" is the whole file, "/3/sources/1" a nested value). */
export interface JsonLayout {
  valueAt: Map<string, number>;
  keyAt: Map<string, number>;
  /** Field names written twice in one { }: JSON.parse silently keeps only the last one. */
  repeatedKeys: { pointer: string; offset: number }[];
}

export class JsonSyntaxProblem extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

export function pointerOf(segments: readonly PathSegment[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

export function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Turns character offsets into 1-based line and column numbers, as editors count them. */
export function makePositionFinder(text: string): (offset: number) => Position {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10 || (code === 13 && text.charCodeAt(i + 1) !== 10)) lineStarts.push(i + 1);
  }
  return (offset) => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((lineStarts[middle] ?? 0) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (lineStarts[low] ?? 0) + 1 };
  };
}

const MAX_NESTING = 500;

function describeCharacter(text: string, offset: number): string {
  const character = text[offset];
  if (character === undefined) return 'the end of the file';
  if (character === '"') return 'a double quote (")';
  const code = character.charCodeAt(0);
  if (code === 0xfeff) return 'an invisible byte-order mark (BOM)';
  if (code < 0x20 || code === 0x7f || code === 0xa0 || (code >= 0x2000 && code <= 0x200f) || code === 0x2028 || code === 0x2029 || code === 0x3000) {
    return `an invisible character (U+${code.toString(16).toUpperCase().padStart(4, '0')})`;
  }
  return `"${character}"`;
}

const CURLY_QUOTES = new Set(['\u201c', '\u201d', '\u2018', '\u2019', '\u00ab', '\u00bb']);

/** Maps where everything sits in a JSON text; throws JsonSyntaxProblem, worded for editors, at the first thing that is not JSON. */
export function scanJsonLayout(text: string, positionOf: (offset: number) => Position): JsonLayout {
  const valueAt = new Map<string, number>();
  const keyAt = new Map<string, number>();
  const repeatedKeys: { pointer: string; offset: number }[] = [];
  let pos = 0;

  // A declaration, not an arrow, so TypeScript knows code after a call to it is unreachable.
  function fail(message: string, at: number = pos): never {
    throw new JsonSyntaxProblem(message, at);
  }
  const where = (offset: number): string => {
    const { line, column } = positionOf(offset);
    return `line ${String(line)}, column ${String(column)}`;
  };

  function skipWhitespace(): void {
    while (pos < text.length) {
      const character = text[pos];
      if (character === ' ' || character === '\t' || character === '\n' || character === '\r') {
        pos++;
      } else if (character === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*')) {
        fail('JSON does not allow comments. Remove the comment, or put the remark in a "note" field.');
      } else {
        return;
      }
    }
  }

  function scanString(): string {
    const start = pos;
    pos++;
    let decoded = '';
    for (;;) {
      const character = text[pos];
      if (character === undefined) fail('This text is never closed: the closing double quote (") is missing.', start);
      if (character === '"') {
        pos++;
        return decoded;
      }
      if (character === '\\') {
        const escaped = text[pos + 1];
        if (escaped === undefined) fail('This text is never closed: the closing double quote (") is missing.', start);
        if (escaped === 'u') {
          const hex = text.slice(pos + 2, pos + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('"\\u" must be followed by four hexadecimal digits, like \\u00e9.');
          decoded += String.fromCharCode(parseInt(hex, 16));
          pos += 6;
          continue;
        }
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        const replacement = escaped === undefined ? undefined : simple[escaped];
        if (replacement === undefined) {
          fail(`"\\${escaped ?? ''}" is not allowed in JSON text. To write a backslash, type it twice (\\\\).`);
        }
        decoded += replacement;
        pos += 2;
        continue;
      }
      const code = character.charCodeAt(0);
      if (code === 10 || code === 13) {
        fail('This text is not closed before the end of the line: the closing double quote (") is missing, or a line break inside text must be written as \\n.', start);
      }
      if (code < 0x20) {
        fail(`This text contains ${describeCharacter(text, pos)}; write a tab as \\t, or remove it.`);
      }
      decoded += character;
      pos++;
    }
  }

  function scanNumber(): void {
    const valid = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
    valid.lastIndex = pos;
    const match = valid.exec(text);
    const token = /[-+\w.]+/y;
    token.lastIndex = pos;
    const written = token.exec(text)?.[0] ?? text[pos] ?? '';
    if (match === null || match[0].length !== written.length) {
      fail(`${written} is not a valid number. Write numbers like 12 or 12.5: a dot for decimals, no leading zeros, no plus sign, no thousands separators.`);
    }
    pos += written.length;
  }

  function missingCommaProblem(closer: string, valueEnd: number): never {
    if (text[valueEnd - 1] === '"' && valueEnd === pos) {
      fail(`Expected a comma or ${closer} after this text, found ${describeCharacter(text, pos)}. If the text contains a double quote, write it as \\". Otherwise a comma is missing.`);
    }
    return fail(`A comma is probably missing here, after the previous item (expected a comma or ${closer}, found ${describeCharacter(text, pos)} next).`, valueEnd);
  }

  function scanArray(pointer: string, depth: number): void {
    const open = pos;
    pos++;
    skipWhitespace();
    if (text[pos] === ']') {
      pos++;
      return;
    }
    for (let index = 0; ; index++) {
      scanValue(`${pointer}/${String(index)}`, depth + 1);
      const valueEnd = pos;
      skipWhitespace();
      const next = text[pos];
      if (next === ']') {
        pos++;
        return;
      }
      if (next === ',') {
        const comma = pos;
        pos++;
        skipWhitespace();
        if (text[pos] === ']') fail('There is a comma after the last item of this list (a trailing comma). JSON does not allow it: remove that comma.', comma);
        continue;
      }
      if (next === undefined) fail(`The file ends before the list opened at ${where(open)} is closed: a "]" is missing.`);
      if (next === '}') fail(`Found "}" inside the list opened at ${where(open)}: there is an extra "}" or a missing "{" or "]".`);
      missingCommaProblem('"]"', valueEnd);
    }
  }

  function scanObject(pointer: string, depth: number): void {
    const open = pos;
    pos++;
    skipWhitespace();
    if (text[pos] === '}') {
      pos++;
      return;
    }
    const seen = new Set<string>();
    for (;;) {
      const keyStart = pos;
      const first = text[pos];
      if (first !== '"') {
        if (first === undefined) fail(`The file ends before the record opened at ${where(open)} is closed: a "}" is missing.`);
        if (first === "'") fail('Field names must be in double quotes ("city"), not single quotes.');
        if (CURLY_QUOTES.has(first)) fail('Field names must be in straight double quotes ("), not curly quotes; your editor may have replaced them.');
        if (/[0-9]/.test(first)) fail(`Expected a field name in double quotes, found ${describeCharacter(text, pos)}. If it belongs to the number before it, write that number without a comma: 12.5 for decimals, 1000 for thousands.`);
        if (/[A-Za-z_$]/.test(first)) fail('Field names must be in double quotes, like "city": ...');
        if (first === ',') fail('There are two commas in a row.');
        fail(`Expected a field name in double quotes, found ${describeCharacter(text, pos)}.`);
      }
      const key = scanString();
      const child = `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`;
      if (seen.has(key)) repeatedKeys.push({ pointer: child, offset: keyStart });
      seen.add(key);
      keyAt.set(child, keyStart);
      skipWhitespace();
      if (text[pos] !== ':') fail(`Expected a colon (:) after the field name "${key}", found ${describeCharacter(text, pos)}.`);
      pos++;
      scanValue(child, depth + 1);
      const valueEnd = pos;
      skipWhitespace();
      const next = text[pos];
      if (next === '}') {
        pos++;
        return;
      }
      if (next === ',') {
        const comma = pos;
        pos++;
        skipWhitespace();
        if (text[pos] === '}') fail('There is a comma after the last field of this record (a trailing comma). JSON does not allow it: remove that comma.', comma);
        continue;
      }
      if (next === undefined) fail(`The file ends before the record opened at ${where(open)} is closed: a "}" is missing.`);
      if (next === ']') fail(`Found "]" but the record opened at ${where(open)} is not closed yet: a "}" is missing before it.`);
      missingCommaProblem('"}"', valueEnd);
    }
  }

  function scanValue(pointer: string, depth: number): void {
    skipWhitespace();
    if (depth > MAX_NESTING) fail('The data is nested too deeply to be a list of records.');
    valueAt.set(pointer, pos);
    const character = text[pos];
    if (character === '[') return scanArray(pointer, depth);
    if (character === '{') return scanObject(pointer, depth);
    if (character === '"') {
      scanString();
      return;
    }
    if (character === '-' || (character !== undefined && character >= '0' && character <= '9')) return scanNumber();
    if (character === undefined) fail('The file ends where a value should be: something is missing at the end.');
    const wordPattern = /[A-Za-z_$][\w$-]*/y;
    wordPattern.lastIndex = pos;
    const word = wordPattern.exec(text)?.[0];
    if (word === 'true' || word === 'false' || word === 'null') {
      pos += word.length;
      return;
    }
    if (word !== undefined) {
      fail(`Unexpected word ${word}. Text must be in double quotes ("${word}"); the only words JSON allows without quotes are true, false and null, in lower case.`);
    }
    if (character === "'") fail('Text must be in double quotes ("), not single quotes.');
    if (character === '\uFEFF' && pos === 0) fail('The file starts with an invisible byte-order mark (BOM). Save it as UTF-8 without BOM.');
    if (CURLY_QUOTES.has(character)) fail('Text must be in straight double quotes ("), not curly quotes; your editor may have replaced them.');
    if (character === ',') fail('Found a comma where a value should be: there are two commas in a row, or a value is missing.');
    if (character === ']' || character === '}') fail(`Found "${character}" where a value should be: a value is missing (for example after a colon).`);
    fail(`Found ${describeCharacter(text, pos)} where a value should be.`);
  }

  scanValue('', 0);
  skipWhitespace();
  if (pos < text.length) {
    fail(`There is more after the end of the data, starting with ${describeCharacter(text, pos)}. The whole file must be one list [ ... ]: look for an extra "]" or "}".`);
  }
  return { valueAt, keyAt, repeatedKeys };
}

/** A JSON object (not null, not a list): what a record or a nested record is. */
export function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `segments` inside a parsed JSON value, or undefined when the path does not exist. */
export function valueAtPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainRecord(current) && Object.hasOwn(current, String(segment))) current = current[String(segment)];
    else return undefined;
  }
  return current;
}
