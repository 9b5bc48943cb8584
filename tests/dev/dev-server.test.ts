// `npm run dev` on a copy of the project: a data/ edit shows without a restart, the /data/ download links work, and
// a data or MDX mistake shows in the terminal and in the browser's error overlay with file:line, as `npm run check` prints it.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/browser.ts';
import { buildEnv } from '../helpers/build.ts';

const ASTRO = path.resolve('node_modules/astro/bin/astro.mjs');
const PAGE = 'embed/timeline/';
const CHAPTER = 'content/chapters/01-what-they-are.mdx';

let project = '';
let server: ChildProcess | undefined;
let base = '';
let log = '';
let browser: Browser | undefined;

const stripAnsi = (text: string): string => text.replace(/\x1b\[[0-9;]*m/g, '');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

async function get(relative: string): Promise<{ status: number; text: string }> {
  try {
    const response = await fetch(new URL(relative, base), { signal: AbortSignal.timeout(10_000) });
    return { status: response.status, text: await response.text() };
  } catch {
    return { status: 0, text: '' };
  }
}

/** Polls until `accept` holds, returning the last response and how long it took. */
async function waitFor(relative: string, accept: (r: { status: number; text: string }) => boolean, timeoutMs: number) {
  const start = performance.now();
  let last = { status: 0, text: '' };
  while (performance.now() - start < timeoutMs) {
    last = await get(relative);
    if (accept(last)) return { ...last, ms: performance.now() - start };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return { ...last, ms: Number.POSITIVE_INFINITY };
}

/** The message in Astro's error overlay, as a browser shows it. */
async function overlayMessage(relative: string): Promise<string> {
  browser ??= await launchChromium();
  const page = await browser.newPage();
  try {
    await page.goto(new URL(relative, base).href);
    const overlay = await page.waitForSelector('vite-error-overlay', { state: 'attached', timeout: 15_000 });
    await page.waitForFunction(
      (el) => (el?.shadowRoot?.querySelector('#message-content')?.textContent ?? '').trim() !== '',
      overlay,
      { timeout: 15_000 },
    );
    return await overlay.evaluate((el) => el.shadowRoot?.querySelector('#message-content')?.textContent ?? '');
  } finally {
    await page.close();
  }
}

function editEvent(file: string, id: string, field: string, value: string): void {
  const events = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>[];
  const event = events.find((e) => e['id'] === id);
  if (!event) throw new Error(`no event ${id}`);
  event[field] = value;
  writeFileSync(file, `${JSON.stringify(events, null, 2)}\n`);
}

beforeAll(async () => {
  // A copy of the project with the real node_modules linked in, so edits never touch the shared data/ or content/.
  project = mkdtempSync(path.join(os.tmpdir(), 'dev-server-'));
  for (const entry of ['src', 'content', 'data', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(entry, path.join(project, entry), { recursive: true });
  }
  symlinkSync(path.resolve('node_modules'), path.join(project, 'node_modules'), 'dir');
  const port = await freePort();
  base = `http://127.0.0.1:${String(port)}/`;
  server = spawn(process.execPath, [ASTRO, 'dev', '--host', '127.0.0.1', '--port', String(port)], {
    cwd: project,
    env: buildEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const ready = await waitFor(PAGE, (r) => r.status === 200, 75_000);
  if (ready.status !== 200) throw new Error(`astro dev did not serve ${PAGE} (status ${String(ready.status)}):\n${stripAnsi(log).slice(-3000)}`);
}, 90_000);

afterAll(async () => {
  await browser?.close();
  if (server?.pid !== undefined && server.exitCode === null) {
    server.kill('SIGTERM');
    await new Promise((resolve) => {
      const timer = setTimeout(() => {
        server?.kill('SIGKILL');
        resolve(undefined);
      }, 3000);
      server?.once('exit', () => {
        clearTimeout(timer);
        resolve(undefined);
      });
    });
  }
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('npm run dev', () => {
  const eventsFile = (): string => path.join(project, 'data/events.json');

  test('the /data/ download links (no trailing slash) are served', async () => {
    for (const file of ['stations.csv', 'events.json']) {
      const response = await get(`downloads/${file}`);
      expect(response.status, `downloads/${file}`).toBe(200);
      expect(response.text.length).toBeGreaterThan(100);
    }
  });

  test('an edited event title is served within a few seconds, without a restart', async () => {
    const events = JSON.parse(readFileSync(eventsFile(), 'utf8')) as { id: string; title: string }[];
    const event = events[0]!;
    const title = `Dev reload check ${String(Date.now())}`;
    expect((await get(PAGE)).text).not.toContain(title);
    editEvent(eventsFile(), event.id, 'title', title);
    const page = await waitFor(PAGE, (r) => r.text.includes(title), 10_000);
    console.log(`dev reload: the edited title was served ${page.ms.toFixed(0)} ms after the write`);
    expect(page.ms, 'the page never showed the new title').toBeLessThan(5_000);
    const download = await waitFor('downloads/events.csv', (r) => r.text.includes(title), 5_000);
    expect(download.status).toBe(200);
  }, 30_000);

  test('an invalid value shows the `npm run check` message in the terminal and the error overlay', async () => {
    const events = JSON.parse(readFileSync(eventsFile(), 'utf8')) as { id: string; date: string }[];
    const event = events[0]!;
    const valid = readFileSync(eventsFile(), 'utf8');
    editEvent(eventsFile(), event.id, 'date', '28/11/2026');
    try {
      // What an editor sees from `npm run check` on the same files: the first line is the problem.
      const check = spawnSync(process.execPath, ['src/cli/validate-data.ts'], { cwd: project, env: buildEnv(), encoding: 'utf8' });
      expect(check.status).toBe(1);
      const expected = check.stderr.split('\n')[0]!;
      expect(expected).toMatch(new RegExp(`^data/events\\.json:\\d+:\\d+  record #1 \\(id "${event.id}"\\), field "date": `));

      const page = await waitFor(PAGE, (r) => r.status === 500, 10_000);
      expect(page.status, 'the page should fail while data/ is invalid').toBe(500);
      await expect.poll(() => stripAnsi(log), { timeout: 5_000 }).toContain(expected);
      expect(await overlayMessage(PAGE)).toContain(expected);
    } finally {
      writeFileSync(eventsFile(), valid);
    }
    const fixed = await waitFor(PAGE, (r) => r.status === 200, 10_000);
    expect(fixed.status, 'the page should come back once the data is fixed').toBe(200);
  }, 45_000);

  test('{typo} in a chapter names the chapter file and line in the overlay', async () => {
    const file = path.join(project, CHAPTER);
    const original = readFileSync(file, 'utf8');
    const lines = original.split('\n');
    const closing = lines.indexOf('---', 1);
    lines.splice(closing + 2, 0, 'Fuzhou {typo} is here.', '');
    writeFileSync(file, lines.join('\n'));
    try {
      const where = `${CHAPTER}:${String(closing + 3)}:8`;
      const page = await waitFor('what-they-are/', (r) => r.status === 500, 10_000);
      expect(page.status).toBe(500);
      expect(await overlayMessage('what-they-are/')).toContain(`${where}  {typo} is read as code`);
      expect(stripAnsi(log)).toContain(where);
    } finally {
      writeFileSync(file, original);
    }
  }, 45_000);
});
