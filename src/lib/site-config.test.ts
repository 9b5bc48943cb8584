import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from './site-config.ts';

describe('parseSiteConfig', () => {
  it('accepts a mailto address, an https page or null', () => {
    expect(parseSiteConfig({ correctionsContact: 'mailto:desk@news.example' }).correctionsContact).toBe('mailto:desk@news.example');
    expect(parseSiteConfig({ correctionsContact: 'https://news.example/corrections' }).correctionsContact).toBe('https://news.example/corrections');
    expect(parseSiteConfig({ correctionsContact: null }).correctionsContact).toBeNull();
  });

  it('names the file and field when the contact is not an address', () => {
    expect(() => parseSiteConfig({ correctionsContact: 'desk@news.example' })).toThrow(/content\/site\.json, field "correctionsContact"/);
    expect(() => parseSiteConfig({ correctionsContact: 'http://insecure.example' })).toThrow(/mailto/);
  });

  it('rejects unknown settings (a misspelt key would otherwise be ignored)', () => {
    expect(() => parseSiteConfig({ correctionsContact: null, correctionContact: 'mailto:a@b.c' })).toThrow(/content\/site\.json/);
  });
});
