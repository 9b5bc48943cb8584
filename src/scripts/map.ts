/**
 * Enhances the prerendered world map: one tab stop with arrow keys between countries that have data, a tooltip on
 * hover, focus and tap (built from the data table's own cells, never from HTML strings), Esc to close, a country
 * search and the stations/responses view switch. No d3 or TopoJSON on the client: the SVG is already drawn.
 */

interface MapParts {
  figure: HTMLElement;
  svg: SVGSVGElement;
  frame: HTMLElement;
  tooltip: HTMLElement;
  live: HTMLElement | null;
  countries: SVGPathElement[];
  rows: Map<string, HTMLTableRowElement>;
  headers: string[];
}

const HIDE_DELAY_MS = 300;

function collectParts(figure: HTMLElement): MapParts | null {
  const svg = figure.querySelector<SVGSVGElement>('[data-map-svg]');
  const frame = figure.querySelector<HTMLElement>('[data-map-frame]');
  const tooltip = figure.querySelector<HTMLElement>('[data-map-tooltip]');
  const table = figure.querySelector<HTMLTableElement>('[data-map-table]');
  if (!svg || !frame || !tooltip || !table) return null;
  const rows = new Map<string, HTMLTableRowElement>();
  for (const row of table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-iso3]')) rows.set(row.dataset['iso3']!, row);
  const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim() ?? '');
  // West-to-east order makes the arrow keys move the way the eye reads the map.
  const countries = [...svg.querySelectorAll<SVGPathElement>('path[data-iso3]')]
    .filter((path) => rows.has(path.dataset['iso3']!))
    .map((path) => ({ path, box: path.getBBox() }))
    .sort((a, b) => a.box.x + a.box.width / 2 - (b.box.x + b.box.width / 2))
    .map(({ path }) => path);
  return { figure, svg, frame, tooltip, live: figure.querySelector('[data-map-live]'), countries, rows, headers };
}

/** A short accessible name from the row: "Italy: Second report 11; Government response Investigation or review". */
function labelFor(parts: MapParts, row: HTMLTableRowElement): string {
  const cells = [...row.children].map((cell) => cell.firstChild?.textContent?.trim() ?? cell.textContent?.trim() ?? '');
  const [name, first, second, , , response] = cells;
  const count = second && second !== '—' ? `${parts.headers[2]} ${second}` : `${parts.headers[1]} ${first}`;
  return `${name}: ${count}; ${parts.headers[5]}: ${response}`;
}

function fillTooltip(parts: MapParts, row: HTMLTableRowElement): void {
  const heading = document.createElement('h3');
  heading.textContent = row.querySelector('th')?.textContent?.trim() ?? '';
  const list = document.createElement('dl');
  [...row.children].slice(1).forEach((cell, i) => {
    const term = document.createElement('dt');
    term.textContent = parts.headers[i + 1] ?? '';
    const detail = document.createElement('dd');
    // Cloning the table's own nodes keeps tooltip and table identical and never parses a string as HTML.
    for (const node of cell.childNodes) detail.append(node.cloneNode(true));
    list.append(term, detail);
  });
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'map__tooltip-close';
  close.setAttribute('aria-label', parts.figure.dataset['closeLabel'] ?? 'Close');
  close.textContent = '×';
  parts.tooltip.replaceChildren(close, heading, list);
}

function placeTooltip(parts: MapParts, target: Element, pointer?: { x: number; y: number }): void {
  const frameBox = parts.frame.getBoundingClientRect();
  const box = target.getBoundingClientRect();
  const anchorX = pointer ? pointer.x : box.left + box.width / 2;
  const anchorY = pointer ? pointer.y : box.top + box.height / 2;
  parts.tooltip.hidden = false;
  const width = parts.tooltip.offsetWidth;
  const height = parts.tooltip.offsetHeight;
  let left = anchorX - frameBox.left + 12;
  if (left + width > frameBox.width) left = Math.max(0, anchorX - frameBox.left - width - 12);
  let top = anchorY - frameBox.top + 12;
  if (top + height > frameBox.height) top = Math.max(0, anchorY - frameBox.top - height - 12);
  // CSSOM writes are allowed under our CSP; style attributes in markup are not.
  parts.tooltip.style.left = `${Math.round(left)}px`;
  parts.tooltip.style.top = `${Math.round(top)}px`;
}

function enhanceMap(figure: HTMLElement): void {
  const parts = collectParts(figure);
  if (!parts || parts.countries.length === 0) return;
  const { svg, tooltip, countries, rows } = parts;
  let active: SVGPathElement | null = null;
  let hideTimer: number | undefined;

  svg.setAttribute('role', 'group');
  countries.forEach((path, i) => {
    const row = rows.get(path.dataset['iso3']!)!;
    path.setAttribute('tabindex', i === 0 ? '0' : '-1');
    path.setAttribute('role', 'button');
    path.setAttribute('aria-label', labelFor(parts, row));
    path.setAttribute('aria-describedby', `${figure.id}-hint`);
  });

  const show = (path: SVGPathElement, pointer?: { x: number; y: number }) => {
    window.clearTimeout(hideTimer);
    const row = rows.get(path.dataset['iso3']!);
    if (!row) return;
    if (active !== path) {
      active?.classList.remove('is-active');
      rows.get(active?.dataset['iso3'] ?? '')?.classList.remove('is-highlighted');
      active = path;
      path.classList.add('is-active');
      row.classList.add('is-highlighted');
      fillTooltip(parts, row);
    }
    placeTooltip(parts, path, pointer);
  };
  const hide = () => {
    window.clearTimeout(hideTimer);
    tooltip.hidden = true;
    active?.classList.remove('is-active');
    rows.get(active?.dataset['iso3'] ?? '')?.classList.remove('is-highlighted');
    active = null;
  };
  const hideSoon = () => {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, HIDE_DELAY_MS);
  };
  const focusCountry = (path: SVGPathElement) => {
    for (const other of countries) other.setAttribute('tabindex', other === path ? '0' : '-1');
    path.focus();
    show(path);
  };

  svg.addEventListener('pointerover', (event) => {
    const path = (event.target as Element).closest<SVGPathElement>('path[role="button"]');
    if (path && event.pointerType === 'mouse') show(path, { x: event.clientX, y: event.clientY });
  });
  svg.addEventListener('pointerout', (event) => {
    if (event.pointerType === 'mouse' && active && document.activeElement !== active) hideSoon();
  });
  // Tap or click toggles, so touch readers can open and close the details.
  svg.addEventListener('click', (event) => {
    const path = (event.target as Element).closest<SVGPathElement>('path[role="button"]');
    if (!path) return hide();
    if (active === path && !tooltip.hidden && event.pointerType !== 'mouse') return hide();
    for (const other of countries) other.setAttribute('tabindex', other === path ? '0' : '-1');
    show(path, { x: event.clientX, y: event.clientY });
  });
  // The tooltip stays while the pointer is over it (WCAG 1.4.13) and its links stay usable.
  tooltip.addEventListener('pointerenter', () => window.clearTimeout(hideTimer));
  tooltip.addEventListener('pointerleave', (event) => {
    if (event.pointerType === 'mouse' && document.activeElement !== active) hideSoon();
  });
  tooltip.addEventListener('click', (event) => {
    if ((event.target as Element).closest('.map__tooltip-close')) {
      const previous = active;
      hide();
      previous?.focus();
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
    const index = countries.indexOf(current);
    const moves: Record<string, number> = {
      ArrowRight: index + 1,
      ArrowDown: index + 1,
      ArrowLeft: index - 1,
      ArrowUp: index - 1,
      Home: 0,
      End: countries.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      const next = (moves[event.key]! + countries.length) % countries.length;
      focusCountry(countries[next]!);
    } else if (event.key === 'Escape') {
      hide();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      if (tooltip.hidden) show(current);
      else hide();
    }
  });
  figure.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !tooltip.hidden) {
      const previous = active;
      hide();
      if (tooltip.contains(document.activeElement)) previous?.focus();
    }
  });
  parts.frame.addEventListener('focusout', (event) => {
    const next = event.relatedTarget as Node | null;
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
  const findCountry = () => {
    const wanted = search?.value.trim().toLowerCase();
    if (!wanted) return;
    const match = countries.find((path) => {
      const name = rows.get(path.dataset['iso3']!)?.querySelector('th')?.firstChild?.textContent?.trim().toLowerCase();
      return name === wanted || (name?.startsWith(wanted) ?? false);
    });
    if (match) focusCountry(match);
  };
  search?.addEventListener('change', findCountry);
  search?.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      findCountry();
    }
  });

  figure.querySelector<HTMLElement>('[data-map-controls]')?.removeAttribute('hidden');
}

export function enhanceMaps(): void {
  for (const figure of document.querySelectorAll<HTMLElement>('[data-map]')) enhanceMap(figure);
}
