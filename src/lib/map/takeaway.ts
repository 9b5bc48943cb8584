/** The map's one-sentence takeaway, computed from the same details the map draws, so caption and marks never disagree. */
import type { Edition } from '../edition/edition.ts';
import type { CountryDetail } from './model.ts';

export interface TakeawayFacts {
  /** Verified countries with the highest latest count (ties all listed). */
  topCountries: string[];
  topCount: number;
  closures: number;
  charges: number;
  verifiedCountries: number;
}

export function takeawayFacts(details: readonly CountryDetail[]): TakeawayFacts {
  const verified = details.filter((d) => d.verified);
  const topCount = Math.max(0, ...verified.map((d) => d.latest));
  return {
    topCountries: verified.filter((d) => d.latest === topCount).map((d) => d.name).sort(),
    topCount,
    closures: details.filter((d) => d.response === 'closure').length,
    charges: details.filter((d) => d.response === 'charges').length,
    verifiedCountries: verified.length,
  };
}

/** Joins names as "A", "A and B", "A, B and C" (the conjunction comes from the edition's strings). */
export function listNames(names: readonly string[], and: string): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${and} ${names.at(-1)}`;
}

/** The caption sentence under the map title, in the edition's words. */
export function mapTakeaway(details: readonly CountryDetail[], edition: Edition): string {
  const facts = takeawayFacts(details);
  return edition.t('map.takeaway', {
    top: listNames(facts.topCountries, edition.t('list.and')),
    count: edition.number(facts.topCount),
    closures: edition.number(facts.closures),
    charges: edition.number(facts.charges),
  });
}
