/** Counts derived from the station and country rows we documented ourselves (never from the NGO's reported totals). */
import type { CountryCount, Station } from '../dataset/types.ts';

/** Number of station rows per ISO alpha-3 code, optionally only verified rows. */
export function countStationsByCountry(
  stations: readonly Station[],
  options: { verifiedOnly?: boolean } = {},
): Map<string, number> {
  const counts = new Map<string, number>();
  for (const station of stations) {
    if (options.verifiedOnly && !station.verified) continue;
    counts.set(station.iso3, (counts.get(station.iso3) ?? 0) + 1);
  }
  return counts;
}

/** Latest reported count for a country: the second report when it gives one, else the first. */
export function latestReportedCount(row: CountryCount): { value: number; isMinimum: boolean } {
  if (row.second_report !== null) return { value: row.second_report, isMinimum: row.second_report_is_minimum };
  // Only the first report gives a figure: the later report may have listed more, so it is a floor too
  // only when the row says so; we keep the first report's number as it was published.
  return { value: row.first_report ?? 0, isMinimum: false };
}

/** How far the per-country figures we found add up to one report's announced totals. */
export interface ReportCoverage {
  /** Stations in the per-country figures we have. */
  sum: number;
  /** Countries with such a figure. */
  countries: number;
}

/**
 * Sums the per-country figures: `first` uses the first report's column, `latest` each country's latest figure.
 * Readers compare these with the NGO's announced totals (54 in 30 countries; 102 in 53), which the sources we
 * found do not fully break down by country.
 */
export function reportCoverage(rows: readonly CountryCount[]): { first: ReportCoverage; latest: ReportCoverage } {
  const first = rows.filter((row) => row.first_report !== null);
  return {
    first: { sum: first.reduce((total, row) => total + (row.first_report ?? 0), 0), countries: first.length },
    latest: { sum: rows.reduce((total, row) => total + latestReportedCount(row).value, 0), countries: rows.length },
  };
}

/** Distinct countries among a set of station rows. */
export function countDistinctCountries(stations: readonly Station[]): number {
  return new Set(stations.map((station) => station.iso3)).size;
}
