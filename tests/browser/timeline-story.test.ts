// The narrated timeline on /how-countries-responded/ and the event log after it, in a real browser at 390 and
// 1280 px: one chart state per step (counted here, independently, from data/events.json and the chapter's MDX), the
// chart's size and labels on a phone, reduced motion, print, the log's filters and URL, and links to #event-….
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContextOptions, Page } from 'playwright-core';
import { useBuiltSite, SCREENSHOT_DIR } from '../helpers/site-suite.ts';
import { findTimelineSteps } from '../../src/lib/timeline/steps.ts';

const site = useBuiltSite('how-countries-responded/index.html');
const CHAPTER = 'how-countries-responded/';
const FIGURE = 'figure#timeline';
const STEPS = `${FIGURE} li.timeline__step`;
const LOG = '#event-log';

interface Event {
  id: string;
  date: string;
  iso3: string | null;
  actor: string;
  kind: string;
  title: string;
  verified: boolean;
  sources: string[];
}
const events = JSON.parse(readFileSync(path.resolve(process.env['DATA_DIR'] ?? 'data', 'events.json'), 'utf8')) as Event[];
const mdx = readFileSync(path.resolve('content/chapters/04-how-countries-responded.mdx'), 'utf8');
const steps = findTimelineSteps(mdx).map((step) => step.props as { until: string; highlight?: string; events?: string });

// --- What each step should show, worked out here from the data, without the site's code ------------------------

const parts = (date: string) => date.split('-').map(Number) as [number, number?, number?];
const startOf = (date: string) => {
  const [y, m = 1, d = 1] = parts(date);
  return Date.UTC(y, m - 1, d);
};
const endOf = (date: string) => {
  const [y, m, d] = parts(date);
  return d ? Date.UTC(y, m! - 1, d) : m ? Date.UTC(y, m, 0) : Date.UTC(y, 11, 31);
};
const firstReport = Math.min(...events.filter((e) => e.kind === 'report' && e.actor === 'ngo').map((e) => startOf(e.date)));
/** Countries whose own government had taken a verified step after the first report, by the end of `until`. */
const respondedBy = (until: string) =>
  new Set(
    events
      .filter((e) => e.verified && e.actor === 'host-government' && e.iso3 && endOf(e.date) >= firstReport && endOf(e.date) <= endOf(until))
      .map((e) => e.iso3!),
  );
/** How many events may have happened by the end of `until`: the marks drawn in full. */
const drawnBy = (until: string) => events.filter((e) => startOf(e.date) <= endOf(until)).length;
const years = [...new Set(events.map((e) => parts(e.date)[0]))].sort();

const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 900 },
] as const;

async function open(suffix = '', options: BrowserContextOptions = {}): Promise<{ page: Page; errors: string[]; close: () => Promise<void> }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.server.url}${CHAPTER}${suffix}`, { waitUntil: 'load' });
  if (options.javaScriptEnabled !== false) await page.waitForSelector(`${FIGURE}[data-enhanced]`, { state: 'attached' });
  return { page, errors, close: () => context.close() };
}

/** Scrolls step `i` to where a reader reads it: just below the chart on a phone, a little above the middle on a wide screen. */
async function showStep(page: Page, i: number): Promise<void> {
  await page.evaluate(
    ({ selector, i }) => {
      const step = document.querySelectorAll<HTMLElement>(selector)[i]!;
      const graphic = document.querySelector<HTMLElement>('[data-timeline-graphic]')!;
      const stacked = matchMedia('(max-width: 47.99rem)').matches;
      const target = stacked ? graphic.getBoundingClientRect().height + 24 : innerHeight * 0.4;
      scrollTo({ top: scrollY + step.getBoundingClientRect().top - target, behavior: 'instant' });
    },
    { selector: STEPS, i },
  );
  await expect.poll(() => page.locator(FIGURE).getAttribute('data-active'), { message: `step ${i} active` }).toBe(String(i));
}

/** What the chart shows now. */
function chartState(page: Page) {
  return page.evaluate((figure) => {
    const root = document.querySelector(figure)!;
    const bars = [...root.querySelectorAll('.timeline__bars rect')];
    const cells = [...root.querySelectorAll<SVGGElement>('g[data-c]')];
    return {
      count: root.querySelector('[data-timeline-count]')!.textContent!.trim(),
      drawn: bars.filter((bar) => !bar.classList.contains('f')).length,
      on: cells.filter((cell) => !cell.classList.contains('off')).map((cell) => cell.dataset['c']!).sort(),
      highlighted: cells.filter((cell) => cell.classList.contains('hl')).map((cell) => cell.dataset['c']!).sort(),
      ringed: [...root.querySelectorAll<SVGElement>('.timeline__cells .m')].map((mark) => Number(mark.dataset['i'])),
    };
  }, FIGURE);
}

describe('the narrated steps', () => {
  test('the chapter writes at most about a dozen steps, and the page has one per <TimelineStep>', async () => {
    expect(steps.length).toBeGreaterThanOrEqual(5);
    expect(steps.length).toBeLessThanOrEqual(12);
    const { page, close } = await open();
    try {
      expect(await page.locator(STEPS).count()).toBe(steps.length);
    } finally {
      await close();
    }
  });

  test.each(VIEWPORTS)('at $width px each step moves the chart to its date: events drawn, governments counted, countries outlined', async (viewport) => {
    const { page, errors, close } = await open('', { viewport });
    try {
      const ids = new Map([...events].map((e) => [e.id, e]));
      for (const [i, step] of steps.entries()) {
        await showStep(page, i);
        const state = await chartState(page);
        const responded = [...respondedBy(step.until)].sort();
        expect(state.count, `step ${i} (until ${step.until}): the counter`).toBe(String(responded.length));
        expect(state.on, `step ${i}: countries shown as having responded`).toEqual(responded);
        expect(state.drawn, `step ${i}: events drawn in full`).toBe(drawnBy(step.until));
        expect(state.highlighted, `step ${i}: outlined countries`).toEqual((step.highlight ?? '').split(' ').filter(Boolean).sort());
        expect(state.ringed.length, `step ${i}: ringed events`).toBe((step.events ?? '').split(' ').filter((id) => ids.has(id)).length);
        if (i === 3) await page.screenshot({ path: path.join(SCREENSHOT_DIR, `timeline-story-${viewport.width}.png`) });
      }
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('the counter leaves out host-government acts before the first report (the 2016 joint patrol)', () => {
    const early = events.filter((e) => e.actor === 'host-government' && e.verified && e.iso3 && endOf(e.date) < firstReport);
    expect(early.length, 'the data has such an act').toBeGreaterThan(0);
    const first = steps[0]!;
    expect(endOf(first.until)).toBeLessThan(firstReport);
    expect(respondedBy(first.until).size).toBe(0);
  });

  test('scrolling down the phone, the chart never covers the step it is showing, and the step only moves forward', async () => {
    const { page, errors, close } = await open('', { viewport: { width: 390, height: 844 } });
    try {
      const range = await page.evaluate((figure) => {
        const box = document.querySelector(figure)!.getBoundingClientRect();
        return { from: Math.round(scrollY + box.top), to: Math.round(scrollY + box.bottom) };
      }, FIGURE);
      let previous = -1;
      for (let y = range.from; y < range.to; y += 160) {
        await page.evaluate((top) => scrollTo({ top, behavior: 'instant' }), y);
        await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
        const state = await page.evaluate((selector) => {
          const active = Number(document.querySelector<HTMLElement>('figure#timeline')!.dataset['active']);
          const step = document.querySelectorAll(selector)[active]!.getBoundingClientRect();
          return { active, top: step.top, chartBottom: document.querySelector('[data-timeline-graphic]')!.getBoundingClientRect().bottom, last: document.querySelectorAll(selector).length - 1 };
        }, STEPS);
        expect(state.active, `at scroll ${y}`).toBeGreaterThanOrEqual(previous);
        if (state.active < state.last) expect(state.top, `at scroll ${y}, step ${state.active} starts under the chart`).toBeGreaterThanOrEqual(state.chartBottom - 2);
        previous = state.active;
      }
      expect(previous).toBe(steps.length - 1);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('the chart on a phone (390 × 844)', () => {
  test('takes at most 40% of the screen, with labels of 11 px or more and a legend', async () => {
    const { page, close } = await open('', { viewport: { width: 390, height: 844 } });
    try {
      await showStep(page, 2);
      const measured = await page.evaluate(() => {
        const graphic = document.querySelector('[data-timeline-graphic]')!;
        const svg = document.querySelector<SVGSVGElement>('svg[data-timeline-svg]')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        const labels = [...svg.querySelectorAll('text')].map((text) => ({ text: text.textContent, px: parseFloat(getComputedStyle(text).fontSize) * scale, shown: text.checkVisibility() }));
        const key = [...document.querySelectorAll<HTMLElement>('.timeline__key li')].map((li) => ({ px: parseFloat(getComputedStyle(li).fontSize), shown: li.checkVisibility() }));
        return { height: graphic.getBoundingClientRect().height, sticky: getComputedStyle(graphic).position, labels, key };
      });
      expect(measured.sticky).toBe('sticky');
      expect(measured.height, 'the sticky chart, counter and legend').toBeLessThanOrEqual(844 * 0.4);
      expect(measured.labels.filter((l) => !l.shown), 'every label is shown').toEqual([]);
      for (const label of measured.labels) expect(label.px, `label "${label.text}"`).toBeGreaterThanOrEqual(10.95);
      expect(measured.key.length).toBeGreaterThanOrEqual(7);
      for (const item of measured.key) {
        expect(item.shown).toBe(true);
        expect(item.px).toBeGreaterThanOrEqual(11);
      }
    } finally {
      await close();
    }
  });

  test('the axis labels every year from the first report on, and every country with an event has a named cell', async () => {
    const { page, close } = await open('', { viewport: { width: 390, height: 844 } });
    try {
      const axis = await page.locator(`${FIGURE} .timeline__axis text`).allTextContents();
      const cells = await page.locator(`${FIGURE} g[data-c]`).evaluateAll((gs) => gs.map((g) => (g as SVGGElement).dataset['c']));
      const reportYear = new Date(firstReport).getUTCFullYear();
      expect(axis).toEqual(expect.arrayContaining(years.filter((y) => y >= reportYear).map(String)));
      expect(new Set(cells)).toEqual(new Set(events.map((e) => e.iso3 ?? 'global')));
    } finally {
      await close();
    }
  });
});

describe('reduced motion', () => {
  test.each(VIEWPORTS)('at $width px: a stepper, no scroll-driven change and no animation; hidden steps stay findable', async (viewport) => {
    const { page, errors, close } = await open('', { viewport, reducedMotion: 'reduce' });
    try {
      const figure = page.locator(FIGURE);
      expect(await figure.getAttribute('data-mode')).toBe('stepper');
      expect(await page.locator('[data-timeline-graphic]').evaluate((g) => getComputedStyle(g).position)).not.toBe('sticky');
      expect(await figure.getAttribute('data-active')).toBe('0');
      // Scrolling moves nothing.
      await page.evaluate(() => scrollTo({ top: document.body.scrollHeight / 2, behavior: 'instant' }));
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      expect(await figure.getAttribute('data-active')).toBe('0');
      // Every other step is in the page, hidden until found, so find-in-page reaches its text.
      const hidden = await page.locator(STEPS).evaluateAll((lis) => lis.map((li) => li.getAttribute('hidden')));
      expect(hidden).toEqual(steps.map((_, i) => (i === 0 ? null : 'until-found')));
      await figure.locator('[data-step-next]').click();
      expect(await figure.getAttribute('data-active')).toBe('1');
      expect((await chartState(page)).count).toBe(String(respondedBy(steps[1]!.until).size));
      expect(await page.evaluate(() => document.getAnimations().length), 'no transitions run').toBe(0);
      // What the browser does when find-in-page matches text in a hidden step: the step is revealed and shown.
      const last = steps.length - 1;
      await page.locator(STEPS).nth(last).evaluate((li) => {
        li.removeAttribute('hidden');
        li.dispatchEvent(new Event('beforematch'));
      });
      expect(await figure.getAttribute('data-active')).toBe(String(last));
      expect(await figure.locator('[data-step-next]').isDisabled()).toBe(true);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, `timeline-story-stepper-${viewport.width}.png`) });
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });
});

describe('without JavaScript and in print', () => {
  test('without JavaScript every step is shown and the chart shows the whole story', async () => {
    const { page, close } = await open('', { javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
    try {
      const visible = await page.locator(STEPS).evaluateAll((lis) => lis.map((li) => (li as HTMLElement).checkVisibility()));
      expect(visible).toEqual(steps.map(() => true));
      const state = await chartState(page);
      expect(state.drawn).toBe(events.length);
      expect(state.count).toBe(String(respondedBy(events.map((e) => e.date).sort().at(-1)!).size));
    } finally {
      await close();
    }
  });

  test('printed: the whole story with its legend swatches as borders and its source line; every logged event prints', async () => {
    const { page, close } = await open('', { viewport: { width: 1280, height: 900 } });
    try {
      await showStep(page, 2);
      await page.emulateMedia({ media: 'print' });
      await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
      const printed = await page.evaluate(() => {
        const swatches = [...document.querySelectorAll('.timeline__key .timeline__swatch')].map((s) => getComputedStyle(s));
        return {
          sticky: getComputedStyle(document.querySelector('[data-timeline-graphic]')!).position,
          count: document.querySelector('[data-timeline-count]')!.textContent!.trim(),
          faded: document.querySelectorAll('figure#timeline svg .f').length,
          swatches: swatches.map((s) => [parseFloat(s.borderTopWidth), s.borderTopColor]),
          source: document.querySelector('.timeline__source')!.checkVisibility(),
          steps: [...document.querySelectorAll<HTMLElement>('figure#timeline .timeline__step')].every((li) => li.checkVisibility()),
          log: [...document.querySelectorAll<HTMLElement>('#event-log li[id]')].filter((li) => li.checkVisibility() && li.getBoundingClientRect().height > 0).length,
        };
      });
      expect(printed.sticky).not.toBe('sticky');
      expect(printed.count).toBe(String(respondedBy(events.map((e) => e.date).sort().at(-1)!).size));
      expect(printed.faded).toBe(0);
      for (const [width, colour] of printed.swatches) {
        expect(width).toBeGreaterThan(0);
        expect(colour).not.toMatch(/rgba\(0, 0, 0, 0\)|transparent/);
      }
      expect(new Set(printed.swatches.slice(0, 7).map(([, colour]) => colour)).size, 'seven different colours').toBe(7);
      expect(printed.source).toBe(true);
      expect(printed.steps).toBe(true);
      expect(printed.log).toBe(events.length);
    } finally {
      await close();
    }
  });
});

describe('dark mode', () => {
  test('the legend keeps seven different colours, different from the light ones', async () => {
    const swatches = async (colorScheme: 'light' | 'dark') => {
      const { page, close } = await open('', { colorScheme });
      try {
        return await page.locator(`${FIGURE} .timeline__key .timeline__swatch`).evaluateAll((els) => els.slice(0, 7).map((el) => getComputedStyle(el).borderTopColor));
      } finally {
        await close();
      }
    };
    const [light, dark] = [await swatches('light'), await swatches('dark')];
    expect(new Set(dark).size).toBe(7);
    expect(dark).not.toEqual(light);
  });
});

describe('the event log', () => {
  const byCountry = (() => {
    const counts = new Map<string, number>();
    for (const e of events) if (e.iso3) counts.set(e.iso3, (counts.get(e.iso3) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
  })();
  const logIds = (page: Page) => page.locator(`${LOG} li[id]`).evaluateAll((lis) => lis.filter((li) => !(li as HTMLElement).hidden).map((li) => li.id));

  test('without JavaScript: every event, grouped by year in closed <details> (find-in-page opens them), with its date, sources and anchor', async () => {
    const { page, close } = await open('', { javaScriptEnabled: false });
    try {
      const items = await page.locator(`${LOG} details[data-year] li[id]`).evaluateAll((lis) =>
        lis.map((li) => ({ id: li.id, year: li.closest('details')!.dataset['year'], text: li.textContent, date: li.querySelector('time')?.getAttribute('datetime'), sources: li.querySelectorAll('a[href*="/sources/#src-"]').length })),
      );
      expect(items.map((i) => i.id).sort()).toEqual(events.map((e) => `event-${e.id}`).sort());
      for (const event of events) {
        const item = items.find((i) => i.id === `event-${event.id}`)!;
        expect(item.text, event.id).toContain(event.title);
        expect(item.date).toBe(event.date);
        expect(item.year).toBe(String(parts(event.date)[0]));
        expect(item.sources, `${event.id}: a link per source`).toBe(event.sources.length);
      }
      expect(await page.locator(`${LOG} details[open]`).count(), 'years start closed').toBe(0);
      expect(await page.locator(`${LOG} [data-log-controls]`).isVisible(), 'no controls that need JavaScript').toBe(false);
    } finally {
      await close();
    }
  });

  test.each(VIEWPORTS)(`at $width px: filters by country (${byCountry}), kind and year and a text search, kept in the URL`, async (viewport) => {
    const { page, errors, close } = await open('', { viewport });
    try {
      const log = page.locator(LOG);
      await log.locator('select[name="country"]').selectOption(byCountry);
      await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe(byCountry);
      expect((await logIds(page)).sort()).toEqual(events.filter((e) => e.iso3 === byCountry).map((e) => `event-${e.id}`).sort());
      expect(await log.locator('details[data-year]:not([hidden])').evaluateAll((ds) => ds.every((d) => (d as HTMLDetailsElement).open))).toBe(true);

      const year = String(parts(events.find((e) => e.iso3 === byCountry)!.date)[0]);
      await log.locator('select[name="year"]').selectOption(year);
      await expect.poll(() => new URL(page.url()).searchParams.get('year')).toBe(year);
      expect((await logIds(page)).sort()).toEqual(events.filter((e) => e.iso3 === byCountry && e.date.startsWith(year)).map((e) => `event-${e.id}`).sort());

      await log.locator('[data-log-reset]').click();
      await expect.poll(() => new URL(page.url()).search).toBe('');
      expect((await logIds(page)).length).toBe(events.length);

      // Search: a word from one event's headline, typed in another case.
      const target = events.find((e) => /Prague/.test(e.title)) ?? events[0]!;
      const word = target.title.split(/\s+/).sort((a, b) => b.length - a.length)[0]!.replace(/[^\p{L}\p{N}]/gu, '');
      await log.locator('input[name="q"]').fill(word.toUpperCase());
      await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(word.toUpperCase());
      const found = await logIds(page);
      expect(found).toContain(`event-${target.id}`);
      expect(found.length).toBeLessThan(events.length);
      expect(await log.locator('[data-log-showing]').textContent()).toMatch(new RegExp(`${found.length}\\D+${events.length}`));

      await log.locator('select[name="kind"]').selectOption('charges');
      await log.locator('input[name="q"]').fill('');
      const charges = await logIds(page);
      expect(charges.length).toBe(events.filter((e) => ['arrest', 'charge', 'plea', 'conviction', 'sentence'].includes(e.kind)).length);
      expect(errors).toEqual([]);
    } finally {
      await close();
    }
  });

  test('a shared link reproduces the view: ?country=…&year=…&q=…', async () => {
    const event = events.find((e) => e.iso3 && e.verified)!;
    const year = String(parts(event.date)[0]);
    const { page, close } = await open(`?country=${event.iso3}&year=${year}&q=${encodeURIComponent(event.title.split(' ')[0]!)}`);
    try {
      expect(await page.locator(`${LOG} select[name="country"]`).inputValue()).toBe(event.iso3);
      expect(await page.locator(`${LOG} select[name="year"]`).inputValue()).toBe(year);
      expect(await logIds(page)).toContain(`event-${event.id}`);
      for (const id of await logIds(page)) {
        const e = events.find((x) => `event-${x.id}` === id)!;
        expect([e.iso3, String(parts(e.date)[0])]).toEqual([event.iso3, year]);
      }
    } finally {
      await close();
    }
  });

  test('a link to #event-… opens its year and shows it', async () => {
    const event = events[Math.floor(events.length / 2)]!;
    const { page, close } = await open(`#event-${event.id}`, { viewport: { width: 390, height: 844 } });
    try {
      const item = page.locator(`${LOG} li#event-${event.id}`);
      await expect.poll(() => item.evaluate((li) => (li.closest('details') as HTMLDetailsElement).open)).toBe(true);
      await expect.poll(() => item.isVisible()).toBe(true);
      await expect.poll(() => item.evaluate((li) => { const box = li.getBoundingClientRect(); return box.top >= 0 && box.top < innerHeight; })).toBe(true);
    } finally {
      await close();
    }
  });
});

describe('the embed at article widths', () => {
  test.each([600, 744])('/embed/timeline/ at %i px names every country on its chart, in labels of 11 px or more', async (width) => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${site.server.url}embed/timeline/`, { waitUntil: 'load' });
      const labels = await page.evaluate(() => {
        const svg = document.querySelector<SVGSVGElement>('svg[data-timeline-svg]')!;
        const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('g[data-c] text')].map((text) => ({ shown: text.checkVisibility(), px: parseFloat(getComputedStyle(text).fontSize) * scale }));
      });
      expect(labels.length).toBe(new Set(events.map((e) => e.iso3 ?? 'global')).size);
      for (const label of labels) {
        expect(label.shown).toBe(true);
        expect(label.px).toBeGreaterThanOrEqual(11);
      }
      expect(await page.locator('.timeline__key').isVisible()).toBe(true);
    } finally {
      await context.close();
    }
  });
});
