import { describe, expect, it } from 'vitest';
import { themeFromQuery } from './theme.ts';

describe('themeFromQuery', () => {
  it('is light unless the host asks for dark or auto', () => {
    expect(themeFromQuery('?theme=dark')).toBe('dark');
    expect(themeFromQuery('?theme=auto')).toBe('auto');
    expect(themeFromQuery('?a=1&theme=light')).toBe('light');
    expect(themeFromQuery('')).toBe('light');
    expect(themeFromQuery('?view=responses')).toBe('light');
  });
  it('treats anything unknown as light', () => {
    expect(themeFromQuery('?theme=dark%22%3E')).toBe('light');
    expect(themeFromQuery('?theme=DARK')).toBe('light');
  });
});
