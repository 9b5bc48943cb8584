import { describe, expect, it } from 'vitest';
import { composeChartImage, escapeXml, wrapText } from './chart-image.ts';
import { resolveCssForRaster } from './raster.ts';

describe('resolveCssForRaster', () => {
  it('inlines custom properties and drops media blocks', () => {
    const css = `.map { --a: #111; --b: var(--a); } @media (prefers-color-scheme: dark) { .map { --a: #eee; } }
      .map path.s1 { fill: var(--b); } .x { stroke: var(--missing, red); }`;
    const out = resolveCssForRaster(css);
    expect(out).toContain('fill: #111');
    expect(out).toContain('stroke: red');
    expect(out).not.toContain('#eee');
    expect(out).not.toContain('var(');
  });
});

describe('composeChartImage', () => {
  const chartSvg = '<svg viewBox="0 0 100 50" role="img"><path class="s1" d="M0 0h10v10z"/></svg>';
  const image = composeChartImage({
    chartSvg,
    locale: 'en-GB',
    css: '.map path.s1 { fill: #f00; }',
    rootClass: 'map',
    rootAttributes: 'data-view="stations"',
    title: 'Title <with> "markup"',
    takeaway: 'A sentence about the map.',
    legend: [{ cls: 's1', label: '1 & more' }],
    swatch: 'box',
    source: 'Source: us',
  });
  it('escapes every reader-facing string so data cannot inject markup', () => {
    expect(image.svg).toContain('Title &lt;with&gt; &quot;markup&quot;');
    expect(image.svg).toContain('1 &amp; more');
    expect(image.svg).not.toContain('<with>');
  });
  it('keeps the chart markup and scales it into the image width', () => {
    expect(image.svg).toContain('<path class="s1" d="M0 0h10v10z"/>');
    expect(image.svg).toMatch(/scale\(11\.36/);
    expect(image.width).toBe(1200);
  });
  it('escapes quotes and ampersands', () => {
    expect(escapeXml(`a'b"c&d`)).toBe('a&apos;b&quot;c&amp;d');
  });
  it('wraps words without splitting them', () => {
    expect(wrapText('one two three four', 9)).toEqual(['one two', 'three', 'four']);
  });
  it('wraps Chinese between words, counts each character as two columns and never starts a line with punctuation', () => {
    const text = '保护卫士称，这些服务站由福州和青田两地的公安机关设立。';
    const lines = wrapText(text, 16, 'zh-Hans-CN');
    expect(lines.join('')).toBe(text);
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      expect([...line].length, line).toBeLessThanOrEqual(9);
      expect(line, 'line starts with punctuation').not.toMatch(/^[，。、；：！？]/);
    }
  });
  it('keeps French words whole and the narrow space before a colon with its word', () => {
    expect(wrapText('Données à jour\u202f: 17 décembre 2025', 15, 'fr-FR')).toEqual(['Données à jour\u202f:', '17 décembre', '2025']);
  });
});
