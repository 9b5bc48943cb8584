import { describe, expect, it } from 'vitest';
import { editionOf } from './edition.ts';
import { langOfPath, pathInEdition, langFromParam } from './editions.ts';

describe('edition paths', () => {
  it('puts English at the root and the others under their prefix, for the same page', () => {
    expect(pathInEdition('data/', 'fr')).toBe('fr/data/');
    expect(pathInEdition('fr/data/', 'zh')).toBe('zh/data/');
    expect(pathInEdition('zh/countries/ireland/', 'en')).toBe('countries/ireland/');
    expect(pathInEdition('', 'zh')).toBe('zh/');
    expect(langOfPath('fr/sources/')).toBe('fr');
    expect(langOfPath('french-page/')).toBe('en');
  });
  it('refuses an unknown edition in a URL', () => {
    expect(langFromParam(undefined)).toBe('en');
    expect(() => langFromParam('de')).toThrow(/Unknown edition "de"/);
    expect(() => langFromParam('en')).toThrow();
  });
});

describe('edition formats', () => {
  const [en, fr, zh] = (['en', 'fr', 'zh'] as const).map(editionOf);
  it('groups numbers the way each language does', () => {
    expect(en!.number(230000)).toBe('230,000');
    expect(fr!.number(230000)).toBe('230\u202f000');
    expect(zh!.number(230000)).toBe('230,000');
  });
  it('writes partial dates at their precision in each language', () => {
    expect(en!.date('2022-10-26')).toBe('26 October 2022');
    expect(fr!.date('2022-10-26')).toBe('26 octobre 2022');
    expect(zh!.date('2022-10-26')).toBe('2022年10月26日');
    expect(fr!.date('2022-10')).toBe('octobre 2022');
    expect(zh!.date('2022')).toBe('2022年');
  });
  it('joins lists with each language’s conjunction', () => {
    expect(en!.list(['Rome', 'Milan', 'Prato'])).toBe('Rome, Milan and Prato');
    expect(fr!.list(['Rome', 'Milan', 'Prato'])).toBe('Rome, Milan et Prato');
    expect(zh!.list(['罗马', '米兰', '普拉托'])).toBe('罗马、米兰和普拉托');
  });
  it('names countries in the edition’s language, keeping our English names in English', () => {
    expect(en!.countryName('CZE', 'Czech Republic')).toBe('Czech Republic');
    expect(fr!.countryName('GBR', 'United Kingdom')).toBe('Royaume-Uni');
    expect(zh!.countryName('IRL', 'Ireland')).toBe('爱尔兰');
    expect(fr!.countryName('XXX', 'Nowhere')).toBe('Nowhere');
  });
  it('sorts accented names as French readers expect', () => {
    expect(['Équateur', 'Espagne', 'Estonie'].sort(fr!.compare)).toEqual(['Équateur', 'Espagne', 'Estonie']);
    expect(['Zambie', 'Équateur', 'Allemagne'].sort(fr!.compare)).toEqual(['Allemagne', 'Équateur', 'Zambie']);
  });
  it('links within its own edition', () => {
    expect(fr!.href('sources/')).toBe('/fr/sources/');
    expect(en!.href('sources/')).toBe('/sources/');
  });
});
