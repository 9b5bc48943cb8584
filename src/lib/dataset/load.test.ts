/** Tests for the data validator: each broken input must be reported at the exact file, line:column, record and field an editor needs. */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { DATA_FILES, DatasetError, formatIssues, loadDataset, validateDatasetFiles } from './load.ts';
import type { DataIssue } from './types.ts';

const VALID_DIR = fileURLToPath(new URL('./fixtures/valid/', import.meta.url));
const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const REAL_DATA_DIR = path.join(REPO_ROOT, 'data');
const CLI = path.join(REPO_ROOT, 'src/cli/validate-data.ts');

// A fixed "today" keeps the future-date rule from changing meaning as the calendar moves.
const TODAY = '2024-06-01';

function validFiles(): Record<string, string | null> {
  const files: Record<string, string | null> = {};
  for (const name of Object.keys(DATA_FILES)) files[name] = readFileSync(path.join(VALID_DIR, name), 'utf8');
  return files;
}

function text(files: Record<string, string | null>, name: string): string {
  const content = files[name];
  if (typeof content !== 'string') throw new Error(`fixture ${name} is not loaded`);
  return content;
}

/** Replaces exactly one occurrence, so a fixture edit can never silently miss or hit twice. */
function replaceOnce(source: string, from: string, to: string): string {
  const first = source.indexOf(from);
  if (first === -1 || source.indexOf(from, first + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(from)}`);
  return source.slice(0, first) + to + source.slice(first + from.length);
}

/** The 1-based line and column where `needle` starts, worked out independently of the validator. */
function positionOf(source: string, needle: string, fromIndex = 0): { line: number; column: number } {
  const offset = source.indexOf(needle, fromIndex);
  if (offset === -1) throw new Error(`${JSON.stringify(needle)} not found`);
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

/** Validates the valid fixtures with one file's text changed. */
function validateWith(name: string, edit: (source: string) => string | null): { issues: DataIssue[]; source: string | null } {
  const files = validFiles();
  const source = edit(text(files, name));
  files[name] = source;
  return { issues: validateDatasetFiles(files, { today: TODAY }).issues, source };
}

function onlyIssue(issues: DataIssue[]): DataIssue {
  expect(issues, formatIssues(issues)).toHaveLength(1);
  const [issue] = issues;
  if (issue === undefined) throw new Error('unreachable');
  return issue;
}

describe('valid fixtures', () => {
  it('validate with no issues and return every record', () => {
    const { dataset, issues } = validateDatasetFiles(validFiles(), { today: TODAY });
    expect(issues).toEqual([]);
    expect(dataset?.sources).toHaveLength(3);
    expect(dataset?.stations.map((station) => station.id)).toEqual(['esp-madrid-1', 'ita-rome-1', 'ita-unlocated-pp']);
    expect(dataset?.countryCounts).toHaveLength(2);
    expect(dataset?.events[0]?.iso3).toBeNull();
    expect(dataset?.disagreements[0]?.positions).toHaveLength(2);
    expect(dataset?.corrections[0]?.kind).toBe('update');
  });
});

describe('file-level problems', () => {
  it('invalid JSON: a trailing comma after the last record, at the comma', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '  }\n]', '  },\n]'));
    const issue = onlyIssue(issues);
    const comma = positionOf(source ?? '', '},\n]');
    expect(issue).toMatchObject({ file: 'stations.json', line: comma.line, column: comma.column + 1, index: null, field: null });
    expect(issue.message).toMatch(/^Invalid JSON: .*trailing comma/);
    expect(issue.line).toBe(46);
  });

  it('invalid JSON: a trailing comma after the last field of a record', () => {
    const { issues } = validateWith('figures.json', (s) => replaceOnce(s, '"note": null', '"note": null,'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'figures.json', line: 9, column: 17 });
    expect(issue.message).toContain('last field of this record');
  });

  it('invalid JSON: a missing comma between records points where the comma belongs', () => {
    const { issues } = validateWith('stations.json', (s) => replaceOnce(s, '  },\n  {\n    "id": "ita-rome-1"', '  }\n  {\n    "id": "ita-rome-1"'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'stations.json', line: 16, column: 4 });
    expect(issue.message).toContain('comma is probably missing');
  });

  it('an empty file', () => {
    const issue = onlyIssue(validateWith('figures.json', () => '  \n').issues);
    expect(issue).toMatchObject({ file: 'figures.json', line: 1, column: 1, index: null, recordId: null, field: null });
    expect(issue.message).toContain('The file is empty');
  });

  it('a top level that is a record instead of a list', () => {
    const issue = onlyIssue(validateWith('corrections.json', () => '\n{\n  "id": "x"\n}\n').issues);
    expect(issue).toMatchObject({ file: 'corrections.json', line: 2, column: 1, index: null });
    expect(issue.message).toContain('must hold a list of records in [ ], but it holds a record');
  });

  it('a missing file', () => {
    const issue = onlyIssue(validateWith('corrections.json', () => null).issues);
    expect(issue).toMatchObject({ file: 'corrections.json', line: 1, column: 1, index: null });
    expect(issue.message).toContain('The file is missing');
  });
});

describe('record problems', () => {
  it('a null record', () => {
    const { issues, source } = validateWith('events.json', (s) => replaceOnce(s, '[\n  {', '[\n  null,\n  {'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'events.json', ...positionOf(source ?? '', 'null,'), index: 0, recordId: null, field: null });
    expect(issue.message).toContain('null');
  });

  it('a missing id points at the record', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '    "id": "ita-rome-1",\n', ''));
    const issue = onlyIssue(issues);
    const recordStart = positionOf(source ?? '', '{', (source ?? '').indexOf('"iso3": "ITA"') - 10);
    expect(issue).toMatchObject({ file: 'stations.json', ...recordStart, index: 1, recordId: null, field: 'id' });
    expect(issue.line).toBe(17);
    expect(issue.message).toBe('is missing. Every record in this file needs it.');
  });

  it('a duplicate id points at the second record and names the first', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '"id": "ita-rome-1"', '"id": "esp-madrid-1"'));
    const issue = onlyIssue(issues);
    const second = positionOf(source ?? '', '"esp-madrid-1"', (source ?? '').indexOf('"esp-madrid-1"') + 1);
    expect(issue).toMatchObject({ file: 'stations.json', ...second, index: 1, recordId: 'esp-madrid-1', field: 'id' });
    expect(issue.message).toContain('already the id of record #1 (line 2)');
  });

  it('a badly formed id', () => {
    const { issues, source } = validateWith('sources.json', (s) => replaceOnce(s, '"id": "blog-2022-10"', '"id": "Blog 2022"'));
    // The citing rows now point at an unknown id too: one slip, reported where each can be fixed.
    const idIssue = issues.find((issue) => issue.file === 'sources.json');
    expect(idIssue).toMatchObject({ ...positionOf(source ?? '', '"Blog 2022"'), index: 2, recordId: 'Blog 2022', field: 'id' });
    expect(idIssue?.message).toContain('lower-case letters and digits joined by single hyphens');
  });

  it('wrong type: "12,5" for a number', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '"lat": 41.9', '"lat": "12,5"'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'stations.json', ...positionOf(source ?? '', '"12,5"'), index: 1, recordId: 'ita-rome-1', field: 'lat' });
    expect(issue.line).toBe(22);
    expect(issue.column).toBe(12);
    expect(issue.message).toContain('expected a number or null, found the text "12,5"');
    expect(issue.message).toContain('12.5');
  });

  it('a negative count', () => {
    const { issues, source } = validateWith('country_counts.json', (s) => replaceOnce(s, '"first_report": 4', '"first_report": -4'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'country_counts.json', ...positionOf(source ?? '', '-4'), index: 1, recordId: 'ita', field: 'first_report' });
    expect(issue.message).toContain('must be zero or more, found the number -4');
  });

  it('a count with decimals', () => {
    const { issues, source } = validateWith('country_counts.json', (s) => replaceOnce(s, '"second_report": 11', '"second_report": 10.5'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ ...positionOf(source ?? '', '10.5'), index: 1, recordId: 'ita', field: 'second_report' });
    expect(issue.message).toContain('must be a whole number');
  });

  it('a figure value with decimals', () => {
    const { issues, source } = validateWith('figures.json', (s) => replaceOnce(s, '"value": 102', '"value": 102.5'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'figures.json', ...positionOf(source ?? '', '102.5'), index: 1, field: 'value' });
  });

  it('an empty name', () => {
    const { issues, source } = validateWith('sources.json', (s) => replaceOnce(s, '"publisher": "Politico Europe"', '"publisher": "  "'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'sources.json', ...positionOf(source ?? '', '"  "'), index: 1, recordId: 'politico-2022-12-05', field: 'publisher' });
    expect(issue.message).toContain('is empty');
  });

  it('an unknown key points at the key and suggests the right name', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '"city": "Rome"', '"cty": "Rome"'));
    const unknown = issues.find((issue) => issue.field === 'cty');
    expect(unknown).toMatchObject({ file: 'stations.json', ...positionOf(source ?? '', '"cty"'), index: 1, recordId: 'ita-rome-1' });
    expect(unknown?.message).toContain('Did you mean "city"?');
    // The renamed key also leaves "city" missing: both are reported in the same run.
    expect(issues.find((issue) => issue.field === 'city')?.message).toContain('is missing');
    expect(issues).toHaveLength(2);
  });

  it('an unknown key inside a nested record', () => {
    const { issues, source } = validateWith('disagreements.json', (s) => replaceOnce(s, '"claim": "110 stations."', '"claim": "110 stations.",\n        "source": "x"'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ ...positionOf(source ?? '', '"source"'), index: 0, field: 'positions.1.source' });
    expect(issue.message).toContain('Did you mean "sources"?');
  });

  it('a value not in the list of allowed values', () => {
    const { issues } = validateWith('events.json', (s) => replaceOnce(s, '"actor": "ngo"', '"actor": "NGO"'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ index: 0, field: 'actor', line: 7, column: 14 });
    expect(issue.message).toContain('Did you mean "ngo"?');
  });

  it('a field written twice in one record', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '"city": "Rome",', '"city": "Rome",\n    "city": "Roma",'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ ...positionOf(source ?? '', '"city": "Roma"'), index: 1, field: 'city' });
    expect(issue.message).toContain('written twice');
  });

  it('an impossible date', () => {
    const { issues, source } = validateWith('events.json', (s) => replaceOnce(s, '"date": "2022-12-05"', '"date": "2022-02-30"'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'events.json', ...positionOf(source ?? '', '"2022-02-30"'), index: 1, recordId: '2022-12-05-ita-investigation', field: 'date' });
    expect(issue.message).toContain('February 2022 has 28 days');
  });

  it('a date in the wrong format', () => {
    const { issues } = validateWith('figures.json', (s) => replaceOnce(s, '"as_of": "2022-12"', '"as_of": "Dec 2022"'));
    expect(onlyIssue(issues)).toMatchObject({ index: 1, field: 'as_of' });
  });

  it('a future date, judged at the precision written', () => {
    const future = validateWith('events.json', (s) => replaceOnce(s, '"date": "2022-12-05"', '"date": "2024-07"'));
    const issue = onlyIssue(future.issues);
    expect(issue).toMatchObject({ ...positionOf(future.source ?? '', '"2024-07"'), index: 1, field: 'date' });
    expect(issue.message).toContain('is in the future (today is 2024-06-01)');
    // The current year and month are not in the future.
    expect(validateWith('events.json', (s) => replaceOnce(s, '"date": "2022-12-05"', '"date": "2024-06"')).issues).toEqual([]);
    expect(validateWith('sources.json', (s) => replaceOnce(s, '"published": "2022-12-05"', '"published": "2024"')).issues).toEqual([]);
  });

  it('a web address that is not absolute http(s)', () => {
    const { issues } = validateWith('sources.json', (s) => replaceOnce(s, '"http://blog.example.org/stations"', '"blog.example.org/stations"'));
    expect(onlyIssue(issues)).toMatchObject({ index: 2, field: 'url' });
  });

  it('latitude without longitude', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '"lon": 12.5', '"lon": null'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ ...positionOf(source ?? '', 'null', (source ?? '').indexOf('"lon": null')), index: 1, field: 'lon' });
    expect(issue.column).toBe(12);
  });

  it('a latitude out of range', () => {
    const { issues } = validateWith('stations.json', (s) => replaceOnce(s, '"lat": 41.9', '"lat": 141.9'));
    expect(onlyIssue(issues).message).toContain('between -90 and 90');
  });

  it('a country row with neither report figure', () => {
    const { issues } = validateWith('country_counts.json', (s) => replaceOnce(s, '"first_report": 9', '"first_report": null'));
    expect(onlyIssue(issues)).toMatchObject({ index: 0, recordId: 'esp', field: 'first_report' });
  });

  it('an event with a country code but no country name', () => {
    const { issues } = validateWith('events.json', (s) => replaceOnce(s, '"country": "Italy"', '"country": null'));
    expect(onlyIssue(issues)).toMatchObject({ index: 1, field: 'country' });
  });

  it('the same source cited twice in one list', () => {
    const { issues } = validateWith('country_counts.json', (s) => replaceOnce(s, '["sd-110-overseas", "politico-2022-12-05"]', '["sd-110-overseas", "sd-110-overseas"]'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ index: 1, field: 'sources.1', line: 21, column: 36 });
    expect(issue.message).toContain('already at sources.0');
  });
});

describe('checks across files', () => {
  it('an unknown source id', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '["politico-2022-12-05"]', '["politico-2022-12-06"]'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'stations.json', ...positionOf(source ?? '', '"politico-2022-12-06"'), index: 1, recordId: 'ita-rome-1', field: 'sources.0' });
    expect(issue.message).toContain('unknown source id "politico-2022-12-06". Add it to data/sources.json or fix the id.');
    expect(issue.message).toContain('Did you mean "politico-2022-12-05"?');
  });

  it('an unknown source id inside a disagreement position', () => {
    const { issues } = validateWith('disagreements.json', (s) => replaceOnce(s, '["blog-2022-10"]', '["blog-2022-11"]'));
    expect(onlyIssue(issues)).toMatchObject({ file: 'disagreements.json', index: 0, field: 'positions.1.sources.0', line: 12, column: 21 });
  });

  it('an iso3 that is not an ISO 3166-1 code', () => {
    const { issues, source } = validateWith('events.json', (s) => replaceOnce(s, '"iso3": "ITA"', '"iso3": "XKX"'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'events.json', ...positionOf(source ?? '', '"XKX"'), index: 1, field: 'iso3' });
    expect(issue.message).toContain('not a real ISO 3166-1 alpha-3 country code');
  });

  it('a real country code with no shape on the 1:110m map (Malta), unless excepted', () => {
    const edit = (s: string): string => replaceOnce(replaceOnce(s, '"iso3": "ITA"', '"iso3": "MLT"'), '"country": "Italy"', '"country": "Malta"');
    const { issues, source } = validateWith('events.json', edit);
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'events.json', ...positionOf(source ?? '', '"MLT"'), index: 1, field: 'iso3' });
    expect(issue.message).toContain('"MLT" (Malta) is a real country code, but the world map');
    expect(issue.message).toContain('GEOMETRY_EXCEPTIONS');

    const files = validFiles();
    files['events.json'] = edit(text(files, 'events.json'));
    const excepted = validateDatasetFiles(files, { today: TODAY, geometryExceptions: { MLT: 'Shown in the list below the map.' } });
    expect(excepted.issues).toEqual([]);
  });

  it('a station whose country has no row in country_counts.json', () => {
    // Lisbon's coordinates, so the point lies in the new country.
    const edit = (s: string): string =>
      replaceOnce(replaceOnce(replaceOnce(replaceOnce(s, '"iso3": "ESP"', '"iso3": "PRT"'), '"country": "Spain"', '"country": "Portugal"'), '"lat": 40.42', '"lat": 38.72'), '"lon": -3.7', '"lon": -9.14');
    const { issues, source } = validateWith('stations.json', edit);
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ ...positionOf(source ?? '', '"PRT"'), index: 0, field: 'iso3' });
    expect(issue.message).toContain('has no row in data/country_counts.json');
  });

  it('a verified row backed only by weak sources', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '"verified": false', '"verified": true'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'stations.json', ...positionOf(source ?? '', 'true', (source ?? '').indexOf('"verified": true', (source ?? '').indexOf('ita-unlocated-pp'))), index: 2, recordId: 'ita-unlocated-pp', field: 'verified' });
    expect(issue.line).toBe(43);
    expect(issue.message).toContain('every source cited is weak ("blog-2022-10")');
    expect(issue.message).toContain('must be marked "verified": false');
  });

  it('reports every problem in one run: three problems in two files give three issues', () => {
    const files = validFiles();
    files['stations.json'] = replaceOnce(replaceOnce(text(files, 'stations.json'), '"lat": 41.9', '"lat": "12,5"'), '"status": "closed"', '"status": "shut"');
    files['events.json'] = replaceOnce(text(files, 'events.json'), '"date": "2022-12-05"', '"date": "2022-02-30"');
    const { dataset, issues } = validateDatasetFiles(files, { today: TODAY });
    expect(dataset).toBeNull();
    expect(issues.map((issue) => `${issue.file} ${issue.field ?? ''}`)).toEqual([
      'stations.json lat',
      'stations.json status',
      'events.json date',
    ]);
  });

  it('keeps checking the other files when one cannot be parsed', () => {
    const files = validFiles();
    files['sources.json'] = '[';
    files['figures.json'] = replaceOnce(text(files, 'figures.json'), '"value": 54', '"value": -54');
    const { issues } = validateDatasetFiles(files, { today: TODAY });
    // No flood of "unknown source" issues while sources.json itself is broken.
    expect(issues.map((issue) => issue.file)).toEqual(['sources.json', 'figures.json']);
  });
});

describe('countries and coordinates', () => {
  it('a real code for another country than "country" names both, at the code', () => {
    const edit = (s: string): string => replaceOnce(replaceOnce(s, '"iso3": "ITA"', '"iso3": "AUT"'), '"country": "Italy"', '"country": "Australia"');
    const { issues, source } = validateWith('events.json', edit);
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'events.json', ...positionOf(source ?? '', '"AUT"'), index: 1, recordId: '2022-12-05-ita-investigation', field: 'iso3' });
    expect(issue.message).toBe('"AUT" is the code of Austria, but "country" is "Australia", whose code is "AUS". Correct whichever of the two is wrong.');
  });

  it('a country name we do not know is reported with the name the code stands for', () => {
    const { issues, source } = validateWith('country_counts.json', (s) => replaceOnce(s, '"country": "Spain"', '"country": "Spian"'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'country_counts.json', ...positionOf(source ?? '', '"ESP"'), index: 0, recordId: 'esp', field: 'iso3' });
    expect(issue.message).toContain('"ESP" is the code of Spain, but "country" is "Spian", which is not a name we know for it. Write "Spain", or correct the code.');
    expect(issue.message).toContain('COUNTRY_ALIASES in src/lib/dataset/countries.ts');
  });

  it.each([
    ['CZE', 'Czech Republic'],
    ['CZE', 'Czechia'],
    ['RUS', 'Russia'],
    ['USA', 'United States'],
    ['GBR', 'United Kingdom'],
    ['KOR', 'South Korea'],
    ['NLD', 'Netherlands'],
    ['NLD', 'the Netherlands'],
    ['CIV', "Cote d'Ivoire"],
    ['COD', 'Democratic Republic of the Congo'],
  ])('accepts %s with the name "%s"', (iso3, country) => {
    const edit = (s: string): string => replaceOnce(replaceOnce(s, '"iso3": "ITA"', `"iso3": "${iso3}"`), '"country": "Italy"', `"country": "${country}"`);
    expect(validateWith('events.json', edit).issues).toEqual([]);
  });

  it('a station filed under another country is one problem, not also a missing country row and a point outside', () => {
    const { issues } = validateWith('stations.json', (s) => replaceOnce(s, '"iso3": "ESP"', '"iso3": "PRT"'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'stations.json', index: 0, recordId: 'esp-madrid-1', field: 'iso3' });
    expect(issue.message).toContain('"PRT" is the code of Portugal, but "country" is "Spain", whose code is "ESP"');
  });

  it('swapped lat and lon are reported at "lat", saying they look swapped', () => {
    const edit = (s: string): string => replaceOnce(replaceOnce(s, '"lat": 40.42', '"lat": -3.7'), '"lon": -3.7', '"lon": 40.42');
    const { issues, source } = validateWith('stations.json', edit);
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'stations.json', ...positionOf(source ?? '', '-3.7'), index: 0, recordId: 'esp-madrid-1', field: 'lat' });
    expect(issue.line).toBe(7);
    expect(issue.message).toMatch(/^lat -3\.7, lon 40\.42 is not in Spain \(that point is (in [A-Za-z ]+|at sea)\), but lat 40\.42, lon -3\.7 is: "lat" and "lon" look swapped\./);
    expect(formatIssues(issues)).toContain('data/stations.json:7:12  record #1 (id "esp-madrid-1"), field "lat": lat -3.7, lon 40.42 is not in Spain');
  });

  it('a missing minus sign on the longitude is reported at "lon"', () => {
    const { issues, source } = validateWith('stations.json', (s) => replaceOnce(s, '"lon": 12.5', '"lon": -12.5'));
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'stations.json', ...positionOf(source ?? '', '-12.5'), index: 1, recordId: 'ita-rome-1', field: 'lon' });
    expect(issue.message).toBe('lat 41.9, lon -12.5 is not in Italy (that point is at sea), but lon 12.5 is: the sign of "lon" looks wrong. Longitude is negative west of Greenwich.');
  });

  it('a point in another country names that country', () => {
    // Paris, on a row filed under Spain.
    const edit = (s: string): string => replaceOnce(replaceOnce(s, '"lat": 40.42', '"lat": 48.86'), '"lon": -3.7', '"lon": 2.35');
    const { issues, source } = validateWith('stations.json', edit);
    const issue = onlyIssue(issues);
    expect(issue).toMatchObject({ file: 'stations.json', ...positionOf(source ?? '', '48.86'), index: 0, field: 'lat' });
    expect(issue.message).toBe('lat 48.86, lon 2.35 is not in Spain, nor within 50 km of it (that point is in France). Check the coordinates: lat runs north–south (-90 to 90, negative south of the equator), lon east–west (-180 to 180, negative west of Greenwich).');
  });

  it('accepts coastal cities and islands that coarse outlines leave out (Valencia, Venice, Palermo, Cagliari)', () => {
    for (const [lat, lon] of [[39.47, -0.38], [45.44, 12.32], [38.12, 13.36], [39.22, 9.12]] as const) {
      const country = lon < 5 ? 'Spain' : 'Italy';
      const edit = (s: string): string => {
        const row = country === 'Spain' ? ['"lat": 40.42', '"lon": -3.7'] : ['"lat": 41.9', '"lon": 12.5'];
        return replaceOnce(replaceOnce(s, row[0] ?? '', `"lat": ${String(lat)}`), row[1] ?? '', `"lon": ${String(lon)}`);
      };
      const { issues } = validateWith('stations.json', edit);
      expect(issues, `${String(lat)}, ${String(lon)} in ${country}\n${formatIssues(issues)}`).toEqual([]);
    }
  });
});

describe('the JSON scanner agrees with JSON.parse', () => {
  it('on every one-character deletion and a few insertions in a fixture', () => {
    const original = text(validFiles(), 'figures.json');
    for (let i = 0; i < original.length; i++) {
      for (const mutated of [original.slice(0, i) + original.slice(i + 1), `${original.slice(0, i)},${original.slice(i)}`, `${original.slice(0, i)}"${original.slice(i)}`]) {
        let parses = true;
        try {
          JSON.parse(mutated);
        } catch {
          parses = false;
        }
        const files = validFiles();
        files['figures.json'] = mutated;
        const syntaxIssues = validateDatasetFiles(files, { today: TODAY }).issues.filter((issue) => issue.message.startsWith('Invalid JSON'));
        expect(syntaxIssues.length, mutated).toBe(parses ? 0 : 1);
        // Our own wording, never the fallback to JSON.parse's terse message.
        for (const issue of syntaxIssues) expect(issue.message).not.toMatch(/is not valid JSON|JSON at position|end of JSON input/);
      }
    }
    // About 1,200 full validations: a busy shared runner needs more than the default 5 s.
  }, 30_000);
});

describe('formatIssues', () => {
  it('gives data/<file>:line:column, the record, the field and a count line', () => {
    const { issues } = validateWith('stations.json', (s) => replaceOnce(s, '["politico-2022-12-05"]', '["foo-bar"]'));
    const report = formatIssues(issues);
    expect(report).toContain('data/stations.json:29:17  record #2 (id "ita-rome-1"), field "sources.0": unknown source id "foo-bar". Add it to data/sources.json or fix the id.');
    expect(report).toMatch(/\n\n1 problem in data\/\. The build stops until they are fixed\.$/);
  });

  it('shows file-level problems without a record', () => {
    const report = formatIssues(validateWith('corrections.json', () => null).issues);
    expect(report.split('\n')[0]).toBe('data/corrections.json:1:1  The file is missing. It must exist, even if it only holds an empty list: []');
  });
});

describe('the real data/ directory', () => {
  it('validates with no issues', () => {
    const files: Record<string, string | null> = {};
    for (const name of Object.keys(DATA_FILES)) files[name] = readFileSync(path.join(REAL_DATA_DIR, name), 'utf8');
    const { issues } = validateDatasetFiles(files);
    expect(issues, formatIssues(issues)).toEqual([]);
  });
});

describe('loadDataset and the CLI', () => {
  let tempDir: string | null = null;
  afterEach(() => {
    if (tempDir !== null) rmSync(tempDir, { recursive: true, force: true });
    tempDir = null;
  });

  function brokenCopy(): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'validate-data-'));
    tempDir = dir;
    cpSync(VALID_DIR, dir, { recursive: true });
    const stations = path.join(dir, 'stations.json');
    writeFileSync(stations, replaceOnce(readFileSync(stations, 'utf8'), '"lat": 41.9', '"lat": "12,5"'));
    unlinkSync(path.join(dir, 'corrections.json'));
    return dir;
  }

  it('loadDataset returns the dataset for valid files', () => {
    expect(loadDataset(VALID_DIR, { today: TODAY }).stations).toHaveLength(3);
  });

  it('loadDataset throws a DatasetError carrying every issue', () => {
    const dir = brokenCopy();
    let caught: unknown;
    try {
      loadDataset(dir, { today: TODAY });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DatasetError);
    const error = caught as DatasetError;
    expect(error.issues.map((issue) => issue.file)).toEqual(['stations.json', 'corrections.json']);
    expect(error.message).toContain('stations.json:22:12  record #2 (id "ita-rome-1"), field "lat": expected a number or null, found the text "12,5"');
    expect(error.message).toContain('2 problems in');
  });

  it('the CLI exits 1 and prints the report on a broken copy', () => {
    const dir = brokenCopy();
    const run = spawnSync(process.execPath, [CLI, dir], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('/stations.json:22:12  record #2 (id "ita-rome-1"), field "lat": expected a number or null, found the text "12,5"');
    expect(run.stderr).toContain('/corrections.json:1:1  The file is missing.');
    expect(run.stderr).toContain('2 problems in');
    // A fresh Node process: allow for a busy shared runner.
  }, 30_000);

  it('the CLI exits 0 with one summary line on valid data', () => {
    const run = spawnSync(process.execPath, [CLI, path.relative(REPO_ROOT, VALID_DIR)], { cwd: REPO_ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toBe('src/lib/dataset/fixtures/valid/ OK: 3 sources, 3 stations, 2 countries, 2 events, 2 figures, 1 disagreement, 1 correction; translated into fr, zh.\n');
  }, 30_000);
});
