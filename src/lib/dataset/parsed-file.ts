/** One data file as read from its text (its records and where each value sits), and the builders for issues that point into it. */
import { DATA_FILES } from './files.ts';
import type { DataFileName, DatasetKey } from './files.ts';
import { JsonSyntaxProblem, isPlainRecord, makePositionFinder, pointerOf, scanJsonLayout } from './json-layout.ts';
import type { JsonLayout, PathSegment, Position } from './json-layout.ts';
import { describeValue } from './messages.ts';
import type { DataIssue } from './types.ts';

export interface ParsedFile {
  name: DataFileName;
  key: DatasetKey;
  /** The top-level array exactly as JSON.parse reads it. */
  records: readonly unknown[];
  /** Schema output for each record, or undefined where the record has problems. */
  parsed: unknown[];
  positionOf: (offset: number) => Position;
  layout: JsonLayout;
}

export function recordIdOf(record: unknown): string | null {
  if (!isPlainRecord(record)) return null;
  const id = record['id'];
  return typeof id === 'string' && id !== '' ? id : null;
}

/** The start of the deepest part of `segments` that exists in the file, so a missing field points at its record. */
export function locate(file: ParsedFile, segments: readonly PathSegment[], at: 'value' | 'key' = 'value'): Position {
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

export function fileIssue(name: string, position: Position, message: string): DataIssue {
  return { file: name, line: position.line, column: position.column, index: null, recordId: null, field: null, message };
}

/** An issue about record `index`; `field` is the path inside the record (empty for the record itself). */
export function recordIssue(file: ParsedFile, index: number, field: readonly PathSegment[], message: string, at: 'value' | 'key' = 'value'): DataIssue {
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
export function parseFile(name: DataFileName, text: string | null, issues: DataIssue[]): ParsedFile | null {
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
