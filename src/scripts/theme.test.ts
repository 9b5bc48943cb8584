import { describe, expect, it } from 'vitest';
import { themeFromQuery } from './theme.ts';

describe('themeFromQuery', () => {
  it('accepts light and dark only', () => {
    expect(themeFromQuery('?theme=dark')).toBe('dark');
    expect(themeFromQuery('?a=1&theme=light')).toBe('light');
    expect(themeFromQuery('?theme=auto')).toBeNull();
    expect(themeFromQuery('?theme=dark%22%3E')).toBeNull();
    expect(themeFromQuery('')).toBeNull();
  });
});
