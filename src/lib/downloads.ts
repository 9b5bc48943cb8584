/** Turns the validated dataset into the CSV and JSON files readers download from /data/. */
import { csvFormat } from 'd3-dsv';
import type { Dataset } from './dataset/types.ts';

/** Downloadable tables: the file stem and the dataset key it comes from. */
export const DOWNLOADS = [
  { stem: 'stations', key: 'stations' },
  { stem: 'country_counts', key: 'countryCounts' },
  { stem: 'events', key: 'events' },
  { stem: 'sources', key: 'sources' },
  { stem: 'figures', key: 'figures' },
] as const satisfies readonly { stem: string; key: keyof Dataset }[];

export type DownloadStem = (typeof DOWNLOADS)[number]['stem'];

type Cell = string | number | boolean | null | readonly string[];

/**
 * The UTF-8 byte order mark. Excel on Windows reads a CSV without it in the system's legacy code page, so
 * "Montréal" or "Düsseldorf" come out garbled; with it, Excel (and LibreOffice, Numbers, Google Sheets) read UTF-8.
 */
export const UTF8_BOM = '\uFEFF';

/**
 * CSV with one row per record: lists are joined with "; " (ids never contain it) and null becomes an
 * empty cell, so spreadsheets open it without a JSON parser. Column order follows the first record.
 * Starts with a UTF-8 BOM (see UTF8_BOM), so a parser that does not skip it sees it in the first header name.
 */
export function recordsToCsv(records: readonly Record<string, Cell>[]): string {
  const columns = records.length > 0 ? Object.keys(records[0]!) : [];
  const rows = records.map((record) =>
    Object.fromEntries(
      columns.map((column) => {
        const value = record[column];
        if (value === null || value === undefined) return [column, ''];
        if (Array.isArray(value)) return [column, value.join('; ')];
        return [column, String(value)];
      }),
    ),
  );
  return UTF8_BOM + csvFormat(rows, columns);
}

/** JSON as published: the validated records, pretty-printed for people who open it in a browser. */
export function recordsToJson(records: readonly unknown[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}
