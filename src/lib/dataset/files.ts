/** The files in data/ and what each one holds, in one table: the Dataset key it fills, its record schema and which shared rules apply to its rows. */
import type { z } from 'astro/zod';
import {
  correctionSchema,
  countryCountSchema,
  disagreementSchema,
  reportedFigureSchema,
  sourceSchema,
  stationSchema,
  timelineEventSchema,
} from './schema.ts';
import type { Dataset } from './types.ts';

interface DataFileFacts {
  /** The Dataset key the file's records fill. */
  key: keyof Dataset;
  /** One line on what the file is, for the JSON Schema and data/README.md. */
  title: string;
  schema: z.ZodObject;
  /** The date field that must not lie in the future, if any. */
  dateField: string | null;
  /** Rows carry a `verified` flag that the weak-source rule applies to. */
  verifiable: boolean;
  /** Rows carry an `iso3` and a `country` that must name the same country and join to the world map. */
  hasIso3: boolean;
}

/** Per file, in the order problems are reported. */
export const DATA_FILE_FACTS = {
  'sources.json': { key: 'sources', title: 'the bibliography', schema: sourceSchema, dateField: 'published', verifiable: false, hasIso3: false },
  'stations.json': { key: 'stations', title: 'one row per station we could document', schema: stationSchema, dateField: null, verifiable: true, hasIso3: true },
  'country_counts.json': { key: 'countryCounts', title: 'per-country figures as each report gave them', schema: countryCountSchema, dateField: null, verifiable: true, hasIso3: true },
  'events.json': { key: 'events', title: 'dated events', schema: timelineEventSchema, dateField: 'date', verifiable: true, hasIso3: true },
  'figures.json': { key: 'figures', title: 'headline figures as sources reported them', schema: reportedFigureSchema, dateField: 'as_of', verifiable: true, hasIso3: false },
  'disagreements.json': { key: 'disagreements', title: 'where sources disagree', schema: disagreementSchema, dateField: null, verifiable: false, hasIso3: false },
  'corrections.json': { key: 'corrections', title: 'the public updates & corrections log', schema: correctionSchema, dateField: 'date', verifiable: false, hasIso3: false },
} as const satisfies Record<string, DataFileFacts>;

export type DataFileName = keyof typeof DATA_FILE_FACTS;
export type DatasetKey = (typeof DATA_FILE_FACTS)[DataFileName]['key'];

/** The files in data/, in the order problems are reported, and the Dataset key each one fills. */
export const DATA_FILES = Object.fromEntries(
  Object.entries(DATA_FILE_FACTS).map(([name, facts]) => [name, facts.key]),
) as { readonly [Name in DataFileName]: (typeof DATA_FILE_FACTS)[Name]['key'] };

export const DATA_FILE_NAMES = Object.keys(DATA_FILE_FACTS) as DataFileName[];
