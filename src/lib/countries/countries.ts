/**
 * Every country that appears in data/ (a per-country count, a station or an event; China excepted), with the
 * readable, permanent slug its page lives at: /countries/<slug>/. Pure: no file system, so tests pin every rule.
 */
import type { Dataset } from '../dataset/types.ts';
import { NOT_APPLICABLE_ISO3 } from '../map/classify.ts';

/** The data file a country was first found in, in the order they are searched. */
export type CountryFile = 'country_counts.json' | 'stations.json' | 'events.json';

export interface CountryRef {
  /** ISO 3166-1 alpha-3, as in data/ ("IRL"). */
  iso3: string;
  /** Lower-case alpha-3, the id editors write in <Country id="irl">. */
  id: string;
  /** The name as data/ spells it: the count row's, else the first station's, else the first event's. */
  name: string;
  slug: string;
  /** Where the name (and so the slug) comes from, for error messages an editor can act on. */
  origin: { file: CountryFile; index: number; recordId: string };
}

/**
 * Slugs that must not follow a renamed country. A slug, once published, is a URL readers have shared: when a
 * country's name changes in data/ (say "Czech Republic" becomes "Czechia"), pin its old slug here, keyed by alpha-3.
 * tests/dist/countries.test.ts lists every slug published so far and fails if one disappears.
 */
export const PINNED_SLUGS: Readonly<Record<string, string>> = {};

/** "United Kingdom" → "united-kingdom", "Côte d'Ivoire" → "cote-d-ivoire": lower-case ASCII words joined by hyphens. */
export function slugifyCountryName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

type CountrySources = Pick<Dataset, 'countryCounts' | 'stations' | 'events'>;

/** Every country with a page, sorted by name; the order the index lists them in before any sorting. */
export function listCountries(data: CountrySources, pinned: Readonly<Record<string, string>> = PINNED_SLUGS): CountryRef[] {
  const found = new Map<string, CountryRef>();
  const add = (iso3: string | null, name: string | null, file: CountryFile, index: number, recordId: string) => {
    if (iso3 === null || name === null || iso3 === NOT_APPLICABLE_ISO3 || found.has(iso3)) return;
    found.set(iso3, {
      iso3,
      id: iso3.toLowerCase(),
      name,
      slug: pinned[iso3] ?? slugifyCountryName(name),
      origin: { file, index, recordId },
    });
  };
  data.countryCounts.forEach((row, i) => add(row.iso3, row.country, 'country_counts.json', i, row.id));
  data.stations.forEach((row, i) => add(row.iso3, row.country, 'stations.json', i, row.id));
  data.events.forEach((row, i) => add(row.iso3, row.country, 'events.json', i, row.id));
  return [...found.values()].sort((a, b) => a.name.localeCompare(b.name, 'en') || a.iso3.localeCompare(b.iso3));
}

/** Two or more countries whose names give the same slug (or an empty one): their pages would overwrite each other. */
export function findSlugProblems(countries: readonly CountryRef[]): { slug: string; countries: CountryRef[] }[] {
  const bySlug = new Map<string, CountryRef[]>();
  for (const country of countries) bySlug.set(country.slug, [...(bySlug.get(country.slug) ?? []), country]);
  return [...bySlug.entries()]
    .filter(([slug, group]) => group.length > 1 || slug === '')
    .map(([slug, group]) => ({ slug, countries: group }));
}

/** The 1-based line of a record's `"id": "…"` in a data file's text, or null when it cannot be found. */
export function lineOfRecord(fileText: string, recordId: string): number | null {
  const pattern = new RegExp(`"id"\\s*:\\s*"${recordId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}"`);
  const match = pattern.exec(fileText);
  return match ? fileText.slice(0, match.index).split('\n').length : null;
}

/**
 * One message per clash, naming each country's file, line and record, and the way out. `lineOf` finds a record's
 * line (the page reads data/ for it); without it, messages give the record number instead.
 */
export function describeSlugProblems(
  problems: readonly { slug: string; countries: CountryRef[] }[],
  dataDirLabel: string,
  lineOf: (file: CountryFile, recordId: string) => number | null = () => null,
): string {
  const lines = problems.map(({ slug, countries }) => {
    const where = countries.map((c) => {
      const line = lineOf(c.origin.file, c.origin.recordId);
      const at = line === null ? `${dataDirLabel}/${c.origin.file} record #${String(c.origin.index + 1)}` : `${dataDirLabel}/${c.origin.file}:${String(line)}`;
      return `${at} (id "${c.origin.recordId}", ${c.iso3} "${c.name}")`;
    });
    return slug === ''
      ? `${where.join('; ')}: the country name makes an empty page address. Give it a name with letters, or pin a slug in PINNED_SLUGS (src/lib/countries/countries.ts).`
      : `${where.join(' and ')} would both be published at /countries/${slug}/. Correct the country name, or pin a different slug for one of them in PINNED_SLUGS (src/lib/countries/countries.ts).`;
  });
  return `Country pages: ${lines.join('\n')}`;
}

export class CountrySlugError extends Error {
  override name = 'CountrySlugError';
}
