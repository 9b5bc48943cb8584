// The timeline's colours (one per kind group), read from timeline.css: each one stands out from the page and its
// panels (WCAG 1.4.11, 3:1) and from every other group (CIEDE2000 ΔE ≥ 15), in the light and the dark theme. In an
// earlier palette the dark "criminal case" and "statement" pinks were the same colour to the eye (ΔE ≈ 5).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const css = (file: string) => readFileSync(new URL(file, import.meta.url), 'utf8');
const declarations = (block: string | undefined) => new Map([...(block ?? '').matchAll(/(--[\w-]+):\s*(#[0-9a-f]{6});/gi)].map((m) => [m[1]!, m[2]!]));

const timeline = css('./timeline.css');
const global = css('./global.css');
const palettes = {
  light: declarations(/\n\.timeline,\n\.log \{([^}]*)\}/.exec(timeline)?.[1]),
  dark: declarations(/:root\[data-theme='dark'\] :is\(\.timeline, \.log\) \{([^}]*)\}/.exec(timeline)?.[1]),
};
const pages = {
  light: declarations(/\n:root \{([^}]*)\}/.exec(global)?.[1]),
  dark: new Map([...declarations(/\n:root \{([^}]*)\}/.exec(global)?.[1]), ...declarations(/:root\[data-theme='dark'\] \{([^}]*)\}/.exec(global)?.[1])]),
};

const channels = (hex: string) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
const luminance = (hex: string) => {
  const [r, g, b] = channels(hex);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
};
const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};
function lab(hex: string): [number, number, number] {
  const [r, g, b] = channels(hex);
  const f = (t: number) => (t > 0.008856 ? Math.cbrt(t) : 7.787 * t + 16 / 116);
  const [x, y, z] = [(0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047, 0.2126 * r + 0.7152 * g + 0.0722 * b, (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883];
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}
/** CIEDE2000 colour difference (Sharma, Wu and Dalal 2005). */
function deltaE2000(one: string, two: string): number {
  const [L1, a1, b1] = lab(one);
  const [L2, a2, b2] = lab(two);
  const rad = Math.PI / 180;
  const Cbar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const G = 0.5 * (1 - Math.sqrt(Cbar ** 7 / (Cbar ** 7 + 25 ** 7)));
  const [a1p, a2p] = [a1 * (1 + G), a2 * (1 + G)];
  const [C1, C2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (a: number, b: number) => ((Math.atan2(b, a) / rad) + 360) % 360;
  const [h1, h2] = [hue(a1p, b1), hue(a2p, b2)];
  let dh = C1 * C2 === 0 ? 0 : h2 - h1;
  if (dh > 180) dh -= 360;
  if (dh < -180) dh += 360;
  const dH = 2 * Math.sqrt(C1 * C2) * Math.sin((dh * rad) / 2);
  const Lbar = (L1 + L2) / 2;
  const Cbarp = (C1 + C2) / 2;
  let hbar = h1 + h2;
  if (C1 * C2 !== 0) hbar = Math.abs(h1 - h2) > 180 ? (hbar + (hbar < 360 ? 360 : -360)) / 2 : hbar / 2;
  const T = 1 - 0.17 * Math.cos((hbar - 30) * rad) + 0.24 * Math.cos(2 * hbar * rad) + 0.32 * Math.cos((3 * hbar + 6) * rad) - 0.2 * Math.cos((4 * hbar - 63) * rad);
  const SL = 1 + (0.015 * (Lbar - 50) ** 2) / Math.sqrt(20 + (Lbar - 50) ** 2);
  const SC = 1 + 0.045 * Cbarp;
  const SH = 1 + 0.015 * Cbarp * T;
  const RT = -Math.sin(2 * 30 * Math.exp(-(((hbar - 275) / 25) ** 2)) * rad) * 2 * Math.sqrt(Cbarp ** 7 / (Cbarp ** 7 + 25 ** 7));
  const [l, c, h] = [(L2 - L1) / SL, (C2 - C1) / SC, dH / SH];
  return Math.sqrt(l * l + c * c + h * h + RT * c * h);
}

describe('CIEDE2000', () => {
  it('is 0 for one colour, about 100 from black to white, and small for the old dark pinks', () => {
    expect(deltaE2000('#ff0000', '#ff0000')).toBe(0);
    expect(deltaE2000('#000000', '#ffffff')).toBeCloseTo(100, 0);
    expect(deltaE2000('#d872a8', '#c982b0')).toBeLessThan(15);
  });
});

const GROUPS = ['--tl-closure', '--tl-investigation', '--tl-charges', '--tl-denial', '--tl-statement', '--tl-report', '--tl-other'];

for (const theme of ['light', 'dark'] as const) {
  describe(`timeline colours, ${theme} theme`, () => {
    const palette = palettes[theme];
    it('declares a colour for every kind group', () => {
      expect(GROUPS.filter((name) => !palette.has(name))).toEqual([]);
    });
    it('reach 3:1 against the page and the panels (WCAG 1.4.11)', () => {
      for (const name of GROUPS) {
        for (const background of ['--bg', '--panel']) {
          expect(contrast(palette.get(name)!, pages[theme].get(background)!), `${name} on ${background}`).toBeGreaterThanOrEqual(3);
        }
      }
    });
    it('are told apart from one another (ΔE2000 ≥ 15 for every pair)', () => {
      for (const [i, one] of GROUPS.entries()) {
        for (const two of GROUPS.slice(i + 1)) {
          expect(deltaE2000(palette.get(one)!, palette.get(two)!), `${one} vs ${two}`).toBeGreaterThanOrEqual(15);
        }
      }
    });
  });
}
