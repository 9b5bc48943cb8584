/** Reads and checks the editor-maintained JSON files in data/, collecting every problem in one pass so the build fails loudly instead of shipping empty charts. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DATA_FILE_NAMES, DATA_FILES } from './files.ts';
import type { DataFileName, DatasetKey } from './files.ts';
import { isPlainRecord } from './json-layout.ts';
import { parseFile } from './parsed-file.ts';
import type { ParsedFile } from './parsed-file.ts';
import { checkCountries, checkCountryRows, checkFutureDates, checkReaderLanguage, checkRecords, checkSourceReferences, tiersById } from './rules.ts';
import { partialDateProblem } from './schema.ts';
import type { DataIssue, Dataset } from './types.ts';

export { DATA_FILES };
export type { DataFileName };

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

function todayInUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The published record: editor-only provenance removed, so no page, embed or download can show it. */
function withoutEditorNote(record: unknown): unknown {
  if (!isPlainRecord(record) || !Object.hasOwn(record, 'editor_note')) return record;
  const { editor_note: _editorNote, ...published } = record;
  return published;
}

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

  for (const name of DATA_FILE_NAMES) {
    const text = Object.hasOwn(files, name) ? (files[name] ?? null) : null;
    const file = parseFile(name, text, issues);
    if (file === null) continue;
    parsedFiles.set(file.key, file);
    checkRecords(file, issues);
    checkFutureDates(file, today, issues);
    checkReaderLanguage(file, issues);
    checkCountries(file, exceptions, issues);
  }

  // Cross-file rules only run against files that could be read, so one broken file does not
  // bury the real problems under hundreds of follow-on ones.
  const sources = parsedFiles.get('sources');
  if (sources !== undefined) {
    const tierById = tiersById(sources);
    for (const file of parsedFiles.values()) {
      if (file.key !== 'sources') checkSourceReferences(file, tierById, issues);
    }
  }
  const stations = parsedFiles.get('stations');
  const countryCounts = parsedFiles.get('countryCounts');
  if (stations !== undefined && countryCounts !== undefined) checkCountryRows(stations, countryCounts, issues);

  const order: readonly string[] = DATA_FILE_NAMES;
  issues.sort((a, b) => order.indexOf(a.file) - order.indexOf(b.file) || a.line - b.line || a.column - b.column);
  if (issues.length > 0) return { dataset: null, issues };

  // With no issues every file parsed and every record passed its schema, whose output types are the types in types.ts.
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

/** "1 problem", "2 problems". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
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
  for (const name of DATA_FILE_NAMES) files[name] = readIfPresent(path.join(dataDir, name));
  const { dataset, issues } = validateDatasetFiles(files, options);
  if (dataset === null) throw new DatasetError(issues, dataDirLabel(dataDir));
  return dataset;
}
