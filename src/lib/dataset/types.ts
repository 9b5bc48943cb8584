/** The shapes of the records in data/*.json once validated; the single source of truth for page and chart code. */

/** How much weight a source carries (see data/README.md, "Source tiers"). */
export type Tier = 'primary' | 'reputable' | 'weak';

/** A partial ISO date: year, year-month or full day, as precise as the source allows. */
export type PartialDate = string;

export interface Source {
  id: string;
  title: string;
  publisher: string;
  published: PartialDate | null;
  url: string;
  tier: Tier;
  /** Provenance for editors only: stripped on load, never rendered or downloaded. */
  editor_note?: string;
}

/** The two Safeguard Defenders reports; null for sites named by others (e.g. the RCMP's Montreal-area cases). */
export type ReportId = '110-overseas' | 'patrol-and-persuade';

export const BUREAUS = ['Fuzhou', 'Qingtian', 'Wenzhou', 'Nantong'] as const;
export type Bureau = (typeof BUREAUS)[number];

export const STATION_STATUSES = [
  'reported',
  'under investigation',
  'closed',
  'closure ordered',
  'denied by host government',
  'no evidence found',
  'charged',
  'unknown',
] as const;
export type StationStatus = (typeof STATION_STATUSES)[number];

export interface Station {
  id: string;
  iso3: string;
  country: string;
  city: string | null;
  lat: number | null;
  lon: number | null;
  operator: Bureau | null;
  operator_source_tier: Tier | null;
  listed_in: ReportId | null;
  status: StationStatus;
  verified: boolean;
  sources: string[];
  note: string;
  /** Provenance for editors only: stripped on load, never rendered or downloaded. */
  editor_note?: string;
}

export interface CountryCount {
  id: string;
  iso3: string;
  country: string;
  /** Stations in 110 Overseas (Sept 2022); null when that report listed none here or the number is unknown. */
  first_report: number | null;
  /** Stations in Patrol and Persuade (Dec 2022); null when no source gives the later figure. */
  second_report: number | null;
  second_report_is_minimum: boolean;
  verified: boolean;
  sources: string[];
  note: string;
  /** Provenance for editors only: stripped on load, never rendered or downloaded. */
  editor_note?: string;
}

export const EVENT_KINDS = [
  'report',
  'investigation',
  'closure',
  'arrest',
  'charge',
  'plea',
  'conviction',
  'sentence',
  'statement',
  'denial',
  'legislation',
  'other',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const ACTORS = [
  'host-government',
  'chinese-authorities',
  'ngo',
  'press',
  'european-union',
  'community',
] as const;
/** Who acted: a report or a denial is not a host country's "response". */
export type Actor = (typeof ACTORS)[number];

export interface TimelineEvent {
  id: string;
  date: PartialDate;
  /** The country the event concerns; null for global events (the NGO's reports, EU bodies). */
  iso3: string | null;
  country: string | null;
  actor: Actor;
  kind: EventKind;
  title: string;
  summary: string;
  verified: boolean;
  sources: string[];
  note: string | null;
  /** Provenance for editors only: stripped on load, never rendered or downloaded. */
  editor_note?: string;
}

/** A figure as a source reported it (not derived from our rows). */
export interface ReportedFigure {
  id: string;
  value: number;
  label: string;
  as_of: PartialDate;
  verified: boolean;
  sources: string[];
  note: string | null;
  /** Provenance for editors only: stripped on load, never rendered or downloaded. */
  editor_note?: string;
}

export interface Disagreement {
  id: string;
  topic: string;
  positions: { claim: string; sources: string[] }[];
  our_reading: string;
  /** Provenance for editors only: stripped on load, never rendered or downloaded. */
  editor_note?: string;
}

/** One entry of the public updates & corrections log. */
export interface Correction {
  id: string;
  date: PartialDate;
  kind: 'correction' | 'update';
  what: string;
  why: string;
  sources: string[];
}

export interface Dataset {
  sources: Source[];
  stations: Station[];
  countryCounts: CountryCount[];
  events: TimelineEvent[];
  figures: ReportedFigure[];
  disagreements: Disagreement[];
  corrections: Correction[];
}

/** Where a problem sits, in words and positions an editor can act on. */
export interface DataIssue {
  file: string;
  line: number;
  column: number;
  /** Index of the record in the file's array, or null for file-level problems. */
  index: number | null;
  /** The record's id when it has one. */
  recordId: string | null;
  /** Dotted path of the field inside the record, e.g. "sources.2"; null for record- or file-level problems. */
  field: string | null;
  message: string;
}
