// Exercises the front-page world map in a real browser: keyboard, hover, search, view switch, axe and the no-JS map.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { formatAxe, useBuiltSite, SCREENSHOT_DIR, AXE_TAGS, WIDTHS } from '../helpers/site-suite.ts';

const site = useBuiltSite('index.html');

interface CountryCountRow {
  iso3: string;
  country: string;
  first_report: number | null;
  second_report: number | null;
  verified: boolean;
}
const countryCounts = JSON.parse(readFileSync(path.resolve(process.env['DATA_DIR'] ?? 'data', 'country_counts.json'), 'utf8')) as CountryCountRow[];
const nameOf = new Map(countryCounts.map((row) => [row.iso3, row.country]));

/**
 * The country a reader would search for, computed from data/: the verified country with the highest count, skipping
 * names that begin another country's name (so typing it cannot match two countries).
 */
const SEARCHED = (() => {
  const latest = (row: CountryCountRow): number => row.second_report ?? row.first_report ?? 0;
  const unambiguous = countryCounts.filter(
    (row) => !countryCounts.some((other) => other !== row && other.country.toLowerCase().startsWith(row.country.toLowerCase())),
  );
  const ranked = [...unambiguous].sort((a, b) => Number(b.verified) - Number(a.verified) || latest(b) - latest(a) || a.iso3.localeCompare(b.iso3));
  const row = ranked[0];
  if (!row) throw new Error('data/country_counts.json has no country to search for');
  return { iso3: row.iso3, name: row.country };
})();

const MAP = 'figure#world-map';
const TOOLTIP = `${MAP} [data-map-tooltip]`;

/** Opens the front page in a fresh context and records uncaught script errors, which every test asserts are absent. */
async function openFront(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(site.server.url, { waitUntil: 'load' });
  if (options.javaScriptEnabled !== false) {
    // The script has run once the controls are un-hidden and the countries are focusable.
    await page.waitForSelector(`${MAP} [data-map-controls]:not([hidden])`, { state: 'visible' });
  }
  return { context, page, errors };
}

/** The focused element, described for assertions: its iso3 if it is a map country, and whether it is inside the svg. */
async function focused(page: Page): Promise<{ iso3: string | null; inSvg: boolean; tag: string; searchInput: boolean }> {
  return page.evaluate((map) => {
    const element = document.activeElement;
    const svg = document.querySelector(`${map} svg[data-map-svg]`);
    return {
      iso3: element?.getAttribute('data-iso3') ?? null,
      inSvg: !!(element && svg?.contains(element)),
      tag: element?.tagName.toLowerCase() ?? '',
      searchInput: element?.matches('[data-map-search]') ?? false,
    };
  }, MAP);
}

async function tooltipState(page: Page): Promise<{ visible: boolean; heading: string }> {
  const tooltip = page.locator(TOOLTIP);
  const visible = await tooltip.isVisible();
  const heading = visible ? ((await tooltip.locator('h3').textContent()) ?? '').trim() : '';
  return { visible, heading };
}


/** Uses the search box to focus a country, the way a reader would: type the name, press Enter. */
async function searchFor(page: Page, name: string): Promise<void> {
  const search = page.locator(`${MAP} [data-map-search]`);
  await search.fill(name);
  await search.press('Enter');
}

describe('map with JavaScript', () => {
  test('Tab from the element before the map lands on exactly one country (one tab stop)', async () => {
    const { context, page, errors } = await openFront();
    try {
      const data = page.locator(`${MAP} svg[data-map-svg] path[data-iso3]`);
      expect(await data.count()).toBe(countryCounts.length);
      expect(await page.locator(`${MAP} svg[data-map-svg] path[data-iso3][tabindex="0"]`).count(), 'exactly one country has tabindex=0').toBe(1);
      expect(await page.locator(`${MAP} svg[data-map-svg] path[data-iso3][tabindex="-1"]`).count()).toBe(countryCounts.length - 1);

      // The search box is the last focusable element before the map; Tab from it must land on a country,
      // not on the <svg> itself (an extra, invisible-purpose tab stop).
      await page.locator(`${MAP} [data-map-search]`).focus();
      await page.keyboard.press('Tab');
      const first = await focused(page);
      expect(first.iso3, `Tab from the search box focused <${first.tag}>${first.inSvg ? ' inside the map' : ''}, not a country`).not.toBeNull();
      expect(first.inSvg).toBe(true);
      const firstTooltip = await tooltipState(page);
      expect(firstTooltip.visible, 'focusing a country shows its tooltip').toBe(true);
      expect(firstTooltip.heading).toContain(nameOf.get(first.iso3!)!);

      // One tab stop: Tab again leaves the map's countries; Shift+Tab from the country returns to the search box.
      await page.keyboard.press('Tab');
      const after = await focused(page);
      expect(after.inSvg, `second Tab stayed in the map on <${after.tag}> ${after.iso3 ?? ''}`).toBe(false);
      await page.locator(`${MAP} svg path[data-iso3="${first.iso3}"]`).focus();
      await page.keyboard.press('Shift+Tab');
      const back = await focused(page);
      expect(back.searchInput, `Shift+Tab from the country went to <${back.tag}>, not the search box`).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('arrow keys move focus between countries and the tooltip follows; Esc hides it', async () => {
    const { context, page, errors } = await openFront();
    try {
      // Start where the roving tabindex says the map's tab stop is.
      await page.locator(`${MAP} svg path[data-iso3][tabindex="0"]`).focus();
      const first = await focused(page);
      expect(first.iso3).not.toBeNull();
      await expect.poll(async () => (await tooltipState(page)).heading).toContain(nameOf.get(first.iso3!)!);

      await page.keyboard.press('ArrowRight');
      const second = await focused(page);
      expect(second.inSvg).toBe(true);
      expect(second.iso3).not.toBeNull();
      expect(second.iso3).not.toBe(first.iso3);
      expect(await page.locator(`${MAP} svg path[tabindex="0"]`).getAttribute('data-iso3'), 'roving tabindex follows focus').toBe(second.iso3);
      expect(await page.locator(`${MAP} svg path[tabindex="0"]`).count()).toBe(1);
      await expect.poll(async () => (await tooltipState(page)).heading).toContain(nameOf.get(second.iso3!)!);

      await page.keyboard.press('ArrowLeft');
      expect((await focused(page)).iso3, 'ArrowLeft goes back').toBe(first.iso3);
      await page.keyboard.press('End');
      const last = await focused(page);
      expect(last.iso3).not.toBe(first.iso3);
      await page.keyboard.press('Home');
      expect((await focused(page)).iso3, 'Home goes to the first (westernmost) country').toBe(first.iso3);

      await page.keyboard.press('Escape');
      await expect.poll(async () => (await tooltipState(page)).visible, { message: 'Esc hides the tooltip' }).toBe(false);
      expect((await focused(page)).iso3, 'focus stays on the country after Esc').toBe(first.iso3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('hovering a country labels it beside the pointer; a click opens its details, which stay open while the pointer is on them', async () => {
    const { context, page, errors } = await openFront();
    try {
      // The largest country whose centre is on its own shape (not a marker, not a neighbour), found in the page
      // rather than named here, since data/ decides which countries are drawn.
      await page.locator(`${MAP} svg[data-map-svg]`).scrollIntoViewIfNeeded();
      const iso3 = await page.evaluate((map) => {
        let best: { iso3: string; area: number } | null = null;
        for (const path of document.querySelectorAll<SVGPathElement>(`${map} svg[data-map-svg] path[data-iso3]`)) {
          const box = path.getBoundingClientRect();
          const [x, y] = [box.x + box.width / 2, box.y + box.height / 2];
          if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) continue;
          const hit = document.elementFromPoint(x, y);
          if (hit === path && (!best || box.width * box.height > best.area)) best = { iso3: path.dataset['iso3'] ?? '', area: box.width * box.height };
        }
        return best?.iso3 ?? null;
      }, MAP);
      expect(iso3, 'a country whose centre is on its own shape').not.toBeNull();
      const name = nameOf.get(iso3!)!;
      await page.locator(`${MAP} svg path[data-iso3="${iso3}"]`).hover();
      // Hover: a small label beside the pointer that the pointer passes through, so neighbours stay hoverable.
      const hover = page.locator(`${MAP} [data-map-hover]`);
      await expect.poll(async () => hover.isVisible()).toBe(true);
      expect(await hover.textContent()).toContain(name);
      expect(await hover.evaluate((element) => getComputedStyle(element).pointerEvents)).toBe('none');
      expect((await tooltipState(page)).visible, 'hover alone does not open the details').toBe(false);

      // Click: the details open, in the half of the map away from the country.
      await page.locator(`${MAP} svg path[data-iso3="${iso3}"]`).click();
      await expect.poll(async () => (await tooltipState(page)).heading).toContain(name);
      const box = await page.locator(TOOLTIP).boundingBox();
      expect(box).not.toBeNull();
      // One jump straight onto the details (no intermediate pointer events over other countries).
      await page.mouse.move(box!.x + box!.width / 2, box!.y + box!.height / 2);
      // Longer than the script's hide delay (300 ms), so details that were going to close have closed.
      await page.waitForTimeout(800);
      const onTooltip = await tooltipState(page);
      expect(onTooltip.visible, 'details stay open while the pointer is on them').toBe(true);
      expect(onTooltip.heading).toContain(name);

      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-tooltip-1280.png') });

      // Leaving the map hides the hover label; the details, opened by a click, stay until dismissed (Esc).
      await page.mouse.move(2, 2);
      await expect.poll(async () => hover.isVisible(), { message: 'hover label hides once the pointer leaves' }).toBe(false);
      expect((await tooltipState(page)).visible).toBe(true);
      await page.keyboard.press('Escape');
      await expect.poll(async () => (await tooltipState(page)).visible, { message: 'Esc closes the details' }).toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the responses button switches the view and its legend', async () => {
    const { context, page, errors } = await openFront();
    try {
      const figure = page.locator(MAP);
      const stationsButton = figure.locator('[data-view-button="stations"]');
      const responsesButton = figure.locator('[data-view-button="responses"]');
      expect(await figure.getAttribute('data-view')).toBe('stations');
      expect(await stationsButton.getAttribute('aria-pressed')).toBe('true');
      expect(await responsesButton.getAttribute('aria-pressed')).toBe('false');
      expect(await figure.locator('[data-legend="stations"]').isVisible()).toBe(true);
      expect(await figure.locator('[data-legend="responses"]').isVisible()).toBe(false);

      await responsesButton.click();
      expect(await responsesButton.getAttribute('aria-pressed')).toBe('true');
      expect(await stationsButton.getAttribute('aria-pressed')).toBe('false');
      expect(await figure.getAttribute('data-view')).toBe('responses');
      expect(await figure.locator('[data-legend="responses"]').isVisible(), 'responses legend shown').toBe(true);
      expect(await figure.locator('[data-legend="stations"]').isVisible(), 'stations legend hidden').toBe(false);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test(`searching "${SEARCHED.name}" and pressing Enter focuses it and shows its tooltip`, async () => {
    const { context, page, errors } = await openFront();
    try {
      await searchFor(page, SEARCHED.name);
      // The match is worked out in a worker (src/scripts/map-search-worker.ts): focus moves when its answer arrives.
      await expect.poll(async () => (await focused(page)).iso3, { message: 'focus moves to the country searched for' }).toBe(SEARCHED.iso3);
      await expect.poll(async () => (await tooltipState(page)).heading).toContain(SEARCHED.name);
      expect(await page.locator(`${MAP} svg path[tabindex="0"]`).getAttribute('data-iso3')).toBe(SEARCHED.iso3);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  describe.each(WIDTHS)('axe at $width×$height', ({ width, height }) => {
    test.each(['closed', 'open'] as const)('tooltip %s: 0 violations', async (state) => {
      const { context, page } = await openFront({ viewport: { width, height } });
      try {
        if (state === 'open') {
          await searchFor(page, SEARCHED.name);
          await expect.poll(async () => (await tooltipState(page)).visible).toBe(true);
        } else {
          expect((await tooltipState(page)).visible).toBe(false);
        }
        if (width === 320 && state === 'closed') {
          await page.locator(MAP).screenshot({ path: path.join(SCREENSHOT_DIR, 'map-320.png') });
        }
        const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
        if (state === 'open') expect((await tooltipState(page)).visible, 'tooltip still open after axe ran').toBe(true);
        expect(axe.violations.length, `front page at ${width}px, tooltip ${state}\n${formatAxe(axe.violations)}\n`).toBe(0);
      } finally {
        await context.close();
      }
    });
  });
});

describe('map without JavaScript', () => {
  test('the full static map and table are there, and no controls are shown', async () => {
    const { context: jsContext, page: jsPage } = await openFront();
    const withJs = {
      paths: await jsPage.locator(`${MAP} svg[data-map-svg] path`).count(),
      dataPaths: await jsPage.locator(`${MAP} svg[data-map-svg] path[data-iso3]`).count(),
      markers: await jsPage.locator(`${MAP} svg[data-map-svg] g.map__markers circle`).count(),
    };
    await jsContext.close();

    const { context, page } = await openFront({ javaScriptEnabled: false });
    try {
      const svg = page.locator(`${MAP} svg[data-map-svg]`);
      expect(await svg.isVisible()).toBe(true);
      expect(await svg.getAttribute('role')).toBe('img');
      expect(await svg.locator('path').count()).toBe(withJs.paths);
      expect(await svg.locator('path[data-iso3]').count()).toBe(withJs.dataPaths);
      expect(withJs.dataPaths).toBe(countryCounts.length);
      expect(await svg.locator('g.map__markers circle').count()).toBe(withJs.markers);
      expect(await page.locator(`${MAP} table[data-map-table] tbody tr[data-iso3]`).count()).toBe(countryCounts.length);
      expect(await page.locator(`${MAP} [data-map-controls]`).isVisible(), 'controls hidden without JS').toBe(false);
      expect(await page.locator(`${MAP} [data-view-button]`).first().isVisible()).toBe(false);
      expect(await page.locator(`${MAP} [data-map-search]`).isVisible()).toBe(false);
      expect(await page.locator(TOOLTIP).isVisible()).toBe(false);
      expect(await page.locator(`${MAP} [data-legend="stations"]`).isVisible(), 'stations legend shown without JS').toBe(true);
      expect(await svg.locator('[tabindex]').count(), 'no focusable countries without JS').toBe(0);
    } finally {
      await context.close();
    }
  });
});
