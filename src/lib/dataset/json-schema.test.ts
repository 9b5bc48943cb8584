/** Tests that the committed JSON Schemas, the VS Code settings and the field tables in data/README.md match the zod schemas, and that the schemas accept valid data and flag typical slips. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
// ajv is not a direct dependency: it comes with html-validate (a devDependency) and is used here only as an independent JSON Schema validator.
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { DATA_FILE_NAMES } from './files.ts';
import type { DataFileName } from './files.ts';
import { SCHEMA_DIR, fieldPaths, fieldTableInReadme, jsonSchemaOf, jsonSchemaText, schemaFileName, withCurrentFieldTables } from './json-schema.ts';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const VALID_DIR = fileURLToPath(new URL('./fixtures/valid/', import.meta.url));
const README = path.join(REPO_ROOT, 'data/README.md');
const REGENERATE = 'Run `npm run schemas` to regenerate them from src/lib/dataset/schema.ts.';

function validatorFor(name: DataFileName): (data: unknown) => string[] {
  // strict: false, because ajv does not know VS Code's patternErrorMessage keyword.
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(jsonSchemaOf(name));
  return (data) => (validate(data) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message ?? ''}`));
}

function fixture(name: DataFileName): Record<string, unknown>[] {
  return JSON.parse(readFileSync(path.join(VALID_DIR, name), 'utf8')) as Record<string, unknown>[];
}

describe('generated JSON Schemas', () => {
  it.each(DATA_FILE_NAMES)('data/schemas/%s matches the zod schema', (name) => {
    const committed = readFileSync(path.join(REPO_ROOT, SCHEMA_DIR, schemaFileName(name)), 'utf8');
    expect(committed, `data/schemas/${schemaFileName(name)} is out of date. ${REGENERATE}`).toBe(jsonSchemaText(name));
  });

  it('describe every field, so VS Code has help to show on hover', () => {
    for (const name of DATA_FILE_NAMES) {
      const items = jsonSchemaOf(name)['items'] as { properties: Record<string, { description?: string }> };
      for (const [field, schema] of Object.entries(items.properties)) {
        expect(schema.description, `${name} ${field}`).toMatch(/\w{3}/);
      }
    }
  });

  it('.vscode/settings.json links each data file to its schema', () => {
    const settings = JSON.parse(readFileSync(path.join(REPO_ROOT, '.vscode/settings.json'), 'utf8')) as { 'json.schemas': { fileMatch: string[]; url: string }[] };
    const links = settings['json.schemas'].flatMap((entry) => entry.fileMatch.map((match) => [match, entry.url]));
    expect(links).toEqual(DATA_FILE_NAMES.map((name) => [`/data/${name}`, `./${SCHEMA_DIR}/${schemaFileName(name)}`]));
  });

  it.each(DATA_FILE_NAMES)('accept the valid fixture %s', (name) => {
    expect(validatorFor(name)(fixture(name))).toEqual([]);
  });

  it.each(DATA_FILE_NAMES)('accept the real data/%s', (name) => {
    const data: unknown = JSON.parse(readFileSync(path.join(REPO_ROOT, 'data', name), 'utf8'));
    expect(validatorFor(name)(data)).toEqual([]);
  });

  it('flag the slips an editor makes while typing', () => {
    const check = validatorFor('stations.json');
    const station = fixture('stations.json')[0] ?? {};
    const slips: [string, Record<string, unknown>][] = [
      ['misspelt field', { ...station, cty: station['city'] }],
      ['number in quotes', { ...station, lat: '40.42' }],
      ['value not in the list', { ...station, status: 'shut' }],
      ['lower-case code', { ...station, iso3: 'esp' }],
      ['padded text', { ...station, country: 'Spain ' }],
      ['source cited twice', { ...station, sources: ['sd-110-overseas', 'sd-110-overseas'] }],
      ['latitude out of range', { ...station, lat: 140.42 }],
    ];
    for (const [slip, record] of slips) expect(check([record]), slip).not.toEqual([]);
    expect(validatorFor('events.json')([{ ...fixture('events.json')[0], date: '12/09/2022' }])).not.toEqual([]);
    expect(validatorFor('sources.json')([{ ...fixture('sources.json')[0], url: 'www.example.org' }])).not.toEqual([]);
  });

  it('allow an editor_note except in corrections.json, which has none', () => {
    for (const name of DATA_FILE_NAMES) {
      const record = { ...fixture(name)[0], editor_note: 'Read via an archive copy.' };
      expect(validatorFor(name)([record]).length === 0, name).toBe(name !== 'corrections.json');
    }
  });
});

describe('data/README.md field tables', () => {
  const readme = readFileSync(README, 'utf8');

  it('are current', () => {
    expect(readme, `The field tables in data/README.md are out of date. ${REGENERATE}`).toBe(withCurrentFieldTables(readme));
  });

  it.each(DATA_FILE_NAMES)('list every field of %s', (name) => {
    const table = fieldTableInReadme(readme, name) ?? '';
    const listed = [...table.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1]);
    expect(listed).toEqual(fieldPaths(name));
  });

  it('document editor_note and the court-case event kinds, and no longer ask for an UNVERIFIED: prefix', () => {
    expect(fieldPaths('stations.json')).toContain('editor_note');
    expect(fieldTableInReadme(readme, 'stations.json')).toMatch(/`editor_note` .*never published/i);
    expect(fieldTableInReadme(readme, 'events.json')).toMatch(/`conviction`.*`sentence`/);
    expect(readme).not.toContain('UNVERIFIED:');
  });
});
