/**
 * The event log's filter, kept in the URL (?country=CAN&kind=closure&year=2023&q=montreal): pure and import-free,
 * so the browser script (src/scripts/event-log.ts) carries nothing else. An empty string means "all".
 */

export const FILTER_KEYS = ['country', 'kind', 'year', 'q'] as const;
export type LogFilter = Record<(typeof FILTER_KEYS)[number], string>;

/**
 * Reads a filter from a URL query. `allowed` lists the values each select offers (the data's countries, kind
 * groups and years): anything else is ignored. The text search `q` takes any text, trimmed and cut to 100 characters.
 */
export function parseLogFilter(search: string, allowed: Partial<Record<keyof LogFilter, readonly string[]>>): LogFilter {
  const params = new URLSearchParams(search);
  const filter = {} as LogFilter;
  for (const key of FILTER_KEYS) {
    const value = (params.get(key) ?? '').trim().slice(0, 100);
    const options = allowed[key];
    filter[key] = !options || options.includes(value) ? value : '';
  }
  return filter;
}

/** Writes a filter back into a query string, keeping other parameters (such as ?theme=). */
export function logFilterToSearch(filter: LogFilter, currentSearch: string = ''): string {
  const params = new URLSearchParams(currentSearch);
  for (const key of FILTER_KEYS) {
    if (filter[key]) params.set(key, filter[key]);
    else params.delete(key);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Lower-case, accents removed, so "vina" finds "Viña" and "romania" finds "România". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
}

/**
 * Whether an event passes the filter: `item` has the event's country code ("global" for none), kind group, year,
 * and `q` its words (everything the log shows for it); every word searched for must appear in them.
 */
export function matchesLogFilter(item: LogFilter, filter: LogFilter): boolean {
  const text = foldText(item.q);
  return FILTER_KEYS.every((key) =>
    key === 'q' ? foldText(filter.q).split(/\s+/).every((word) => text.includes(word)) : !filter[key] || filter[key] === item[key],
  );
}
