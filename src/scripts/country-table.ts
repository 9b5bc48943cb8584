/**
 * Sortable tables (/countries/): turns each sortable column header into a button, keeps aria-sort on the sorted
 * column and reorders the rows by each cell's data-sort value (a number, or text compared in the page's language).
 * Without JavaScript the table is complete and ordered by country name.
 */

export type SortDirection = 'ascending' | 'descending';

/** Compares two sort values: numbers numerically, anything else as text; empty values go last either way. */
export function compareSortValues(a: string, b: string, direction: SortDirection, locale: string): number {
  if (a === '' || b === '') return a === b ? 0 : a === '' ? 1 : -1;
  const na = Number(a);
  const nb = Number(b);
  const order = Number.isFinite(na) && Number.isFinite(nb) ? na - nb : a.localeCompare(b, locale);
  return direction === 'ascending' ? order : -order;
}

function sortValue(row: HTMLTableRowElement, column: number): string {
  const cell = row.cells[column];
  return cell?.dataset['sort'] ?? cell?.textContent?.trim() ?? '';
}

function sortTable(table: HTMLTableElement, header: HTMLTableCellElement, direction: SortDirection): void {
  const body = table.tBodies[0];
  if (!body) return;
  const column = header.cellIndex;
  const locale = document.documentElement.lang || 'en';
  const rows = Array.from(body.rows);
  // Ties keep the current order of the first column (country name), so each sort is stable and predictable.
  rows.sort(
    (a, b) =>
      compareSortValues(sortValue(a, column), sortValue(b, column), direction, locale) ||
      sortValue(a, 0).localeCompare(sortValue(b, 0), locale),
  );
  body.append(...rows);
  for (const th of table.querySelectorAll<HTMLTableCellElement>('th[data-sortable]')) {
    if (th === header) th.setAttribute('aria-sort', direction);
    else th.removeAttribute('aria-sort');
  }
}

/** Makes every `table[data-sortable-table]` sortable; headers to sort carry data-sortable (and data-first="descending" for counts). */
export function enhanceSortableTables(root: ParentNode = document): void {
  for (const table of root.querySelectorAll<HTMLTableElement>('table[data-sortable-table]:not([data-ready])')) {
    table.dataset['ready'] = '';
    const hint = table.dataset['sortHint'];
    if (hint && table.caption) {
      const note = document.createElement('span');
      note.className = 'visually-hidden';
      note.textContent = ` ${hint}`;
      table.caption.append(note);
    }
    for (const th of table.querySelectorAll<HTMLTableCellElement>('th[data-sortable]')) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      const label = document.createElement('span');
      label.append(...Array.from(th.childNodes));
      button.append(label);
      const icon = document.createElement('span');
      icon.className = 'sort-button__icon';
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      th.append(button);
      button.addEventListener('click', () => {
        const current = th.getAttribute('aria-sort');
        const first = (th.dataset['first'] as SortDirection | undefined) ?? 'ascending';
        const next: SortDirection = current === null ? first : current === 'ascending' ? 'descending' : 'ascending';
        sortTable(table, th, next);
      });
    }
  }
}
