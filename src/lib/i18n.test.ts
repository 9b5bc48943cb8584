import { describe, expect, it } from 'vitest';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { t, UI_STRINGS } from './i18n.ts';
import { LANGS } from './edition/editions.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('chapter.kicker', { n: 2, total: 4 }, 'en')).toBe('Chapter 2 of 4');
  });
  it('refuses to print a placeholder without a value', () => {
    expect(() => t('chapter.kicker', { n: 2 }, 'en')).toThrow(/\{total\}/);
  });
  it('refuses an edition that has no strings file', () => {
    expect(() => t('site.title', {}, 'xx')).toThrow(/content\/ui\/xx.json/);
  });
});

describe('every edition has exactly English interface strings', () => {
  const english = UI_STRINGS['en']!;
  it('has one strings file per edition, and no other', () => {
    const files = readdirSync(path.resolve(import.meta.dirname, '../../content/ui')).filter((f) => f.endsWith('.json')).map((f) => f.replace('.json', '')).sort();
    expect(files).toEqual([...LANGS].sort());
  });
  for (const lang of LANGS.filter((l) => l !== 'en')) {
    it(`${lang}: the same keys as English, each with the same placeholders and no empty string`, () => {
      const strings = UI_STRINGS[lang]!;
      expect(Object.keys(strings).filter((k) => !(k in english)), 'keys English does not have').toEqual([]);
      expect(Object.keys(english).filter((k) => !(k in strings)), 'keys missing from this edition').toEqual([]);
      for (const [key, text] of Object.entries(english)) {
        expect(placeholders(strings[key]!), `${lang} ${key}`).toEqual(placeholders(text));
        expect(strings[key]!.trim(), `${lang} ${key}`).not.toBe('');
      }
    });
  }
});
