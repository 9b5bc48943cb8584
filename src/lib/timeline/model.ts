/** Orders, groups, filters and counts timeline events; pure, shared by the scrolling timeline, its embed and tests. */
import type { EventKind, TimelineEvent } from '../dataset/types.ts';
import { formatNumber, formatPartialDate, parsePartialDate } from '../format.ts';
import { t } from '../i18n.ts';
import { hostResponses, sortEventsChronologically } from '../derive/responses.ts';

/** Events as readers see them: in date order, unverified ones included but flagged by the component. */
export function timelineEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return sortEventsChronologically(events);
}

/** The first instant a partial date can mean, in UTC, for placing it on a time axis. */
export function partialDateStart(text: string): Date {
  const { year, month, day } = parsePartialDate(text);
  return new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
}

/** Events grouped by calendar year, in order, so the list reads as chapters of time. */
export function groupEventsByYear<T extends Pick<TimelineEvent, 'date'>>(events: readonly T[]): { year: number; events: T[] }[] {
  const groups: { year: number; events: T[] }[] = [];
  for (const event of events) {
    const year = parsePartialDate(event.date).year;
    const last = groups.at(-1);
    if (last && last.year === year) last.events.push(event);
    else groups.push({ year, events: [event] });
  }
  return groups;
}

export interface TimelineFilter {
  /** ISO alpha-3 code, or "global" for events with no country; null for all. */
  country: string | null;
  kind: EventKind | null;
}

/** Reads a filter from a URL query (?country=CAN&kind=closure), ignoring values the data does not have. */
export function parseTimelineFilter(search: string, known: { countries: readonly string[]; kinds: readonly string[] }): TimelineFilter {
  const params = new URLSearchParams(search);
  const country = params.get('country');
  const kind = params.get('kind');
  return {
    country: country && known.countries.includes(country) ? country : null,
    kind: kind && known.kinds.includes(kind) ? (kind as EventKind) : null,
  };
}

/** Writes a filter back into a query string, keeping other parameters (such as ?theme= on embeds). */
export function timelineFilterToSearch(filter: TimelineFilter, currentSearch: string = ''): string {
  const params = new URLSearchParams(currentSearch);
  for (const key of ['country', 'kind'] as const) {
    const value = filter[key];
    if (value) params.set(key, value);
    else params.delete(key);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function matchesTimelineFilter(event: Pick<TimelineEvent, 'iso3' | 'kind'>, filter: TimelineFilter): boolean {
  const countryOk = filter.country === null || (filter.country === 'global' ? event.iso3 === null : event.iso3 === filter.country);
  const kindOk = filter.kind === null || event.kind === filter.kind;
  return countryOk && kindOk;
}

/**
 * For each event in reading order, how many countries' governments had responded (verified host-government events)
 * up to and including that step: the number the sticky chart shows as the reader scrolls. Counting by position
 * rather than by date keeps the figure in step with what the reader has just read.
 */
export function cumulativeRespondingCountries(events: readonly TimelineEvent[]): { id: string; date: string; countries: number }[] {
  const responders = new Set(hostResponses(events).map((e) => e.id));
  const seen = new Set<string>();
  return timelineEvents(events).map((event) => {
    if (responders.has(event.id) && event.iso3) seen.add(event.iso3);
    return { id: event.id, date: event.date, countries: seen.size };
  });
}

/** Rows of the sticky chart: one per country that has events, ordered by its first event, then global events. */
export function swimlaneRows(events: readonly TimelineEvent[]): { key: string; label: string; events: TimelineEvent[] }[] {
  const rows = new Map<string, { key: string; label: string; events: TimelineEvent[] }>();
  for (const event of timelineEvents(events)) {
    const key = event.iso3 ?? 'global';
    if (!rows.has(key)) rows.set(key, { key, label: event.country ?? '', events: [] });
    rows.get(key)!.events.push(event);
  }
  const global = rows.get('global');
  rows.delete('global');
  return [...rows.values(), ...(global ? [global] : [])];
}

/** The timeline's caption sentence: how many governments acted, and when the first guilty plea came. */
export function timelineTakeaway(events: readonly TimelineEvent[]): string {
  const ordered = timelineEvents(events);
  const counts = cumulativeRespondingCountries(ordered);
  const firstPlea = ordered.find((e) => e.kind === 'plea' && e.verified);
  return t('timeline.takeaway', {
    countries: formatNumber(counts.at(-1)?.countries ?? 0),
    plea: firstPlea ? formatPartialDate(firstPlea.date.slice(0, 7)) : '—',
  });
}
