/**
 * Which disagreements and log entries concern a country. Neither file has a country field, so the relation is
 * computed from what data/ already says, by two rules a reader can check:
 *
 * 1. Sources tied to one country. A source is tied to a country when, across the per-country counts, the stations
 *    and the dated events, only that country's records cite it (the Irish Times on the Dublin office; not the NGO's
 *    reports, which 30 countries cite).
 *    - A disagreement concerns a country when every one of its positions cites a source tied to that country: the
 *      whole dispute is about it (the date Ireland ordered the Dublin office closed; the floor of the Manhattan station).
 *    - A log entry concerns a country when it cites a source tied to it; an entry citing no source at all (the first
 *      publication) concerns every country.
 * 2. Names. A disagreement also concerns a country when its topic, a claim or our reading names the country as
 *    data/ spells it, as a whole word ("Peru, Colombia, Panama and Cuba").
 *
 * Global disputes (how many countries a report covered) match neither rule, so they stay on /data/ only.
 */
import type { Correction, Dataset, Disagreement } from '../dataset/types.ts';

type CitingRecords = Pick<Dataset, 'countryCounts' | 'stations' | 'events'>;

/** For each source id, the countries (alpha-3) whose records cite it. */
export function sourceCountries(data: CitingRecords): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  const records: { iso3: string | null; sources: readonly string[] }[] = [...data.countryCounts, ...data.stations, ...data.events];
  for (const record of records) {
    if (record.iso3 === null) continue;
    for (const id of record.sources) {
      let set = map.get(id);
      if (!set) map.set(id, (set = new Set()));
      set.add(record.iso3);
    }
  }
  return map;
}

/** Sources that only this country's records cite. */
function isTiedTo(iso3: string, sourceId: string, bySource: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  const countries = bySource.get(sourceId);
  return countries !== undefined && countries.size === 1 && countries.has(iso3);
}

function namesCountry(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  // Whole words only: "Japan" must not match "Japanese", nor "Niger" "Nigeria".
  return new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{N}])`, 'u').test(text);
}

export type DisagreementReason = 'sources' | 'named';

/** The disagreements that concern a country, in data order, each with the rule that matched (sources first). */
export function disagreementsFor(
  country: { iso3: string; name: string },
  disagreements: readonly Disagreement[],
  bySource: ReadonlyMap<string, ReadonlySet<string>>,
): { disagreement: Disagreement; reason: DisagreementReason }[] {
  const found: { disagreement: Disagreement; reason: DisagreementReason }[] = [];
  for (const disagreement of disagreements) {
    const everyPosition =
      disagreement.positions.length > 0 &&
      disagreement.positions.every((position) => position.sources.some((id) => isTiedTo(country.iso3, id, bySource)));
    if (everyPosition) {
      found.push({ disagreement, reason: 'sources' });
      continue;
    }
    const text = [disagreement.topic, ...disagreement.positions.map((p) => p.claim), disagreement.our_reading].join('\n');
    if (namesCountry(text, country.name)) found.push({ disagreement, reason: 'named' });
  }
  return found;
}

/** The log entries that concern a country: those citing a source tied to it, and site-wide ones citing none. */
export function correctionsFor(
  iso3: string,
  corrections: readonly Correction[],
  bySource: ReadonlyMap<string, ReadonlySet<string>>,
): Correction[] {
  return corrections.filter((entry) => entry.sources.length === 0 || entry.sources.some((id) => isTiedTo(iso3, id, bySource)));
}
