// Byte budgets for a phone on a slow connection (issue 11): every chapter's HTML at most 35 KB gzip, and no page
// ships more than 5 KB gzip of JavaScript. `npm run bench` reports the same numbers beside Lighthouse's.
import { describe, expect, test } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { load } from 'cheerio';
import { DIST, expectBuilt } from '../helpers/dist.ts';

const CHAPTER_HTML_GZIP_BUDGET = 35 * 1024;
const PAGE_JS_GZIP_BUDGET = 5 * 1024;

/**
 * Chapter 4 ("how countries responded", in each edition) does not meet the budgets yet: it carries the map with its
 * data table, the whole event log with every event's sources, and 97 notes. Meeting 35 KB needs an editorial choice
 * (for example the map table or the log's source lists on another page), not smaller markup. Until then it is held
 * to its size when this was written, so it cannot grow unnoticed; `npm run bench` shows the gap to the target.
 */
const OVER_BUDGET: Record<string, { html: number; js: number }> = {
  'how-countries-responded/index.html': { html: 70 * 1024, js: 6 * 1024 },
};
const budgetOf = (file: string) => OVER_BUDGET[file.replace(/^(fr|zh)\//, '')];

const gzipSize = (buffer: Buffer): number => gzipSync(buffer, { level: 9 }).length;
const built = expectBuilt();

/** Every HTML page of the build, relative to it. */
const pages = built ? (readdirSync(DIST, { recursive: true }) as string[]).filter((file) => file.endsWith('.html')).sort() : [];
/** Chapters are the pages that render an article.chapter. */
const chapters = pages.filter((file) => load(readFileSync(path.join(DIST, file), 'utf8'))('article.chapter').length === 1);

/**
 * The JavaScript a page loads as it opens: its inline scripts, each <script src> and every module those import
 * statically (Vite's chunks import each other by relative path). A worker started on a reader's action is not loaded
 * with the page and is not counted.
 */
function pageScripts(file: string): { files: string[]; inline: number; bytes: Buffer } {
  const $ = load(readFileSync(path.join(DIST, file), 'utf8'));
  const seen = new Set<string>();
  const chunks: Buffer[] = [];
  const addModule = (module: string) => {
    if (seen.has(module)) return;
    seen.add(module);
    const code = readFileSync(module);
    chunks.push(code);
    for (const match of code.toString('utf8').matchAll(/(?:import|from)\s*["'](\.{1,2}\/[^"']+\.js)["']/g)) addModule(path.resolve(path.dirname(module), match[1]!));
  };
  const inline: string[] = [];
  $('script').each((_index, element) => {
    const src = $(element).attr('src');
    if (src) addModule(path.join(DIST, new URL(src, 'http://x/').pathname.replace(/^\/(?:[^/]+\/)*?_astro\//, '_astro/')));
    else if (/^(module|text\/javascript)?$/.test($(element).attr('type') ?? '')) inline.push($(element).text());
  });
  return { files: [...seen].map((module) => path.relative(DIST, module)), inline: inline.length, bytes: Buffer.concat([...chunks, Buffer.from(inline.join('\n'))]) };
}

describe('budgets', () => {
  test('only chapter 4 is allowed over the targets, and it is still over them (else remove the exception)', () => {
    for (const [file, allowance] of Object.entries(OVER_BUDGET)) {
      expect(gzipSize(readFileSync(path.join(DIST, file))), `${file} now fits 35 KB: remove it from OVER_BUDGET`).toBeGreaterThan(CHAPTER_HTML_GZIP_BUDGET);
      expect(allowance.html).toBeGreaterThan(CHAPTER_HTML_GZIP_BUDGET);
    }
  });

  test('the build has chapters and pages to measure', () => {
    expect(pages.length).toBeGreaterThan(10);
    expect(chapters.length).toBeGreaterThan(0);
  });

  test.each(chapters)(`%s: HTML is at most ${CHAPTER_HTML_GZIP_BUDGET / 1024} KB gzip`, (file) => {
    const size = gzipSize(readFileSync(path.join(DIST, file)));
    const budget = budgetOf(file)?.html ?? CHAPTER_HTML_GZIP_BUDGET;
    console.log(`${file}: ${size} B gzip -9 (budget ${budget} B${budget > CHAPTER_HTML_GZIP_BUDGET ? `, target ${CHAPTER_HTML_GZIP_BUDGET} B` : ''})`);
    expect(size).toBeLessThanOrEqual(budget);
  });

  test.each(pages)(`%s: at most ${PAGE_JS_GZIP_BUDGET / 1024} KB gzip of JavaScript`, (file) => {
    const { files, inline, bytes } = pageScripts(file);
    const size = bytes.length === 0 ? 0 : gzipSize(bytes);
    const budget = budgetOf(file)?.js ?? PAGE_JS_GZIP_BUDGET;
    if (size > PAGE_JS_GZIP_BUDGET / 2) console.log(`${file}: ${files.length} script file(s) + ${inline} inline, ${size} B gzip -9 (budget ${budget} B)`);
    expect(size).toBeLessThanOrEqual(budget);
  });

  test('the measure counts what a page loads: a page with a chart loads its script and that script’s imports', () => {
    const withChart = chapters.find((file) => load(readFileSync(path.join(DIST, file), 'utf8'))('script[src]').length > 0);
    expect(withChart, 'a chapter loads a script file').toBeDefined();
    const { files, bytes } = pageScripts(withChart!);
    expect(files.length).toBeGreaterThan(0);
    expect(bytes.length).toBeGreaterThan(1000);
  });
});
