/** Named counts from our own rows that chapters print with <Count of="…" />, so no editor retypes a number data/ knows. */
import type { Dataset } from '../dataset/types.ts';
import { countDistinctCountries } from './stations.ts';
import { countriesWithResponse } from './responses.ts';
import { CRIMINAL_CASE_KINDS } from '../map/classify.ts';

export const METRIC_IDS = [
  'station-rows',
  'station-rows-verified',
  'station-rows-unverified',
  'sd-station-rows-verified',
  'first-report-rows',
  'first-report-row-countries',
  'second-report-rows',
  'countries-with-rows',
  'countries-verified',
  'countries-with-closure',
  'countries-with-investigation',
  'countries-with-charges',
  'events-verified',
  'sources-total',
  'sources-primary',
  'sources-reputable',
  'sources-weak',
] as const;
export type MetricId = (typeof METRIC_IDS)[number];

export function isMetricId(value: string): value is MetricId {
  return (METRIC_IDS as readonly string[]).includes(value);
}

/** Computes every metric once per build; pure, so tests pin each definition. */
export function computeMetrics(data: Pick<Dataset, 'stations' | 'countryCounts' | 'events' | 'sources'>): Record<MetricId, number> {
  const { stations, countryCounts, events, sources } = data;
  const firstReport = stations.filter((s) => s.listed_in === '110-overseas');
  return {
    'station-rows': stations.length,
    'station-rows-verified': stations.filter((s) => s.verified).length,
    'station-rows-unverified': stations.filter((s) => !s.verified).length,
    'sd-station-rows-verified': stations.filter((s) => s.verified && s.listed_in !== null).length,
    'first-report-rows': firstReport.length,
    'first-report-row-countries': countDistinctCountries(firstReport),
    'second-report-rows': stations.filter((s) => s.listed_in === 'patrol-and-persuade').length,
    'countries-with-rows': countryCounts.length,
    'countries-verified': countryCounts.filter((c) => c.verified).length,
    'countries-with-closure': countriesWithResponse(events, ['closure']).size,
    'countries-with-investigation': countriesWithResponse(events, ['investigation']).size,
    'countries-with-charges': countriesWithResponse(events, CRIMINAL_CASE_KINDS).size,
    'events-verified': events.filter((e) => e.verified).length,
    'sources-total': sources.length,
    'sources-primary': sources.filter((s) => s.tier === 'primary').length,
    'sources-reputable': sources.filter((s) => s.tier === 'reputable').length,
    'sources-weak': sources.filter((s) => s.tier === 'weak').length,
  };
}
