/**
 * The country card other newsrooms embed (/embed/country/<slug>/) and its static image: a few lines computed from the
 * country page's own model (src/lib/countries/page.ts), so the card, its PNG and the page never disagree. Each line is
 * a label and a value in the edition's words; no number is typed here.
 */
import type { TimelineEvent } from '../dataset/types.ts';
import type { Edition } from '../edition/edition.ts';
import { getSource } from '../site-data.ts';
import type { CountryPage } from './page.ts';
import { countWith } from './words.ts';

export interface CardLine {
  /** Stable name for tests and styling: report-<id>, verified, unverified, response, latest. */
  figure: string;
  label: string;
  value: string;
  /** The machine-readable value (a count, a response class, a date), '' when there is none. */
  data: string;
  /** The value rests only on weak sources. */
  unverified?: boolean;
  /** For the latest event: its date (ISO partial date) and title, shown apart from the label. */
  event?: TimelineEvent;
}

export interface CountryCardModel {
  lines: CardLine[];
  /** One sentence for alt text and descriptions. */
  takeaway: string;
}

const stations = (n: number, edition: Edition) =>
  countWith(n, { one: (v) => edition.t('countries.stations.one', { n: v }), other: (v) => edition.t('countries.stations.other', { n: v }) }, edition.locale);

export function reportName(id: string, edition: Edition): string {
  return edition.t(`countries.report.${id as '110-overseas'}`);
}

export function responseLabel(state: string, edition: Edition): string {
  return state === 'none' ? edition.t('countries.response.none') : edition.t(`map.response.${state as 'charges'}`);
}

export function reportValue(value: number | null, isMinimum: boolean, edition: Edition): string {
  return value === null ? edition.t('countries.report.notGiven') : isMinimum ? edition.t('data.atLeast', { n: stations(value, edition) }) : stations(value, edition);
}

/** The newest event concerning the country, preferring verified ones; null when it has none. */
export function latestEvent(page: CountryPage): TimelineEvent | null {
  const verified = page.events.filter((e) => e.verified);
  return (verified.length > 0 ? verified : page.events).at(-1) ?? null;
}

/** `published` gives a report's publication date from its source entry (the site's sources.json unless a test passes its own). */
export function buildCountryCard(page: CountryPage, edition: Edition, published: (sourceId: string) => string | null = (id) => getSource(id).published): CountryCardModel {
  const lines: CardLine[] = page.reports.map((r) => {
    const date = published(r.sourceId);
    return {
      figure: `report-${r.report}`,
      label: edition.t('countries.glance.report', { report: reportName(r.report, edition), date: date ? edition.date(date) : '' }),
      value: reportValue(r.value, r.isMinimum, edition),
      data: r.value === null ? '' : String(r.value),
      unverified: r.value !== null && page.countRow !== null && !page.countRow.verified,
    };
  });
  const verified = page.documented.verified;
  const unverified = page.documented.total - verified;
  lines.push({ figure: 'verified', label: edition.t('embed.country.documented'), value: edition.number(verified), data: String(verified) });
  if (unverified > 0) {
    lines.push({ figure: 'unverified', label: edition.t('embed.country.unverified'), value: stations(unverified, edition), data: String(unverified), unverified: true });
  }
  const response = responseLabel(page.response.state, edition);
  lines.push({ figure: 'response', label: edition.t('countries.glance.response'), value: response, data: page.response.state });
  const event = latestEvent(page);
  lines.push(
    event
      ? { figure: 'latest', label: edition.t('embed.country.latest'), value: `${edition.date(event.date)}${edition.t('punct.colon')}${event.title}`, data: event.date, unverified: !event.verified, event }
      : { figure: 'latest', label: edition.t('embed.country.latest'), value: edition.t('embed.country.noEvent'), data: '' },
  );
  const takeaway = edition.t('embed.country.takeaway', { country: edition.countryName(page.country.iso3, page.country.name), documented: stations(verified, edition), response });
  return { lines, takeaway };
}
