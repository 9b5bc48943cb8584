import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatIssues, loadDataset } from './load.ts';
import { applyTranslations, readTranslationFiles, TRANSLATED_FILE_NAMES } from './translations.ts';

const DIR = path.resolve(import.meta.dirname, 'fixtures/valid');
const english = loadDataset(DIR, { today: '2026-12-01' });
const frFiles = () => readTranslationFiles(DIR, 'fr');
const edit = (files: Record<string, string | null>, name: string, change: (overlay: Record<string, any>) => void) => {
  const overlay = JSON.parse(files[name]!);
  change(overlay);
  return { ...files, [name]: JSON.stringify(overlay, null, 2) };
};

describe('applyTranslations', () => {
  it('replaces every translated field and leaves ids, numbers and dates as in English', () => {
    const { dataset, issues, stale } = applyTranslations(english, 'fr', frFiles());
    expect(issues).toEqual([]);
    expect(stale).toEqual([]);
    const event = dataset!.events.find((e) => e.id === '2022-12-05-ita-investigation')!;
    expect(event.title).toBe('L’Italie ouvre une enquête');
    expect(event.date).toBe(english.events.find((e) => e.id === event.id)!.date);
    expect(dataset!.disagreements[0]!.positions[1]!.claim).toBe('110 postes.');
    expect(dataset!.figures.map((f) => f.value)).toEqual(english.figures.map((f) => f.value));
    // The English dataset is untouched.
    expect(english.events.find((e) => e.id === event.id)!.title).toBe('Italy opens an inquiry');
  });

  it('stops on a missing record, naming the file, record and field', () => {
    const files = edit(frFiles(), 'events.json', (o) => delete o['2022-12-05-ita-investigation']);
    const { dataset, issues } = applyTranslations(english, 'fr', files);
    expect(dataset).toBeNull();
    const report = formatIssues(issues);
    expect(report).toContain('data/i18n/fr/events.json:');
    expect(report).toContain('record "2022-12-05-ita-investigation", field "title": has no French translation');
  });

  it('stops on a missing field, an empty text and an unknown record, each with its line', () => {
    let files = edit(frFiles(), 'events.json', (o) => delete o['2022-12-05-ita-investigation'].fields.summary);
    files = edit(files, 'stations.json', (o) => (o['esp-madrid-1'].fields.note.text = ' '));
    files = edit(files, 'figures.json', (o) => (o['first-report-station'] = { translated: '2026-12-01', fields: {} }));
    const { issues } = applyTranslations(english, 'fr', files);
    const messages = issues.map((i) => `${i.file}:${i.line} ${i.message}`);
    expect(messages.some((m) => /^i18n\/fr\/events.json:\d+ record "2022-12-05-ita-investigation", field "summary": has no French translation/.test(m))).toBe(true);
    expect(messages.some((m) => /^i18n\/fr\/stations.json:\d+ record "esp-madrid-1", field "note": the French "text" is empty/.test(m))).toBe(true);
    expect(messages.some((m) => m.includes('record "first-report-station": no record has this id') && m.includes('Did you mean "first-report-stations"'))).toBe(true);
    expect(issues.every((i) => i.line > 1)).toBe(true);
  });

  it('stops when a whole translation file is missing', () => {
    const { issues } = applyTranslations(english, 'fr', { ...frFiles(), 'corrections.json': null });
    expect(issues.map((i) => i.message).join('\n')).toMatch(/French translation of data\/corrections.json is missing/);
  });

  it('lists a translation whose English has changed as stale, and still uses it', () => {
    const changed = structuredClone(english);
    changed.events.find((e) => e.id === '2022-12-05-ita-investigation')!.summary = 'Italian authorities opened an inquiry.';
    const { dataset, issues, stale } = applyTranslations(changed, 'fr', frFiles());
    expect(issues).toEqual([]);
    expect(stale).toEqual([{ key: 'events', file: 'i18n/fr/events.json', recordId: '2022-12-05-ita-investigation', translated: '2026-12-01', fields: ['summary'] }]);
    expect(dataset!.events.find((e) => e.id === '2022-12-05-ita-investigation')!.summary).toBe('Les autorités italiennes disent examiner les postes signalés.');
  });

  it('rejects research-memo words in a translation as it does in English', () => {
    const files = edit(frFiles(), 'events.json', (o) => (o['2022-12-05-ita-investigation'].fields.note.text = 'Selon Politico (v1).'));
    expect(applyTranslations(english, 'fr', files).issues.length).toBeGreaterThan(0);
  });

  it('covers the files with reader-facing text, and not the bibliography', () => {
    expect(TRANSLATED_FILE_NAMES).toEqual(['stations.json', 'country_counts.json', 'events.json', 'figures.json', 'disagreements.json', 'corrections.json']);
  });
});
