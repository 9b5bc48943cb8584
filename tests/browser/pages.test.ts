// Real-browser checks on the built site: axe (WCAG 2.2 AA), no horizontal scroll, no console/CSP errors, no-JS reading.
import { describe, expect, test } from 'vitest';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { listBuiltPages, pageName } from '../helpers/browser.ts';
import { formatAxe, useBuiltSite, SCREENSHOT_DIR, AXE_TAGS, WIDTHS } from '../helpers/site-suite.ts';

const site = useBuiltSite('index.html');
const distBuilt = site.built;

const CHAPTERS = ['what-they-are', 'how-they-operate', 'why-it-matters', 'how-countries-responded'] as const;

// The 404 page is checked too: readers land on it, so it must be as accessible as any other page.
// Every English page; in French and Chinese every page but the country pages, which share one template with the
// English ones (all 44 are checked in English), so three of different shapes stand for them there.
const SAMPLE_COUNTRIES = ['ireland/', 'italy/', 'lesotho/'];
const pages = distBuilt
  ? [...(await listBuiltPages()), '404.html'].filter((page) => {
      const edition = /^(fr|zh)\//.exec(page);
      if (!edition) return true;
      const rest = page.slice(3);
      return !rest.startsWith('countries/') || rest === 'countries/' || SAMPLE_COUNTRIES.some((c) => rest === `countries/${c}`);
    })
  : [];

interface PageProblems {
  console: string[];
}

/** Opens a page while recording everything that signals a broken page: console errors, uncaught exceptions, CSP reports, failed requests. */
async function openPage(context: BrowserContext, pagePath: string): Promise<{ page: Page; problems: PageProblems }> {
  const page = await context.newPage();
  const problems: PageProblems = { console: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const source = message.location().url;
    // Chromium fetches /favicon.ico on its own, sometimes after the test has finished, so its 404 is
    // timing-dependent noise rather than a page error; a missing icon is better caught by reading the HTML.
    if (/\/favicon\.ico$/.test(source)) return;
    // CSP messages repeat the whole policy; the directive and the first line are enough to act on.
    const text = message.text().length > 400 ? `${message.text().slice(0, 400)}…` : message.text();
    problems.console.push(`console.error: ${text}${source ? ` [${source}]` : ''}`);
  });
  page.on('pageerror', (error) => problems.console.push(`uncaught: ${error.message}`));
  page.on('requestfailed', (request) => problems.console.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'unknown'})`));
  page.on('response', (response) => {
    // The 404 page itself is expected to come back with status 404.
    if (response.status() >= 400 && !(pagePath === '404.html' && response.request().isNavigationRequest())) {
      problems.console.push(`HTTP ${response.status()}: ${response.url()}`);
    }
  });
  // Chromium logs most CSP blocks to the console, but not all (e.g. report-only, some style-src cases); the DOM event catches the rest.
  await page.addInitScript(() => {
    const store: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = store;
    document.addEventListener('securitypolicyviolation', (event) => {
      store.push(`CSP ${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} (${event.sample})`);
    });
  });
  await page.goto(site.server.url + pagePath, { waitUntil: 'load' });
  // Give deferred scripts and lazy charts a moment to run so their errors are attributed to this page.
  await page.waitForLoadState('networkidle');
  return { page, problems };
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? []);
}


describe.each(WIDTHS)('at $width×$height', ({ width, height }) => {
  test.each(pages.map((pagePath) => ({ pagePath, label: `/${pagePath}` })))('$label', async ({ pagePath }) => {
    const context = await site.browser.newContext({ viewport: { width, height } });
    try {
      const { page, problems } = await openPage(context, pagePath);

      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${pageName(pagePath)}-${width}.png`), fullPage: true });

      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();

      // scrollWidth > clientWidth is exactly "a horizontal scrollbar appears"; clientWidth ≤ viewport width.
      const overflow = await page.evaluate(() => {
        const root = document.documentElement;
        const limit = root.clientWidth;
        const culprits: string[] = [];
        if (root.scrollWidth > limit) {
          for (const element of Array.from(document.body.querySelectorAll('*'))) {
            const rect = element.getBoundingClientRect();
            if (rect.right > limit + 0.5 && rect.width > 0) {
              const cls = typeof element.className === 'string' && element.className ? `.${element.className.trim().split(/\s+/).join('.')}` : '';
              culprits.push(`${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}${cls} right=${Math.round(rect.right)}`);
            }
            if (culprits.length >= 10) break;
          }
        }
        return { scrollWidth: root.scrollWidth, clientWidth: limit, culprits };
      });

      const csp = await cspViolations(page);
      const errors = [...problems.console, ...csp];

      // Collect every failure before asserting so one run reports all the defects on this page.
      const failures: string[] = [];
      if (axe.violations.length > 0) failures.push(`axe: ${axe.violations.length} violation(s)\n${formatAxe(axe.violations)}`);
      if (overflow.scrollWidth > overflow.clientWidth) {
        failures.push(`horizontal scroll: scrollWidth ${overflow.scrollWidth} > ${overflow.clientWidth}\n    widest: ${overflow.culprits.join('\n            ')}`);
      }
      if (errors.length > 0) failures.push(`console/CSP/network errors:\n    ${errors.join('\n    ')}`);
      expect(failures.length, `/${pagePath} at ${width}px\n${failures.join('\n')}\n`).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  const chapters = ['', 'fr/', 'zh/'].flatMap((prefix) => CHAPTERS.map((slug) => ({ prefix, slug, label: `${prefix}${slug}` })));
  test.each(chapters)('$label shows its h1 and at least 500 words of text', async ({ prefix, slug }) => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}${prefix}${slug}/`, { waitUntil: 'load' });
      const article = page.locator(`article.chapter[data-chapter="${slug}"]`);
      await expect.poll(() => article.count()).toBe(1);
      const h1 = article.locator('h1');
      expect(await h1.count()).toBe(1);
      expect(await h1.isVisible(), 'h1 is visible without JS').toBe(true);
      // innerText skips display:none/visibility:hidden content, so this counts what a no-JS reader can actually see.
      const text = await article.evaluate((element) => (element as HTMLElement).innerText);
      // Chinese has no spaces between words: two characters count as one word, about the average word length.
      const words =
        prefix === 'zh/'
          ? Math.round((text.match(/\p{Script=Han}/gu) ?? []).length / 2)
          : text.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word)).length;
      expect(words, `visible words in article.chapter on /${prefix}${slug}/`).toBeGreaterThanOrEqual(500);
    } finally {
      await context.close();
    }
  });
});
