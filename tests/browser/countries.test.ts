// Country pages and /countries/ in a real browser: axe (WCAG 2.2 AA) at 320 and 1280 px, no sideways scrolling,
// sorting with buttons and aria-sort, the no-JavaScript reading, and the copy-link headings.
import { describe, expect, test } from 'vitest';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { pageName } from '../helpers/browser.ts';
import { AXE_TAGS, SCREENSHOT_DIR, WIDTHS, formatAxe, useBuiltSite } from '../helpers/site-suite.ts';

const site = useBuiltSite('countries/index.html');

/** A sample: the index, the most stations (Italy), many events and an unverified verdict (United States), only unverified rows (Colombia). */
const SAMPLE = ['countries/', 'countries/italy/', 'countries/united-states/', 'countries/colombia/'];

async function open(pagePath: string, options: { width: number; height: number; javaScript?: boolean; dark?: boolean }) {
  const context = await site.browser.newContext({
    viewport: { width: options.width, height: options.height },
    javaScriptEnabled: options.javaScript ?? true,
    colorScheme: options.dark ? 'dark' : 'light',
  });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !/favicon\.ico/.test(message.location().url)) errors.push(message.text().slice(0, 300));
  });
  await page.goto(site.server.url + pagePath, { waitUntil: 'networkidle' });
  return { page, errors, close: () => context.close() };
}

async function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe.each(WIDTHS)('at $width px', ({ width, height }) => {
  test.each(SAMPLE)('/%s: no axe violations, no sideways scroll, no errors', async (pagePath) => {
    if (!site.built) return;
    const { page, errors, close } = await open(pagePath, { width, height });
    try {
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${pageName(pagePath)}-${width}.png`), fullPage: true });
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations, formatAxe(axe.violations)).toEqual([]);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

test('/countries/italy/ in dark mode at 320 px: no axe violations', async () => {
  if (!site.built) return;
  const { page, close } = await open('countries/italy/', { width: 320, height: 640, dark: true });
  try {
    const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    expect(axe.violations, formatAxe(axe.violations)).toEqual([]);
  } finally {
    await close();
  }
});

describe('/countries/ table', () => {
  const countryOrder = (page: Page) => page.$$eval('tbody tr', (rows) => rows.map((row) => row.getAttribute('data-iso3')));
  const sortState = (page: Page) =>
    page.$$eval('thead th[data-sortable]', (ths) => ths.map((th) => th.getAttribute('aria-sort') ?? ''));

  test('sorts with buttons in the column headers and keeps aria-sort on the sorted column', async () => {
    if (!site.built) return;
    const { page, close } = await open('countries/', { width: 1280, height: 800 });
    try {
      const buttons = page.locator('thead th[data-sortable] button');
      expect(await buttons.count()).toBe(5);
      const initial = await countryOrder(page);

      // Documented stations, descending first (most first), then ascending.
      await buttons.nth(3).click();
      expect(await sortState(page)).toEqual(['', '', '', 'descending', '']);
      const documented = await page.$$eval('tbody td[data-col="documented"]', (cells) => cells.map((c) => Number(c.getAttribute('data-total'))));
      expect(documented).toEqual([...documented].sort((a, b) => b - a));
      await buttons.nth(3).click();
      expect(await sortState(page)).toEqual(['', '', '', 'ascending', '']);

      // By keyboard: the country column back to A–Z.
      await buttons.nth(0).focus();
      await page.keyboard.press('Enter');
      expect(await sortState(page)).toEqual(['ascending', '', '', '', '']);
      expect(await countryOrder(page)).toEqual(initial);

      // Missing figures ("not given") stay last whichever way the column is sorted.
      await buttons.nth(1).click();
      const first = await page.$$eval('tbody td[data-col="first"]', (cells) => cells.map((c) => c.getAttribute('data-sort')));
      const firstEmpty = first.indexOf('');
      expect(first.slice(firstEmpty).every((v) => v === '')).toBe(true);
    } finally {
      await close();
    }
  });

  test('reads as cards at 320 px, with every figure visible', async () => {
    if (!site.built) return;
    const { page, close } = await open('countries/', { width: 320, height: 640 });
    try {
      const hidden = await page.$$eval('tbody td', (cells) =>
        cells.filter((c) => {
          const r = c.getBoundingClientRect();
          return r.width === 0 || r.right > document.documentElement.clientWidth;
        }).length,
      );
      expect(hidden).toBe(0);
      expect(await page.locator('thead th[data-sortable] button').first().isVisible()).toBe(true);
    } finally {
      await close();
    }
  });

  test('without JavaScript: the full table, ordered by country, and no dead buttons', async () => {
    if (!site.built) return;
    const { page, close } = await open('countries/', { width: 320, height: 640, javaScript: false });
    try {
      expect(await page.locator('thead button').count()).toBe(0);
      expect(await page.locator('tbody tr').count()).toBeGreaterThan(10);
      expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    } finally {
      await close();
    }
  });
});

describe('heading anchors', () => {
  test('the copy button copies the section address and says so', async () => {
    if (!site.built) return;
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.server.url).origin });
    const page = await context.newPage();
    try {
      await page.goto(`${site.server.url}countries/italy/`, { waitUntil: 'networkidle' });
      const button = page.locator('button[data-copy-link="events"]');
      await button.waitFor({ state: 'visible' });
      expect(await button.getAttribute('aria-labelledby')).toBe('events-copy events');
      await button.click();
      await expect.poll(() => page.evaluate(() => navigator.clipboard.readText()), { timeout: 10_000 }).toBe(`${site.server.url}countries/italy/#events`);
      await expect.poll(() => page.locator('#events').locator('xpath=..').locator('[role="status"]').textContent(), { timeout: 10_000 }).toBe('Link copied');
    } finally {
      await context.close();
    }
  });

  test('without JavaScript each heading is a plain link to its anchor and the button is hidden', async () => {
    if (!site.built) return;
    const { page, close } = await open('what-they-are/', { width: 320, height: 640, javaScript: false });
    try {
      const heading = page.locator('.heading-link > h2').first();
      const id = await heading.getAttribute('id');
      expect(await heading.locator('a').getAttribute('href')).toBe(`#${id}`);
      expect(await page.locator('.heading-link__copy').first().isVisible()).toBe(false);
    } finally {
      await close();
    }
  });
});
