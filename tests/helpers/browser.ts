// Shared browser-test plumbing: launch the system Debian chromium and enumerate the built pages in dist/.
import { chromium, type Browser } from 'playwright-core';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * The built site: dist/ at the repo root (tests run from the repo root via npm scripts). DIST_DIR lets a run
 * check a build in another directory (`astro build --outDir dist-x`) while someone else rebuilds dist/.
 */
export const DIST_DIR = path.resolve(process.cwd(), process.env.DIST_DIR ?? 'dist');

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    // Playwright's own browser download is not available here, so say how to get the system one.
    throw new Error(`No chromium at ${CHROMIUM_PATH}. Install it with: apt-get update && apt-get install -y chromium`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // --no-sandbox: CI runs as root; the rest stop chromium phoning home, which would fail offline and add noise.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Every built HTML page as a path relative to the site base, in the form a browser would request it:
 * `''` for the front page, `what-they-are/` for dist/what-they-are/index.html, `foo.html` for other files.
 * The 404 page is left out because it is not reachable by a normal link.
 */
export async function listBuiltPages(distDir: string = DIST_DIR): Promise<string[]> {
  const entries = await readdir(distDir, { recursive: true, withFileTypes: true });
  const pages: string[] = [];
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const relative = path.relative(distDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/');
    if (relative === '404.html') continue;
    pages.push(relative === 'index.html' ? '' : relative.endsWith('/index.html') ? relative.slice(0, -'index.html'.length) : relative);
  }
  return pages.sort();
}

/** File-system-safe name for screenshots: `front` for the front page, `how-they-operate`, `embed-map`. */
export function pageName(pagePath: string): string {
  const trimmed = pagePath.replace(/\/$/, '').replace(/\.html$/, '');
  return trimmed === '' ? 'front' : trimmed.replace(/[^a-z0-9-]+/gi, '-');
}
