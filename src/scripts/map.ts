/**
 * Enhances the prerendered world map: one tab stop with arrow keys that move in the direction pressed, a hover label
 * that never sits under the pointer, details on click, tap, focus or search (built from the data table's own cells,
 * never from HTML strings), Esc to close, a country search that knows everyday names, and the view switch. Phones get
 * the same on the prerendered Europe panel. No d3 or TopoJSON on the client: the SVGs are already drawn.
 */
import type { SearchableCountry, SearchResult } from '../lib/map/search.ts';

interface MapParts {
  figure: HTMLElement;
  svg: SVGSVGElement;
  inset: SVGSVGElement | null;
  frame: HTMLElement;
  tooltip: HTMLElement;
  hover: HTMLElement | null;
  live: HTMLElement | null;
  status: HTMLElement | null;
  /** World-view countries with a table row, west to east. */
  countries: SVGPathElement[];
  /** Each country's point well inside it (viewBox units), for the arrow keys. */
  centres: Map<SVGPathElement, [number, number]>;
  insetPaths: Map<string, SVGPathElement>;
  rows: Map<string, HTMLTableRowElement>;
  headers: string[];
  /** The edition's punctuation for spoken labels (": " / " : " / "："), from the table's data attributes. */
  colon: string;
  separator: string;
}

const HIDE_DELAY_MS = 300;
const SVG_NS = 'http://www.w3.org/2000/svg';
/** Column of the table that lists sources: in the details its links are not tab stops (the country page link is). */
const SOURCES_COLUMN = 6;
/** A tap that misses every country (a border, the sea, a marker) still picks the nearest within this many pixels. */
const TAP_SLOP_PX = [6, 12];
const DIRECTIONS: Record<string, [number, number]> = {
  ArrowRight: [1, 0],
  ArrowLeft: [-1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

function centreOf(path: SVGPathElement): [number, number] {
  const [x, y] = (path.dataset['c'] ?? '').split(' ').map(Number);
  if (Number.isFinite(x) && Number.isFinite(y)) return [x!, y!];
  const box = path.getBBox();
  return [box.x + box.width / 2, box.y + box.height / 2];
}

function collectParts(figure: HTMLElement): MapParts | null {
  const svg = figure.querySelector<SVGSVGElement>('[data-map-svg]');
  const frame = figure.querySelector<HTMLElement>('[data-map-frame]');
  const tooltip = figure.querySelector<HTMLElement>('[data-map-tooltip]');
  const table = figure.querySelector<HTMLTableElement>('[data-map-table]');
  if (!svg || !frame || !tooltip || !table) return null;
  const rows = new Map<string, HTMLTableRowElement>();
  for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-iso3]')) rows.set(row.dataset['iso3']!, row);
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
  const centres = new Map<SVGPathElement, [number, number]>();
  for (const path of svg.querySelectorAll<SVGPathElement>('path[data-iso3]')) {
    if (rows.has(path.dataset['iso3']!)) centres.set(path, centreOf(path));
  }
  const countries = [...centres.keys()].sort((a, b) => centres.get(a)![0] - centres.get(b)![0]);
  const inset = figure.querySelector<SVGSVGElement>('[data-map-inset]');
  const insetPaths = new Map<string, SVGPathElement>();
  for (const path of inset?.querySelectorAll<SVGPathElement>('path[data-iso3]') ?? []) insetPaths.set(path.dataset['iso3']!, path);
  return {
    figure,
    svg,
    inset,
    frame,
    tooltip,
    hover: figure.querySelector('[data-map-hover]'),
    live: figure.querySelector('[data-map-live]'),
    status: figure.querySelector('[data-map-search-status]'),
    countries,
    centres,
    insetPaths,
    rows,
    headers,
    colon: table.dataset['colon'] ?? ': ',
    separator: table.dataset['separator'] ?? '; ',
  };
}

const cellText = (cell: Element | undefined) => cell?.firstChild?.textContent?.trim() || cell?.textContent?.trim() || '';

/** The row's numbers in words: "Second report 11" (the latest report the table gives), then the response. */
function summaryOf(parts: MapParts, row: HTMLTableRowElement): { name: string; count: string; response: string } {
  const cells = [...row.children];
  const [first, second] = [cellText(cells[1]), cellText(cells[2])];
  return {
    name: row.querySelector('th')?.textContent?.replace(/\s+/g, ' ').trim() ?? '',
    count: second && second !== '—' ? `${parts.headers[2]} ${second}` : `${parts.headers[1]} ${first}`,
    response: `${parts.headers[5]}${parts.colon}${cellText(cells[5])}`,
  };
}

/** A short accessible name from the row: "Italy: Second report 11; Government response: Investigation or review". */
function labelFor(parts: MapParts, row: HTMLTableRowElement): string {
  const cells = [...row.children];
  const { count, response } = summaryOf(parts, row);
  return `${cellText(cells[0])}${parts.colon}${count}${parts.separator}${response}`;
}

function fillTooltip(parts: MapParts, row: HTMLTableRowElement): void {
  const heading = document.createElement('h3');
  heading.textContent = row.querySelector('th')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  const list = document.createElement('dl');
  [...row.children].slice(1).forEach((cell, i) => {
    const term = document.createElement('dt');
    term.textContent = parts.headers[i + 1] ?? '';
    const detail = document.createElement('dd');
    // Cloning the table's own nodes keeps details and table identical and never parses a string as HTML.
    for (const node of cell.childNodes) detail.append(node.cloneNode(true));
    // Sources stay clickable but are not tab stops: sixteen of them would bury the rest of the page. The link to
    // the country's page below, which lists them all, is the one tab stop.
    if (i + 1 === SOURCES_COLUMN) for (const link of detail.querySelectorAll('a')) link.tabIndex = -1;
    list.append(term, detail);
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'map__tooltip-close';
  close.setAttribute('aria-label', parts.figure.dataset['closeLabel'] ?? 'Close');
  close.textContent = '×';
  const children: Node[] = [close, heading, list];
  const countryLink = row.querySelector<HTMLAnchorElement>('th a[href]');
  if (countryLink) {
    const more = document.createElement('p');
    more.className = 'map__tooltip-more';
    const link = countryLink.cloneNode(false) as HTMLAnchorElement;
    link.textContent = (parts.figure.dataset['moreLabel'] ?? '{country}').replace('{country}', cellText(row.children[0]));
    more.append(link);
    children.push(more);
  }
  parts.tooltip.replaceChildren(...children);
}

function fillHover(parts: MapParts, row: HTMLTableRowElement): void {
  if (!parts.hover) return;
  const { name, count } = summaryOf(parts, row);
  const title = document.createElement('strong');
  title.textContent = name;
  // Only what the view shows: the count on the stations view, the response on the other. Clicking gives the rest.
  const responses = parts.figure.dataset['view'] === 'responses';
  parts.hover.replaceChildren(title, responses ? cellText(row.children[5]) : count);
}

/** The hover label beside the pointer, never under it, flipped to stay inside the frame. */
function placeHover(parts: MapParts, pointer: { x: number; y: number }): void {
  const hover = parts.hover;
  if (!hover) return;
  const frameBox = parts.frame.getBoundingClientRect();
  hover.hidden = false;
  const [width, height] = [hover.offsetWidth, hover.offsetHeight];
  const [x, y] = [pointer.x - frameBox.left, pointer.y - frameBox.top];
  const gap = 16;
  let left = x + gap;
  if (left + width > frameBox.width) left = x - gap - width;
  let top = y - gap - height;
  if (top < 0) top = y + gap;
  hover.style.left = `${Math.round(Math.max(0, left))}px`;
  hover.style.top = `${Math.round(top)}px`;
}

/**
 * Wide screens: the details card goes in the top corner of the map on the side away from the country, so it covers
 * neither the country nor its neighbours. Phones: CSS makes it a panel under the map, and a tap brings it into view.
 */
function placeTooltip(parts: MapParts, target: Element, reveal: boolean): void {
  const { tooltip, frame } = parts;
  tooltip.hidden = false;
  if (getComputedStyle(tooltip).position !== 'absolute') {
    tooltip.style.removeProperty('left');
    tooltip.style.removeProperty('right');
    if (reveal) {
      const box = tooltip.getBoundingClientRect();
      if (box.bottom > window.innerHeight || box.top < 0) tooltip.scrollIntoView({ block: 'nearest' });
    }
    return;
  }
  const frameBox = frame.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  const onRight = box.left + box.width / 2 - frameBox.left > frameBox.width / 2;
  // CSSOM writes are allowed under our CSP; style attributes in markup are not.
  tooltip.style.left = onRight ? '0px' : 'auto';
  tooltip.style.right = onRight ? 'auto' : '0px';
}

/**
 * The country in `direction` from `current`: the nearest within 45° of straight ahead, or failing that within 75°
 * (Up from the Netherlands is Sweden, not Ireland, which is mostly west). Null when nothing lies that way.
 */
function countryToward(parts: MapParts, current: SVGPathElement, [dx, dy]: [number, number]): SVGPathElement | null {
  const [cx, cy] = parts.centres.get(current)!;
  for (const slope of [1, Math.tan((75 * Math.PI) / 180)]) {
    let best: SVGPathElement | null = null;
    let bestScore = Infinity;
    for (const [path, [x, y]] of parts.centres) {
      if (path === current) continue;
      const along = (x - cx) * dx + (y - cy) * dy;
      const across = Math.abs((x - cx) * dy - (y - cy) * dx);
      if (along <= 0 || across > along * slope) continue;
      const score = Math.hypot(along, across) + across;
      if (score < bestScore) [best, bestScore] = [path, score];
    }
    if (best) return best;
  }
  return null;
}

/** An outline drawn above every country and marker, so the chosen country's outline is never hidden under them. */
function highlightLayer(svg: SVGSVGElement): SVGPathElement {
  const path = document.createElementNS(SVG_NS, 'path');
  path.setAttribute('class', 'map__highlight');
  path.setAttribute('aria-hidden', 'true');
  svg.append(path);
  return path;
}

function enhanceMap(figure: HTMLElement): void {
  const parts = collectParts(figure);
  if (!parts || parts.countries.length === 0) return;
  const { svg, inset, tooltip, countries, rows } = parts;
  // Created when first needed, so the page's shapes are the prerendered ones until a reader picks a country.
  let highlights: SVGPathElement[] = [];
  let active: SVGPathElement | null = null;
  let hideTimer: number | undefined;
  let wasOpen = false;
  let pressed: SVGPathElement | null | undefined;
  const byIso3 = new Map(countries.map((path) => [path.dataset['iso3']!, path]));

  svg.setAttribute('role', 'group');
  countries.forEach((path, i) => {
    const row = rows.get(path.dataset['iso3']!)!;
    path.setAttribute('tabindex', i === 0 ? '0' : '-1');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-label', labelFor(parts, row));
    path.setAttribute('aria-describedby', `${figure.id}-hint`);
  });

  const setActive = (path: SVGPathElement | null) => {
    const previous = active?.dataset['iso3'] ?? '';
    active?.classList.remove('is-active');
    parts.insetPaths.get(previous)?.classList.remove('is-active');
    rows.get(previous)?.classList.remove('is-highlighted');
    active = path;
    const iso3 = path?.dataset['iso3'] ?? '';
    path?.classList.add('is-active');
    parts.insetPaths.get(iso3)?.classList.add('is-active');
    rows.get(iso3)?.classList.add('is-highlighted');
    if (path && highlights.length === 0) highlights = [highlightLayer(svg), ...(inset ? [highlightLayer(inset)] : [])];
    highlights[0]?.setAttribute('d', path?.getAttribute('d') ?? '');
    highlights[1]?.setAttribute('d', parts.insetPaths.get(iso3)?.getAttribute('d') ?? '');
  };
  const show = (path: SVGPathElement, reveal = false) => {
    window.clearTimeout(hideTimer);
    const row = rows.get(path.dataset['iso3']!);
    if (!row) return;
    if (active !== path || tooltip.hidden) {
      setActive(path);
      fillTooltip(parts, row);
    }
    placeTooltip(parts, path, reveal);
  };
  const hide = () => {
    window.clearTimeout(hideTimer);
    tooltip.hidden = true;
    setActive(null);
  };
  const hideSoon = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  };
  const makeTabStop = (path: SVGPathElement) => {
    for (const other of countries) other.setAttribute('tabindex', other === path ? '0' : '-1');
  };
  const focusCountry = (path: SVGPathElement) => {
    makeTabStop(path);
    path.focus();
    show(path);
  };
  /**
   * The world-view country at a point of either svg; for touch, also a near miss (taps are coarse). A touch is
   * looked up at its own point: Chromium's touch adjustment may have retargeted it to a larger neighbour.
   */
  const countryAt = (event: MouseEvent | PointerEvent): SVGPathElement | null => {
    const of = (element: Element | null) => byIso3.get(element?.closest<SVGPathElement>('path[data-iso3]')?.dataset['iso3'] ?? '') ?? null;
    const touch = 'pointerType' in event && (event.pointerType === 'touch' || event.pointerType === 'pen');
    const direct = of(touch ? document.elementFromPoint(event.clientX, event.clientY) : (event.target as Element));
    if (direct || !touch) return direct;
    for (const radius of TAP_SLOP_PX) {
      for (let step = 0; step < 8; step++) {
        const angle = (step * Math.PI) / 4;
        const element = document.elementFromPoint(event.clientX + radius * Math.cos(angle), event.clientY + radius * Math.sin(angle));
        if (element && (svg.contains(element) || inset?.contains(element))) {
          const near = of(element);
          if (near) return near;
        }
      }
    }
    return null;
  };

  for (const surface of [svg, inset]) {
    if (!surface) continue;
    surface.addEventListener('pointermove', (event) => {
      if (event.pointerType !== 'mouse' || !parts.hover) return;
      const path = byIso3.get((event.target as Element).closest<SVGPathElement>('path[data-iso3]')?.dataset['iso3'] ?? '');
      const row = path && rows.get(path.dataset['iso3']!);
      if (!row) {
        parts.hover.hidden = true;
        return;
      }
      if (parts.hover.dataset['iso3'] !== path.dataset['iso3'] || parts.hover.hidden) {
        parts.hover.dataset['iso3'] = path.dataset['iso3']!;
        fillHover(parts, row);
      }
      placeHover(parts, { x: event.clientX, y: event.clientY });
    });
    surface.addEventListener('pointerleave', () => {
      if (parts.hover) parts.hover.hidden = true;
    });
    // Click or tap opens the details; the same country again closes them, and so does the sea. Whether the country
    // was already open is read on pointerdown, before the focus that the press gives it has opened it.
    surface.addEventListener('pointerdown', (event) => {
      pressed = countryAt(event);
      wasOpen = pressed !== null && pressed === active && !tooltip.hidden;
    });
    surface.addEventListener('click', (event) => {
      // The country under the finger when it landed: by the click, :hover has thickened the outline of the country
      // the browser's touch adjustment chose, which can reach over the point that was tapped.
      const path = pressed !== undefined ? pressed : countryAt(event);
      pressed = undefined;
      if (!path || wasOpen) {
        wasOpen = false;
        return hide();
      }
      makeTabStop(path);
      show(path, (event as PointerEvent).pointerType !== 'mouse');
    });
  }
  tooltip.addEventListener('pointerenter', () => window.clearTimeout(hideTimer));
  tooltip.addEventListener('click', (event) => {
    if ((event.target as Element).closest('.map__tooltip-close')) {
      const previous = active;
      hide();
      if (previous && document.activeElement !== previous && previous.getBoundingClientRect().width > 0) previous.focus();
    }
  });
  // Focus listeners sit on the frame: Chromium makes an <svg> with focus listeners a tab stop of its own.
  parts.frame.addEventListener('focusin', (event) => {
    const path = (event.target as Element).closest<SVGPathElement>('path[role="button"]');
    if (path) show(path);
  });
  svg.addEventListener('keydown', (event) => {
    const current = (event.target as Element).closest<SVGPathElement>('path[role="button"]');
    if (!current) return;
    const direction = DIRECTIONS[event.key];
    if (direction || event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      const next = direction ? countryToward(parts, current, direction) : countries[event.key === 'Home' ? 0 : countries.length - 1]!;
      if (next) focusCountry(next);
    } else if (event.key === 'Escape') {
      hide();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (tooltip.hidden) show(current);
      else hide();
    }
  });
  figure.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      if (parts.hover) parts.hover.hidden = true;
      if (tooltip.hidden) return;
      const previous = active;
      hide();
      if (tooltip.contains(document.activeElement) || document.activeElement === document.body) previous?.focus();
    }
  });
  parts.frame.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
    // A tap on the Europe panel also blurs the world view; its click, just after, cancels this and shows its country.
    if (!next || (!svg.contains(next) && !tooltip.contains(next))) hideSoon();
  });

  for (const button of figure.querySelectorAll<HTMLButtonElement>('[data-view-button]')) {
    button.addEventListener('click', () => {
      figure.dataset['view'] = button.dataset['viewButton']!;
      for (const other of figure.querySelectorAll<HTMLButtonElement>('[data-view-button]')) {
        other.setAttribute('aria-pressed', String(other === button));
      }
      if (parts.live) parts.live.textContent = button.textContent ?? '';
    });
  }

  const search = figure.querySelector<HTMLInputElement>('[data-map-search]');
  const searchable: SearchableCountry[] = countries.map((path) => ({ iso3: path.dataset['iso3']!, name: cellText(rows.get(path.dataset['iso3']!)!.children[0]) }));
  const nameOf = (iso3: string) => searchable.find((c) => c.iso3 === iso3)?.name ?? iso3;
  const say = (template: string | undefined, values: Record<string, string>) => {
    if (parts.status) parts.status.textContent = (template ?? '').replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? '');
  };
  let lastQuery = '';
  // The matching runs in a worker, started on the first search (src/scripts/map-search-worker.ts).
  let worker: Worker | undefined;
  const findCountry = () => {
    const query = search?.value.trim() ?? '';
    if (query === '' || query === lastQuery) return;
    lastQuery = query;
    worker ??= new Worker(new URL('./map-search-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }: MessageEvent<{ query: string; result: SearchResult }>) => {
      if (data.query === lastQuery) answer(data.query, data.result);
    };
    worker.postMessage({ query, countries: searchable });
  };
  const answer = (query: string, result: SearchResult) => {
    const messages = parts.status?.dataset ?? {};
    if (result.kind === 'match') {
      say(messages['found'], { country: nameOf(result.iso3) });
      focusCountry(byIso3.get(result.iso3)!);
    } else if (result.kind === 'ambiguous') {
      say(messages['ambiguous'], { query, countries: result.iso3s.map(nameOf).join(', ') });
    } else {
      say(messages['none'], { query });
    }
  };
  search?.addEventListener('change', findCountry);
  search?.addEventListener('input', () => {
    lastQuery = '';
    if (parts.status) parts.status.textContent = '';
  });
  search?.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      lastQuery = '';
      findCountry();
    }
  });

  figure.querySelector<HTMLElement>('[data-map-controls]')?.removeAttribute('hidden');
}

export function enhanceMaps(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-map]')) enhanceMap(figure);
}
