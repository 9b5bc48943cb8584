/** The shapes of the records in data/*.json once validated, derived from the zod schemas in schema.ts, and the lists of allowed values those schemas use. */
import type { z } from 'astro/zod';
import type {
  correctionSchema,
  countryCountSchema,
  disagreementSchema,
  reportedFigureSchema,
  sourceSchema,
  stationSchema,
  timelineEventSchema,
} from './schema.ts';

/** How much weight a source carries (see data/README.md and /sources/). */
export const TIERS = ['primary', 'reputable', 'weak'] as const;
export type Tier = (typeof TIERS)[number];

/** The two Safeguard Defenders reports; null for sites named by others (e.g. the RCMP's Montreal-area cases). */
export const REPORT_IDS = ['110-overseas', 'patrol-and-persuade'] as const;
export type ReportId = (typeof REPORT_IDS)[number];

export const BUREAUS = ['Fuzhou', 'Qingtian', 'Wenzhou', 'Nantong'] as const;
export type Bureau = (typeof BUREAUS)[number];

export const STATION_STATUSES = [
  'reported',
  'under investigation',
  'investigation closed',
  'closed',
  'closure ordered',
  'denied by host government',
  'no evidence found',
  'charged',
  'unknown',
] as const;
export type StationStatus = (typeof STATION_STATUSES)[number];

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

export const CORRECTION_KINDS = ['correction', 'update'] as const;

/** A partial ISO date: year, year-month or full day, as precise as the source allows. */
export type PartialDate = string;

// The record types are the schemas' output. Their optional `editor_note` is removed when the
// data is loaded (see load.ts), so in a loaded Dataset it is always undefined.

export type Source = z.output<typeof sourceSchema>;
export type Station = z.output<typeof stationSchema>;
export type CountryCount = z.output<typeof countryCountSchema>;
export type TimelineEvent = z.output<typeof timelineEventSchema>;
/** A figure as a source reported it (not derived from our rows). */
export type ReportedFigure = z.output<typeof reportedFigureSchema>;
export type Disagreement = z.output<typeof disagreementSchema>;
/** One entry of the public updates & corrections log. */
export type Correction = z.output<typeof correctionSchema>;

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
