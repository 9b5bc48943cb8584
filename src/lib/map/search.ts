/**
 * The map's country search: matches what readers type ("UK", "Holland", "the U.S.", "Česko") to the
 * countries on the map. Pure and small, because it ships in the map's browser script.
 */

/**
 * Everyday and official names that are not the dataset's own name, by ISO alpha-3 code. Normalised as `normalise`
 * does (lower case, no accents or punctuation, no leading "the"). Only names a reader could mean by them: "UK" is
 * the United Kingdom, never Ukraine.
 */
export const COUNTRY_ALIASES: Readonly<Record<string, readonly string[]>> = {
  GBR: ['uk', 'united kingdom', 'britain', 'great britain', 'gb', 'england', 'scotland', 'wales', 'northern ireland'],
  USA: ['us', 'usa', 'america', 'united states', 'united states of america'],
  CZE: ['czechia', 'czech', 'czech republic', 'cesko'],
  KOR: ['korea', 'south korea', 'republic of korea'],
  NLD: ['holland', 'netherlands', 'nederland'],
  DEU: ['deutschland'],
  ESP: ['espana'],
  ITA: ['italia'],
  IRL: ['eire', 'republic of ireland'],
  NZL: ['aotearoa'],
  GRC: ['hellas'],
  HRV: ['hrvatska'],
  SRB: ['srbija'],
  HUN: ['magyarorszag'],
  SVK: ['slovak republic'],
  AUT: ['osterreich'],
  SWE: ['sverige'],
  RUS: ['russian federation'],
  ARE: ['uae', 'emirates'],
  TZA: ['united republic of tanzania'],
  BRA: ['brasil'],
};

export interface SearchableCountry {
  iso3: string;
  name: string;
}

export type SearchResult =
  | { kind: 'match'; iso3: string }
  /** Several countries start with what was typed ("united"): the reader must say which. */
  | { kind: 'ambiguous'; iso3s: string[] }
  | { kind: 'none' };

/** Lower case, accents and punctuation removed, spaces collapsed, a leading "the" dropped: "The U.S." → "us". */
export function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[.'’]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/**
 * The country a reader means: an exact name or everyday name first (so "UK" is never Ukraine), then a name that
 * starts with what was typed, if only one does. Only `countries` can match, so a country without data gets "none".
 */
export function searchCountry(query: string, countries: readonly SearchableCountry[]): SearchResult {
  const wanted = normalise(query);
  if (wanted === '') return { kind: 'none' };
  const listed = new Set(countries.map((c) => c.iso3));
  const exact = countries.find((c) => normalise(c.name) === wanted);
  if (exact) return { kind: 'match', iso3: exact.iso3 };
  for (const [iso3, aliases] of Object.entries(COUNTRY_ALIASES)) {
    if (listed.has(iso3) && aliases.includes(wanted)) return { kind: 'match', iso3 };
  }
  // Prefixes of a name or of any of its words ("korea" finds "South Korea"), then of the everyday names.
  const starts = (name: string) => {
    const n = normalise(name);
    return n.startsWith(wanted) || n.split(' ').some((word) => word.startsWith(wanted) && wanted.length >= 3);
  };
  let found = countries.filter((c) => starts(c.name)).map((c) => c.iso3);
  if (found.length === 0 && wanted.length >= 3) {
    found = Object.entries(COUNTRY_ALIASES)
      .filter(([iso3, aliases]) => listed.has(iso3) && aliases.some((a) => a.startsWith(wanted)))
      .map(([iso3]) => iso3);
  }
  if (found.length === 1) return { kind: 'match', iso3: found[0]! };
  if (found.length > 1) return { kind: 'ambiguous', iso3s: found };
  return { kind: 'none' };
}
