// Everything a reader or re-user can see in the build (pages, embeds, downloads, oEmbed) reads as journalism:
// no research-memo markers, no editor-only notes, no staging or tracking addresses.
import { describe, expect, test } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { load } from 'cheerio';
import { DIST, expectBuilt } from '../helpers/dist.ts';
import { csvParse } from 'd3-dsv';
import { NOT_READER_TEXT, memoLanguageProblem, sourceUrlProblem } from '../../src/lib/dataset/reader-language.ts';

const built = expectBuilt();

function files(ext: string): string[] {
  if (!built) return [];
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith(ext))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

/** The words a reader sees on a page: text, alt text, titles and labels; not scripts, styles or attribute values like URLs. */
function visibleText(html: string): string[] {
  const $ = load(html);
  $('script, style, template').remove();
  const texts = [$('body').text(), $('title').text()];
  $('[alt], [title], [aria-label]').each((_, element) => {
    for (const name of ['alt', 'title', 'aria-label']) {
      const value = $(element).attr(name);
      if (value) texts.push(value);
    }
  });
  $('meta[name="description"], meta[property^="og:"]').each((_, element) => {
    const value = $(element).attr('content');
    if (value && !/^https?:/.test(value)) texts.push(value);
  });
  // The embed code readers copy is text too; its addresses are checked below.
  $('textarea').each((_, element) => {
    texts.push($(element).text());
  });
  return texts;
}

describe('reader language in the built site', () => {
  const pages = files('.html');
  test('the build has pages, embeds and downloads to check', () => {
    expect(pages.some((p) => p.startsWith('embed/'))).toBe(true);
    expect(files('.csv').length).toBeGreaterThan(0);
  });

  test.each(pages)('%s shows no research-memo language', (file) => {
    const problems = visibleText(readFileSync(path.join(DIST, file), 'utf8'))
      .map((text) => memoLanguageProblem(text))
      .filter((problem): problem is string => problem !== null);
    expect(problems).toEqual([]);
  });

  // Column names are the published data dictionary; the values in reader-facing columns are what re-users quote.
  test.each([...files('.csv'), ...files('.json').filter((f) => !f.startsWith('_'))])('%s carries no memo language and no editor_note', (file) => {
    const text = readFileSync(path.join(DIST, file), 'utf8');
    expect(text).not.toContain('editor_note');
    const parsed: unknown = file.endsWith('.csv') ? csvParse(text.replace(/^\uFEFF/, '')) : JSON.parse(text);
    const problems: string[] = [];
    const visit = (value: unknown, where: string): void => {
      if (typeof value === 'string') {
        const problem = memoLanguageProblem(value);
        if (problem !== null) problems.push(`${where}: ${problem}`);
      } else if (Array.isArray(value)) {
        value.forEach((item: unknown, i) => visit(item, `${where}[${String(i)}]`));
      } else if (value !== null && typeof value === 'object') {
        for (const [key, inner] of Object.entries(value)) if (!NOT_READER_TEXT.has(key)) visit(inner, `${where}.${key}`);
      }
    };
    visit(parsed, file);
    expect(problems).toEqual([]);
  });

  test.each(pages)('%s links to no staging, CDN or tracking address', (file) => {
    const $ = load(readFileSync(path.join(DIST, file), 'utf8'));
    const bad = $('a[href^="http"]')
      .map((_, a) => $(a).attr('href') ?? '')
      .get()
      .flatMap((href) => {
        const problem = sourceUrlProblem(href);
        return problem === null ? [] : [`${href}: ${problem}`];
      });
    expect(bad).toEqual([]);
  });
});
