/** The rules records must follow beyond JSON syntax: each record against its schema, reader-facing wording, dates, countries and coordinates, and the references between files. */
import { DATA_FILE_FACTS } from './files.ts';
import type { DatasetKey } from './files.ts';
import {
  codeForCountryName,
  countryAt,
  countryLabel,
  hasMapShape,
  isInOrNearCountry,
  isoCountry,
  NEAR_KM,
} from './countries.ts';
import { isPlainRecord, segmentsOf } from './json-layout.ts';
import type { PathSegment } from './json-layout.ts';
import { closestMatch, describeValue, translateZodIssue, unknownFieldMessage } from './messages.ts';
import { fileIssue, locate, recordIdOf, recordIssue } from './parsed-file.ts';
import type { ParsedFile } from './parsed-file.ts';
import { NOT_READER_TEXT, memoLanguageProblem } from './reader-language.ts';
import { ID_PATTERN, ISO3_PATTERN, partialDateProblem } from './schema.ts';
import type { DataIssue } from './types.ts';

// ---------------------------------------------------------------------------------------------
// One record at a time.

/** Each record against its schema, plus fields written twice and ids used twice. */
export function checkRecords(file: ParsedFile, issues: DataIssue[]): void {
  const { schema } = DATA_FILE_FACTS[file.name];
  const allowed = Object.keys(schema.shape);
  const firstIndexOfId = new Map<string, number>();

  for (const repeated of file.layout.repeatedKeys) {
    const segments = segmentsOf(repeated.pointer);
    const index = Number(segments[0]);
    if (segments.length < 2 || !Number.isInteger(index)) {
      issues.push(fileIssue(file.name, file.positionOf(repeated.offset), `The field "${segments.at(-1) ?? ''}" is written twice in the same { }; only the last one would be kept. Merge them.`));
      continue;
    }
    const position = file.positionOf(repeated.offset);
    issues.push({
      file: file.name,
      line: position.line,
      column: position.column,
      index,
      recordId: recordIdOf(file.records[index]),
      field: segments.slice(1).join('.'),
      message: 'is written twice in the same record; only the last one would be kept. Merge them into one.',
    });
  }

  file.records.forEach((record, index) => {
    if (record === null) {
      issues.push(recordIssue(file, index, [], 'this entry is null. Remove it, or fill in a record { ... }.'));
      return;
    }
    if (!isPlainRecord(record)) {
      issues.push(recordIssue(file, index, [], `expected a record { ... }, found ${describeValue(record)}.`));
      return;
    }

    // Unknown fields are reported here rather than by the strict schema, because zod then skips
    // the cross-field rules, and an editor would only learn of those after a second run.
    const known: Record<string, unknown> = {};
    let hasUnknownField = false;
    for (const [key, value] of Object.entries(record)) {
      if (allowed.includes(key)) {
        known[key] = value;
        continue;
      }
      hasUnknownField = true;
      issues.push(recordIssue(file, index, [key], unknownFieldMessage(key, allowed), 'key'));
    }

    const result = schema.safeParse(known);
    if (result.success && !hasUnknownField) file.parsed[index] = result.data;
    if (!result.success) {
      for (const zodIssue of result.error.issues) {
        for (const { field, message, at } of translateZodIssue(zodIssue, record, schema)) {
          issues.push(recordIssue(file, index, field, message, at));
        }
      }
    }

    const id = recordIdOf(record);
    if (id !== null) {
      const first = firstIndexOfId.get(id);
      if (first === undefined) {
        firstIndexOfId.set(id, index);
      } else {
        const firstLine = locate(file, [first]).line;
        issues.push(recordIssue(file, index, ['id'], `"${id}" is already the id of record #${String(first + 1)} (line ${String(firstLine)}). Ids must be unique within a file: change one of them.`));
      }
    }
  });
}

/** Every text a reader or re-user sees (pages, embeds, downloads) must read as journalism, not as a research memo. */
export function checkReaderLanguage(file: ParsedFile, issues: DataIssue[]): void {
  const visit = (value: unknown, index: number, field: PathSegment[]): void => {
    if (typeof value === 'string') {
      const problem = memoLanguageProblem(value);
      if (problem !== null) issues.push(recordIssue(file, index, field, `${problem}.`));
    } else if (Array.isArray(value)) {
      value.forEach((item: unknown, position) => visit(item, index, [...field, position]));
    } else if (isPlainRecord(value)) {
      for (const [key, inner] of Object.entries(value)) {
        if (!NOT_READER_TEXT.has(key)) visit(inner, index, [...field, key]);
      }
    }
  };
  file.records.forEach((record, index) => visit(record, index, []));
}

export function checkFutureDates(file: ParsedFile, today: string, issues: DataIssue[]): void {
  const field = DATA_FILE_FACTS[file.name].dateField;
  if (field === null) return;
  file.records.forEach((record, index) => {
    const value = isPlainRecord(record) ? record[field] : undefined;
    if (typeof value !== 'string' || partialDateProblem(value) !== null) return;
    // Comparing the same number of characters treats "2026" as not future during 2026.
    if (value > today.slice(0, value.length)) {
      issues.push(recordIssue(file, index, [field], `"${value}" is in the future (today is ${today}). Check the year and month.`));
    }
  });
}

// ---------------------------------------------------------------------------------------------
// Countries and coordinates.

/** Why a record's `country` does not name the country of its (real) `iso3`, or null when it does or there is nothing to compare. */
function countryNameProblem(record: Record<string, unknown>, iso3: string): string | null {
  const name = record['country'];
  const country = isoCountry(iso3);
  // Missing, empty or mistyped names have their own message from the schema.
  if (country === undefined || typeof name !== 'string' || name.trim() === '') return null;
  const code = codeForCountryName(name);
  if (code === iso3) return null;
  if (code !== null) {
    return `"${iso3}" is the code of ${country.name}, but "country" is "${name}", whose code is "${code}". Correct whichever of the two is wrong.`;
  }
  return `"${iso3}" is the code of ${country.name}, but "country" is "${name}", which is not a name we know for it. Write "${country.name}", or correct the code. (If "${name}" is another name for ${country.name}, a developer can add it to COUNTRY_ALIASES in src/lib/dataset/countries.ts.)`;
}

function isCoordinate(value: unknown, limit: number): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit;
}

/** Why a station's lat/lon is not in (or within NEAR_KM of) its country, with the likely slip when swapping or a sign flip would put it there. */
function coordinatesProblem(lat: number, lon: number, alpha3: string, countryName: string): { field: 'lat' | 'lon'; message: string } | null {
  const country = isoCountry(alpha3);
  if (country === undefined || isInOrNearCountry(country, lat, lon) !== false) return null;
  const given = `lat ${String(lat)}, lon ${String(lon)}`;
  const at = countryAt(lat, lon);
  const there = at === null ? 'that point is at sea' : `that point is in ${at}`;
  if (Math.abs(lon) <= 90 && isInOrNearCountry(country, lon, lat) === true) {
    return { field: 'lat', message: `${given} is not in ${countryName} (${there}), but lat ${String(lon)}, lon ${String(lat)} is: "lat" and "lon" look swapped. Latitude runs north–south (-90 to 90), longitude east–west (-180 to 180).` };
  }
  if (isInOrNearCountry(country, -lat, lon) === true) {
    return { field: 'lat', message: `${given} is not in ${countryName} (${there}), but lat ${String(-lat)} is: the sign of "lat" looks wrong. Latitude is negative south of the equator.` };
  }
  if (isInOrNearCountry(country, lat, -lon) === true) {
    return { field: 'lon', message: `${given} is not in ${countryName} (${there}), but lon ${String(-lon)} is: the sign of "lon" looks wrong. Longitude is negative west of Greenwich.` };
  }
  return { field: 'lat', message: `${given} is not in ${countryName}, nor within ${String(NEAR_KM)} km of it (${there}). Check the coordinates: lat runs north–south (-90 to 90, negative south of the equator), lon east–west (-180 to 180, negative west of Greenwich).` };
}

/** Country codes must be real, name the same country as `country`, be on the world map, and (for stations) contain the coordinates. */
export function checkCountries(file: ParsedFile, exceptions: Readonly<Record<string, string>>, issues: DataIssue[]): void {
  if (!DATA_FILE_FACTS[file.name].hasIso3) return;
  file.records.forEach((record, index) => {
    if (!isPlainRecord(record)) return;
    const iso3 = record['iso3'];
    if (typeof iso3 !== 'string' || !ISO3_PATTERN.test(iso3)) return;
    const country = isoCountry(iso3);
    if (country === undefined) {
      issues.push(recordIssue(file, index, ['iso3'], `"${iso3}" is not a real ISO 3166-1 alpha-3 country code. Check the code (for example "DEU" is Germany, "GBR" the United Kingdom).`));
      return;
    }
    // A code that names another country is one slip: say so once, not again as a missing map shape or a point outside it.
    const nameProblem = countryNameProblem(record, iso3);
    if (nameProblem !== null) {
      issues.push(recordIssue(file, index, ['iso3'], nameProblem));
      return;
    }
    if (!hasMapShape(country) && !Object.hasOwn(exceptions, iso3)) {
      issues.push(recordIssue(file, index, ['iso3'], `${countryLabel(iso3)} is a real country code, but the world map (world-atlas, 1:110m) has no shape for it, so this row would not appear on the map. Ask a developer to add "${iso3}" to GEOMETRY_EXCEPTIONS in src/lib/dataset/load.ts, with a reason and a way to show it.`));
    }
    const { lat, lon } = record;
    if (isCoordinate(lat, 90) && isCoordinate(lon, 180)) {
      const name = typeof record['country'] === 'string' ? record['country'] : country.name;
      const problem = coordinatesProblem(lat, lon, iso3, name);
      if (problem !== null) issues.push(recordIssue(file, index, [problem.field], problem.message));
    }
  });
}

export function checkCountryRows(stations: ParsedFile, countryCounts: ParsedFile, issues: DataIssue[]): void {
  const rowIndexByIso3 = new Map<string, number>();
  countryCounts.records.forEach((record, index) => {
    const iso3 = isPlainRecord(record) ? record['iso3'] : undefined;
    if (typeof iso3 !== 'string' || !ISO3_PATTERN.test(iso3)) return;
    const first = rowIndexByIso3.get(iso3);
    if (first === undefined) {
      rowIndexByIso3.set(iso3, index);
      return;
    }
    const firstLine = locate(countryCounts, [first]).line;
    issues.push(recordIssue(countryCounts, index, ['iso3'], `${countryLabel(iso3)} already has a row: record #${String(first + 1)} (line ${String(firstLine)}). Each country needs exactly one row: merge them.`));
  });

  stations.records.forEach((record, index) => {
    if (!isPlainRecord(record)) return;
    const iso3 = record['iso3'];
    // Unreal or misnamed codes are reported by the country check; one message per slip is enough.
    if (typeof iso3 !== 'string' || isoCountry(iso3) === undefined || rowIndexByIso3.has(iso3)) return;
    if (countryNameProblem(record, iso3) !== null) return;
    issues.push(recordIssue(stations, index, ['iso3'], `${countryLabel(iso3)} has no row in data/country_counts.json. Add one, so the country totals and the map include this station.`));
  });
}

// ---------------------------------------------------------------------------------------------
// References to data/sources.json.

/** Every place a record cites a source: its own `sources` list and, for disagreements, each position's. */
function sourceReferences(key: DatasetKey, record: unknown): { field: PathSegment[]; id: unknown }[] {
  if (!isPlainRecord(record)) return [];
  const lists: { prefix: PathSegment[]; ids: unknown }[] = [];
  if (key === 'disagreements') {
    const positions = record['positions'];
    if (Array.isArray(positions)) {
      positions.forEach((position: unknown, positionIndex) => {
        if (isPlainRecord(position)) lists.push({ prefix: ['positions', positionIndex, 'sources'], ids: position['sources'] });
      });
    }
  } else {
    lists.push({ prefix: ['sources'], ids: record['sources'] });
  }
  return lists.flatMap(({ prefix, ids }) =>
    Array.isArray(ids) ? ids.map((id: unknown, position) => ({ field: [...prefix, position], id })) : [],
  );
}

/** Each source id of `sources` mapped to its tier, the first record winning when an id is repeated. */
export function tiersById(sources: ParsedFile): Map<string, unknown> {
  const tierById = new Map<string, unknown>();
  for (const record of sources.records) {
    const id = recordIdOf(record);
    if (id !== null && isPlainRecord(record) && !tierById.has(id)) tierById.set(id, record['tier']);
  }
  return tierById;
}

export function checkSourceReferences(file: ParsedFile, tierById: ReadonlyMap<string, unknown>, issues: DataIssue[]): void {
  file.records.forEach((record, index) => {
    const references = sourceReferences(file.key, record);
    for (const { field, id } of references) {
      // Malformed ids already have their own message from the schema.
      if (typeof id !== 'string' || !ID_PATTERN.test(id) || tierById.has(id)) continue;
      const suggestion = closestMatch(id, tierById.keys());
      const hint = suggestion === null ? '' : ` Did you mean "${suggestion}"?`;
      issues.push(recordIssue(file, index, field, `unknown source id "${id}". Add it to data/sources.json or fix the id.${hint}`));
    }

    if (!DATA_FILE_FACTS[file.name].verifiable || !isPlainRecord(record) || record['verified'] !== true) return;
    const ids = references.map((reference) => reference.id);
    // Judge only fully known source lists: an unknown id may turn out to be a strong source once fixed.
    if (ids.length === 0 || !ids.every((id) => typeof id === 'string' && tierById.has(id))) return;
    if (ids.every((id) => tierById.get(id as string) === 'weak')) {
      const cited = ids.map((id) => `"${String(id)}"`).join(', ');
      issues.push(recordIssue(file, index, ['verified'], `is true, but every source cited is weak (${cited}). A row backed only by weak sources must be marked "verified": false, or cite a primary or reputable source.`));
    }
  });
}
