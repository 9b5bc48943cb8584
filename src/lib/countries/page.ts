/**
 * Everything one country page says, computed from the validated dataset: what each of the NGO's reports said, what we
 * documented, the government's response (the map's own classification), events, disagreements, what is unverified,
 * and when the entry last changed. Pure, so tests pin each rule; no number on a country page is typed by hand.
 */
import type { Bureau, CountryCount, Dataset, ReportId, Station, TimelineEvent } from '../dataset/types.ts';
import { partialDateSortKey } from '../format.ts';
import { RESPONSE_CLASSES, responseState, type ResponseState } from '../map/classify.ts';
import { sortEventsChronologically } from '../derive/responses.ts';
import type { CountryRef } from './countries.ts';
import { correctionsFor, disagreementsFor, sourceCountries, type DisagreementReason } from './relations.ts';

/** The NGO's two reports, in publication order, and the source entry that is each report's own page. */
export const REPORTS = [
  { id: '110-overseas', sourceId: 'sd-110-overseas', field: 'first_report' },
  { id: 'patrol-and-persuade', sourceId: 'sd-patrol-and-persuade', field: 'second_report' },
] as const satisfies readonly { id: ReportId; sourceId: string; field: 'first_report' | 'second_report' }[];

export interface ReportFigure {
  report: ReportId;
  /** The report's own entry in sources.json (its date is that entry's `published`). */
  sourceId: string;
  /** Stations the report gave for this country as our sources relay it; null when none of them gives a number. */
  value: number | null;
  /** "At least": the sources give a floor, or only say the country was listed. */
  isMinimum: boolean;
}

export interface DocumentedStation {
  station: Station;
  /** The Chinese police bureau said to run it; `unconfirmed` when only weak sources name it. */
  bureau: { name: Bureau; unconfirmed: boolean } | null;
}

export interface LastChange {
  date: string;
  /** What the date is: the country's newest dated event, or the newest updates-log entry that concerns it. */
  kind: 'event' | 'correction';
  /** The event's or the log entry's id. */
  id: string;
}

export interface CountryPage {
  country: CountryRef;
  /** The per-country count row, null for a country known only from events. */
  countRow: CountryCount | null;
  reports: ReportFigure[];
  stations: DocumentedStation[];
  documented: { total: number; verified: number; located: number };
  response: {
    state: ResponseState;
    /** The verified host-government events that put the country in that class (the strongest kind found). */
    because: TimelineEvent[];
    /** All its verified host-government events, the map's "responseEvents". */
    hostEvents: TimelineEvent[];
  };
  /** Every event concerning the country, verified or not, in date order. */
  events: TimelineEvent[];
  disagreements: { disagreement: Dataset['disagreements'][number]; reason: DisagreementReason }[];
  unverified: {
    /** The count row itself rests only on weak sources. */
    countRow: CountryCount | null;
    stations: Station[];
    events: TimelineEvent[];
    /** Verified stations whose bureau is named only by weak sources. */
    bureaus: DocumentedStation[];
  };
  /** The newest event and the newest log entry that concern the country; `lastChanged` is the later of the two. */
  newestEvent: LastChange | null;
  newestCorrection: LastChange | null;
  lastChanged: LastChange | null;
}

function newest(items: readonly LastChange[]): LastChange | null {
  let best: LastChange | null = null;
  for (const item of items) {
    const key = partialDateSortKey(item.date);
    // Ties go to the log entry: it records when the entry itself changed, not when something happened.
    if (best === null || key > partialDateSortKey(best.date) || (key === partialDateSortKey(best.date) && item.kind === 'correction')) {
      best = item;
    }
  }
  return best;
}

export function bureauOf(station: Station): DocumentedStation['bureau'] {
  return station.operator === null ? null : { name: station.operator, unconfirmed: station.operator_source_tier === 'weak' };
}

/** Builds one country's page; `bySource` may be passed in when building every page, so it is computed once. */
export function buildCountryPage(
  dataset: Dataset,
  country: CountryRef,
  bySource: ReadonlyMap<string, ReadonlySet<string>> = sourceCountries(dataset),
): CountryPage {
  const { iso3 } = country;
  const countRow = dataset.countryCounts.find((row) => row.iso3 === iso3) ?? null;
  const stationRows = dataset.stations.filter((s) => s.iso3 === iso3);
  const stations = stationRows.map((station) => ({ station, bureau: bureauOf(station) }));
  const events = sortEventsChronologically(dataset.events.filter((e) => e.iso3 === iso3));

  const reports: ReportFigure[] = countRow
    ? REPORTS.map((report) => ({
        report: report.id,
        sourceId: report.sourceId,
        value: countRow[report.field],
        isMinimum: report.field === 'second_report' && countRow.second_report_is_minimum,
      }))
    : [];

  // The map passes "has a count row" as hasStations; so do we, so the page and the map always agree.
  const response = responseState(iso3, countRow !== null, dataset.events);
  const responseClass = RESPONSE_CLASSES.find((c) => c.id === response.state);
  const because = responseClass
    ? response.events.filter((e) => (responseClass.kinds as readonly string[]).includes(e.kind))
    : [];

  const newestEvent = newest(events.map((e) => ({ date: e.date, kind: 'event' as const, id: e.id })));
  const newestCorrection = newest(
    correctionsFor(iso3, dataset.corrections, bySource).map((c) => ({ date: c.date, kind: 'correction' as const, id: c.id })),
  );

  return {
    country,
    countRow,
    reports,
    stations,
    documented: {
      total: stationRows.length,
      verified: stationRows.filter((s) => s.verified).length,
      located: stationRows.filter((s) => s.lat !== null && s.lon !== null).length,
    },
    response: { state: response.state, because, hostEvents: response.events },
    events,
    disagreements: disagreementsFor(country, dataset.disagreements, bySource),
    unverified: {
      countRow: countRow && !countRow.verified ? countRow : null,
      stations: stationRows.filter((s) => !s.verified),
      events: events.filter((e) => !e.verified),
      bureaus: stations.filter((s) => s.station.verified && s.bureau?.unconfirmed === true),
    },
    newestEvent,
    newestCorrection,
    lastChanged: newest([newestEvent, newestCorrection].filter((x): x is LastChange => x !== null)),
  };
}

/** The source ids a country page cites, each once, in the order they appear on it. */
export function citedSources(page: CountryPage): string[] {
  const ids = [
    ...page.reports.map((r) => r.sourceId),
    ...(page.countRow?.sources ?? []),
    ...page.stations.flatMap((s) => s.station.sources),
    ...page.events.flatMap((e) => e.sources),
    ...page.disagreements.flatMap((d) => d.disagreement.positions.flatMap((p) => p.sources)),
  ];
  return [...new Set(ids)];
}
