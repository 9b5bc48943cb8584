// "An ordinary editorial change never breaks `npm test`": copies the project, makes the edits an editor makes every
// week in data/ (a new source, a station in a new country with its country row, a new event with an editor-only note,
// a changed count, a correction), then builds the copy and runs the copy's own built-site tests (dist) against that
// build. Every expectation in those suites must follow from data/, so this stays green.
//
// If this fails, a test in tests/dist/ hard-codes something that comes from data/: compute it
// from data/*.json instead (see tests/dist/charts.test.ts), never update a number by hand.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { load } from 'cheerio';
import { buildEnv, runBuild, type BuildResult } from '../helpers/build.ts';

const ROOT = process.cwd();
/** Not copied: dependencies (linked instead), builds, git, caches and test output. */
const SKIP_TOP_LEVEL = new Set(['node_modules', 'dist', '.git', '.astro', 'tests/artifacts']);
/** Caches inside node_modules that tools write to: the copy gets its own, so it never races a build in the repo. */
const SKIP_IN_NODE_MODULES = new Set(['.astro', '.vite', '.vite-temp', '.vitest-cache', '.cache']);

/** Countries on the 1:110m world map, with a capital to put the new station in; the first not yet in data/ is used. */
const NEW_COUNTRY_CANDIDATES = [
  { iso3: 'ISL', country: 'Iceland', city: 'Reykjavik', lat: 64.15, lon: -21.94 },
  { iso3: 'FIN', country: 'Finland', city: 'Helsinki', lat: 60.17, lon: 24.94 },
  { iso3: 'EST', country: 'Estonia', city: 'Tallinn', lat: 59.44, lon: 24.75 },
  { iso3: 'NOR', country: 'Norway', city: 'Oslo', lat: 59.91, lon: 10.75 },
  { iso3: 'POL', country: 'Poland', city: 'Warsaw', lat: 52.23, lon: 21.01 },
  { iso3: 'BEL', country: 'Belgium', city: 'Brussels', lat: 50.85, lon: 4.35 },
] as const;

type DataRecord = Record<string, unknown>;

let copy = '';
let check: { status: number; output: string } = { status: -1, output: '' };
let build: BuildResult = { status: -1, output: '' };
let suite: { status: number; output: string } = { status: -1, output: '' };
const edit = { iso3: '', eventId: '', stationId: '', sourceId: '', changedCountry: '', editorNote: '', staleEventId: '', staleSlug: '' };
let untranslated: { status: number; output: string } = { status: -1, output: '' };

function readData(file: string): DataRecord[] {
  return JSON.parse(readFileSync(path.join(copy, 'data', file), 'utf8')) as DataRecord[];
}
function writeData(file: string, records: DataRecord[]): void {
  writeFileSync(path.join(copy, 'data', file), `${JSON.stringify(records, null, 2)}\n`);
}

/** A date a few days back (UTC), so the "not in the future" rule holds in every time zone. */
function recentDate(): string {
  return new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10);
}

/** The project without node_modules, dist and .git; node_modules entries are symlinked one by one. */
function copyProject(): string {
  const target = mkdtempSync(path.join(os.tmpdir(), 'editorial-copy-'));
  cpSync(ROOT, target, {
    recursive: true,
    filter: (source) => !SKIP_TOP_LEVEL.has(path.relative(ROOT, source).split(path.sep).join('/')),
  });
  mkdirSync(path.join(target, 'node_modules'));
  for (const entry of readdirSync(path.join(ROOT, 'node_modules'))) {
    if (SKIP_IN_NODE_MODULES.has(entry)) continue;
    symlinkSync(path.join(ROOT, 'node_modules', entry), path.join(target, 'node_modules', entry));
  }
  return target;
}

/** The edits of an ordinary week, made the way content/EDITING.md tells an editor to make them. */
function editData(): void {
  const date = recentDate();
  const sources = readData('sources.json');
  const countryCounts = readData('country_counts.json');
  const stations = readData('stations.json');
  const events = readData('events.json');
  const corrections = readData('corrections.json');

  const taken = new Set([...countryCounts, ...stations].map((r) => r['iso3']));
  const place = NEW_COUNTRY_CANDIDATES.find((c) => !taken.has(c.iso3));
  if (!place) throw new Error('every candidate country is already in data/: add another to NEW_COUNTRY_CANDIDATES');
  const lower = place.iso3.toLowerCase();
  edit.iso3 = place.iso3;
  edit.sourceId = `${lower}-gazette-${date}`;
  edit.stationId = `${lower}-${place.city.toLowerCase()}-1`;
  edit.eventId = `${date}-${lower}-investigation`;
  edit.editorNote = `Editorial test ${date}: the tip came from a reader by telephone; do not publish.`;

  sources.push({
    id: edit.sourceId,
    title: `Police look into a reported Chinese police station in ${place.city}`,
    publisher: `${place.country} Gazette`,
    published: date,
    url: `https://www.${lower}-gazette.com/news/${date}/police-station`,
    tier: 'reputable',
  });
  countryCounts.push({
    id: lower,
    iso3: place.iso3,
    country: place.country,
    first_report: null,
    second_report: 1,
    second_report_is_minimum: false,
    verified: true,
    sources: [edit.sourceId],
    note: `One site in ${place.city}, reported by the ${place.country} Gazette.`,
  });
  stations.push({
    id: edit.stationId,
    iso3: place.iso3,
    country: place.country,
    city: place.city,
    lat: place.lat,
    lon: place.lon,
    operator: null,
    operator_source_tier: null,
    listed_in: null,
    status: 'under investigation',
    verified: true,
    sources: [edit.sourceId],
    note: `The ${place.country} Gazette reported the site, in central ${place.city}.`,
  });
  events.push({
    id: edit.eventId,
    date,
    iso3: place.iso3,
    country: place.country,
    actor: 'host-government',
    kind: 'investigation',
    title: `${place.country}'s police look into a reported station`,
    summary: `Police in ${place.city} say they are checking the report.`,
    verified: true,
    sources: [edit.sourceId],
    note: null,
    editor_note: edit.editorNote,
  });
  // A revised count: the verified country with the highest count gains one, which moves the map's takeaway too.
  const latest = (r: DataRecord): number => ((r['second_report'] ?? r['first_report'] ?? 0) as number);
  const top = countryCounts.filter((r) => r['verified'] === true).sort((a, b) => latest(b) - latest(a))[0]!;
  if (top['second_report'] !== null) top['second_report'] = (top['second_report'] as number) + 1;
  else top['first_report'] = (top['first_report'] as number) + 1;
  edit.changedCountry = String(top['iso3']);
  corrections.push({
    id: `${date}-${lower}-added`,
    date,
    kind: 'update',
    what: `We added a station in ${place.city} and the investigation into it, and revised one country's count.`,
    why: `The ${place.country} Gazette reported the site.`,
    sources: [edit.sourceId],
  });

  // The English summary of an existing, translated event is reworded: its translations become stale.
  const reworded = events.find((e) => e['iso3'] === 'IRL' && e['actor'] === 'host-government') ?? events.find((e) => e['iso3'])!;
  reworded['summary'] = `${String(reworded['summary'])} The editors reworded this summary.`;
  edit.staleEventId = String(reworded['id']);
  edit.staleSlug = String(reworded['country']).toLowerCase().replace(/[^a-z0-9]+/g, '-');

  writeData('sources.json', sources);
  writeData('country_counts.json', countryCounts);
  writeData('stations.json', stations);
  writeData('events.json', events);
  writeData('corrections.json', corrections);
}

/** The translators' share of the week: the new records in French and Chinese (content/EDITING.md, "Translations"). */
function translateNewRecords(): void {
  const place = NEW_COUNTRY_CANDIDATES.find((c) => c.iso3 === edit.iso3)!;
  const lower = place.iso3.toLowerCase();
  const date = recentDate();
  const english = (file: string, id: string) => readData(file).find((r) => r['id'] === id)!;
  const words = {
    fr: {
      count: `Un site à ${place.city}, signalé par la presse locale.`,
      city: place.city,
      station: `La presse locale a signalé ce site, dans le centre de ${place.city}.`,
      title: `La police examine un poste signalé`,
      summary: `La police de ${place.city} dit vérifier l’information.`,
      what: `Nous avons ajouté un poste à ${place.city} et l’enquête le concernant, et révisé le décompte d’un pays.`,
      why: `La presse locale a signalé le site.`,
    },
    zh: {
      count: `${place.city}有一处站点，由当地媒体报道。`,
      city: place.city,
      station: `当地媒体报道了位于${place.city}市中心的这一站点。`,
      title: `警方调查一处被报道的服务站`,
      summary: `${place.city}警方表示正在核查相关报道。`,
      what: `我们新增了${place.city}的一个服务站及相关调查，并修订了一个国家的数字。`,
      why: `当地媒体报道了该站点。`,
    },
  };
  for (const lang of ['fr', 'zh'] as const) {
    const add = (file: string, id: string, texts: Record<string, string>) => {
      const target = path.join(copy, 'data', 'i18n', lang, file);
      const overlay = JSON.parse(readFileSync(target, 'utf8')) as Record<string, unknown>;
      const record = english(file, id);
      overlay[id] = {
        translated: date,
        fields: Object.fromEntries(Object.entries(texts).map(([field, text]) => [field, { text, from: record[field] }])),
      };
      writeFileSync(target, `${JSON.stringify(overlay, null, 2)}\n`);
    };
    const w = words[lang];
    add('country_counts.json', lower, { note: w.count });
    add('stations.json', edit.stationId, { city: w.city, note: w.station });
    add('events.json', edit.eventId, { title: w.title, summary: w.summary });
    add('corrections.json', `${date}-${lower}-added`, { what: w.what, why: w.why });
  }
}

/** Runs a command in the copy with the clean build environment (no vitest variables leaking into the child). */
function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): { status: number; output: string } {
  const result = spawnSync(command, args, { cwd: copy, env: { ...buildEnv(), ...env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status ?? 1, output: `${result.stdout ?? ''}\n${result.stderr ?? ''}${result.error ? `\n${String(result.error)}` : ''}` };
}

const tail = (output: string, lines = 60): string =>
  output
    .replace(/\x1b\[[0-9;]*m/g, '')
    .trim()
    .split('\n')
    .slice(-lines)
    .join('\n');

beforeAll(() => {
  const times: string[] = [];
  const timed = <T>(label: string, step: () => T): T => {
    const start = performance.now();
    const result = step();
    times.push(`${label} ${((performance.now() - start) / 1000).toFixed(1)} s`);
    return result;
  };
  try {
    copy = timed('copy', copyProject);
    editData();
    translateNewRecords();
    check = timed('check', () => run(process.execPath, ['src/cli/validate-data.ts']));
    if (check.status !== 0) return;
    build = timed('build', () => runBuild(path.join(copy, 'dist'), { cwd: copy }));
    if (build.status !== 0) return;
    // The components project (golden SVGs) reads tests/fixtures/golden/, never data/, so only dist can be affected.
    suite = timed('dist suite', () => run('npx', ['vitest', 'run', '--project', 'dist'], { DIST_DIR: path.join(copy, 'dist') }));
    // Then a translator's slip: the French translation of the new event deleted. The check (and so the build) stops.
    const frEvents = path.join(copy, 'data', 'i18n', 'fr', 'events.json');
    const overlay = JSON.parse(readFileSync(frEvents, 'utf8')) as Record<string, unknown>;
    delete overlay[edit.eventId];
    writeFileSync(frEvents, `${JSON.stringify(overlay, null, 2)}\n`);
    untranslated = timed('check without a translation', () => run(process.execPath, ['src/cli/validate-data.ts']));
  } finally {
    console.log(`editorial copy: ${times.join(', ')}`);
  }
}, 300_000);

afterAll(() => {
  if (copy && existsSync(copy)) rmSync(copy, { recursive: true, force: true });
});

describe('an ordinary edit to data/ (new source, station, country row, event, correction; a revised count)', () => {
  test('passes the data check (npm run check)', () => {
    expect(check.status, tail(check.output)).toBe(0);
  });

  test('builds', () => {
    expect(build.status, tail(build.output)).toBe(0);
  });

  test('shows up in the build: the new country on the map, the new event on the timeline, no editor_note', () => {
    const front = load(readFileSync(path.join(copy, 'dist', 'index.html'), 'utf8'));
    expect(front(`figure#world-map svg[data-map-svg] path[data-iso3="${edit.iso3}"]`).length).toBe(1);
    const chapter = readFileSync(path.join(copy, 'dist', 'how-countries-responded', 'index.html'), 'utf8');
    expect(load(chapter)(`[id="event-${edit.eventId}"]`).length, `#event-${edit.eventId} on the chapter page`).toBe(1);
    expect(chapter).not.toContain('do not publish');
  });

  test('lists the reworded summary as a stale translation, and the French and Chinese pages show a dated notice', () => {
    expect(check.output).toContain(`record "${edit.staleEventId}" (translated`);
    for (const lang of ['fr', 'zh']) {
      const file = path.join(copy, 'dist', lang, 'countries', edit.staleSlug, 'index.html');
      const $ = load(readFileSync(file, 'utf8'));
      const notice = $(`[data-stale="events:${edit.staleEventId}"]`);
      expect(notice.length, `${lang}: stale notice for ${edit.staleEventId}`).toBe(1);
      expect(notice.find('a[hreflang="en"]').attr('href')).toMatch(new RegExp(`/countries/${edit.staleSlug}/#event-${edit.staleEventId}$`));
      expect(notice.text()).toMatch(/\d/);
      expect($('[data-stale]').length, `${lang}: only the reworded record is flagged`).toBe(1);
    }
    const english = load(readFileSync(path.join(copy, 'dist', 'countries', edit.staleSlug, 'index.html'), 'utf8'));
    expect(english('[data-stale]').length).toBe(0);
  });

  test('a missing French translation stops the check, naming the file, the record and the field', () => {
    expect(untranslated.status).toBe(1);
    expect(untranslated.output).toMatch(new RegExp(`data/i18n/fr/events\\.json:\\d+:\\d+ +record "${edit.eventId}", field "title": has no French translation`));
  });

  test("the copy's own dist suite passes against that build", () => {
    const summary = /^\d+ passed, \d+ failed(, \d+ skipped)?$/m.exec(suite.output.replace(/\x1b\[[0-9;]*m/g, ''))?.[0] ?? '(no summary line)';
    expect(suite.status, `npx vitest run --project dist in the edited copy: ${summary}\n${tail(suite.output, 120)}`).toBe(0);
    expect(summary).toMatch(/^[1-9]\d* passed, 0 failed/);
  });
});
