/** Editor-facing wording: JSON values described as an editor sees them, zod issues rewritten in plain English, and "did you mean" suggestions for typos. */
import { z } from 'astro/zod';
import { isPlainRecord, valueAtPath } from './json-layout.ts';
import type { PathSegment } from './json-layout.ts';

/** Describes a JSON value the way an editor sees it in the file, e.g. `the text "12,5"` or `the number 3`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return value === '' ? 'empty text ""' : `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list []' : 'a list [ ... ]';
  return 'a record { ... }';
}

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

export function allowedFields(schema: z.ZodType | undefined): string[] {
  let current = schema;
  while (current instanceof z.ZodNullable) current = current.unwrap() as z.ZodType;
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}

/** Levenshtein distance: how many one-letter edits turn `a` into `b`. */
export function editDistance(a: string, b: string): number {
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
export function closestMatch(word: string, candidates: Iterable<string>): string | null {
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

export function wrongTypeHint(expected: string, found: unknown): string {
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

/** The message for a field name the schema does not allow, with the closest allowed name when one is near. */
export function unknownFieldMessage(key: string, allowed: readonly string[]): string {
  const suggestion = closestMatch(key, allowed);
  const hint = suggestion === null ? '' : ` Did you mean "${suggestion}"?`;
  return `unknown field.${hint} The fields allowed here are: ${allowed.join(', ')}.`;
}

/** One zod issue as (field path, message, whether to point at the field name) entries; unknown keys become one entry each. */
export function translateZodIssue(issue: z.core.$ZodIssue, record: unknown, schema: z.ZodType): { field: PathSegment[]; message: string; at: 'value' | 'key' }[] {
  const field = issue.path.filter((segment): segment is PathSegment => typeof segment !== 'symbol');
  const fieldSchema = schemaAt(schema, field);
  const nullable = fieldSchema instanceof z.ZodNullable;
  const found = valueAtPath(record, field);

  if (issue.code === 'unrecognized_keys') {
    const allowed = allowedFields(fieldSchema);
    return issue.keys.map((key) => ({ field: [...field, key], at: 'key', message: unknownFieldMessage(key, allowed) }));
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
