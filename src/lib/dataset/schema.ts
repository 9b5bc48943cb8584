/** Zod schemas for each editor-maintained file in data/: the rules one record must follow, worded for the editors who fix them, with each field's meaning for VS Code and data/README.md. */
import { z } from 'astro/zod';
import { describeValue } from './messages.ts';
import { sourceUrlProblem } from './reader-language.ts';
import { ACTORS, BUREAUS, CORRECTION_KINDS, EVENT_KINDS, REPORT_IDS, STATION_STATUSES, TIERS } from './types.ts';

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const ISO3_PATTERN = /^[A-Z]{3}$/;
const PARTIAL_DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

const MONTH_NAMES = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

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

// `title` names the kind of value (the "type" column of data/README.md). `pattern` and
// `patternErrorMessage` are for VS Code only: they give an early red underline, while zod's own
// rules and messages above stay the judge.

const idSchema = z
  .string()
  .regex(ID_PATTERN, {
    error: (issue) =>
      `must be lower-case letters and digits joined by single hyphens (like "esp-madrid-1"), found ${describeValue(issue.input)}`,
  })
  .meta({ title: 'id', patternErrorMessage: 'Lower-case letters and digits joined by single hyphens, like "esp-madrid-1".' });

/** Names, titles and other prose that a page prints: empty or space-padded text is always a slip. */
const textSchema = z
  .string()
  .superRefine((value, ctx) => {
    if (value.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'is empty; write the text here' });
    } else if (value !== value.trim()) {
      ctx.addIssue({ code: 'custom', message: 'has spaces or line breaks at the start or end; remove them' });
    }
  })
  .meta({ title: 'text', pattern: '^\\S(?:[\\s\\S]*\\S)?$', patternErrorMessage: 'Write the text here, with no spaces or line breaks at the start or end.' });

/** Text shown to readers that may be empty. */
const anyTextSchema = z.string().meta({ title: 'text (may be empty)' });

/** Optional prose: when there is nothing to say, null is clearer than empty text. */
const optionalNoteSchema = z
  .string()
  .refine((value) => value.trim() !== '', { error: 'is empty text; write null when there is no note' })
  .meta({ title: 'text', pattern: '\\S', patternErrorMessage: 'Write null when there is no note, not empty text.' })
  .nullable();

const iso3Schema = z
  .string()
  .regex(ISO3_PATTERN, {
    error: (issue) =>
      `must be a three-letter country code in capitals (ISO 3166-1 alpha-3, like "ESP"), found ${describeValue(issue.input)}`,
  })
  .meta({ title: 'country code', patternErrorMessage: 'A three-letter country code in capitals (ISO 3166-1 alpha-3), like "ESP".' });

const partialDateSchema = z
  .string()
  .superRefine((value, ctx) => {
    const problem = partialDateProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ title: 'partial date', pattern: '^\\d{4}(?:-\\d{2}(?:-\\d{2})?)?$', patternErrorMessage: 'A date written YYYY, YYYY-MM or YYYY-MM-DD, like "2022-12-05".' });

const urlSchema = z
  .string()
  .refine(isHttpUrl, {
    error: (issue) =>
      `must be a full web address starting with https:// or http://, found ${describeValue(issue.input)}`,
  })
  .superRefine((value, ctx) => {
    const problem = sourceUrlProblem(value);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  })
  .meta({ title: 'URL', pattern: '^https?://\\S+$', patternErrorMessage: 'A full web address starting with https:// or http://.' });

/** Provenance only editors need (how a source was read, what an earlier draft said); stripped on load, never published. */
const editorNoteSchema = textSchema
  .optional()
  .describe(
    'Optional. Provenance for editors only: how a source was read, what an earlier draft said, why a row changed. Never published: it is removed when the data is loaded, so no page, embed or download shows it.',
  );

const countSchema = z
  .number()
  .int({ error: (issue) => `must be a whole number (a count has no decimals), found ${describeValue(issue.input)}` })
  .min(0, { error: (issue) => `must be zero or more, found ${describeValue(issue.input)}` })
  .meta({ title: 'whole number' });

const latitudeSchema = z
  .number()
  .min(-90, { error: (issue) => `must be a latitude between -90 and 90, found ${describeValue(issue.input)}` })
  .max(90, { error: (issue) => `must be a latitude between -90 and 90, found ${describeValue(issue.input)}` })
  .meta({ title: 'latitude' });

const longitudeSchema = z
  .number()
  .min(-180, { error: (issue) => `must be a longitude between -180 and 180, found ${describeValue(issue.input)}` })
  .max(180, { error: (issue) => `must be a longitude between -180 and 180, found ${describeValue(issue.input)}` })
  .meta({ title: 'longitude' });

/** A citation inside a `sources` list; worded for the citing row, since the fix may be here or in data/sources.json. */
const sourceReferenceSchema = z
  .string()
  .regex(ID_PATTERN, {
    error: (issue) =>
      `must be a source id from data/sources.json, written in lower-case letters and digits joined by single hyphens; found ${describeValue(issue.input)}`,
  })
  .meta({ title: 'source id', patternErrorMessage: 'A source id from data/sources.json, like "politico-2022-12-05".' });

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
  .superRefine(noRepeatedSources)
  .meta({ title: 'list of source ids', uniqueItems: true })
  .describe('Ids from data/sources.json, best first (primary, then reputable, then weak). Each id once.');

const TIER_MEANING =
  '"primary": the NGO\'s own report pages; government, parliamentary, court and justice-department records; official Chinese statements, including state media. ' +
  '"reputable": established news organisations, including licensed wire or syndicated copies that name the original outlet. ' +
  '"weak": everything else (copies on other sites, aggregators, blogs, forums, partisan outlets), kept as pointers, never as proof on their own.';

const VERIFIED_MEANING =
  'true only when at least one primary or reputable source states the core fact; the check refuses true when every source cited is weak. Unverified rows are shown, marked as unverified, and never counted in a total.';

const iso3Meaning = (what: string): string => `ISO 3166-1 alpha-3 code of ${what}, like "ESP". Must name the same country as "country".`;
const countryMeaning = (what: string): string => `Name of ${what}, matching "iso3" (the name in src/lib/geo/iso-3166-1.json, or a common alternative such as "Russia" or "Czech Republic").`;

// Cross-field rules must run even when another field of the record is broken, so that one
// run reports everything; `when` overrides zod's default of skipping them, which is why the
// rule bodies check types themselves instead of trusting the parsed shape.
const alwaysCheck = { when: () => true };

export const sourceSchema = z.strictObject({
  id: idSchema.describe('Stable id that other files cite, like "politico-2022-12-05". Never reuse or renumber an id.'),
  title: textSchema.describe('Headline or document title. "[...]" marks a descriptive title where the real one was not visible.'),
  publisher: textSchema.describe('Outlet or body. A syndicated copy names both, like "The Age (The New York Times)".'),
  published: partialDateSchema.nullable().describe('Publication date, as precise as the source gives it (YYYY, YYYY-MM or YYYY-MM-DD); null when unknown. Never in the future.'),
  url: urlSchema.describe('The public address of the article or document: absolute http(s), without tracking parameters (utm_...), not a staging, CDN or feed server.'),
  tier: z.enum(TIERS).describe(`How much weight the source carries (shown on /sources/). ${TIER_MEANING}`),
  editor_note: editorNoteSchema,
});

export const stationSchema = z
  .strictObject({
    id: idSchema.describe('"<iso3>-<city>[-n]" in lower case, like "esp-madrid-1"; "<iso3>-unlocated-pp" for a second-report station with no city.'),
    iso3: iso3Schema.describe(iso3Meaning('the host country')),
    country: textSchema.describe(countryMeaning('the host country')),
    city: textSchema.nullable().describe('City or place; null when no source names one.'),
    lat: latitudeSchema.nullable().describe('Latitude of the city centre, 2 decimals: north–south, from -90 to 90, negative south of the equator. Must lie in the country (within 50 km). Null, with "lon", when there is no city.'),
    lon: longitudeSchema.nullable().describe('Longitude of the city centre, 2 decimals: east–west, from -180 to 180, negative west of Greenwich. Null, with "lat", when there is no city.'),
    operator: z.enum(BUREAUS).nullable().describe('The Chinese police bureau said to run the station; null when no source names one.'),
    operator_source_tier: z.enum(TIERS).nullable().describe('Tier of the best source for "operator"; null exactly when "operator" is null.'),
    listed_in: z.enum(REPORT_IDS).nullable().describe('The NGO report that first listed it: "110-overseas" (Sept 2022) or "patrol-and-persuade" (Dec 2022); null for sites named by others (the RCMP\'s Montreal-area cases).'),
    status: z.enum(STATION_STATUSES).describe('Latest known outcome; "unknown" where no reputable source gives one.'),
    verified: z.boolean().describe(VERIFIED_MEANING),
    sources: sourceIdListSchema,
    note: anyTextSchema.describe('Shown to readers; may be empty. Say where sources disagree. Provenance for editors goes in "editor_note".'),
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
    id: idSchema.describe('The lower-case iso3, like "esp".'),
    iso3: iso3Schema.describe(iso3Meaning('the country')),
    country: textSchema.describe(countryMeaning('the country')),
    first_report: countSchema.nullable().describe('Stations in "110 Overseas" (Sept 2022); null when that report listed none here or gave no number. At least one of the two reports must have a figure.'),
    second_report: countSchema.nullable().describe('Stations in "Patrol and Persuade" (Dec 2022); null where no source gives the later figure. At least one of the two reports must have a figure.'),
    second_report_is_minimum: z.boolean().describe('true when the sources say "at least", or give no number beyond the country being listed.'),
    verified: z.boolean().describe(VERIFIED_MEANING),
    sources: sourceIdListSchema,
    note: anyTextSchema.describe('Shown to readers; may be empty. Say where sources disagree. Provenance for editors goes in "editor_note".'),
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
    id: idSchema.describe('Date, country and kind, like "2022-12-05-ita-investigation" ("global" or "eu" instead of the country for events with none).'),
    date: partialDateSchema.describe('When it happened, as precise as the source allows (YYYY, YYYY-MM or YYYY-MM-DD). Never in the future.'),
    iso3: iso3Schema.nullable().describe('ISO 3166-1 alpha-3 code of the country the event concerns, matching "country"; null, with "country", for global events (the NGO\'s reports, EU bodies).'),
    country: textSchema.nullable().describe('Name of the country the event concerns, matching "iso3"; null, with "iso3", for global events.'),
    actor: z.enum(ACTORS).describe('Who acted. Only "host-government" events count as a country\'s response: a report or a denial is not one.'),
    kind: z.enum(EVENT_KINDS).describe('What happened. A court case runs "arrest", "charge", "plea", "conviction" (a court finds someone guilty), "sentence" (a court sets the punishment).'),
    title: textSchema.describe('A short headline, in our own words.'),
    summary: textSchema.describe('One sentence, in our own words.'),
    verified: z.boolean().describe(VERIFIED_MEANING),
    sources: sourceIdListSchema,
    note: optionalNoteSchema.describe('Shown to readers, or null when there is nothing to add. Provenance for editors goes in "editor_note".'),
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
  id: idSchema.describe('Stable id that chapters cite with <Stat id="..." />, like "second-report-stations".'),
  value: countSchema.describe('The figure as the source reported it. These are the NGO\'s and officials\' totals; our own counts are computed from the rows.'),
  label: textSchema.describe('What the figure counts, as readers see it.'),
  as_of: partialDateSchema.describe('The date the figure refers to (YYYY, YYYY-MM or YYYY-MM-DD). Never in the future.'),
  verified: z.boolean().describe(VERIFIED_MEANING),
  sources: sourceIdListSchema,
  note: optionalNoteSchema.describe('Shown to readers, or null when there is nothing to add.'),
  editor_note: editorNoteSchema,
});

export const disagreementSchema = z.strictObject({
  id: idSchema.describe('Stable id, like "second-report-total".'),
  topic: textSchema.describe('What the sources disagree about, shown on /data/.'),
  positions: z
    .array(
      z.strictObject({
        claim: textSchema.describe('What this side says, in our words.'),
        sources: sourceIdListSchema,
      }),
    )
    .min(2, { error: 'must list at least two positions; a disagreement needs two sides' })
    .meta({ title: 'list of positions' })
    .describe('At least two sides, each a "claim" with the "sources" that make it.'),
  our_reading: textSchema.describe('How we read the evidence, shown on /data/.'),
  editor_note: editorNoteSchema,
});

export const correctionSchema = z
  .strictObject({
    id: idSchema.describe('Date and a word or two, like "2026-11-22-published".'),
    date: partialDateSchema.describe('When the correction or update was made. Never in the future.'),
    kind: z.enum(CORRECTION_KINDS).describe('"correction" fixes a fact we got wrong; "update" adds or changes content without correcting a fact.'),
    what: textSchema.describe('What changed, for readers.'),
    why: textSchema.describe('Why it changed, for readers.'),
    // An update that changes no fact (a new chapter, a redesign) may cite nothing; a correction must cite its evidence.
    sources: z
      .array(sourceReferenceSchema)
      .superRefine(noRepeatedSources)
      .meta({ title: 'list of source ids', uniqueItems: true })
      .describe('Ids from data/sources.json: a correction must cite the evidence for the corrected fact; an update may cite none ([]).'),
  })
  .superRefine((entry, ctx) => {
    if (entry.kind === 'correction' && Array.isArray(entry.sources) && entry.sources.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['sources'], message: 'a correction must cite at least one source id from data/sources.json for the corrected fact' });
    }
  });
