/** The validated dataset and derived metrics for pages and components, loaded from data/ once per build (and again in `npm run dev` after data/ changes). */
import path from 'node:path';
import { DatasetError, loadDataset } from './dataset/load.ts';
import type { Dataset, ReportedFigure, Source } from './dataset/types.ts';
import { computeMetrics, type MetricId } from './derive/metrics.ts';

interface SiteData {
  dataset: Dataset;
  metrics: Record<MetricId, number>;
}

// The dev server's file watcher (src/lib/watch-data.ts) runs in the Astro config's module instance, the pages in
// Vite's SSR runner: a counter on globalThis is the one thing both see. It only changes in `npm run dev`.
const GENERATION = Symbol.for('explainer.site-data.generation');
type WithGeneration = typeof globalThis & { [GENERATION]?: number };

let cached: { generation: number; dataDir: string; data: SiteData } | undefined;

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
export function getSiteData(): SiteData {
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
    cached = { generation, dataDir, data: { dataset, metrics: computeMetrics(dataset) } };
  }
  return cached.data;
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
  const source = getSiteData().dataset.sources.find((s) => s.id === id);
  if (!source) throw new Error(`Unknown source id "${id}": add it to data/sources.json or fix the id.`);
  return source;
}

export function getFigure(id: string): ReportedFigure {
  const figure = getSiteData().dataset.figures.find((f) => f.id === id);
  if (!figure) throw new Error(`Unknown figure id "${id}": add it to data/figures.json or fix the id.`);
  return figure;
}
