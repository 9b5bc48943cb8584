/** The validated dataset and derived metrics for pages and components, loaded from data/ once per build (and again in `npm run dev` after data/ changes). */
import path from 'node:path';
import { DatasetError, loadDataset } from './dataset/load.ts';
import type { Dataset, ReportedFigure, Source } from './dataset/types.ts';
import { applyTranslations, readTranslationFiles, staleKey, type StaleIndex, type StaleTranslation } from './dataset/translations.ts';
import { dataDirLabel } from './dataset/load.ts';
import { computeMetrics, type MetricId } from './derive/metrics.ts';
import { DEFAULT_LANG, type Lang } from './edition/editions.ts';
import { editionOf } from './edition/edition.ts';

export interface SiteData {
  /** The dataset in this edition's language: translated text, country names from Intl; ids, numbers and dates as in data/. */
  dataset: Dataset;
  /** Computed from the English dataset, so every edition prints the same numbers. */
  metrics: Record<MetricId, number>;
  /** Translations whose English has changed since (empty for English). */
  stale: StaleIndex;
}

// The dev server's file watcher (src/lib/watch-data.ts) runs in the Astro config's module instance, the pages in
// Vite's SSR runner: a counter on globalThis is the one thing both see. It only changes in `npm run dev`.
const GENERATION = Symbol.for('explainer.site-data.generation');
type WithGeneration = typeof globalThis & { [GENERATION]?: number };

let cached: { generation: number; dataDir: string; data: Map<Lang, SiteData> } | undefined;

/** The data directory pages read: DATA_DIR (tests build the site from a fixture copy) or data/, resolved from the working directory. */
export function dataDirectory(): string {
  return path.resolve(process.cwd(), process.env['DATA_DIR'] ?? 'data');
}

/** Makes the next getSiteData() call read data/ again. Called by the dev server when a data file changes. */
export function invalidateSiteData(): void {
  const scope = globalThis as WithGeneration;
  scope[GENERATION] = (scope[GENERATION] ?? 0) + 1;
}

/**
 * Throws DatasetError (every problem, with file:line:column) when data/ is invalid, which stops the
 * build or shows Astro's error overlay in `npm run dev`: an empty chart is never an option.
 */
export function getSiteData(lang: Lang): SiteData {
  const generation = (globalThis as WithGeneration)[GENERATION] ?? 0;
  const dataDir = dataDirectory();
  if (cached?.generation !== generation || cached.dataDir !== dataDir) {
    cached = undefined;
    let dataset: Dataset;
    try {
      dataset = loadDataset(dataDir);
    } catch (error) {
      if (error instanceof DatasetError) pointAtFirstIssue(error, dataDir);
      throw error;
    }
    const english: SiteData = { dataset, metrics: computeMetrics(dataset), stale: new Map() };
    cached = { generation, dataDir, data: new Map([[DEFAULT_LANG, english]]) };
  }
  let data = cached.data.get(lang);
  if (data === undefined) {
    data = translatedSiteData(cached.data.get(DEFAULT_LANG)!, lang, dataDir);
    cached.data.set(lang, data);
  }
  return data;
}

function translatedSiteData(english: SiteData, lang: Lang, dataDir: string): SiteData {
  const { dataset, issues, stale } = applyTranslations(english.dataset, lang, readTranslationFiles(dataDir, lang));
  if (dataset === null) {
    const error = new DatasetError(issues, dataDirLabel(dataDir));
    pointAtFirstIssue(error, dataDir);
    throw error;
  }
  // Country names in the edition's language (Intl.DisplayNames); the English names stay in data/.
  const edition = editionOf(lang);
  for (const row of [...dataset.stations, ...dataset.countryCounts]) row.country = edition.countryName(row.iso3, row.country);
  for (const event of dataset.events) if (event.iso3 && event.country) event.country = edition.countryName(event.iso3, event.country);
  const byKey = new Map<string, StaleTranslation>();
  for (const entry of stale) byKey.set(staleKey(entry.key, entry.recordId), entry);
  return { dataset, metrics: english.metrics, stale: byKey };
}

/**
 * Astro's overlay and terminal show the code around `error.loc`; without it they point into this file. The message
 * is untouched, so it reads exactly as `npm run check` prints it.
 */
function pointAtFirstIssue(error: DatasetError, dataDir: string): void {
  const first = error.issues[0];
  if (first === undefined) return;
  Object.assign(error, { loc: { file: path.join(dataDir, first.file), line: first.line, column: first.column } });
}

export function getSource(id: string): Source {
  const source = getSiteData(DEFAULT_LANG).dataset.sources.find((s) => s.id === id);
  if (!source) throw new Error(`Unknown source id "${id}": add it to data/sources.json or fix the id.`);
  return source;
}

export function getFigure(id: string): ReportedFigure {
  const figure = getSiteData(DEFAULT_LANG).dataset.figures.find((f) => f.id === id);
  if (!figure) throw new Error(`Unknown figure id "${id}": add it to data/figures.json or fix the id.`);
  return figure;
}
