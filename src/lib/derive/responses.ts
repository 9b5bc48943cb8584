/** Derives what each host government did from verified events, so the map and prose share one reading. */
import type { EventKind, TimelineEvent } from '../dataset/types.ts';
import { partialDateSortKey } from '../format.ts';

/** Host-government events that count as a response; China's denials and the NGO's reports do not. */
export function hostResponses(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((event) => event.verified && event.actor === 'host-government' && event.iso3 !== null);
}

/** Countries (ISO alpha-3) with at least one verified host-government event of one of these kinds. */
export function countriesWithResponse(events: readonly TimelineEvent[], kinds: readonly EventKind[]): Set<string> {
  const wanted = new Set(kinds);
  const countries = new Set<string>();
  for (const event of hostResponses(events)) {
    if (wanted.has(event.kind) && event.iso3) countries.add(event.iso3);
  }
  return countries;
}

/** Events in reading order: by date, month-only dates before the days of that month, then by id for stability. */
export function sortEventsChronologically<T extends Pick<TimelineEvent, 'date' | 'id'>>(events: readonly T[]): T[] {
  return [...events].sort(
    (a, b) => partialDateSortKey(a.date).localeCompare(partialDateSortKey(b.date)) || a.id.localeCompare(b.id),
  );
}
