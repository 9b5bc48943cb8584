/** The validated dataset and derived metrics for pages and components, loaded once per build from data/. */
import path from 'node:path';
import { loadDataset } from './dataset/load.ts';
import type { Dataset, ReportedFigure, Source } from './dataset/types.ts';
import { computeMetrics, type MetricId } from './derive/metrics.ts';

let cached: { dataset: Dataset; metrics: Record<MetricId, number> } | undefined;

/**
 * Throws DatasetError (every problem, with file:line:column) when data/ is invalid, which stops the
 * build or shows Astro's error overlay in `npm run dev`: an empty chart is never an option.
 */
export function getSiteData(): { dataset: Dataset; metrics: Record<MetricId, number> } {
  if (!cached) {
    // DATA_DIR lets tests build the site from a fixture copy (e.g. hostile strings) without touching data/.
    const dataset = loadDataset(path.resolve(process.cwd(), process.env['DATA_DIR'] ?? 'data'));
    cached = { dataset, metrics: computeMetrics(dataset) };
  }
  return cached;
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
