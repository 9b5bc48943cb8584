/**
 * Composes a chart's static image: title, takeaway, legend, the chart's own SVG and a source line, as one standalone
 * SVG that src/lib/raster.ts turns into the PNG used as the embed fallback and og:image.
 */
import { resolveCssForRaster } from './raster.ts';

export interface ChartImageOptions {
  /** Language of the text, for line breaking (Intl.Segmenter). */
  locale: string;
  /** The chart's inline <svg> exactly as the component rendered it. */
  chartSvg: string;
  /** The CSS that styles it (light theme is used). */
  css: string;
  /** Class and attributes of the chart's root element, so the component's selectors still match. */
  rootClass: string;
  rootAttributes?: string;
  title: string;
  takeaway: string;
  legend: { cls: string; label: string }[];
  /** 'box' swatches for choropleth classes, 'dot' for dot charts. */
  swatch: 'box' | 'dot';
  source: string;
  width?: number;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** Greedy word wrap by an average glyph width: good enough for a caption, and never splits a word. */
/** Width of a character in "columns": CJK ideographs, kana, hangul and full-width forms take two, like two Latin letters. */
function columns(text: string): number {
  let width = 0;
  for (const char of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u.test(char) ? 2 : 1;
  return width;
}

/** Punctuation that must not start a line (Chinese and Japanese line-breaking rules, and the Latin closers). */
const NO_LINE_START = /^[\s,.;:!?)\]}»’”，。、；：！？）」』】〉》…—%]/u;

/**
 * Splits text into lines of at most `maxColumns` (a CJK character counts two) at the breaks the language allows:
 * between words in French or English, between words (not inside them) in Chinese, found with Intl.Segmenter; never
 * before closing punctuation. A single word longer than a line gets a line of its own.
 */
export function wrapText(text: string, maxColumns: number, locale: string = 'en'): string[] {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'word' });
  const lines: string[] = [];
  let line = '';
  for (const { segment } of segmenter.segment(text.replace(/[ \t\r\n]+/g, ' ').trim())) {
    const candidate = line + segment;
    if (line.trim() !== '' && columns(candidate.trimEnd()) > maxColumns && !NO_LINE_START.test(segment)) {
      lines.push(line.trimEnd());
      line = segment.trimStart();
    } else line = candidate;
  }
  if (line.trim() !== '') lines.push(line.trimEnd());
  return lines;
}

export function composeChartImage(options: ChartImageOptions): { svg: string; width: number; height: number } {
  const width = options.width ?? 1200;
  const pad = 32;
  const open = options.chartSvg.match(/^<svg\b[^>]*>/);
  const viewBox = open?.[0].match(/viewBox="([^"]+)"/)?.[1];
  if (!open || !viewBox) throw new Error('composeChartImage expects the chart markup to start with <svg viewBox="…">.');
  const [vx, vy, vw, vh] = viewBox.split(/\s+/).map(Number) as [number, number, number, number];
  const inner = options.chartSvg.slice(open[0].length, options.chartSvg.lastIndexOf('</svg>'));
  const chartWidth = width - 2 * pad;
  const chartHeight = Math.round((chartWidth * vh) / vw);
  const scale = chartWidth / vw;

  const parts: string[] = [];
  let y = pad + 30;
  parts.push(`<text x="${pad}" y="${y}" class="img-title">${escapeXml(options.title)}</text>`);
  for (const line of wrapText(options.takeaway, 100, options.locale)) {
    y += 30;
    parts.push(`<text x="${pad}" y="${y}" class="img-text">${escapeXml(line)}</text>`);
  }
  y += 22;
  let x = pad;
  const legendParts: string[] = [];
  for (const item of options.legend) {
    // About 9 px per Latin letter at 16 px; CJK characters are a full em, counted as two columns.
    const labelWidth = Math.round(columns(item.label) * 8.6) + 40;
    if (x + labelWidth > width - pad) {
      x = pad;
      y += 30;
    }
    legendParts.push(
      options.swatch === 'box'
        ? `<path class="${item.cls}" d="M${x} ${y + 6}h22v16h-22z"/>`
        : `<circle class="k-${item.cls}" cx="${x + 9}" cy="${y + 14}" r="8"/>`,
      `<text x="${x + 30}" y="${y + 20}" class="img-small">${escapeXml(item.label)}</text>`,
    );
    x += labelWidth;
  }
  y += 40;
  const chartTop = y;
  const height = chartTop + chartHeight + 56;
  const style = `${resolveCssForRaster(options.css)}
.img-title{font-family:'DejaVu Sans','Noto Sans SC',sans-serif;font-size:26px;font-weight:700;fill:#1a1a1a}.img-text{font-family:'DejaVu Sans','Noto Sans SC',sans-serif;font-size:19px;fill:#1a1a1a}.img-small{font-family:'DejaVu Sans','Noto Sans SC',sans-serif;font-size:16px;fill:#404040}`;
  const svg =
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
    `<style>${style}</style><rect width="${width}" height="${height}" fill="#ffffff"/>` +
    `<g class="${options.rootClass}" ${options.rootAttributes ?? ''}>` +
    parts.join('') +
    legendParts.join('') +
    `<g transform="translate(${pad} ${chartTop}) scale(${scale}) translate(${-vx} ${-vy})">${inner}</g>` +
    `<text x="${pad}" y="${height - 22}" class="img-small">${escapeXml(options.source)}</text>` +
    `</g></svg>`;
  return { svg, width, height };
}
