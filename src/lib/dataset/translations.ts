/**
 * Reads and checks the French and Chinese translations of data/'s reader-facing text (data/i18n/<lang>/<file>.json,
 * keyed by record id) and lays them over the English dataset; a missing or empty translation stops the build naming
 * the file, record and field, and a translation of English text that has since changed is reported as stale.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { DataFileName, DatasetKey } from './files.ts';
import { DATA_FILES } from './files.ts';
import { JsonSyntaxProblem, isPlainRecord, makePositionFinder, pointerOf, scanJsonLayout } from './json-layout.ts';
import type { JsonLayout, PathSegment, Position } from './json-layout.ts';
import { closestMatch } from './messages.ts';
import { memoLanguageProblem } from './reader-language.ts';
import type { DataIssue, Dataset } from './types.ts';

/**
 * The reader-facing text fields of each data file that every edition translates. `positions.*.claim` means the
 * `claim` of every item in `positions` (stored as "positions.0.claim", "positions.1.claim"…). Source titles and
 * publishers are not here: they stay in their original language.
 */
export const TRANSLATED_FIELDS = {
  'stations.json': ['city', 'note'],
  'country_counts.json': ['note'],
  'events.json': ['title', 'summary', 'note'],
  'figures.json': ['label', 'note'],
  'disagreements.json': ['topic', 'positions.*.claim', 'our_reading'],
  'corrections.json': ['what', 'why'],
} as const satisfies Partial<Record<DataFileName, readonly string[]>>;

export type TranslatedFileName = keyof typeof TRANSLATED_FIELDS;
export const TRANSLATED_FILE_NAMES = Object.keys(TRANSLATED_FIELDS) as TranslatedFileName[];

/** Language names as editors read them in messages. */
const LANGUAGE_NAMES: Record<string, string> = { fr: 'French', zh: 'Chinese' };

/** A translation whose English has changed since it was made: shown to readers with a dated notice. */
export interface StaleTranslation {
  /** The dataset list the record is in ("events"). */
  key: DatasetKey;
  file: string;
  recordId: string;
  /** The day the translation was made (YYYY-MM-DD). */
  translated: string;
  fields: string[];
}

/** Staleness per record, looked up by `${datasetKey}:${id}` (e.g. "events:2016-05-ita-other"). */
export type StaleIndex = ReadonlyMap<string, StaleTranslation>;

export function staleKey(key: DatasetKey, id: string): string {
  return `${key}:${id}`;
}

/** The English text of every translated field of one record, keyed by stored field path ("positions.1.claim"). */
export function translatableTexts(fileName: TranslatedFileName, record: Record<string, unknown>): Map<string, string> {
  const texts = new Map<string, string>();
  for (const field of TRANSLATED_FIELDS[fileName]) {
    const [list, inner] = field.split('.*.');
    if (inner !== undefined && list !== undefined) {
      const items = record[list];
      if (!Array.isArray(items)) continue;
      items.forEach((item, i) => {
        const value = isPlainRecord(item) ? item[inner] : undefined;
        if (typeof value === 'string' && value.trim() !== '') texts.set(`${list}.${String(i)}.${inner}`, value);
      });
    } else {
      const value = record[field];
      if (typeof value === 'string' && value.trim() !== '') texts.set(field, value);
    }
  }
  return texts;
}

function setAtPath(record: Record<string, unknown>, fieldPath: string, value: string): void {
  const parts = fieldPath.split('.');
  let target: unknown = record;
  for (const part of parts.slice(0, -1)) target = (target as Record<string, unknown>)[part];
  (target as Record<string, unknown>)[parts[parts.length - 1]!] = value;
}

interface OverlayFile {
  label: string;
  layout: JsonLayout | null;
  positionOf: (offset: number) => Position;
}

function at(file: OverlayFile, segments: readonly PathSegment[]): Position {
  if (file.layout === null) return { line: 1, column: 1 };
  for (let depth = segments.length; depth >= 0; depth--) {
    const offset = file.layout.valueAt.get(pointerOf(segments.slice(0, depth)));
    if (offset !== undefined) return file.positionOf(offset);
  }
  return { line: 1, column: 1 };
}

function issue(file: OverlayFile, segments: readonly PathSegment[], recordId: string | null, field: string | null, message: string): DataIssue {
  const position = at(file, segments);
  const subject = recordId === null ? '' : field === null ? `record "${recordId}": ` : `record "${recordId}", field "${field}": `;
  return { file: file.label, line: position.line, column: position.column, index: null, recordId, field, message: `${subject}${message}` };
}

export interface TranslationResult {
  /** The dataset with every translated field replaced; null when there are problems. */
  dataset: Dataset | null;
  issues: DataIssue[];
  stale: StaleTranslation[];
}

/**
 * Checks one edition's overlay texts (keyed by file name, null when the file is missing) against the English
 * dataset and returns the translated dataset. Pure: no file system, so tests hand it strings.
 */
export function applyTranslations(english: Dataset, lang: string, files: Readonly<Record<string, string | null>>): TranslationResult {
  const language = LANGUAGE_NAMES[lang] ?? lang;
  const issues: DataIssue[] = [];
  const stale: StaleTranslation[] = [];
  const translated = structuredClone(english) as unknown as Record<DatasetKey, Record<string, unknown>[]>;

  for (const fileName of TRANSLATED_FILE_NAMES) {
    const key = DATA_FILES[fileName];
    const label = `i18n/${lang}/${fileName}`;
    const text = files[fileName] ?? null;
    const records = translated[key];
    const file: OverlayFile = { label, layout: null, positionOf: () => ({ line: 1, column: 1 }) };
    if (text === null) {
      issues.push(issue(file, [], null, null, `The ${language} translation of data/${fileName} is missing. Create it with an entry for each record (see content/EDITING.md, "Translations").`));
      continue;
    }
    file.positionOf = makePositionFinder(text);
    let overlay: unknown;
    try {
      file.layout = scanJsonLayout(text, file.positionOf);
      overlay = JSON.parse(text);
    } catch (error) {
      if (!(error instanceof JsonSyntaxProblem) && !(error instanceof SyntaxError)) throw error;
      const position = error instanceof JsonSyntaxProblem ? file.positionOf(error.offset) : { line: 1, column: 1 };
      issues.push({ file: label, line: position.line, column: position.column, index: null, recordId: null, field: null, message: error.message });
      continue;
    }
    if (!isPlainRecord(overlay)) {
      issues.push(issue(file, [], null, null, 'The file must hold one object, { "record id": { "translated": "YYYY-MM-DD", "fields": { … } } }.'));
      continue;
    }
    const byId = new Map(records.map((record) => [String(record['id']), record]));
    for (const [id, entry] of Object.entries(overlay)) {
      const record = byId.get(id);
      if (record === undefined) {
        const suggestion = closestMatch(id, byId.keys());
        issues.push(issue(file, [id], id, null, `no record has this id in data/${fileName}.${suggestion ? ` Did you mean "${suggestion}"?` : ' Remove the entry if the record was deleted.'}`));
        continue;
      }
      if (!isPlainRecord(entry) || typeof entry['translated'] !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(entry['translated']) || !isPlainRecord(entry['fields'])) {
        issues.push(issue(file, [id], id, null, 'each entry needs "translated" (the day it was translated, YYYY-MM-DD) and "fields" ({ "field": { "text": …, "from": … } }).'));
        continue;
      }
    }
    for (const record of records) {
      const id = String(record['id']);
      const texts = translatableTexts(fileName, english[key].find((r) => r.id === id) as unknown as Record<string, unknown>);
      const entry = overlay[id];
      if (!isPlainRecord(entry) || !isPlainRecord(entry['fields']) || typeof entry['translated'] !== 'string') {
        if (texts.size > 0 && !Object.hasOwn(overlay, id)) {
          const [first] = texts.keys();
          issues.push(issue(file, [], id, first ?? null, `has no ${language} translation. Add "${id}": { "translated": "YYYY-MM-DD", "fields": { ${[...texts.keys()].map((f) => `"${f}": { "text": "…", "from": "<the English>" }`).join(', ')} } }.`));
        }
        continue;
      }
      const fields = entry['fields'];
      const staleFields: string[] = [];
      for (const fieldPath of Object.keys(fields)) {
        if (!texts.has(fieldPath)) {
          issues.push(issue(file, [id, 'fields', fieldPath], id, fieldPath, `data/${fileName} has no English text in this field to translate. Remove it, or check the field's name (${[...texts.keys()].join(', ')}).`));
        }
      }
      for (const [fieldPath, englishText] of texts) {
        const value = fields[fieldPath];
        const where: PathSegment[] = [id, 'fields', fieldPath];
        if (!isPlainRecord(value)) {
          issues.push(issue(file, Object.hasOwn(fields, fieldPath) ? where : [id, 'fields'], id, fieldPath, `has no ${language} translation. Add "${fieldPath}": { "text": "…", "from": ${JSON.stringify(englishText)} }.`));
          continue;
        }
        const textValue = value['text'];
        if (typeof textValue !== 'string' || textValue.trim() === '') {
          issues.push(issue(file, [...where, 'text'], id, fieldPath, `the ${language} "text" is empty. Translate: ${JSON.stringify(englishText)}`));
          continue;
        }
        if (typeof value['from'] !== 'string') {
          issues.push(issue(file, where, id, fieldPath, `"from" must hold the English text this translation was made from.`));
          continue;
        }
        const memo = memoLanguageProblem(textValue);
        if (memo !== null) issues.push(issue(file, [...where, 'text'], id, fieldPath, memo));
        if (value['from'] !== englishText) staleFields.push(fieldPath);
        setAtPath(record, fieldPath, textValue);
      }
      if (staleFields.length > 0) stale.push({ key, file: label, recordId: id, translated: entry['translated'], fields: staleFields });
    }
  }
  return { dataset: issues.length === 0 ? (translated as unknown as Dataset) : null, issues, stale };
}

/** Reads data/i18n/<lang>/ from disk. */
export function readTranslationFiles(dataDir: string, lang: string): Record<string, string | null> {
  const files: Record<string, string | null> = {};
  for (const name of TRANSLATED_FILE_NAMES) {
    try {
      files[name] = readFileSync(path.join(dataDir, 'i18n', lang, name), 'utf8');
    } catch (error) {
      if (isPlainRecord(error) && error['code'] === 'ENOENT') files[name] = null;
      else throw error;
    }
  }
  return files;
}

/** "data/i18n/fr/events.json: record "x" (translated 2026-12-01): summary" lines, for the build's stale list. */
export function formatStale(stale: readonly StaleTranslation[], dirLabel = 'data'): string {
  return stale.map((s) => `  ${dirLabel}/${s.file}  record "${s.recordId}" (translated ${s.translated}): ${s.fields.join(', ')}`).join('\n');
}
