// Exercises the narrated timeline and the event log on /how-countries-responded/ in a real browser: the active step
// as the reader scrolls, jumps and reloads, links to #event-…, the log's filters, the stepper, axe and no-JS.
// (tests/browser/timeline-story.test.ts checks each step's chart against the data, the phone layout and print.)
import { describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { formatAxe, useBuiltSite, SCREENSHOT_DIR, AXE_TAGS } from '../helpers/site-suite.ts';

const site = useBuiltSite('how-countries-responded/index.html');

const CHAPTER = 'how-countries-responded/';
const TIMELINE = 'figure#timeline';
const STEPS = `${TIMELINE} li.timeline__step`;
const LOG_ITEMS = '#event-log li[id^="event-"]';

const events = JSON.parse(readFileSync(path.resolve(process.env['DATA_DIR'] ?? 'data', 'events.json'), 'utf8')) as {
  id: string;
  date: string;
  iso3: string | null;
}[];
/** The narrated steps the chapter writes, counted in its MDX. */
const STEP_COUNT = (readFileSync(path.resolve('content/chapters/04-how-countries-responded.mdx'), 'utf8').match(/<TimelineStep\b/g) ?? []).length;

/** Timeline order: partial dates ("2022-11") before the days of that month, then id. */
const dateKey = (date: string): string => {
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}-${m}-${d}`;
};
const chronological = [...events].sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || a.id.localeCompare(b.id));
/** An event a third of the way down the list. */
const HASH_EVENT = chronological[Math.max(1, Math.floor(chronological.length / 3))]!.id;
/** The country with the most events (ties: alphabetical), for the filter tests. */
const FILTER_ISO3 = (() => {
  const counts = new Map<string, number>();
  for (const e of events) if (e.iso3) counts.set(e.iso3, (counts.get(e.iso3) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
})();
/** The step to reload at: within the chapter's steps, whatever their number. */
const RELOAD_STEP = Math.max(1, Math.floor(STEP_COUNT * 0.6));

/** Opens the chapter (with an optional `?query#hash` suffix) and waits for the timeline script, unless JS is off. */
async function openChapter(suffix = '', options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await site.browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${site.server.url}${CHAPTER}${suffix}`, { waitUntil: 'load' });
  if (options.javaScriptEnabled !== false) await page.waitForSelector(`${TIMELINE}[data-enhanced]`, { state: 'attached' });
  return { context, page, errors };
}

/** Lets the scroll handler's requestAnimationFrame run. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

interface ActiveState {
  /** figure[data-active] */
  active: number;
  /** Steps carrying .is-active, and those with aria-current="step". */
  marked: number[];
  current: number[];
  count: string;
  /** How many governments the active step's data-on lists. */
  expectedCount: string | null;
  /** What the side-by-side rule "last step whose top is at or above 50% of the viewport" gives right now. */
  fromPositions: number;
  scrollY: number;
}

async function activeState(page: Page): Promise<ActiveState> {
  return page.evaluate(
    ({ timeline, steps }) => {
      const figure = document.querySelector<HTMLElement>(timeline)!;
      const lis = [...document.querySelectorAll<HTMLLIElement>(steps)];
      const active = Number(figure.dataset['active'] ?? 'NaN');
      let fromPositions = 0;
      lis.forEach((li, i) => {
        if (li.getBoundingClientRect().top <= window.innerHeight * 0.5) fromPositions = i;
      });
      const on = lis[active]?.dataset['on'];
      return {
        active,
        marked: lis.flatMap((li, i) => (li.classList.contains('is-active') ? [i] : [])),
        current: lis.flatMap((li, i) => (li.getAttribute('aria-current') === 'step' ? [i] : [])),
        count: figure.querySelector('[data-timeline-count]')?.textContent?.trim() ?? '',
        expectedCount: on === undefined ? null : String(on ? on.split(' ').length : 0),
        fromPositions,
        scrollY: Math.round(window.scrollY),
      };
    },
    { timeline: TIMELINE, steps: STEPS },
  );
}

/** Asserts the steps and the counter agree on one active step. */
function expectConsistent(state: ActiveState, label: string): void {
  expect(state.marked, `${label}: exactly the active step has .is-active`).toEqual([state.active]);
  expect(state.current, `${label}: exactly the active step has aria-current="step"`).toEqual([state.active]);
  expect(state.count, `${label}: counter shows the active step's count`).toBe(state.expectedCount);
}

/** The log items a reader can see (their year open or not: hidden ones are filtered out). */
async function logVisibility(page: Page): Promise<{ id: string; country: string; shown: boolean }[]> {
  return page.locator(LOG_ITEMS).evaluateAll((lis) => lis.map((li) => ({ id: li.id, country: (li as HTMLElement).dataset['c'] ?? '', shown: !(li as HTMLElement).hidden })));
}

describe('scroll mode at 1280×800', () => {
  test('scrolling step by step makes the active step and the counter follow in order', async () => {
    const { context, page, errors } = await openChapter();
    try {
      expect(await page.locator(TIMELINE).getAttribute('data-mode')).toBe('scroll');
      expect(await page.locator(STEPS).count()).toBe(STEP_COUNT);
      for (let i = 0; i < STEP_COUNT; i++) {
        await page.locator(STEPS).nth(i).evaluate((li) => li.scrollIntoView({ block: 'center', behavior: 'instant' }));
        await settle(page);
        await expect.poll(async () => (await activeState(page)).active, { message: `step ${i} centred in the viewport` }).toBe(i);
        expectConsistent(await activeState(page), `after centring step ${i}`);
        if (i === 3) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-scroll-1280.png') });
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a fast jump far down the story lands on the right active step', async () => {
    const { context, page, errors } = await openChapter();
    try {
      // One jump to about two thirds of the way through the steps, with no intermediate scroll positions.
      await page.evaluate((steps) => {
        const lis = [...document.querySelectorAll<HTMLElement>(steps)];
        const target = lis[Math.floor(lis.length * 0.66)]!;
        window.scrollTo({ top: window.scrollY + target.getBoundingClientRect().top - 100, behavior: 'instant' });
      }, STEPS);
      await settle(page);
      await expect
        .poll(async () => {
          const state = await activeState(page);
          return state.active === state.fromPositions;
        })
        .toBe(true);
      const state = await activeState(page);
      expect(state.fromPositions, 'the jump went past the first steps').toBeGreaterThan(STEP_COUNT / 2);
      expectConsistent(state, 'after a fast jump');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test(`loading with #event-${HASH_EVENT} opens that event in the log, and the story stays consistent`, async () => {
    const { context, page, errors } = await openChapter(`#event-${HASH_EVENT}`);
    try {
      const li = page.locator(`${LOG_ITEMS}#event-${HASH_EVENT}`);
      await expect.poll(() => li.evaluate((el) => (el.closest('details') as HTMLDetailsElement).open)).toBe(true);
      await expect.poll(() => li.isVisible()).toBe(true);
      await settle(page);
      // The story is far above: the script has not measured it yet (it waits until the story is near), so no step
      // is marked; if it has, the marks agree.
      const state = await activeState(page);
      if (Number.isNaN(state.active)) expect([state.marked, state.current]).toEqual([[], []]);
      else expectConsistent(state, 'after loading with the hash');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('reloading mid-story restores a consistent active step', async () => {
    const { context, page, errors } = await openChapter();
    try {
      await page.locator(STEPS).nth(RELOAD_STEP).evaluate((li) => li.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await settle(page);
      await expect.poll(async () => (await activeState(page)).active).toBe(RELOAD_STEP);

      await page.reload({ waitUntil: 'load' });
      await page.waitForSelector(`${TIMELINE}[data-enhanced]`, { state: 'attached' });
      await settle(page);
      await expect
        .poll(async () => {
          const state = await activeState(page);
          return state.active === state.fromPositions && state.active > 0;
        }, { message: 'after reload, data-active matches the step positions' })
        .toBe(true);
      const state = await activeState(page);
      expect(state.scrollY, 'the browser restored a mid-page scroll position').toBeGreaterThan(0);
      expectConsistent(state, 'after reload');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test(`the log's country filter (${FILTER_ISO3}) updates the URL and hides non-matching events`, async () => {
    const { context, page, errors } = await openChapter();
    try {
      await page.locator('#event-log select[name="country"]').selectOption(FILTER_ISO3);
      await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe(FILTER_ISO3);
      const items = await logVisibility(page);
      const expected = events.filter((e) => e.iso3 === FILTER_ISO3).map((e) => `event-${e.id}`).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(items.filter((s) => s.shown).map((s) => s.id).sort()).toEqual(expected);
      expect(items.filter((s) => !s.shown).every((s) => s.country !== FILTER_ISO3)).toBe(true);

      // Back to all: every event returns and the query parameter goes away.
      await page.locator('#event-log select[name="country"]').selectOption('');
      await expect.poll(() => new URL(page.url()).searchParams.has('country')).toBe(false);
      expect((await logVisibility(page)).every((s) => s.shown)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test(`loading ?country=${FILTER_ISO3} pre-applies the log's filter`, async () => {
    const { context, page, errors } = await openChapter(`?country=${FILTER_ISO3}`);
    try {
      expect(await page.locator('#event-log select[name="country"]').inputValue()).toBe(FILTER_ISO3);
      const expected = events.filter((e) => e.iso3 === FILTER_ISO3).map((e) => `event-${e.id}`).sort();
      expect((await logVisibility(page)).filter((s) => s.shown).map((s) => s.id).sort()).toEqual(expected);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('reduced motion', () => {
  test('stepper mode: one step at a time, Next advances, and nothing animates', async () => {
    const { context, page, errors } = await openChapter('', { reducedMotion: 'reduce' });
    try {
      const figure = page.locator(TIMELINE);
      expect(await figure.getAttribute('data-mode')).toBe('stepper');
      expect(await figure.locator('[data-timeline-stepper]').isVisible()).toBe(true);
      // The others are hidden="until-found": in the page for find-in-page, with no box until found.
      const visible = () => page.locator(STEPS).evaluateAll((lis) => lis.flatMap((li, i) => (li.hasAttribute('hidden') || li.getBoundingClientRect().height === 0 ? [] : [i])));
      expect(await visible(), 'only the first step is shown').toEqual([0]);
      let state = await activeState(page);
      expect(state.active).toBe(0);
      expectConsistent(state, 'stepper start');
      expect(await figure.locator('[data-step-prev]').isDisabled(), 'Previous is disabled on the first step').toBe(true);

      await figure.locator('[data-step-next]').click();
      state = await activeState(page);
      expect(state.active, 'Next moves to step 1').toBe(1);
      expectConsistent(state, 'after Next');
      expect(await visible()).toEqual([1]);

      await figure.locator('[data-step-next]').click();
      await figure.locator('[data-step-prev]').click();
      expect((await activeState(page)).active, 'Next, Previous returns to step 1').toBe(1);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-stepper-1280.png') });

      expect(await page.evaluate(() => document.getAnimations().length), 'no running animations or transitions').toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('without JavaScript', () => {
  test('every step and every event is in the page, and no controls are shown', async () => {
    const { context, page } = await openChapter('', { javaScriptEnabled: false });
    try {
      expect(await page.locator(STEPS).evaluateAll((lis) => lis.every((li) => (li as HTMLElement).checkVisibility()))).toBe(true);
      expect(await page.locator(STEPS).count()).toBe(STEP_COUNT);
      expect((await page.locator(LOG_ITEMS).evaluateAll((lis) => lis.map((li) => li.id))).sort()).toEqual(events.map((e) => `event-${e.id}`).sort());
      expect(await page.locator('#event-log [data-log-controls]').isVisible()).toBe(false);
      expect(await page.locator(`${TIMELINE} [data-timeline-stepper]`).isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});

describe('accessibility and layout', () => {
  test.each([
    { width: 320, height: 640 },
    { width: 1280, height: 800 },
  ])('axe on the timeline and the event log at $width×$height: 0 violations', async ({ width, height }) => {
    const { context, page } = await openChapter('', { viewport: { width, height } });
    try {
      // Put the timeline on screen with an active step, and open a year of the log: the states a reader sees.
      await page.locator(STEPS).nth(2).evaluate((li) => li.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await page.locator('#event-log details').first().evaluate((d) => ((d as HTMLDetailsElement).open = true));
      await settle(page);
      // The rest of the chapter (prose, notes, map) is checked by tests/browser/pages.test.ts.
      const axe = await new AxeBuilder({ page }).include(TIMELINE).include('#event-log').withTags(AXE_TAGS).analyze();
      expect(axe.violations.length, `/${CHAPTER} at ${width}px\n${formatAxe(axe.violations)}\n`).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('no horizontal scroll at 320×640', async () => {
    const { context, page } = await openChapter('', { viewport: { width: 320, height: 640 } });
    try {
      await page.locator(STEPS).nth(2).evaluate((li) => li.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await page.locator('#event-log details').evaluateAll((ds) => ds.forEach((d) => ((d as HTMLDetailsElement).open = true)));
      await settle(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-scroll-320.png') });
      const overflow = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        const culprits = [...document.body.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && el.getBoundingClientRect().width > 0 && !el.closest('svg'))
          .slice(0, 10)
          .map((el) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${String(el.className).trim().split(/\s+/).join('.')}`);
        return { scrollWidth: document.documentElement.scrollWidth, culprits };
      });
      expect(overflow.scrollWidth, `wider than 320px: ${overflow.culprits.join(', ')}`).toBeLessThanOrEqual(320);
    } finally {
      await context.close();
    }
  });
});
