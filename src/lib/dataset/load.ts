/** Reads and checks the editor-maintained JSON files in data/, collecting every problem in one pass so the build fails loudly instead of shipping empty charts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'astro/zod';
import isoCountryList from '../geo/iso-3166-1.json' with { type: 'json' };
import worldAtlas110m from 'world-atlas/countries-110m.json' with { type: 'json' };
import {
  ID_PATTERN,
  ISO3_PATTERN,
  correctionSchema,
  countryCountSchema,
  describeValue,
  disagreementSchema,
  partialDateProblem,
  reportedFigureSchema,
  sourceSchema,
  stationSchema,
  timelineEventSchema,
} from './schema.ts';
import { memoLanguageProblem } from './reader-language.ts';
import type { DataIssue, Dataset } from './types.ts';

/** The files in data/, in the order problems are reported, and the Dataset key each one fills. */
export const DATA_FILES = {
  'sources.json': 'sources',
  'stations.json': 'stations',
  'country_counts.json': 'countryCounts',
  'events.json': 'events',
  'figures.json': 'figures',
  'disagreements.json': 'disagreements',
  'corrections.json': 'corrections',
} as const satisfies Record<string, keyof Dataset>;

export type DataFileName = keyof typeof DATA_FILES;
type DatasetKey = (typeof DATA_FILES)[DataFileName];

/**
 * Countries that may appear in the data although the 1:110m world map has no shape for them
 * (small states such as Malta or Singapore). Each entry maps the alpha-3 code to the reason, and
 * the page must then show that country some other way (a list, a dot); without an entry such a
 * row would silently vanish from the map.
 */
export const GEOMETRY_EXCEPTIONS: Readonly<Record<string, string>> = {};

export interface ValidateOptions {
  /** The day dates are checked against, YYYY-MM-DD; defaults to today in UTC. */
  today?: string | undefined;
  /** Replaces GEOMETRY_EXCEPTIONS, so tests can exercise the mechanism. */
  geometryExceptions?: Readonly<Record<string, string>> | undefined;
}

const RECORD_SCHEMAS = {
  sources: sourceSchema,
  stations: stationSchema,
  countryCounts: countryCountSchema,
  events: timelineEventSchema,
  figures: reportedFigureSchema,
  disagreements: disagreementSchema,
  corrections: correctionSchema,
} satisfies Record<DatasetKey, z.ZodObject>;

/** Date fields that must not lie in the future, per dataset key. */
const DATE_FIELDS: Partial<Record<DatasetKey, string>> = {
  sources: 'published',
  events: 'date',
  figures: 'as_of',
  corrections: 'date',
};

/** Files whose rows carry a `verified` flag that the weak-source rule applies to. */
const VERIFIABLE: ReadonlySet<DatasetKey> = new Set(['stations', 'countryCounts', 'events', 'figures']);

/** Files whose rows carry an `iso3` that must join to the ISO list and the world map. */
const WITH_ISO3: ReadonlySet<DatasetKey> = new Set(['stations', 'countryCounts', 'events']);

interface IsoCountry {
  alpha3: string;
  numeric: string;
  name: string;
}
const ISO_BY_ALPHA3: ReadonlyMap<string, IsoCountry> = new Map(
  (isoCountryList as IsoCountry[]).map((country) => [country.alpha3, country]),
);

// Feature ids are zero-padded strings ("040"); compared as strings, never as numbers, so "040" and "40" never meet.
const MAP_FEATURE_IDS: ReadonlySet<string> = new Set(
  (worldAtlas110m as unknown as { objects: { countries: { geometries: { id?: unknown }[] } } }).objects.countries.geometries
    .map((geometry) => geometry.id)
    .filter((id): id is string => typeof id === 'string'),
);

// ---------------------------------------------------------------------------------------------
// Positions: our own small JSON scanner, because JSON.parse says neither where a field sits nor,
// in words an editor can act on, what is wrong with a broken file.

interface Position {
  line: number;
  column: number;
}

type PathSegment = string | number;

/** Where every value and field name of a JSON text starts, keyed by JSON pointer ("" is the whole file, "/3/sources/1" a nested value). */
interface JsonLayout {
  valueAt: Map<string, number>;
  keyAt: Map<string, number>;
  /** Field names written twice in one { }: JSON.parse silently keeps only the last one. */
  repeatedKeys: { pointer: string; offset: number }[];
}

class JsonSyntaxProblem extends Error {
  readonly offset: number;
  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

function pointerOf(segments: readonly PathSegment[]): string {
  return segments.map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

function segmentsOf(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map((part) => part.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** Turns character offsets into 1-based line and column numbers, as editors count them. */
function makePositionFinder(text: string): (offset: number) => Position {
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
function scanJsonLayout(text: string, positionOf: (offset: number) => Position): JsonLayout {
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

// ---------------------------------------------------------------------------------------------
// One file at a time.

interface ParsedFile {
  name: DataFileName;
  key: DatasetKey;
  /** The top-level array exactly as JSON.parse reads it. */
  records: readonly unknown[];
  /** Schema output for each record, or undefined where the record has problems. */
  parsed: unknown[];
  positionOf: (offset: number) => Position;
  layout: JsonLayout;
}

function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordIdOf(record: unknown): string | null {
  if (!isPlainRecord(record)) return null;
  const id = record['id'];
  return typeof id === 'string' && id !== '' ? id : null;
}

function valueAtPath(root: unknown, segments: readonly PathSegment[]): unknown {
  let current = root;
  for (const segment of segments) {
    if (Array.isArray(current) && typeof segment === 'number') current = current[segment];
    else if (isPlainRecord(current) && Object.hasOwn(current, String(segment))) current = current[String(segment)];
    else return undefined;
  }
  return current;
}

/** The start of the deepest part of `segments` that exists in the file, so a missing field points at its record. */
function locate(file: ParsedFile, segments: readonly PathSegment[], at: 'value' | 'key' = 'value'): Position {
  if (at === 'key') {
    const keyOffset = file.layout.keyAt.get(pointerOf(segments));
    if (keyOffset !== undefined) return file.positionOf(keyOffset);
  }
  for (let depth = segments.length; depth >= 0; depth--) {
    const offset = file.layout.valueAt.get(pointerOf(segments.slice(0, depth)));
    if (offset !== undefined) return file.positionOf(offset);
  }
  return { line: 1, column: 1 };
}

function fileIssue(name: string, position: Position, message: string): DataIssue {
  return { file: name, line: position.line, column: position.column, index: null, recordId: null, field: null, message };
}

/** An issue about record `index`; `field` is the path inside the record (empty for the record itself). */
function recordIssue(file: ParsedFile, index: number, field: readonly PathSegment[], message: string, at: 'value' | 'key' = 'value'): DataIssue {
  const position = locate(file, [index, ...field], at);
  return {
    file: file.name,
    line: position.line,
    column: position.column,
    index,
    recordId: recordIdOf(file.records[index]),
    field: field.length === 0 ? null : field.map(String).join('.'),
    message,
  };
}

/** Parses one file's text, or reports why it cannot be read as a list of records. */
function parseFile(name: DataFileName, text: string | null, issues: DataIssue[]): ParsedFile | null {
  const start = { line: 1, column: 1 };
  if (text === null) {
    issues.push(fileIssue(name, start, `The file is missing. It must exist, even if it only holds an empty list: []`));
    return null;
  }
  if (text.trim() === '') {
    issues.push(fileIssue(name, start, 'The file is empty. It must hold a list of records in [ ], or [] when there are none yet.'));
    return null;
  }
  const positionOf = makePositionFinder(text);
  let data: unknown;
  let parseError: unknown = null;
  try {
    data = JSON.parse(text);
  } catch (error) {
    parseError = error;
  }
  let layout: JsonLayout;
  try {
    layout = scanJsonLayout(text, positionOf);
  } catch (error) {
    if (!(error instanceof JsonSyntaxProblem)) throw error;
    if (parseError !== null) {
      issues.push(fileIssue(name, positionOf(error.offset), `Invalid JSON: ${error.message}`));
      return null;
    }
    // JSON.parse is the judge of what is valid; if our scanner disagrees, positions fall back to the top of the file.
    layout = { valueAt: new Map(), keyAt: new Map(), repeatedKeys: [] };
  }
  if (parseError !== null) {
    // Only reached if the scanner accepted what JSON.parse refused; trust JSON.parse and use its position when it gives one.
    const message = parseError instanceof Error ? parseError.message : String(parseError);
    const offset = /position (\d+)/.exec(message)?.[1];
    issues.push(fileIssue(name, offset === undefined ? start : positionOf(Number(offset)), `Invalid JSON: ${message}`));
    return null;
  }
  const rootOffset = layout.valueAt.get('');
  const rootPosition = rootOffset === undefined ? start : positionOf(rootOffset);
  if (!Array.isArray(data)) {
    issues.push(fileIssue(name, rootPosition, `The file must hold a list of records in [ ], but it holds ${describeValue(data)}. Wrap the records in [ and ].`));
    return null;
  }
  return { name, key: DATA_FILES[name], records: data, parsed: [], positionOf, layout };
}

// ---------------------------------------------------------------------------------------------
// Records: zod issues rewritten for editors.

const EXPECTED_PHRASES: Record<string, string> = {
  string: 'text in double quotes',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list [ ... ]',
  object: 'a record { ... }',
};

/** The schema that governs `segments` inside a record, looking through lists and nulls. */
function schemaAt(root: z.ZodType, segments: readonly PathSegment[]): z.ZodType | undefined {
  let current: z.ZodType | undefined = root;
  for (const segment of segments) {
    while (current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
    if (current instanceof z.ZodObject) current = (current.shape as Record<string, z.ZodType>)[String(segment)];
    else if (current instanceof z.ZodArray) current = current.element as z.ZodType;
    else return undefined;
  }
  return current;
}

function allowedFields(schema: z.ZodType | undefined): string[] {
  let current = schema;
  while (current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The closest candidate to a probable typo, if one is close enough to be worth suggesting. */
function closestMatch(word: string, candidates: Iterable<string>): string | null {
  const limit = Math.max(1, Math.min(3, Math.floor(word.length / 4)));
  let best: string | null = null;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - word.length) > limit) continue;
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function wrongTypeHint(expected: string, found: unknown): string {
  if (expected === 'number' && typeof found === 'string') {
    const trimmed = found.trim();
    if (/^-?\d{1,3}(,\d{3})+$/.test(trimmed)) return ` Write numbers without quotes or thousands separators: ${trimmed.replaceAll(',', '')}.`;
    if (/^-?\d+,\d+$/.test(trimmed)) return ` Write numbers without quotes and with a dot for decimals: ${trimmed.replace(',', '.')}.`;
    if (trimmed !== '' && Number.isFinite(Number(trimmed))) return ` Write numbers without quotes: ${trimmed}.`;
  }
  if (expected === 'boolean' && typeof found === 'string' && /^(true|false)$/i.test(found.trim())) {
    return ` Write ${found.trim().toLowerCase()} without quotes.`;
  }
  if (expected === 'array' && typeof found === 'string') return ` Put it in a list: [${JSON.stringify(found)}].`;
  return '';
}

/** One zod issue as (field path, message, whether to point at the field name) entries; unknown keys become one entry each. */
function translateZodIssue(issue: z.core.$ZodIssue, record: unknown, schema: z.ZodType): { field: PathSegment[]; message: string; at: 'value' | 'key' }[] {
  const field = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const fieldSchema = schemaAt(schema, field);
  const nullable = fieldSchema instanceof z.ZodNullable;
  const found = valueAtPath(record, field);

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedFields(fieldSchema);
    return issue.keys.map((key) => {
      const suggestion = closestMatch(key, allowed);
      const hint = suggestion === null ? '' : ` Did you mean "${suggestion}"?`;
      return { field: [...field, key], at: 'key', message: `unknown field.${hint} The fields allowed here are: ${allowed.join(', ')}.` };
    });
  }

  if (issue.code === 'invalid_type') {
    const parent = valueAtPath(record, field.slice(0, -1));
    const last = field.at(-1);
    if (found === undefined && last !== undefined && isPlainRecord(parent) && !Object.hasOwn(parent, String(last))) {
      const message = nullable ? 'is missing. Add it, with null if there is no value.' : 'is missing. Every record in this file needs it.';
      return [{ field, at: 'value', message }];
    }
    const expected = EXPECTED_PHRASES[issue.expected];
    if (expected !== undefined) {
      const message = `expected ${expected}${nullable ? ' or null' : ''}, found ${describeValue(found)}.${wrongTypeHint(issue.expected, found)}`;
      return [{ field, at: 'value', message }];
    }
  }

  if (issue.code === 'invalid_value') {
    const options = issue.values.map((value) => JSON.stringify(value));
    const suggestion = typeof found === 'string' ? closestMatch(found, issue.values.map(String)) : null;
    const hint = suggestion === null ? '' : ` Did you mean "${suggestion}"?`;
    const message = `must be one of ${options.join(', ')}${nullable ? ', or null' : ''}; found ${describeValue(found)}.${hint}`;
    return [{ field, at: 'value', message }];
  }

  // Every other rule carries an editor-facing message written in schema.ts.
  const message = /[.?!]$/.test(issue.message) ? issue.message : `${issue.message}.`;
  return [{ field, at: 'value', message }];
}

function checkRecords(file: ParsedFile, issues: DataIssue[]): void {
  const schema = RECORD_SCHEMAS[file.key];
  const allowed = Object.keys(schema.shape);
  const firstIndexOfId = new Map<string, number>();

  for (const repeated of file.layout.repeatedKeys) {
    const segments = segmentsOf(repeated.pointer);
    const index = Number(segments[0]);
    if (segments.length < 2 || !Number.isInteger(index)) {
      issues.push(fileIssue(file.name, file.positionOf(repeated.offset), `The field "${segments.at(-1) ?? ''}" is written twice in the same { }; only the last one would be kept. Merge them.`));
      continue;
    }
    const position = file.positionOf(repeated.offset);
    issues.push({
      file: file.name,
      line: position.line,
      column: position.column,
      index,
      recordId: recordIdOf(file.records[index]),
      field: segments.slice(1).join('.'),
      message: 'is written twice in the same record; only the last one would be kept. Merge them into one.',
    });
  }

  file.records.forEach((record, index) => {
    if (record === null) {
      issues.push(recordIssue(file, index, [], 'this entry is null. Remove it, or fill in a record { ... }.'));
      return;
    }
    if (!isPlainRecord(record)) {
      issues.push(recordIssue(file, index, [], `expected a record { ... }, found ${describeValue(record)}.`));
      return;
    }

    // Unknown fields are reported here rather than by the strict schema, because zod then skips
    // the cross-field rules, and an editor would only learn of those after a second run.
    const known: Record<string, unknown> = {};
    let hasUnknownField = false;
    for (const [key, value] of Object.entries(record)) {
      if (allowed.includes(key)) {
        known[key] = value;
        continue;
      }
      hasUnknownField = true;
      const suggestion = closestMatch(key, allowed);
      const hint = suggestion === null ? '' : ` Did you mean "${suggestion}"?`;
      issues.push(recordIssue(file, index, [key], `unknown field.${hint} The fields allowed here are: ${allowed.join(', ')}.`, 'key'));
    }

    const result = schema.safeParse(known);
    if (result.success && !hasUnknownField) file.parsed[index] = result.data;
    if (!result.success) {
      for (const zodIssue of result.error.issues) {
        for (const { field, message, at } of translateZodIssue(zodIssue, record, schema)) {
          issues.push(recordIssue(file, index, field, message, at));
        }
      }
    }

    const id = recordIdOf(record);
    if (id !== null) {
      const first = firstIndexOfId.get(id);
      if (first === undefined) {
        firstIndexOfId.set(id, index);
      } else {
        const firstLine = locate(file, [first]).line;
        issues.push(recordIssue(file, index, ['id'], `"${id}" is already the id of record #${String(first + 1)} (line ${String(firstLine)}). Ids must be unique within a file: change one of them.`));
      }
    }
  });
}

/** Fields that hold codes, ids, dates or editor-only text rather than words a reader sees. */
const NOT_READER_TEXT: ReadonlySet<string> = new Set([
  'id', 'url', 'editor_note', 'iso3', 'date', 'published', 'as_of', 'tier', 'status', 'kind', 'actor',
  'operator', 'operator_source_tier', 'listed_in', 'sources', 'verified',
]);

/** Every text a reader or re-user sees (pages, embeds, downloads) must read as journalism, not as a research memo. */
function checkReaderLanguage(file: ParsedFile, issues: DataIssue[]): void {
  const visit = (value: unknown, index: number, field: PathSegment[]): void => {
    if (typeof value === 'string') {
      const problem = memoLanguageProblem(value);
      if (problem !== null) issues.push(recordIssue(file, index, field, `${problem}.`));
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, position) => visit(item, index, [...field, position]));
    } else if (isPlainRecord(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (!NOT_READER_TEXT.has(key)) visit(inner, index, [...field, key]);
      }
    }
  };
  file.records.forEach((record, index) => visit(record, index, []));
}

/** The published record: editor-only provenance removed, so no page, embed or download can show it. */
function withoutEditorNote(record: unknown): unknown {
  if (!isPlainRecord(record) || !Object.hasOwn(record, 'editor_note')) return record;
  const { editor_note: _editorNote, ...published } = record;
  return published;
}

// ---------------------------------------------------------------------------------------------
// Rules that need today's date or another file.

function checkFutureDates(file: ParsedFile, today: string, issues: DataIssue[]): void {
  const field = DATE_FIELDS[file.key];
  if (field === undefined) return;
  file.records.forEach((record, index) => {
    const value = isPlainRecord(record) ? record[field] : undefined;
    if (typeof value !== 'string' || partialDateProblem(value) !== null) return;
    // Comparing the same number of characters treats "2026" as not future during 2026.
    if (value > today.slice(0, value.length)) {
      issues.push(recordIssue(file, index, [field], `"${value}" is in the future (today is ${today}). Check the year and month.`));
    }
  });
}

/** Every place a record cites a source: its own `sources` list and, for disagreements, each position's. */
function sourceReferences(key: DatasetKey, record: unknown): { field: PathSegment[]; id: unknown }[] {
  if (!isPlainRecord(record)) return [];
  const lists: { prefix: PathSegment[]; ids: unknown }[] = [];
  if (key === 'disagreements') {
    const positions = record['positions'];
    if (Array.isArray(positions)) {
      positions.forEach((position: unknown, positionIndex) => {
        if (isPlainRecord(position)) lists.push({ prefix: ['positions', positionIndex, 'sources'], ids: position['sources'] });
      });
    }
  } else {
    lists.push({ prefix: ['sources'], ids: record['sources'] });
  }
  return lists.flatMap(({ prefix, ids }) =>
    Array.isArray(ids) ? ids.map((id: unknown, position) => ({ field: [...prefix, position], id })) : [],
  );
}

function checkSourceReferences(file: ParsedFile, tierById: ReadonlyMap<string, unknown>, issues: DataIssue[]): void {
  file.records.forEach((record, index) => {
    const references = sourceReferences(file.key, record);
    for (const { field, id } of references) {
      // Malformed ids already have their own message from the schema.
      if (typeof id !== 'string' || !ID_PATTERN.test(id) || tierById.has(id)) continue;
      const suggestion = closestMatch(id, tierById.keys());
      const hint = suggestion === null ? '' : ` Did you mean "${suggestion}"?`;
      issues.push(recordIssue(file, index, field, `unknown source id "${id}". Add it to data/sources.json or fix the id.${hint}`));
    }

    if (!VERIFIABLE.has(file.key) || !isPlainRecord(record) || record['verified'] !== true) return;
    const ids = references.map((reference) => reference.id);
    // Judge only fully known source lists: an unknown id may turn out to be a strong source once fixed.
    if (ids.length === 0 || !ids.every((id) => typeof id === 'string' && tierById.has(id))) return;
    if (ids.every((id) => tierById.get(id as string) === 'weak')) {
      const cited = ids.map((id) => `"${String(id)}"`).join(', ');
      issues.push(recordIssue(file, index, ['verified'], `is true, but every source cited is weak (${cited}). A row backed only by weak sources must be marked "verified": false, or cite a primary or reputable source.`));
    }
  });
}

function countryLabel(alpha3: string): string {
  const country = ISO_BY_ALPHA3.get(alpha3);
  return country === undefined ? `"${alpha3}"` : `"${alpha3}" (${country.name})`;
}

function checkCountryCodes(file: ParsedFile, exceptions: Readonly<Record<string, string>>, issues: DataIssue[]): void {
  file.records.forEach((record, index) => {
    const iso3 = isPlainRecord(record) ? record['iso3'] : undefined;
    if (typeof iso3 !== 'string' || !ISO3_PATTERN.test(iso3)) return;
    const country = ISO_BY_ALPHA3.get(iso3);
    if (country === undefined) {
      issues.push(recordIssue(file, index, ['iso3'], `"${iso3}" is not a real ISO 3166-1 alpha-3 country code. Check the code (for example "DEU" is Germany, "GBR" the United Kingdom).`));
    } else if (!MAP_FEATURE_IDS.has(country.numeric) && !Object.hasOwn(exceptions, iso3)) {
      issues.push(recordIssue(file, index, ['iso3'], `${countryLabel(iso3)} is a real country code, but the world map (world-atlas, 1:110m) has no shape for it, so this row would not appear on the map. Ask a developer to add "${iso3}" to GEOMETRY_EXCEPTIONS in src/lib/dataset/load.ts, with a reason and a way to show it.`));
    }
  });
}

function checkCountryRows(stations: ParsedFile, countryCounts: ParsedFile, issues: DataIssue[]): void {
  const rowIndexByIso3 = new Map<string, number>();
  countryCounts.records.forEach((record, index) => {
    const iso3 = isPlainRecord(record) ? record['iso3'] : undefined;
    if (typeof iso3 !== 'string' || !ISO3_PATTERN.test(iso3)) return;
    const first = rowIndexByIso3.get(iso3);
    if (first === undefined) {
      rowIndexByIso3.set(iso3, index);
      return;
    }
    const firstLine = locate(countryCounts, [first]).line;
    issues.push(recordIssue(countryCounts, index, ['iso3'], `${countryLabel(iso3)} already has a row: record #${String(first + 1)} (line ${String(firstLine)}). Each country needs exactly one row: merge them.`));
  });

  stations.records.forEach((record, index) => {
    const iso3 = isPlainRecord(record) ? record['iso3'] : undefined;
    // Unreal codes are reported by the country-code check; one message per slip is enough.
    if (typeof iso3 !== 'string' || !ISO_BY_ALPHA3.has(iso3) || rowIndexByIso3.has(iso3)) return;
    issues.push(recordIssue(stations, index, ['iso3'], `${countryLabel(iso3)} has no row in data/country_counts.json. Add one, so the country totals and the map include this station.`));
  });
}

// ---------------------------------------------------------------------------------------------
// Entry points.

function todayInUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

const FILE_ORDER: readonly string[] = Object.keys(DATA_FILES);

/**
 * Checks the texts of the data files (keyed by file name, null or absent when a file is missing)
 * and returns every problem found; the dataset is returned only when there are none.
 * Pure: no file system, no Astro, so it runs the same in Node, Vite and tests.
 */
export function validateDatasetFiles(
  files: Readonly<Record<string, string | null>>,
  options: ValidateOptions = {},
): { dataset: Dataset | null; issues: DataIssue[] } {
  const today = options.today ?? todayInUtc();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || partialDateProblem(today) !== null) {
    throw new Error(`validateDatasetFiles: options.today must be a real date written YYYY-MM-DD, got ${JSON.stringify(today)}`);
  }
  const exceptions = options.geometryExceptions ?? GEOMETRY_EXCEPTIONS;
  const issues: DataIssue[] = [];
  const parsedFiles = new Map<DatasetKey, ParsedFile>();

  for (const name of Object.keys(DATA_FILES) as DataFileName[]) {
    const text = Object.hasOwn(files, name) ? (files[name] ?? null) : null;
    const file = parseFile(name, text, issues);
    if (file === null) continue;
    parsedFiles.set(file.key, file);
    checkRecords(file, issues);
    checkFutureDates(file, today, issues);
    checkReaderLanguage(file, issues);
    if (WITH_ISO3.has(file.key)) checkCountryCodes(file, exceptions, issues);
  }

  // Cross-file rules only run against files that could be read, so one broken file does not
  // bury the real problems under hundreds of follow-on ones.
  const sources = parsedFiles.get('sources');
  if (sources !== undefined) {
    const tierById = new Map<string, unknown>();
    for (const record of sources.records) {
      const id = recordIdOf(record);
      if (id !== null && isPlainRecord(record) && !tierById.has(id)) tierById.set(id, record['tier']);
    }
    for (const file of parsedFiles.values()) {
      if (file.key !== 'sources') checkSourceReferences(file, tierById, issues);
    }
  }
  const stations = parsedFiles.get('stations');
  const countryCounts = parsedFiles.get('countryCounts');
  if (stations !== undefined && countryCounts !== undefined) checkCountryRows(stations, countryCounts, issues);

  issues.sort(
    (a, b) => FILE_ORDER.indexOf(a.file) - FILE_ORDER.indexOf(b.file) || a.line - b.line || a.column - b.column,
  );
  if (issues.length > 0) return { dataset: null, issues };

  // With no issues every file parsed and every record passed its schema, whose output types
  // schema.ts proves equal to those in types.ts.
  const part = (key: DatasetKey): unknown[] => (parsedFiles.get(key)?.parsed ?? []).map(withoutEditorNote);
  const dataset = {
    sources: part('sources'),
    stations: part('stations'),
    countryCounts: part('countryCounts'),
    events: part('events'),
    figures: part('figures'),
    disagreements: part('disagreements'),
    corrections: part('corrections'),
  } as Dataset;
  return { dataset, issues };
}

/** How a data directory is named in messages: relative to the working directory when inside it, so output is the same on every machine. */
export function dataDirLabel(dataDir: string): string {
  const absolute = path.resolve(dataDir);
  const relative = path.relative(process.cwd(), absolute);
  if (relative === '') return '.';
  if (relative.startsWith('..') || path.isAbsolute(relative)) return absolute.split(path.sep).join('/');
  return relative.split(path.sep).join('/');
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${String(count)} ${count === 1 ? singular : pluralForm}`;
}

/** The problem report editors read: one line per issue, `file:line:column  where: what and how to fix it`, then a count. */
export function formatIssues(issues: readonly DataIssue[], dirLabel = 'data'): string {
  const blocks = issues.map((issue) => {
    const location = `${dirLabel}/${issue.file}:${String(issue.line)}:${String(issue.column)}`;
    if (issue.index === null) return `${location}  ${issue.message}`;
    // Records are counted from 1, as an editor counts them; DataIssue.index stays 0-based.
    const record = `record #${String(issue.index + 1)} (${issue.recordId === null ? 'no id' : `id "${issue.recordId}"`})`;
    const subject = issue.field === null ? record : `${record}, field "${issue.field}"`;
    return `${location}  ${subject}: ${issue.message}`;
  });
  return `${blocks.join('\n')}\n\n${plural(issues.length, 'problem')} in ${dirLabel}/. The build stops until they are fixed.`;
}

/** Thrown by loadDataset; `message` is the full report from formatIssues. */
export class DatasetError extends Error {
  readonly issues: DataIssue[];
  constructor(issues: DataIssue[], dirLabel = 'data') {
    super(formatIssues(issues, dirLabel));
    this.name = 'DatasetError';
    this.issues = issues;
  }
}

function readIfPresent(filePath: string): string | null {
  try {
    return readFileSync(filePath, 'utf8');
  } catch (error) {
    if (isPlainRecord(error) && error['code'] === 'ENOENT') return null;
    throw error;
  }
}

/** Reads data/ from disk and returns the validated dataset, or throws DatasetError listing every problem. */
export function loadDataset(dataDir: string, options: ValidateOptions = {}): Dataset {
  const files: Record<string, string | null> = {};
  for (const name of Object.keys(DATA_FILES)) files[name] = readIfPresent(path.join(dataDir, name));
  const { dataset, issues } = validateDatasetFiles(files, options);
  if (dataset === null) throw new DatasetError(issues, dataDirLabel(dataDir));
  return dataset;
}
