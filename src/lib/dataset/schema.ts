/** Zod schemas for each editor-maintained file in data/: the rules one record must follow, worded for the editors who fix them. */
import { z } from 'astro/zod';
import { ACTORS, BUREAUS, EVENT_KINDS, STATION_STATUSES } from './types.ts';
import { sourceUrlProblem } from './reader-language.ts';
import type {
  Correction,
  CountryCount,
  Disagreement,
  ReportedFigure,
  ReportId,
  Source,
  Station,
  Tier,
  TimelineEvent,
} from './types.ts';

// types.ts keeps these as plain union types; the schemas need them as lists.
export const TIERS = ['primary', 'reputable', 'weak'] as const satisfies readonly Tier[];
export const REPORT_IDS = ['110-overseas', 'patrol-and-persuade'] as const satisfies readonly ReportId[];
export const CORRECTION_KINDS = ['correction', 'update'] as const satisfies readonly Correction['kind'][];

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ISO3_PATTERN = /^[A-Z]{3}$/;
const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/** Describes a JSON value the way an editor sees it in the file, e.g. `the text "12,5"` or `the number 3`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') {
    const shown = value.length > 60 ? `${value.slice(0, 57)}...` : value;
    return value === '' ? 'empty text ""' : `the text ${JSON.stringify(shown)}`;
  }
  if (typeof value === 'number') return `the number ${String(value)}`;
  if (typeof value === 'boolean') return `the value ${String(value)}`;
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list []' : 'a list [ ... ]';
  return 'a record { ... }';
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC avoids time-zone shifts.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a string is not a usable partial date (YYYY, YYYY-MM or YYYY-MM-DD on a real calendar day), or null when it is one. */
export function partialDateProblem(value: string): string | null {
  const match = PARTIAL_DATE_PATTERN.exec(value);
  if (!match) {
    return `must be a date written YYYY, YYYY-MM or YYYY-MM-DD (like "2022-12-05"), found ${describeValue(value)}`;
  }
  const year = Number(match[1]);
  const month = match[2] === undefined ? null : Number(match[2]);
  const day = match[3] === undefined ? null : Number(match[3]);
  if (month !== null && (month < 1 || month > 12)) {
    return `"${value}" is not a real date: there is no month ${String(month)}`;
  }
  if (month !== null && day !== null) {
    const lastDay = daysInMonth(year, month);
    if (day < 1 || day > lastDay) {
      return `"${value}" is not a real date: ${MONTH_NAMES[month - 1] ?? 'that month'} ${String(year)} has ${String(lastDay)} days`;
    }
  }
  return null;
}

function isHttpUrl(value: string): boolean {
  if (/\s/.test(value)) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

const idSchema = z.string().regex(ID_PATTERN, {
  error: (issue) =>
    `must be lower-case letters and digits joined by single hyphens (like "esp-madrid-1"), found ${describeValue(issue.input)}`,
});

/** Names, titles and other prose that a page prints: empty or space-padded text is always a slip. */
const textSchema = z.string().superRefine((value, ctx) => {
  if (value.trim() === '') {
    ctx.addIssue({ code: 'custom', message: 'is empty; write the text here' });
  } else if (value !== value.trim()) {
    ctx.addIssue({ code: 'custom', message: 'has spaces or line breaks at the start or end; remove them' });
  }
});

/** Optional prose: when there is nothing to say, null is clearer than empty text. */
const optionalNoteSchema = z
  .string()
  .refine((value) => value.trim() !== '', { error: 'is empty text; write null when there is no note' })
  .nullable();

const iso3Schema = z.string().regex(ISO3_PATTERN, {
  error: (issue) =>
    `must be a three-letter country code in capitals (ISO 3166-1 alpha-3, like "ESP"), found ${describeValue(issue.input)}`,
});

const partialDateSchema = z.string().superRefine((value, ctx) => {
  const problem = partialDateProblem(value);
  if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
});

const urlSchema = z
  .string()
  .refine(isHttpUrl, {
    error: (issue) =>
      `must be a full web address starting with https:// or http://, found ${describeValue(issue.input)}`,
  })
  .superRefine((value, ctx) => {
    const problem = sourceUrlProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/** Provenance only editors need (how a source was read, what an earlier draft said); stripped on load, never published. */
const editorNoteSchema = textSchema.optional();

const countSchema = z
  .number()
  .int({ error: (issue) => `must be a whole number (a count has no decimals), found ${describeValue(issue.input)}` })
  .min(0, { error: (issue) => `must be zero or more, found ${describeValue(issue.input)}` });

const latitudeSchema = z
  .number()
  .min(-90, { error: (issue) => `must be a latitude between -90 and 90, found ${describeValue(issue.input)}` })
  .max(90, { error: (issue) => `must be a latitude between -90 and 90, found ${describeValue(issue.input)}` });

const longitudeSchema = z
  .number()
  .min(-180, { error: (issue) => `must be a longitude between -180 and 180, found ${describeValue(issue.input)}` })
  .max(180, { error: (issue) => `must be a longitude between -180 and 180, found ${describeValue(issue.input)}` });

/** A citation inside a `sources` list; worded for the citing row, since the fix may be here or in data/sources.json. */
const sourceReferenceSchema = z.string().regex(ID_PATTERN, {
  error: (issue) =>
    `must be a source id from data/sources.json, written in lower-case letters and digits joined by single hyphens; found ${describeValue(issue.input)}`,
});

/** The same source twice in one list is a copy-paste slip, reported where the second copy is. */
function noRepeatedSources(ids: string[], ctx: z.RefinementCtx): void {
  const firstPosition = new Map<string, number>();
  ids.forEach((id, position) => {
    const earlier = firstPosition.get(id);
    if (earlier === undefined) firstPosition.set(id, position);
    else ctx.addIssue({ code: 'custom', path: [position], message: `lists source "${id}" a second time (it is already at sources.${String(earlier)}); remove one` });
  });
}

const sourceIdListSchema = z
  .array(sourceReferenceSchema)
  .min(1, { error: 'must list at least one source id from data/sources.json' })
  .superRefine(noRepeatedSources);

// Cross-field rules must run even when another field of the record is broken, so that one
// run reports everything; `when` overrides zod's default of skipping them, which is why the
// rule bodies check types themselves instead of trusting the parsed shape.
const alwaysCheck = { when: () => true };

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: textSchema,
  publisher: textSchema,
  published: partialDateSchema.nullable(),
  url: urlSchema,
  tier: z.enum(TIERS),
  editor_note: editorNoteSchema,
});

export const stationSchema = z
  .strictObject({
    id: idSchema,
    iso3: iso3Schema,
    country: textSchema,
    city: textSchema.nullable(),
    lat: latitudeSchema.nullable(),
    lon: longitudeSchema.nullable(),
    operator: z.enum(BUREAUS).nullable(),
    operator_source_tier: z.enum(TIERS).nullable(),
    listed_in: z.enum(REPORT_IDS).nullable(),
    status: z.enum(STATION_STATUSES),
    verified: z.boolean(),
    sources: sourceIdListSchema,
    note: z.string(),
    editor_note: editorNoteSchema,
  })
  .superRefine((station, ctx) => {
    const { lat, lon, operator, operator_source_tier: operatorTier } = station as Record<string, unknown>;
    if (lat === null && typeof lon === 'number') {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'is null but "lon" has a number; give both coordinates or set both to null' });
    } else if (lon === null && typeof lat === 'number') {
      ctx.addIssue({ code: 'custom', path: ['lon'], message: 'is null but "lat" has a number; give both coordinates or set both to null' });
    }
    if (operator === null && typeof operatorTier === 'string') {
      ctx.addIssue({ code: 'custom', path: ['operator_source_tier'], message: 'is set but "operator" is null; a tier only makes sense when an operator is named' });
    } else if (operatorTier === null && typeof operator === 'string') {
      ctx.addIssue({ code: 'custom', path: ['operator_source_tier'], message: `is null but "operator" names ${JSON.stringify(operator)}; say how strong the source for the operator is ("primary", "reputable" or "weak")` });
    }
  }, alwaysCheck);

export const countryCountSchema = z
  .strictObject({
    id: idSchema,
    iso3: iso3Schema,
    country: textSchema,
    first_report: countSchema.nullable(),
    second_report: countSchema.nullable(),
    second_report_is_minimum: z.boolean(),
    verified: z.boolean(),
    sources: sourceIdListSchema,
    note: z.string(),
    editor_note: editorNoteSchema,
  })
  .superRefine((row, ctx) => {
    const { first_report: first, second_report: second } = row as Record<string, unknown>;
    if (first === null && second === null) {
      ctx.addIssue({ code: 'custom', path: ['first_report'], message: 'and "second_report" are both null; a country row needs at least one of the two figures' });
    }
  }, alwaysCheck);

export const timelineEventSchema = z
  .strictObject({
    id: idSchema,
    date: partialDateSchema,
    iso3: iso3Schema.nullable(),
    country: textSchema.nullable(),
    actor: z.enum(ACTORS),
    kind: z.enum(EVENT_KINDS),
    title: textSchema,
    summary: textSchema,
    verified: z.boolean(),
    sources: sourceIdListSchema,
    note: optionalNoteSchema,
    editor_note: editorNoteSchema,
  })
  .superRefine((event, ctx) => {
    const { iso3, country } = event as Record<string, unknown>;
    if (iso3 === null && typeof country === 'string') {
      ctx.addIssue({ code: 'custom', path: ['iso3'], message: `is null but "country" is ${JSON.stringify(country)}; give the country code too, or set both to null for a global event` });
    } else if (country === null && typeof iso3 === 'string') {
      ctx.addIssue({ code: 'custom', path: ['country'], message: `is null but "iso3" is ${JSON.stringify(iso3)}; give the country name too, or set both to null for a global event` });
    }
  }, alwaysCheck);

export const reportedFigureSchema = z.strictObject({
  id: idSchema,
  value: countSchema,
  label: textSchema,
  as_of: partialDateSchema,
  verified: z.boolean(),
  sources: sourceIdListSchema,
  note: optionalNoteSchema,
  editor_note: editorNoteSchema,
});

export const disagreementSchema = z.strictObject({
  id: idSchema,
  topic: textSchema,
  positions: z
    .array(z.strictObject({ claim: textSchema, sources: sourceIdListSchema }))
    .min(2, { error: 'must list at least two positions; a disagreement needs two sides' }),
  our_reading: textSchema,
  editor_note: editorNoteSchema,
});

export const correctionSchema = z
  .strictObject({
    id: idSchema,
    date: partialDateSchema,
    kind: z.enum(CORRECTION_KINDS),
    what: textSchema,
    why: textSchema,
    // An update that changes no fact (a new chapter, a redesign) may cite nothing; a correction must cite its evidence.
    sources: z.array(sourceReferenceSchema).superRefine(noRepeatedSources),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'correction' && Array.isArray(entry.sources) && entry.sources.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'a correction must cite at least one source id from data/sources.json for the corrected fact' });
    }
  });

// Compile-time proof that every schema produces exactly the hand-written type in types.ts,
// so page code and validation cannot drift apart.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type MustBeTrue<T extends true> = T;
export type SchemasMatchTypes = [
  MustBeTrue<Same<z.infer<typeof sourceSchema>, Source>>,
  MustBeTrue<Same<z.infer<typeof stationSchema>, Station>>,
  MustBeTrue<Same<z.infer<typeof countryCountSchema>, CountryCount>>,
  MustBeTrue<Same<z.infer<typeof timelineEventSchema>, TimelineEvent>>,
  MustBeTrue<Same<z.infer<typeof reportedFigureSchema>, ReportedFigure>>,
  MustBeTrue<Same<z.infer<typeof disagreementSchema>, Disagreement>>,
  MustBeTrue<Same<z.infer<typeof correctionSchema>, Correction>>,
];
