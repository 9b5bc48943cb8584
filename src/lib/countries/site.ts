/**
 * The build's country list, from getSiteData(): computed once per dataset, and the build stops with file:line when
 * two countries would share a page address. Pages, the <Country> component and the chart tables all link through here.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Dataset } from '../dataset/types.ts';
import { dataDirLabel } from '../dataset/load.ts';
import { DEFAULT_LANG } from '../edition/editions.ts';
import { dataDirectory, getSiteData } from '../site-data.ts';
import { CountrySlugError, describeSlugProblems, findSlugProblems, lineOfRecord, listCountries, type CountryRef } from './countries.ts';

let cached: { dataset: Dataset; countries: CountryRef[]; byIso3: Map<string, CountryRef> } | undefined;

/** Every country with a page, sorted by name. Throws CountrySlugError naming the files and lines of a clash. */
export function getCountries(): CountryRef[] {
  return load().countries;
}

/** The country with this alpha-3 code (any case), or undefined when it has no page (China, or not in data/). */
export function findCountry(code: string): CountryRef | undefined {
  return load().byIso3.get(code.toUpperCase());
}

/** The country whose page is at /countries/<slug>/, or undefined. */
export function findCountryBySlug(slug: string): CountryRef | undefined {
  return load().countries.find((c) => c.slug === slug);
}

/** Site-relative path of a country's page ("countries/ireland/"), or null when it has none; pass to withBase/chartLink. */
export function countryPath(code: string | null): string | null {
  if (code === null) return null;
  const country = findCountry(code);
  return country ? `countries/${country.slug}/` : null;
}

function load(): NonNullable<typeof cached> {
  // Slugs come from the English names in data/, so a country's address is the same in every edition.
  const { dataset } = getSiteData(DEFAULT_LANG);
  if (cached?.dataset !== dataset) {
    const countries = listCountries(dataset);
    const problems = findSlugProblems(countries);
    if (problems.length > 0) {
      const dir = dataDirectory();
      const lineOf = (file: string, recordId: string) => {
        try {
          return lineOfRecord(readFileSync(path.join(dir, file), 'utf8'), recordId);
        } catch {
          return null;
        }
      };
      throw new CountrySlugError(describeSlugProblems(problems, dataDirLabel(dir), lineOf));
    }
    cached = { dataset, countries, byIso3: new Map(countries.map((c) => [c.iso3, c])) };
  }
  return cached;
}
