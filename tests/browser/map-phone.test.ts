// The map on phones and for keyboards, print and dark mode, on /how-countries-responded/ (the map in responses view,
// with the timeline below): the Europe panel's sizes and taps, where the details open, the hover label, the search's
// everyday names, arrow-key directions, the chapter's Tab budget, the greys in both themes, and the printout.
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { useBuiltSite, SCREENSHOT_DIR } from '../helpers/site-suite.ts';

const CHAPTER = 'how-countries-responded/';
const site = useBuiltSite(`${CHAPTER}index.html`);

const MAP = 'figure[data-map]';
const WORLD = `${MAP} svg[data-map-svg]`;
const INSET = `${MAP} svg[data-map-inset]`;
const DETAILS = `${MAP} [data-map-tooltip]`;
const HOVER = `${MAP} [data-map-hover]`;

/** Smallest box, in CSS px, a country on the Europe panel may have at 390 px: a fingertip, with room to aim. */
const MIN_TAP_PX = 16;
/** The map itself: two view buttons, search, one country, the open details' close button and country link, the table. */
const MAP_TAB_BUDGET = 7;
/** The whole chapter, top to footer: the notes' and citations' links are behind one control (Notes.astro, Cite.astro). */
const CHAPTER_TAB_BUDGET = 150;
const PRINT_PAGE_BUDGET = 30;

interface CountryCountRow {
  iso3: string;
  country: string;
}
const countryCounts = JSON.parse(readFileSync(path.resolve(process.env['DATA_DIR'] ?? 'data', 'country_counts.json'), 'utf8')) as CountryCountRow[];
const nameOf = new Map(countryCounts.map((row) => [row.iso3, row.country]));

/** Council of Europe members and Belarus: "European" for the panel, whatever the data holds. */
const EUROPE = new Set(
  'ALB AND ARM AUT AZE BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GEO GRC HRV HUN IRL ISL ITA LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU SMR SRB SVK SVN SWE TUR UKR'.split(' '),
);
/** Drawn on the Europe panel only where it reaches into it; Russia is in the data, but mostly in Asia. */
const EUROPEAN_WITH_DATA = countryCounts.filter((row) => EUROPE.has(row.iso3)).map((row) => row.iso3);

async function open(width: number, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await site.browser.newContext({ viewport: { width, height: width < 768 ? 844 : 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.server.url}${CHAPTER}`, { waitUntil: 'load' });
  if (options.javaScriptEnabled !== false) await page.waitForSelector(`${MAP} [data-map-controls]:not([hidden])`, { state: 'visible' });
  return { context, page, errors };
}

/** Waits until the page has stopped scrolling (a smooth scrollIntoView takes a few hundred ms). */
async function settleScroll(page: Page): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const y = await page.evaluate(() => window.scrollY);
    if (y === last) return;
    last = y;
    await page.waitForTimeout(100);
  }
}

async function details(page: Page): Promise<{ visible: boolean; heading: string }> {
  const panel = page.locator(DETAILS);
  const visible = await panel.isVisible();
  return { visible, heading: visible ? ((await panel.locator('h3').textContent()) ?? '').trim() : '' };
}

/** Each European country with data on the Europe panel: its box, and a point on screen that is that country's. */
async function insetCountries(page: Page): Promise<{ iso3: string; width: number; height: number; point: { x: number; y: number } | null }[]> {
  await page.locator(INSET).scrollIntoViewIfNeeded();
  return page.evaluate(
    ({ inset, wanted }) =>
      wanted.map((iso3) => {
        const path = document.querySelector<SVGPathElement>(`${inset} path[data-iso3="${iso3}"]`);
        if (!path) return { iso3, width: 0, height: 0, point: null };
        const box = path.getBoundingClientRect();
        // The point of the country nearest the middle of its box that is the country on screen (not a marker, a
        // label or a neighbour): the middle itself for most, a point on the crescent for Croatia.
        let point: { x: number; y: number } | null = null;
        let best = Infinity;
        const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
        for (let i = 1; i < 24; i++) {
          for (let j = 1; j < 24; j++) {
            const [x, y] = [box.x + (box.width * i) / 24, box.y + (box.height * j) / 24];
            if (document.elementFromPoint(x, y) !== path) continue;
            const d = Math.hypot(x - cx, y - cy);
            if (d < best) [best, point] = [d, { x, y }];
          }
        }
        return { iso3, width: box.width, height: box.height, point };
      }),
    { inset: INSET, wanted: EUROPEAN_WITH_DATA },
  );
}

describe('Europe panel on a 390 px phone', () => {
  test(`every European country with data is at least ${MIN_TAP_PX}×${MIN_TAP_PX} px, and the world view is kept`, async () => {
    expect(EUROPEAN_WITH_DATA.length, 'data/ has European countries').toBeGreaterThan(0);
    const { context, page, errors } = await open(390, { hasTouch: true, isMobile: true });
    try {
      expect(await page.locator(WORLD).isVisible(), 'the world view is still there').toBe(true);
      expect(await page.locator(INSET).isVisible(), 'the Europe panel is shown on phones').toBe(true);
      const countries = await insetCountries(page);
      const sizes = countries.map((c) => `${c.iso3} ${c.width.toFixed(1)}×${c.height.toFixed(1)}`);
      const smallest = [...countries].sort((a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height))[0]!;
      console.log(`Europe panel at 390 px: smallest ${smallest.iso3} ${smallest.width.toFixed(1)}×${smallest.height.toFixed(1)} px; ${sizes.join(', ')}`);
      for (const c of countries) {
        expect(c.width, `${nameOf.get(c.iso3)} width on the Europe panel`).toBeGreaterThanOrEqual(MIN_TAP_PX);
        expect(c.height, `${nameOf.get(c.iso3)} height on the Europe panel`).toBeGreaterThanOrEqual(MIN_TAP_PX);
      }
      await page.locator(MAP).screenshot({ path: path.join(SCREENSHOT_DIR, 'map-phone-390.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('tapping each European country opens its own details, in a panel under the map that covers nothing', async () => {
    const { context, page, errors } = await open(390, { hasTouch: true, isMobile: true });
    try {
      const misses: string[] = [];
      for (const c of await insetCountries(page)) {
        expect(c.point, `${nameOf.get(c.iso3)} has a point of its own on screen`).not.toBeNull();
        // Opening details may scroll them into view (smoothly): measure again once the page is still.
        await page.locator(INSET).scrollIntoViewIfNeeded();
        await settleScroll(page);
        const [again] = await insetCountries(page).then((all) => all.filter((x) => x.iso3 === c.iso3));
        await page.touchscreen.tap(again!.point!.x, again!.point!.y);
        await expect.poll(async () => (await details(page)).visible, { message: `tap on ${c.iso3} opens details` }).toBe(true);
        const heading = (await details(page)).heading;
        if (!heading.startsWith(nameOf.get(c.iso3)!)) misses.push(`${c.iso3}: opened "${heading}"`);
      }
      expect(misses, 'taps that opened another country').toEqual([]);

      // The details sit under the Europe panel, in the flow: they cover neither map, and the note moves down.
      const boxes = await page.evaluate(
        ({ map, panel }) => {
          const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect().toJSON() as DOMRect;
          return { world: box(`${map} svg[data-map-svg]`), inset: box(`${map} svg[data-map-inset]`), panel: box(panel), note: box(`${map} .map__note`), position: getComputedStyle(document.querySelector(panel)!).position };
        },
        { map: MAP, panel: DETAILS },
      );
      expect(boxes.position, 'in the flow of the page, not floating over it').toBe('relative');
      expect(boxes.panel.top, 'details start below the Europe panel').toBeGreaterThanOrEqual(boxes.inset.bottom);
      expect(boxes.panel.top).toBeGreaterThanOrEqual(boxes.world.bottom);
      expect(boxes.note.top, 'the text below flows under the details').toBeGreaterThanOrEqual(boxes.panel.bottom);
      // Its close button is inside it, not floating somewhere over the map.
      const close = (await page.locator(`${DETAILS} .map__tooltip-close`).boundingBox())!;
      expect(close.y).toBeGreaterThanOrEqual(boxes.panel.top - 1);
      expect(close.y + close.height).toBeLessThanOrEqual(boxes.panel.bottom + 1);
      await page.locator(MAP).screenshot({ path: path.join(SCREENSHOT_DIR, 'map-phone-390-details.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('the details list a country’s sources without making each one a tab stop', async () => {
    const { context, page } = await open(390, { hasTouch: true, isMobile: true });
    try {
      // The United States has the most sources; any country will do when the data has no US row.
      await page.locator(`${MAP} [data-map-search]`).fill(nameOf.get('USA') ?? countryCounts[0]!.country);
      await page.locator(`${MAP} [data-map-search]`).press('Enter');
      await expect.poll(async () => (await details(page)).visible).toBe(true);
      const links = await page.evaluate((panel) => {
        const all = [...document.querySelectorAll<HTMLAnchorElement>(`${panel} a[href]`)];
        return { total: all.length, tabbable: all.filter((a) => a.tabIndex >= 0).length };
      }, DETAILS);
      expect(links.total, 'source links are there to click').toBeGreaterThan(1);
      expect(links.tabbable, 'one tab stop: the link to the country page').toBeLessThanOrEqual(1);
    } finally {
      await context.close();
    }
  });
});

describe('desktop, 1280 px', () => {
  test('no Europe panel; the details card sits away from the country and the hover label lets the pointer through', async () => {
    const { context, page, errors } = await open(1280);
    try {
      expect(await page.locator(INSET).isVisible(), 'the Europe panel is for narrow screens').toBe(false);
      const world = page.locator(WORLD);
      await world.scrollIntoViewIfNeeded();
      const centre = async (iso3: string) => {
        const box = (await page.locator(`${WORLD} path[data-iso3="${iso3}"]`).boundingBox())!;
        const [x, y] = (await page.locator(`${WORLD} path[data-iso3="${iso3}"]`).getAttribute('data-c'))!.split(' ').map(Number);
        const svgBox = (await world.boundingBox())!;
        const viewBox = (await world.getAttribute('viewBox'))!.split(' ').map(Number);
        const scale = svgBox.width / viewBox[2]!;
        return { x: svgBox.x + x! * scale, y: svgBox.y + y! * scale, box };
      };
      // Hover France, then move east onto its neighbour: the label follows and never blocks the way.
      const france = await centre('FRA');
      await page.mouse.move(france.x, france.y);
      await expect.poll(async () => page.locator(HOVER).isVisible()).toBe(true);
      expect(await page.locator(HOVER).textContent()).toContain(nameOf.get('FRA'));
      expect(await page.locator(HOVER).evaluate((el) => getComputedStyle(el).pointerEvents)).toBe('none');
      const label = (await page.locator(HOVER).boundingBox())!;
      const inside = (p: { x: number; y: number }) => p.x >= label.x && p.x <= label.x + label.width && p.y >= label.y && p.y <= label.y + label.height;
      expect(inside(france), 'the label is not under the pointer').toBe(false);
      const italy = await centre('ITA');
      await page.mouse.move(italy.x, italy.y, { steps: 8 });
      await expect.poll(async () => page.locator(HOVER).textContent()).toContain(nameOf.get('ITA'));

      // Click: the card opens in the top corner away from the country and covers none of it.
      await page.mouse.click(italy.x, italy.y);
      await expect.poll(async () => (await details(page)).heading).toContain(nameOf.get('ITA'));
      const card = (await page.locator(DETAILS).boundingBox())!;
      const overlaps = (a: { x: number; y: number; width: number; height: number }, b: typeof a) =>
        a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
      for (const neighbour of ['ITA', 'FRA', 'AUT', 'HRV', 'DEU']) {
        if (!nameOf.has(neighbour)) continue;
        const box = (await centre(neighbour)).box;
        expect(overlaps(card, box), `the details card covers ${neighbour}`).toBe(false);
      }
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'map-details-1280.png') });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('search understands everyday names', () => {
  const cases: [string, string][] = [
    ['UK', 'GBR'],
    ['Britain', 'GBR'],
    ['Great Britain', 'GBR'],
    ['England', 'GBR'],
    ['Scotland', 'GBR'],
    ['USA', 'USA'],
    ['US', 'USA'],
    ['America', 'USA'],
    ['United States', 'USA'],
    ['Czechia', 'CZE'],
    ['Korea', 'KOR'],
    ['South Korea', 'KOR'],
    ['Holland', 'NLD'],
  ];

  test.each([390, 1280])('at %i px, each name focuses its country and opens it; unknown names say so', async (width) => {
    const { context, page, errors } = await open(width);
    try {
      const search = page.locator(`${MAP} [data-map-search]`);
      for (const [query, iso3] of cases.filter(([, code]) => nameOf.has(code))) {
        await search.fill(query);
        await search.press('Enter');
        await expect.poll(async () => page.evaluate(() => document.activeElement?.getAttribute('data-iso3')), { message: `"${query}"` }).toBe(iso3);
        expect((await details(page)).heading, `"${query}" opens ${iso3}`).toContain(nameOf.get(iso3)!);
      }
      const status = page.locator(`${MAP} [data-map-search-status]`);
      for (const query of ['Belgium', 'Atlantis']) {
        await search.fill(query);
        await search.press('Enter');
        await expect.poll(async () => status.textContent(), { message: `"${query}" says nothing matched` }).toContain(query);
        expect(await status.isVisible()).toBe(true);
        expect(await search.evaluate((el) => el === document.activeElement), 'focus stays in the search box').toBe(true);
      }
      expect(await status.getAttribute('aria-live')).toBe('polite');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('arrow keys move in the direction pressed', () => {
  test('from several countries, each arrow goes to a country that way (Up is north)', async () => {
    const { context, page, errors } = await open(1280);
    try {
      const centreOf = (iso3: string) => page.locator(`${WORLD} path[data-iso3="${iso3}"]`).getAttribute('data-c').then((c) => c!.split(' ').map(Number) as [number, number]);
      const moves: Record<string, [number, number]> = { ArrowUp: [0, -1], ArrowDown: [0, 1], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
      let tested = 0;
      for (const start of ['ITA', 'DEU', 'HUN', 'USA', 'BRA', 'ZAF'].filter((iso3) => nameOf.has(iso3))) {
        for (const [key, [dx, dy]] of Object.entries(moves)) {
          await page.locator(`${WORLD} path[data-iso3="${start}"]`).focus();
          await page.keyboard.press(key);
          const now = await page.evaluate(() => document.activeElement?.getAttribute('data-iso3') ?? null);
          expect(now, `${key} from ${start} leaves focus on a country`).not.toBeNull();
          if (now === start) continue; // nothing further that way
          const [[x0, y0], [x1, y1]] = [await centreOf(start), await centreOf(now!)];
          expect((x1 - x0) * dx + (y1 - y0) * dy, `${key} from ${start} went to ${now}`).toBeGreaterThan(0);
          tested++;
        }
      }
      expect(tested, 'most presses moved').toBeGreaterThan(12);
      // Up from Italy goes north, and Down from there comes back south.
      await page.locator(`${WORLD} path[data-iso3="ITA"]`).focus();
      await page.keyboard.press('ArrowUp');
      const north = await page.evaluate(() => document.activeElement?.getAttribute('data-iso3'));
      expect((await centreOf(north!))[1]).toBeLessThan((await centreOf('ITA'))[1]);
      // The order is stated to the reader.
      const hint = await page.locator(`${MAP} [id$="-hint"]`).textContent();
      expect(hint).toMatch(/north/i);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

/** Presses Tab from the top of the page until focus reaches the footer or leaves the page. */
async function tabsToCross(page: Page, limit: number): Promise<{ presses: number; inMap: number }> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let inMap = 0;
  for (let presses = 1; presses <= limit; presses++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate((map) => {
      const element = document.activeElement;
      return { out: !element || element === document.body || !!element.closest('footer'), map: !!element?.closest(map) };
    }, MAP);
    if (where.map) inMap++;
    if (where.out) return { presses, inMap };
  }
  return { presses: Infinity, inMap };
}

describe('keyboard', () => {
  test(`chapter 4 can be crossed with at most ${CHAPTER_TAB_BUDGET} Tab presses, at most ${MAP_TAB_BUDGET} of them in the map`, async () => {
    const { context, page } = await open(1280);
    try {
      const { presses, inMap } = await tabsToCross(page, 800);
      console.log(`chapter 4: ${presses} Tab presses from the top to the footer, ${inMap} in the map`);
      expect(presses, 'focus reaches the footer').toBeLessThan(Infinity);
      expect(presses, 'Tab presses from the top of the page to the footer').toBeLessThanOrEqual(CHAPTER_TAB_BUDGET);
      expect(inMap, 'tab stops in the map').toBeLessThanOrEqual(MAP_TAB_BUDGET);
    } finally {
      await context.close();
    }
  });
});

/** WCAG 2 contrast of two computed rgb() colours. */
function contrast(a: string, b: string): number {
  const lum = (rgb: string) => {
    const [r, g, bl] = (rgb.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the response map’s greys stay apart', () => {
  test.each(['light', 'dark'] as const)('%s: nothing known, none reported, China and the sea', async (colorScheme) => {
    const { context, page } = await open(1280, { colorScheme });
    try {
      const fills = await page.evaluate((world) => {
        const fill = (selector: string) => {
          const element = document.querySelector(`${world} ${selector}`);
          return element ? getComputedStyle(element).fill : null;
        };
        return {
          view: document.querySelector('figure[data-map]')?.getAttribute('data-view'),
          nothingKnown: fill('path.r-nothing-known'),
          land: fill('path.map__land'),
          china: fill('path.not-applicable'),
          sea: getComputedStyle(document.body).backgroundColor,
        };
      }, WORLD);
      expect(fills.view).toBe('responses');
      expect(fills.nothingKnown, 'a country with stations and no known response').not.toBeNull();
      console.log(`${colorScheme}: nothing known ${fills.nothingKnown}, none reported ${fills.land}, sea ${fills.sea}, China ${fills.china}`);
      expect(contrast(fills.nothingKnown!, fills.land!), '"Nothing known" against "None reported"').toBeGreaterThanOrEqual(3);
      expect(contrast(fills.land!, fills.sea), '"None reported" (land) against the sea').toBeGreaterThanOrEqual(1.25);
      expect(fills.china, 'China is patterned, not a fourth grey').toMatch(/^url\(/);
      // Legend swatches are SVG paths filled like the map, so they print without background graphics.
      const swatches = await page.evaluate(() =>
        [...document.querySelectorAll('figure[data-map] [data-legend="responses"] .swatch')].map((s) => ({ tag: s.tagName.toLowerCase(), fill: s.querySelector('path') ? getComputedStyle(s.querySelector('path')!).fill : '' })),
      );
      expect(swatches.length).toBeGreaterThan(3);
      for (const swatch of swatches) {
        expect(swatch.tag).toBe('svg');
        expect(swatch.fill).not.toBe('none');
      }
      await page.locator(MAP).screenshot({ path: path.join(SCREENSHOT_DIR, `map-responses-1280-${colorScheme}.png`) });
    } finally {
      await context.close();
    }
  });
});

/** Pages of a PDF made by Chromium, each with its count of text and drawing operators (0 and 0: a blank page). */
function pdfPages(pdf: Buffer): { text: number; drawing: number }[] {
  const source = pdf.toString('latin1');
  const streams = new Map<string, string>();
  for (const match of source.matchAll(/(\d+) 0 obj\s*<<((?:(?!endobj)[\s\S])*?)>>\s*stream\r?\n/g)) {
    const length = Number(/\/Length (\d+)/.exec(match[2]!)?.[1] ?? 0);
    const start = match.index! + match[0].length;
    const raw = pdf.subarray(start, start + length);
    streams.set(match[1]!, match[2]!.includes('FlateDecode') ? inflateSync(raw).toString('latin1') : raw.toString('latin1'));
  }
  return [...source.matchAll(/\/Type \/Page\b(?!s)((?:(?!endobj)[\s\S])*)/g)].map((page) => {
    const contents = [...(/\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(page[1]!)?.[1] ?? '').matchAll(/(\d+) 0 R/g)].map((m) => streams.get(m[1]!) ?? '');
    const ops = contents.join('\n');
    return { text: (ops.match(/\bT[Jj]\b/g) ?? []).length, drawing: (ops.match(/\b(re|f|S|Do)\b/g) ?? []).length };
  });
}

describe('print', () => {
  test(`chapter 4 prints on at most ${PRINT_PAGE_BUDGET} A4 pages with no blank page, the map with its key, source line and table`, async () => {
    const { context, page } = await open(1280);
    try {
      await page.emulateMedia({ media: 'print' });
      const state = await page.evaluate((map) => {
        const figure = document.querySelector(map)!;
        const visible = (element: Element | null) => !!element && element.getBoundingClientRect().height > 0 && getComputedStyle(element).visibility !== 'hidden';
        return {
          table: visible(figure.querySelector('table[data-map-table] tbody tr')),
          note: visible(figure.querySelector('.map__note')),
          swatches: [...figure.querySelectorAll(`[data-legend="${figure.getAttribute('data-view')}"] .swatch`)].filter((s) => s.tagName.toLowerCase() === 'svg' && visible(s)).length,
          controls: visible(figure.querySelector('[data-map-controls]')),
        };
      }, MAP);
      expect(state.table, 'the table prints although its <details> is closed').toBe(true);
      expect(state.note, 'the source line prints').toBe(true);
      expect(state.swatches, 'the key prints as SVG swatches').toBeGreaterThan(3);
      expect(state.controls, 'buttons and search do not print').toBe(false);

      const pages = pdfPages(await page.pdf({ format: 'A4' }));
      const blank = pages.map((p, i) => (p.text === 0 && p.drawing === 0 ? i + 1 : 0)).filter(Boolean);
      console.log(`chapter 4 prints on ${pages.length} A4 pages; blank: ${blank.join(', ') || 'none'}`);
      expect(blank, 'blank pages').toEqual([]);
      expect(pages.length).toBeLessThanOrEqual(PRINT_PAGE_BUDGET);
    } finally {
      await context.close();
    }
  });
});
