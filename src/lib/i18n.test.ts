import { describe, expect, it } from 'vitest';
import { t } from './i18n.ts';

describe('t', () => {
  it('fills placeholders', () => {
    expect(t('chapter.kicker', { n: 2, total: 4 })).toBe('Chapter 2 of 4');
  });
  it('refuses to print a placeholder without a value', () => {
    expect(() => t('chapter.kicker', { n: 2 })).toThrow(/\{total\}/);
  });
  it('refuses an edition that has no strings file', () => {
    expect(() => t('site.title', {}, 'xx')).toThrow(/content\/ui\/xx.json/);
  });
});
