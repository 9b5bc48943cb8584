/** Puts each country into a legend class for the two map views; pure, so the legend, colours and table agree. */
import type { CountryCount, EventKind, TimelineEvent } from '../dataset/types.ts';
import { latestReportedCount } from '../derive/stations.ts';
import { hostResponses, sortEventsChronologically } from '../derive/responses.ts';

/** China hosts no "overseas" station: it is the sending state, shown as not applicable. */
export const NOT_APPLICABLE_ISO3 = 'CHN';

/**
 * Hand-set station classes: counts are small integers (1 to 11), so quantiles would split equal values.
 * Each class is [lowest count, highest count or null for open-ended].
 */
export const STATION_CLASSES = [
  { id: 's1', min: 1, max: 1 },
  { id: 's2', min: 2, max: 3 },
  { id: 's3', min: 4, max: 6 },
  { id: 's4', min: 7, max: null },
] as const;

export type StationClassId = (typeof STATION_CLASSES)[number]['id'];
/** Every state a country can be in on the stations view, including the three that are not counts. */
export type StationState = StationClassId | 'unverified' | 'none' | 'not-applicable';

export function classifyStationCount(count: number): StationClassId | 'none' {
  if (count < 1) return 'none';
  const found = STATION_CLASSES.find((c) => count >= c.min && (c.max === null || count <= c.max));
  return found ? found.id : 'none';
}

/** Stations-view state: unverified rows get their own state so they never look like a count we stand by. */
export function stationState(iso3: string, row: CountryCount | undefined): StationState {
  if (iso3 === NOT_APPLICABLE_ISO3) return 'not-applicable';
  if (!row) return 'none';
  if (!row.verified) return 'unverified';
  return classifyStationCount(latestReportedCount(row).value);
}

/** Event kinds that mean a criminal case over a station: arrests, charges, pleas, convictions and sentences. */
export const CRIMINAL_CASE_KINDS = ['arrest', 'charge', 'plea', 'conviction', 'sentence'] as const satisfies readonly EventKind[];

/** Response categories, strongest first: a country that arrested someone is shown as such even if it also investigated. */
export const RESPONSE_CLASSES = [
  { id: 'charges', kinds: CRIMINAL_CASE_KINDS },
  { id: 'closure', kinds: ['closure'] },
  { id: 'investigation', kinds: ['investigation'] },
  { id: 'denial', kinds: ['denial'] },
  { id: 'statement', kinds: ['statement', 'legislation'] },
] as const satisfies readonly { id: string; kinds: readonly EventKind[] }[];

export type ResponseClassId = (typeof RESPONSE_CLASSES)[number]['id'];
export type ResponseState = ResponseClassId | 'nothing-known' | 'none' | 'not-applicable';

/**
 * What the host government did, from its own verified events only (a Chinese denial or an NGO report is not a
 * response). Countries with stations but no such event are "nothing known"; others "none".
 */
export function responseState(
  iso3: string,
  hasStations: boolean,
  events: readonly TimelineEvent[],
): { state: ResponseState; events: TimelineEvent[] } {
  if (iso3 === NOT_APPLICABLE_ISO3) return { state: 'not-applicable', events: [] };
  const own = sortEventsChronologically(hostResponses(events).filter((e) => e.iso3 === iso3));
  for (const responseClass of RESPONSE_CLASSES) {
    if (own.some((e) => (responseClass.kinds as readonly EventKind[]).includes(e.kind))) {
      return { state: responseClass.id, events: own };
    }
  }
  return { state: hasStations ? 'nothing-known' : 'none', events: own };
}

/**
 * The event that puts a country in its response class: the first of the class's kinds (the Netherlands' closure
 * order, not the statements after it). The table and the details show this one; the country's page has them all.
 */
export function decisiveEvent(state: ResponseState, events: readonly TimelineEvent[]): TimelineEvent | null {
  const responseClass = RESPONSE_CLASSES.find((c) => c.id === state);
  if (!responseClass) return null;
  return sortEventsChronologically(events).find((e) => (responseClass.kinds as readonly EventKind[]).includes(e.kind)) ?? null;
}
