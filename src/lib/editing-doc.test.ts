// content/EDITING.md lists every id an editor can write in <Count of="…" />. This test keeps that list true: it fails
// when a metric (src/lib/derive/metrics.ts, changed only by developers) is missing from the guide, or when the guide
// lists a <Count> id that no longer exists. Figure ids come from data/figures.json, which editors change: the guide's
// <Stat> table is a sample and /data/ lists the current ids, so adding a figure never breaks `npm test`.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import en from '../../content/ui/en.json' with { type: 'json' };
import { METRIC_IDS } from './derive/metrics.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const GUIDE = readFileSync(path.join(ROOT, 'content/EDITING.md'), 'utf8');
const labels = en as Record<string, string>;

/** The section that lists the ids: from its "## Ids for …" heading to the next "## " heading. */
const IDS_HEADING = /^## Ids for `<Stat>` and `<Count>`$/m;
const section = ((): string => {
  const start = GUIDE.search(IDS_HEADING);
  if (start === -1) return '';
  const body = GUIDE.slice(GUIDE.indexOf('\n', start) + 1);
  const end = body.search(/^## /m);
  return end === -1 ? body : body.slice(0, end);
})();

/** The ids in that section's table rows (lines starting "| `<Count of="…"` or "| `<Stat id="…"`). */
function tableIds(component: 'Count' | 'Stat'): string[] {
  const attribute = component === 'Count' ? 'of' : 'id';
  const row = new RegExp(`^\\|\\s*\`<${component} ${attribute}="([^"]+)" />\``, 'gm');
  return [...section.matchAll(row)].map((match) => match[1] ?? '');
}

describe('content/EDITING.md lists the ids editors can use', () => {
  test('has the section "## Ids for `<Stat>` and `<Count>`"', () => {
    expect(section, 'content/EDITING.md needs the heading "## Ids for `<Stat>` and `<Count>`" above the two id tables').not.toBe('');
  });

  test('every <Count of> id (METRIC_IDS) has a row', () => {
    const listed = new Set(tableIds('Count'));
    const missing = METRIC_IDS.filter((id) => !listed.has(id));
    const rows = missing.map((id) => `| \`<Count of="${id}" />\` | ${labels[`metric.${id}`] ?? '…'} |`);
    expect(missing, `Add these rows to the <Count> table in content/EDITING.md:\n${rows.join('\n')}`).toEqual([]);
  });

  test('the <Count> table lists no id that does not exist', () => {
    const metrics = new Set<string>(METRIC_IDS);
    const stale = tableIds('Count').filter((id) => !metrics.has(id)).map((id) => `<Count of="${id}" />`);
    expect(stale, `Remove (or correct) these rows in content/EDITING.md: no such id exists`).toEqual([]);
  });

  test('each id is listed once', () => {
    const twice = (ids: string[]) => ids.filter((id, i) => ids.indexOf(id) !== i);
    expect([...twice(tableIds('Count')), ...twice(tableIds('Stat'))]).toEqual([]);
  });
});
