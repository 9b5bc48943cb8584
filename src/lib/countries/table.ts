/** Rows of the /countries/ table, with the values each column sorts by; pure, so the sort order is tested. */
import type { Dataset } from '../dataset/types.ts';
import { RESPONSE_CLASSES, responseState, type ResponseState } from '../map/classify.ts';
import type { CountryRef } from './countries.ts';

export interface CountryTableRow {
  country: CountryRef;
  /** The count row is unverified (or missing): never added to a total. */
  verified: boolean;
  first: number | null;
  second: number | null;
  secondIsMinimum: boolean;
  documented: number;
  documentedVerified: number;
  response: ResponseState;
}

/** Response states from strongest to weakest: what "sort by response" means. */
export const RESPONSE_ORDER: readonly ResponseState[] = [...RESPONSE_CLASSES.map((c) => c.id), 'nothing-known', 'none'];

export function countryTableRows(dataset: Pick<Dataset, 'countryCounts' | 'stations' | 'events'>, countries: readonly CountryRef[]): CountryTableRow[] {
  return countries.map((country) => {
    const row = dataset.countryCounts.find((r) => r.iso3 === country.iso3);
    const stations = dataset.stations.filter((s) => s.iso3 === country.iso3);
    return {
      country,
      verified: row?.verified ?? false,
      first: row?.first_report ?? null,
      second: row?.second_report ?? null,
      secondIsMinimum: row?.second_report_is_minimum ?? false,
      documented: stations.length,
      documentedVerified: stations.filter((s) => s.verified).length,
      response: responseState(country.iso3, row !== undefined, dataset.events).state,
    };
  });
}

/**
 * The number a response cell sorts by: stronger responses sort higher, so "descending" puts arrests first. Count
 * cells sort by their number; a missing figure sorts below zero.
 */
export function responseRank(state: ResponseState): number {
  const index = RESPONSE_ORDER.indexOf(state);
  return index < 0 ? 0 : RESPONSE_ORDER.length - index;
}
