/**
 * Filters and searches the event log (EventLog.astro), keeping the view in the URL (?country=…&kind=…&year=…&q=…)
 * so a link reproduces it, and opens the year of a linked event (#event-…). Closed years print open (timeline.css).
 */
import { FILTER_KEYS, logFilterToSearch, matchesLogFilter, parseLogFilter, type LogFilter } from '../lib/timeline/filter.ts';

function enhanceLog(root: HTMLElement): void {
  const controls = root.querySelector<HTMLElement>('[data-log-controls]')!;
  const fields = [...controls.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[name]')];
  const showing = controls.querySelector<HTMLElement>('[data-log-showing]')!;
  const reset = controls.querySelector<HTMLButtonElement>('[data-log-reset]')!;
  const empty = root.querySelector<HTMLElement>('[data-log-empty]')!;
  const years = [...root.querySelectorAll<HTMLDetailsElement>('details[data-year]')];
  const items = [...root.querySelectorAll<HTMLLIElement>('li[id]')].map((li) => ({
    li,
    details: li.closest('details')!,
    data: { country: li.dataset['c']!, kind: li.dataset['k']!, year: li.closest<HTMLElement>('[data-year]')!.dataset['year']!, q: li.textContent! },
  }));
  const allowed = Object.fromEntries(fields.filter((f) => f instanceof HTMLSelectElement).map((f) => [f.name, [...(f as HTMLSelectElement).options].map((o) => o.value)]));
  let filter = parseLogFilter(location.search, allowed);

  const apply = (write?: boolean) => {
    const active = FILTER_KEYS.some((key) => filter[key]);
    let shown = 0;
    for (const f of fields) f.value = filter[f.name as keyof LogFilter];
    for (const { li, data } of items) shown += +!(li.hidden = !matchesLogFilter(data, filter));
    for (const details of years) {
      details.hidden = !details.querySelector('li:not([hidden])');
      if (active && !details.hidden) details.open = true;
    }
    empty.hidden = shown > 0;
    reset.hidden = !active;
    showing.textContent = active ? showing.dataset['template']!.replace('{shown}', `${shown}`).replace('{total}', `${items.length}`) : '';
    if (write) history.replaceState(null, '', (logFilterToSearch(filter, location.search) || location.pathname) + location.hash);
  };

  controls.addEventListener('input', () => {
    filter = Object.fromEntries(fields.map((f) => [f.name, f.value])) as LogFilter;
    apply(true);
  });
  reset.addEventListener('click', () => {
    filter = parseLogFilter('', {});
    apply(true);
  });

  /** A link to #event-…: show it even if the filter hid it, open its year, and bring it into view. */
  const openLinked = () => {
    const item = items.find(({ li }) => li.id === decodeURIComponent(location.hash.slice(1)));
    if (!item) return;
    if (item.li.hidden) reset.click();
    if (!item.details.open) {
      item.details.open = true;
      item.li.scrollIntoView();
    }
  };
  addEventListener('hashchange', openLinked);
  controls.hidden = false;
  // The markup is already the unfiltered view: only a filter in the URL needs work on load.
  if (FILTER_KEYS.some((key) => filter[key])) apply();
  openLinked();
}

export function enhanceLogs(): void {
  for (const root of document.querySelectorAll<HTMLElement>('[data-log]')) enhanceLog(root);
}
