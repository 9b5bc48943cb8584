/** Turns a chart's inline SVG (styled by our CSS) into a standalone SVG and a PNG, for fallback images and og:image. */
import { createRequire } from 'node:module';
import { Resvg } from '@resvg/resvg-js';

// Chinese text in chart images: resvg reads TTF/OTF files, and no CJK font can be assumed on a build machine, so the
// build ships Noto Sans SC (SIL Open Font License) through npm and hands resvg the files.
const require = createRequire(import.meta.url);
const CJK_FONTS = [
  require.resolve('@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf'),
  require.resolve('@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf'),
];

/**
 * Light-theme CSS made self-contained for a rasteriser: media blocks (dark mode, print, motion) dropped and every
 * var(--name) replaced by its declared value, because resvg understands plain selectors but not custom properties.
 */
export function resolveCssForRaster(css: string): string {
  const withoutMedia = stripAtBlocks(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  const vars = new Map<string, string>();
  for (const match of withoutMedia.matchAll(/(--[\w-]+)\s*:\s*([^;}]+)/g)) {
    if (!vars.has(match[1]!)) vars.set(match[1]!, match[2]!.trim());
  }
  const resolve = (value: string, depth = 0): string =>
    depth > 5
      ? value
      : value.replace(/var\((--[\w-]+)(?:\s*,\s*([^()]*))?\)/g, (_m, name: string, fallback?: string) =>
          resolve(vars.get(name) ?? fallback ?? 'none', depth + 1),
        );
  return resolve(withoutMedia).replace(/(--[\w-]+)\s*:\s*[^;}]+;?/g, '');
}

/** Removes @media/@supports blocks, keeping everything else, with a brace counter rather than a regex. */
function stripAtBlocks(css: string): string {
  let out = '';
  let i = 0;
  while (i < css.length) {
    const at = css.indexOf('@', i);
    if (at < 0) {
      out += css.slice(i);
      break;
    }
    out += css.slice(i, at);
    const open = css.indexOf('{', at);
    if (open < 0) break;
    let depth = 1;
    let j = open + 1;
    while (j < css.length && depth > 0) {
      if (css[j] === '{') depth += 1;
      else if (css[j] === '}') depth -= 1;
      j += 1;
    }
    i = j;
  }
  return out;
}

export function svgToPng(svg: string): { png: Buffer; width: number; height: number } {
  const rendered = new Resvg(svg, { font: { loadSystemFonts: true, fontFiles: CJK_FONTS, defaultFontFamily: 'DejaVu Sans' } }).render();
  return { png: rendered.asPng(), width: rendered.width, height: rendered.height };
}
