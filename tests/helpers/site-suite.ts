// One set-up for browser test files: serve the built site on loopback and launch Chromium once per file.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import type { AxeBuilder } from '@axe-core/playwright';
import { launchChromium } from './browser.ts';
import { startStaticServer, type StaticServer } from './static-server.ts';

/** The build to test; DIST_DIR lets a run check a build in another directory (CI builds into dist/ and sets nothing). */
export const DIST = path.resolve(process.env['DIST_DIR'] ?? 'dist');
/** Serve under the base the site was built for, so base-prefixed URLs resolve as in production. */
export const BASE = process.env['BASE_PATH'] ?? '/';
export const SCREENSHOT_DIR = path.resolve(process.cwd(), 'tests/artifacts/screenshots');
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
export const WIDTHS = [
  { width: 320, height: 640 },
  { width: 1280, height: 800 },
] as const;

export interface BuiltSite {
  /** Whether the page the file needs exists in the build. */
  readonly built: boolean;
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Registers beforeAll/afterAll for a server and a browser, and a test that fails (never skips) when the build is
 * missing, so a forgotten `npm run build` reads as one clear failure.
 */
export function useBuiltSite(requiredPage: string = 'index.html'): BuiltSite {
  const built = existsSync(path.join(DIST, requiredPage));
  let browser: Browser | undefined;
  let server: StaticServer | undefined;

  beforeAll(async () => {
    if (!built) return;
    await mkdir(SCREENSHOT_DIR, { recursive: true });
    server = await startStaticServer({ root: DIST, base: BASE });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test(`the site has been built (run \`npm run build\` first): ${requiredPage}`, () => {
    expect(built, `${path.join(DIST, requiredPage)} is missing`).toBe(true);
  });

  return {
    built,
    get browser() {
      if (!browser) throw new Error('No browser: the site is not built.');
      return browser;
    },
    get server() {
      if (!server) throw new Error('No server: the site is not built.');
      return server;
    },
  };
}

/** axe violations as readable lines: rule, impact, help link and the first few offending selectors. */
export function formatAxe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string {
  return violations
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 6).map((node) => `    - ${node.target.join(' ')}\n      ${(node.failureSummary ?? '').replace(/\n/g, '\n      ')}`);
      return `  [${violation.impact ?? 'n/a'}] ${violation.id}: ${violation.help}\n${nodes.join('\n')}`;
    })
    .join('\n');
}
