// Exercises the scrolling timeline on /how-countries-responded/ in a real browser: active step, hash, reload, filters, stepper, axe and no-JS.
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

const events = JSON.parse(readFileSync(path.resolve(process.env['DATA_DIR'] ?? 'data', 'events.json'), 'utf8')) as {
  id: string;
  date: string;
  iso3: string | null;
}[];

/** Timeline order: partial dates ("2022-11") before the days of that month, then id. */
const dateKey = (date: string): string => {
  const [y, m = '00', d = '00'] = date.split('-');
  return `${y}-${m}-${d}`;
};
const chronological = [...events].sort((a, b) => dateKey(a.date).localeCompare(dateKey(b.date)) || a.id.localeCompare(b.id));
/** An event a third of the way down the list: not the first step, which is active anyway. */
const HASH_EVENT = chronological[Math.max(1, Math.floor(chronological.length / 3))]!.id;
/** The country with the most events (ties: alphabetical), for the filter tests. */
const FILTER_ISO3 = (() => {
  const counts = new Map<string, number>();
  for (const e of events) if (e.iso3) counts.set(e.iso3, (counts.get(e.iso3) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0] ?? '';
})();
/** How many steps to walk through, and the step to reload at: both within the data, whatever its size. */
const WALK_STEPS = Math.min(8, events.length);
const RELOAD_STEP = Math.max(1, Math.floor(events.length * 0.4));

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
  /** data-count of the active step. */
  expectedCount: string | null;
  /** Dots with .is-current. */
  currentDots: number[];
  /** What the rule "last visible step whose top is at or above 50% of the viewport" gives right now. */
  fromPositions: number;
  scrollY: number;
}

async function activeState(page: Page): Promise<ActiveState> {
  return page.evaluate(
    ({ timeline, steps }) => {
      const figure = document.querySelector<HTMLElement>(timeline)!;
      const lis = [...document.querySelectorAll<HTMLLIElement>(steps)];
      const active = Number(figure.dataset['active'] ?? 'NaN');
      let fromPositions = -1;
      for (const li of lis) {
        if (li.hidden) continue;
        if (li.getBoundingClientRect().top <= window.innerHeight * 0.5) fromPositions = Number(li.dataset['step']);
      }
      return {
        active,
        marked: lis.filter((li) => li.classList.contains('is-active')).map((li) => Number(li.dataset['step'])),
        current: lis.filter((li) => li.getAttribute('aria-current') === 'step').map((li) => Number(li.dataset['step'])),
        count: figure.querySelector('[data-timeline-count]')?.textContent?.trim() ?? '',
        expectedCount: lis[active]?.dataset['count'] ?? null,
        currentDots: [...figure.querySelectorAll<SVGCircleElement>('.timeline__dots circle.is-current')].map((c) => Number(c.dataset['step'])),
        fromPositions,
        scrollY: Math.round(window.scrollY),
      };
    },
    { timeline: TIMELINE, steps: STEPS },
  );
}

/** Asserts the list, counter and chart all agree on one active step, and returns it. */
function expectConsistent(state: ActiveState, label: string): void {
  expect(state.marked, `${label}: exactly the active step has .is-active`).toEqual([state.active]);
  expect(state.current, `${label}: exactly the active step has aria-current="step"`).toEqual([state.active]);
  expect(state.currentDots, `${label}: exactly the active step's dot is .is-current`).toEqual([state.active]);
  expect(state.count, `${label}: counter shows the active step's data-count`).toBe(state.expectedCount);
}

/** Which steps a reader can see: [step id, visible]. */
async function stepVisibility(page: Page): Promise<{ id: string; iso3: string; visible: boolean }[]> {
  return page.locator(STEPS).evaluateAll((lis) =>
    lis.map((li) => ({ id: li.id, iso3: (li as HTMLElement).dataset['iso3'] ?? '', visible: (li as HTMLElement).checkVisibility() })),
  );
}


describe('scroll mode at 1280×800', () => {
  test('scrolling step by step makes the active step and the counter follow in order', async () => {
    const { context, page, errors } = await openChapter();
    try {
      expect(await page.locator(TIMELINE).getAttribute('data-mode')).toBe('scroll');
      expect(await page.locator(STEPS).count()).toBe(events.length);
      for (let i = 0; i < WALK_STEPS; i++) {
        await page.locator(STEPS).nth(i).evaluate((li) => li.scrollIntoView({ block: 'center', behavior: 'instant' }));
        await settle(page);
        await expect.poll(async () => (await activeState(page)).active, { message: `step ${i} centred in the viewport` }).toBe(i);
        const state = await activeState(page);
        expectConsistent(state, `after centring step ${i}`);
        if (i === 3) await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-scroll-1280.png') });
      }
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a fast jump far down the page lands on the right active step', async () => {
    const { context, page, errors } = await openChapter();
    try {
      // One jump to about two thirds of the way through the list, with no intermediate scroll positions.
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
      expect(state.fromPositions, 'the jump went past the first steps').toBeGreaterThan(events.length / 2);
      expect(state.active).toBe(state.fromPositions);
      expectConsistent(state, 'after a fast jump');
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test(`loading with #event-${HASH_EVENT} activates that step and its dot`, async () => {
    const { context, page, errors } = await openChapter(`#event-${HASH_EVENT}`);
    try {
      const li = page.locator(`${STEPS}#event-${HASH_EVENT}`);
      const step = Number(await li.getAttribute('data-step'));
      await settle(page);
      await expect.poll(async () => (await activeState(page)).active, { message: 'data-active after loading with the hash' }).toBe(step);
      expect(await li.getAttribute('class')).toContain('is-active');
      expect(await li.getAttribute('aria-current')).toBe('step');
      expect(await page.locator(`${TIMELINE} .timeline__dots circle[data-step="${step}"]`).getAttribute('class')).toContain('is-current');
      expectConsistent(await activeState(page), 'after loading with the hash');
      expect(await li.isVisible()).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('reloading mid-page restores a consistent active step', async () => {
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
          return state.active === state.fromPositions && state.active >= 0;
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

  test(`the country filter (${FILTER_ISO3}) updates the URL and hides non-matching steps`, async () => {
    const { context, page, errors } = await openChapter();
    try {
      await page.locator(`${TIMELINE} select[data-filter="country"]`).selectOption(FILTER_ISO3);
      await expect.poll(() => new URL(page.url()).searchParams.get('country')).toBe(FILTER_ISO3);
      const steps = await stepVisibility(page);
      const expected = events.filter((e) => e.iso3 === FILTER_ISO3).map((e) => `event-${e.id}`).sort();
      expect(expected.length).toBeGreaterThan(0);
      expect(steps.filter((s) => s.visible).map((s) => s.id).sort()).toEqual(expected);
      expect(steps.filter((s) => !s.visible).every((s) => s.iso3 !== FILTER_ISO3)).toBe(true);

      // Back to all: every step returns and the query parameter goes away.
      await page.locator(`${TIMELINE} select[data-filter="country"]`).selectOption('');
      await expect.poll(() => new URL(page.url()).searchParams.has('country')).toBe(false);
      expect((await stepVisibility(page)).every((s) => s.visible)).toBe(true);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test(`loading ?country=${FILTER_ISO3} pre-applies the filter`, async () => {
    const { context, page, errors } = await openChapter(`?country=${FILTER_ISO3}`);
    try {
      expect(await page.locator(`${TIMELINE} select[data-filter="country"]`).inputValue()).toBe(FILTER_ISO3);
      const steps = await stepVisibility(page);
      const expected = events.filter((e) => e.iso3 === FILTER_ISO3).map((e) => `event-${e.id}`).sort();
      expect(steps.filter((s) => s.visible).map((s) => s.id).sort()).toEqual(expected);
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
      let visible = (await stepVisibility(page)).filter((s) => s.visible);
      expect(visible.map((s) => s.id), 'only the first step is shown').toEqual([(await page.locator(STEPS).first().getAttribute('id'))!]);
      let state = await activeState(page);
      expect(state.active).toBe(0);
      expectConsistent(state, 'stepper start');
      expect(await figure.locator('[data-step-prev]').isDisabled(), 'Previous is disabled on the first step').toBe(true);

      await figure.locator('[data-step-next]').click();
      state = await activeState(page);
      expect(state.active, 'Next moves to step 1').toBe(1);
      expectConsistent(state, 'after Next');
      visible = (await stepVisibility(page)).filter((s) => s.visible);
      expect(visible.map((s) => s.id)).toEqual([(await page.locator(STEPS).nth(1).getAttribute('id'))!]);

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
  test('every step is visible and no controls are shown', async () => {
    const { context, page } = await openChapter('', { javaScriptEnabled: false });
    try {
      const steps = await stepVisibility(page);
      expect(steps.length).toBe(events.length);
      expect(steps.filter((s) => s.visible).length).toBe(events.length);
      expect(await page.locator(`${TIMELINE} [data-timeline-controls]`).isVisible()).toBe(false);
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
  ])('axe at $width×$height: 0 violations', async ({ width, height }) => {
    const { context, page } = await openChapter('', { viewport: { width, height } });
    try {
      // Put the timeline on screen with an active step, the state a reader actually sees.
      await page.locator(STEPS).nth(2).evaluate((li) => li.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await settle(page);
      const axe = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
      expect(axe.violations.length, `/${CHAPTER} at ${width}px\n${formatAxe(axe.violations)}\n`).toBe(0);
    } finally {
      await context.close();
    }
  });

  test('no horizontal scroll at 320×640', async () => {
    const { context, page } = await openChapter('', { viewport: { width: 320, height: 640 } });
    try {
      await page.locator(STEPS).nth(2).evaluate((li) => li.scrollIntoView({ block: 'center', behavior: 'instant' }));
      await settle(page);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, 'timeline-scroll-320.png') });
      const overflow = await page.evaluate(() => {
        const limit = document.documentElement.clientWidth;
        const culprits = [...document.body.querySelectorAll('*')]
          .filter((el) => el.getBoundingClientRect().right > limit + 0.5 && el.getBoundingClientRect().width > 0)
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
