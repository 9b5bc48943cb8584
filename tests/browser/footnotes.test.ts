// Footnotes as readers use them on a phone and a desktop: visible numbers, jumps that land in view, and links back.
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { useBuiltSite } from '../helpers/site-suite.ts';

const site = useBuiltSite('what-they-are/index.html');
const CHAPTERS = ['what-they-are', 'how-they-operate', 'why-it-matters', 'how-countries-responded'] as const;
const VIEWPORTS = [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
] as const;

async function open(width: number, height: number, chapter: string): Promise<Page> {
  const context = await site.browser.newContext({ viewport: { width, height }, reducedMotion: 'reduce' });
  const page = await context.newPage();
  await page.goto(`${site.server.url}${chapter}/`, { waitUntil: 'load' });
  return page;
}

/** Whether an element's box lies fully inside the viewport. */
async function inView(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => {
    const box = element.getBoundingClientRect();
    return box.height > 0 && box.top >= 0 && box.bottom <= window.innerHeight;
  });
}

describe.each(VIEWPORTS)('footnotes at $width px', ({ width, height }) => {
  test.each(CHAPTERS)('%s: the notes open with one control, and every note shows its number, on screen and in print', async (chapter) => {
    const page = await open(width, height, chapter);
    const notes = page.locator('ol.notes > li');
    const count = await notes.count();
    expect(count).toBeGreaterThan(0);
    // Collapsed at first: none of the notes' links is a Tab stop until the reader opens the list.
    const box = page.locator('details[data-notes]');
    expect(await box.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    expect(await notes.first().isVisible()).toBe(false);
    const summary = box.locator('summary');
    expect((await summary.textContent())?.trim()).toContain(String(count));
    await summary.focus();
    await page.keyboard.press('Enter');
    expect(await notes.last().isVisible(), 'Enter on the one control opens every note').toBe(true);
    const shown = await page.$$eval('ol.notes > li', (items) =>
      items.map((item) => {
        const number = item.querySelector('.notes__number');
        const box = number?.getBoundingClientRect();
        return { text: number?.textContent?.trim() ?? '', visible: !!box && box.width > 0 && box.height > 0 };
      }),
    );
    expect(shown.map((n) => n.text)).toEqual(Array.from({ length: count }, (_, i) => `${i + 1}.`));
    expect(shown.every((n) => n.visible)).toBe(true);
    // Print shows them whether or not the reader opened the list.
    await page.keyboard.press('Enter');
    expect(await notes.first().isVisible()).toBe(false);
    await page.emulateMedia({ media: 'print' });
    const printed = await page.$$eval('ol.notes .notes__number', (numbers) => numbers.every((n) => n.getBoundingClientRect().width > 0));
    expect(printed).toBe(true);
    await page.context().close();
  });

  test.each(CHAPTERS)('%s: citations land on their note in view, and each note leads back to every citing place', async (chapter) => {
    const page = await open(width, height, chapter);
    const cites = await page.$$eval('sup.cite', (sups) => sups.map((sup) => ({ id: sup.id, href: sup.querySelector('a')?.getAttribute('href') ?? '' })));
    expect(cites.length).toBeGreaterThan(0);
    // Every citing place is reachable from its note, and every back link points at a real citing place.
    const backLinks = await page.$$eval('ol.notes a.notes__back', (links) => links.map((a) => a.getAttribute('href') ?? ''));
    expect(backLinks.sort()).toEqual(cites.map((c) => `#${c.id}`).sort());
    // A sample across the page: first, middle and last citation.
    for (const cite of [cites[0]!, cites[Math.floor(cites.length / 2)]!, cites.at(-1)!]) {
      await page.locator(`#${cite.id} a`).click();
      await page.waitForFunction((hash) => location.hash === hash, cite.href);
      expect(await inView(page, cite.href), `${cite.href} is in view after tapping ${cite.id}`).toBe(true);
      await page.locator(`${cite.href} a.notes__back[href="#${cite.id}"]`).click();
      await page.waitForFunction((hash) => location.hash === hash, `#${cite.id}`);
      expect(await inView(page, `#${cite.id}`), `back link returns to ${cite.id} in view`).toBe(true);
    }
    await page.context().close();
  });
});

describe('keyboard', () => {
  test.each(CHAPTERS)('%s: citations are not Tab stops, and Tab reaches every source through the notes control', async (chapter) => {
    const page = await open(1280, 800, chapter);
    const cites = await page.$$eval('sup.cite a', (links) => links.map((a) => ({ tabIndex: (a as HTMLAnchorElement).tabIndex, label: a.getAttribute('aria-label') ?? '', text: a.textContent ?? '' })));
    expect(cites.length).toBeGreaterThan(0);
    for (const cite of cites) {
      expect(cite.tabIndex, 'a citation is followed by pointer or screen reader, not a Tab stop').toBe(-1);
      expect(cite.label, 'a screen reader hears "Source 12", not "12"').toMatch(new RegExp(`\\S+ ${cite.text}$`));
    }
    // Tab to the notes control, open it, and the next Tab lands on the first note's source.
    let onSummary = false;
    for (let presses = 0; presses < 200 && !onSummary; presses++) {
      await page.keyboard.press('Tab');
      onSummary = await page.evaluate(() => !!document.activeElement?.matches('details[data-notes] > summary'));
    }
    expect(onSummary, 'Tab reaches the notes control').toBe(true);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ note: document.activeElement?.closest('li')?.id, href: document.activeElement?.getAttribute('href') }));
    expect(focused.note).toBe('note-1');
    expect(focused.href).toMatch(/^https?:\/\//);
    await page.context().close();
  });

  test('a shared #note-N address opens the notes at that note', async () => {
    const context = await site.browser.newContext({ viewport: { width: 390, height: 844 }, reducedMotion: 'reduce' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}how-countries-responded/#note-40`, { waitUntil: 'load' });
    await expect.poll(() => inView(page, '#note-40')).toBe(true);
    await context.close();
  });
});

describe('citation runs', () => {
  test.each(CHAPTERS)('%s never repeats a note inside one run of citations', async (chapter) => {
    const page = await open(1280, 800, chapter);
    const repeats = await page.$$eval('sup.cite', (sups) => {
      const found: string[] = [];
      for (const sup of sups) {
        // Walk back over the citations directly before this one (only white space between them).
        let previous = sup.previousSibling;
        const number = sup.textContent?.replace(/\D/g, '');
        while (previous) {
          if (previous.nodeType === Node.TEXT_NODE && previous.textContent?.trim() === '') {
            previous = previous.previousSibling;
            continue;
          }
          if (previous instanceof HTMLElement && previous.matches('sup.cite')) {
            if (previous.textContent?.replace(/\D/g, '') === number) found.push(`${sup.id} repeats ${previous.id}`);
            previous = previous.previousSibling;
            continue;
          }
          break;
        }
      }
      return found;
    });
    expect(repeats).toEqual([]);
    await page.context().close();
  });
});
