/** Prints the byte cost of the map's country paths under each encoding we considered (npm run bench:map). */
import { gzipSync, brotliCompressSync } from 'node:zlib';
import { geoEqualEarth, geoPath } from 'd3-geo';
import { CompactPathContext } from '../lib/geo/compact-path.ts';
import { worldCountryFeatures } from '../lib/geo/world.ts';

const features = worldCountryFeatures();
const collection = { type: 'FeatureCollection' as const, features };

function svgFor(paths: string[], width: number): string {
  return `<svg viewBox="0 0 ${width} ${Math.round(width / 2)}">${paths.map((d) => `<path d="${d}"/>`).join('')}</svg>`;
}

const rows: { encoding: string; raw: number; gzip: number; brotli: number }[] = [];
for (const width of [960, 1920]) {
  const projection = geoEqualEarth().fitWidth(width, collection);
  for (const digits of [0, 1, 3]) {
    const path = geoPath(projection).digits(digits);
    const svg = svgFor(features.map((f) => path(f) ?? ''), width);
    rows.push({ encoding: `geoPath().digits(${digits}) @${width}`, raw: svg.length, gzip: gzipSync(svg, { level: 9 }).length, brotli: brotliCompressSync(svg).length });
  }
  const context = new CompactPathContext();
  const path = geoPath(projection, context);
  const svg = svgFor(
    features.map((f) => {
      path(f);
      return context.result();
    }),
    width,
  );
  rows.push({ encoding: `compact integer relative @${width}`, raw: svg.length, gzip: gzipSync(svg, { level: 9 }).length, brotli: brotliCompressSync(svg).length });
}

const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
console.log(`Country paths only: ${features.length} features (world-atlas 110m, Antarctica dropped)`);
console.log('encoding'.padEnd(36), 'raw'.padStart(10), 'gzip'.padStart(10), 'brotli'.padStart(10));
for (const row of rows) console.log(row.encoding.padEnd(36), kb(row.raw).padStart(10), kb(row.gzip).padStart(10), kb(row.brotli).padStart(10));
