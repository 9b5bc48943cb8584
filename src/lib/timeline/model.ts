/**
 * Orders, groups, filters and counts timeline events; pure, shared by the narrated timeline, the event log, the
 * embed, the static image and tests.
 *
 * What the counter counts ("governments that had responded"): countries whose own government took a verified step
 * (an investigation, closure, statement, denial, charge…) after the first NGO report. A Chinese denial, a press or NGO
 * report, an EU statement and anything before the first report (such as the 2016 joint patrol in Rome) are not
 * responses. An event dated only to a month or a year counts once that whole period is over, so a statement dated
 * "2022" is never counted before the report it answered.
 */
import type { TimelineEvent } from '../dataset/types.ts';
import { parsePartialDate } from '../format.ts';
import type { Edition } from '../edition/edition.ts';
import { sortEventsChronologically } from '../derive/responses.ts';

/** Events as readers see them: in date order, unverified ones included but flagged by the components. */
export function timelineEvents(events: readonly TimelineEvent[]): TimelineEvent[] {
  return sortEventsChronologically(events);
}

/** The first instant a partial date can mean, in UTC, for placing it on a time axis. */
export function partialDateStart(text: string): Date {
  const { year, month, day } = parsePartialDate(text);
  return new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
}

/** The last day a partial date can mean, in UTC ("2022-11" → 30 November 2022, "2022" → 31 December 2022). */
export function partialDateEnd(text: string): Date {
  const { year, month, day } = parsePartialDate(text);
  if (day !== null) return new Date(Date.UTC(year, month! - 1, day));
  if (month !== null) return new Date(Date.UTC(year, month, 0));
  return new Date(Date.UTC(year, 11, 31));
}

/** Whether a text is a partial ISO date (YYYY, YYYY-MM or YYYY-MM-DD) that names a real day, month or year. */
export function isPartialDate(text: string): boolean {
  try {
    const { year, month, day } = parsePartialDate(text);
    if (month !== null && (month < 1 || month > 12)) return false;
    if (day !== null && (day < 1 || day > partialDateEnd(`${text.slice(0, 7)}`).getUTCDate())) return false;
    return year > 0;
  } catch {
    return false;
  }
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

/** The day the first NGO report came out: responses are counted from then on. Null when the data has no report. */
export function firstReportStart(events: readonly TimelineEvent[]): Date | null {
  const report = timelineEvents(events).find((e) => e.kind === 'report' && e.actor === 'ngo');
  return report ? partialDateStart(report.date) : null;
}

/** Whether an event is a host government's response to the reports (see the file comment). */
export function isResponse(event: TimelineEvent, reportStart: Date | null): boolean {
  if (!event.verified || event.actor !== 'host-government' || event.iso3 === null) return false;
  return reportStart === null || partialDateEnd(event.date) >= reportStart;
}

/** The state of the chart for one narrated step: what is drawn, and which governments had responded by then. */
export interface StepState {
  /** Index (in timeline order) of the last event drawn; -1 when none is. */
  last: number;
  /** ISO alpha-3 codes of the countries whose government had responded, sorted. Their number is the counter. */
  responded: string[];
}

/**
 * The chart at "by the end of `until`" (a partial date): every event that may have happened by then is drawn, and
 * a response is counted once it surely had (its whole date has passed).
 */
export function stepState(ordered: readonly TimelineEvent[], until: string): StepState {
  const end = partialDateEnd(until);
  const reportStart = firstReportStart(ordered);
  let last = -1;
  ordered.forEach((event, i) => {
    if (partialDateStart(event.date) <= end) last = i;
  });
  const responded = new Set<string>();
  for (const event of ordered) {
    if (isResponse(event, reportStart) && partialDateEnd(event.date) <= end) responded.add(event.iso3!);
  }
  return { last, responded: [...responded].sort() };
}

/** The chart when one event is the current one (the embed's event-by-event stepper): counted by position. */
export function eventStates(ordered: readonly TimelineEvent[]): StepState[] {
  const reportStart = firstReportStart(ordered);
  const responded = new Set<string>();
  return ordered.map((event, i) => {
    if (isResponse(event, reportStart)) responded.add(event.iso3!);
    return { last: i, responded: [...responded].sort() };
  });
}

/** Countries (ISO alpha-3) with at least one event, and "global" for events with no country, in chart order. */
export function timelineCountries(ordered: readonly TimelineEvent[]): { key: string; label: string; events: TimelineEvent[] }[] {
  const rows = new Map<string, { key: string; label: string; events: TimelineEvent[] }>();
  for (const event of ordered) {
    const key = event.iso3 ?? 'global';
    if (!rows.has(key)) rows.set(key, { key, label: event.country ?? '', events: [] });
    rows.get(key)!.events.push(event);
  }
  // Events that belong to no single country (the NGO's reports, the EU) open the grid: the story starts with them.
  const global = rows.get('global');
  rows.delete('global');
  return [...(global ? [global] : []), ...rows.values()];
}

/** The timeline's caption sentence: how many governments responded, and when the first guilty plea came. */
export function timelineTakeaway(events: readonly TimelineEvent[], edition: Edition): string {
  const ordered = timelineEvents(events);
  const final = ordered.length > 0 ? stepState(ordered, ordered.at(-1)!.date) : { responded: [] };
  const firstPlea = ordered.find((e) => e.kind === 'plea' && e.verified);
  return edition.t('timeline.takeaway', {
    countries: edition.number(final.responded.length),
    plea: firstPlea ? edition.date(firstPlea.date.slice(0, 7)) : '—',
  });
}
