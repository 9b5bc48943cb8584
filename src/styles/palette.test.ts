// Checks the colour tokens in our CSS by WCAG contrast in both themes, and that the map's station classes are d3's schemeOrRd.
import { readFileSync } from 'node:fs';
import { schemeOrRd } from 'd3-scale-chromatic';
import { describe, expect, it } from 'vitest';

/** Custom properties declared in the first block matching `selector` (the light theme) or the dark theme block. */
function tokens(file: string, theme: 'light' | 'dark', selector: string): Map<string, string> {
  const css = readFileSync(new URL(file, import.meta.url), 'utf8');
  const block =
    theme === 'light'
      ? new RegExp(`(^|\\n)${selector.replace(/[.:]/g, '\\$&')} \\{([^}]*)\\}`).exec(css)?.[2]
      : new RegExp(`\\[data-theme='dark'\\]${selector === ':root' ? '' : ` ${selector.replace('.', '\\.')}`} \\{([^}]*)\\}`).exec(css)?.[1];
  if (!block) throw new Error(`No ${theme} block for ${selector} in ${file}`);
  return new Map([...block.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2 contrast ratio between two #rrggbb colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('contrast helper', () => {
  it('matches known WCAG ratios', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

for (const theme of ['light', 'dark'] as const) {
  describe(`${theme} theme`, () => {
    const site = tokens('./global.css', theme, ':root');
    const light = tokens('./global.css', 'light', ':root');
    const get = (name: string) => site.get(name) ?? light.get(name)!;
    const map = new Map([...tokens('./map.css', 'light', '.map'), ...(theme === 'dark' ? tokens('./map.css', 'dark', '.map') : [])]);

    it('text colours reach 4.5:1 on the page and on panels (WCAG 1.4.3)', () => {
      for (const text of ['--fg', '--muted', '--link', '--accent', '--weak']) {
        for (const background of ['--bg', '--panel']) {
          expect(contrast(get(text), get(background)), `${text} on ${background}`).toBeGreaterThanOrEqual(4.5);
        }
      }
    });

    it('focus rings, outlines of countries with data and markers reach 3:1 (WCAG 1.4.11)', () => {
      expect(contrast(get('--focus'), get('--bg'))).toBeGreaterThanOrEqual(3);
      expect(contrast(map.get('--map-focus')!, get('--bg'))).toBeGreaterThanOrEqual(3);
      expect(contrast(map.get('--map-data-border')!, get('--bg'))).toBeGreaterThanOrEqual(3);
      expect(contrast(map.get('--map-marker')!, get('--bg'))).toBeGreaterThanOrEqual(3);
    });
  });
}

describe('map station classes', () => {
  it("are the four darker steps of d3's schemeOrRd[5], lightest first", () => {
    const map = tokens('./map.css', 'light', '.map');
    expect(['--map-s1', '--map-s2', '--map-s3', '--map-s4'].map((name) => map.get(name))).toEqual(schemeOrRd[5]!.slice(1));
  });
  it('get darker with each class, so order reads without a legend', () => {
    const map = tokens('./map.css', 'light', '.map');
    const values = ['--map-s1', '--map-s2', '--map-s3', '--map-s4'].map((name) => luminance(map.get(name)!));
    expect([...values].sort((a, b) => b - a)).toEqual(values);
  });
});

describe('map greys in the responses view', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`${theme}: "nothing known" is 3:1 from "none reported" (the land), and China is dotted with 3:1 dots`, () => {
      const map = new Map([...tokens('./map.css', 'light', '.map'), ...(theme === 'dark' ? tokens('./map.css', 'dark', '.map') : [])]);
      const site = new Map([...tokens('./global.css', 'light', ':root'), ...(theme === 'dark' ? tokens('./global.css', 'dark', ':root') : [])]);
      expect(contrast(map.get('--map-r-nothing-known')!, map.get('--map-land')!)).toBeGreaterThanOrEqual(3);
      expect(contrast(map.get('--map-na-dot')!, map.get('--map-land')!)).toBeGreaterThanOrEqual(3);
      // Land stays visibly apart from the sea (the page behind the map).
      expect(contrast(map.get('--map-land')!, site.get('--bg')!)).toBeGreaterThanOrEqual(1.25);
    });
  }
});
