// Shared plumbing for tests that read the built site from disk: where it is, a fail-fast build check, cached parsing.
import { expect, test } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load, type CheerioAPI } from 'cheerio';

/** The build to test; DIST_DIR lets a run check a build in another directory (CI builds into dist/ and sets nothing). */
export const DIST = path.resolve(process.env['DIST_DIR'] ?? 'dist');

/** Registers one test that fails (never skips) without a build, so a forgotten build reads as one clear failure. */
export function expectBuilt(): boolean {
  const built = existsSync(path.join(DIST, 'index.html'));
  test('the site has been built (run `npm run build` first)', () => {
    expect(built, `${DIST}/index.html is missing`).toBe(true);
  });
  return built;
}

const pageCache = new Map<string, CheerioAPI>();

/** A built page parsed once per test file, by its path relative to the build directory. */
export function builtPage(relative: string): CheerioAPI {
  let $ = pageCache.get(relative);
  if (!$) {
    $ = load(readFileSync(path.join(DIST, relative), 'utf8'));
    pageCache.set(relative, $);
  }
  return $;
}
