// The chart layering that keeps the import graph acyclic: chart components only draw; the registry, ChartBlock and
// "Embed this chart" sit above them. Checked from the source text, since .astro files cannot be imported here.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const CHARTS_DIR = path.resolve('src/components/charts');
const ABOVE_THE_CHARTS = ['EmbedThis.astro', 'ChartBlock.astro', 'charts/registry.ts', 'charts/mdx.ts', 'render-chart-image.ts', 'lib/embeds.ts'];

const importsOf = (file: string): string[] =>
  [...readFileSync(file, 'utf8').matchAll(/^import\s[^'"]*['"]([^'"]+)['"]/gm)].map((match) => match[1]!);

describe('chart layering', () => {
  const components = readdirSync(CHARTS_DIR).filter((name) => name.endsWith('.astro'));

  it('finds the chart components', () => {
    expect(components).toEqual(expect.arrayContaining(['WorldMap.astro', 'Timeline.astro', 'HeadlineFigures.astro']));
  });

  it.each(components)('%s imports nothing that imports the charts (no cycle through the registry or the embed button)', (name) => {
    const offending = importsOf(path.join(CHARTS_DIR, name)).filter((source) => ABOVE_THE_CHARTS.some((above) => source.endsWith(above)));
    expect(offending).toEqual([]);
  });

  it('the static image renders the chart SVG components, never the full charts (which hold search lists and tables)', () => {
    const imports = importsOf(path.resolve('src/lib/render-chart-image.ts')).filter((source) => source.endsWith('.astro'));
    expect(imports.length).toBeGreaterThan(0);
    for (const source of imports) expect(source).toMatch(/Svg\.astro$/);
  });
});
