// Starts Cloudflare's own runtime on a built site: `wrangler pages dev <dir>` runs workerd locally and offline, with
// the same `_headers` engine as the host (matching, `! Name` detaching, joining repeated headers with ", ").
// Our in-memory model (src/lib/security/headers.ts) and the dist tests can only agree with themselves; this cannot.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The Pages worker's compatibility date. Fixed, so a wrangler upgrade cannot silently change behaviour; it must not be
 * later than the bundled workerd supports (wrangler 4.164 ships workerd 1.20261117, i.e. up to 2026-11-17).
 */
export const COMPATIBILITY_DATE = '2026-11-01';

export interface PagesDev {
  /** Origin with a trailing slash, e.g. `http://127.0.0.1:41873/`. */
  url: string;
  /** Everything wrangler printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Stops wrangler and workerd (the whole process group) and removes the temporary directory. */
  close(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Vitest's own variables (NODE_ENV=test, VITEST_*) are dropped so wrangler runs as it would for a developer. */
function wranglerEnv(work: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) {
    if (name === 'NODE_ENV' || name === 'TEST' || name === 'VITEST' || name.startsWith('VITEST_')) delete env[name];
  }
  return {
    ...env,
    // No usage metrics, and no download of the `Request.cf` placeholder object (it needs the network; we never read it).
    WRANGLER_SEND_METRICS: 'false',
    CLOUDFLARE_CF_FETCH_ENABLED: 'false',
    // Wrangler's debug logs go to the temporary directory, not ~/.config.
    WRANGLER_LOG_PATH: path.join(work, 'logs'),
    CI: 'true',
    NO_COLOR: '1',
  };
}

/**
 * Serves `dist` (a build made for `base`) with `wrangler pages dev` on 127.0.0.1 and a free port, and resolves once it
 * answers HTTP. A site built for a sub-path is staged under that path with `_headers` at the root, as the host sees it.
 */
export async function startPagesDev(dist: string, base = '/', timeoutMs = 90_000): Promise<PagesDev> {
  const work = mkdtempSync(path.join(os.tmpdir(), 'pages-dev-'));
  let root = dist;
  if (base !== '/') {
    root = path.join(work, 'site');
    cpSync(dist, path.join(root, base), { recursive: true });
    cpSync(path.join(dist, '_headers'), path.join(root, '_headers'));
  }
  const require = createRequire(import.meta.url);
  const cli = path.join(path.dirname(require.resolve('wrangler/package.json')), 'bin', 'wrangler.js');
  const port = await freePort();
  const inspectorPort = await freePort();
  // process.execPath is the pinned Node 24 that runs vitest; cwd is the temp dir so .wrangler/ never lands in the repo.
  const child = spawn(
    process.execPath,
    [
      cli, 'pages', 'dev', root,
      '--ip', '127.0.0.1',
      '--port', String(port),
      '--inspector-port', String(inspectorPort),
      '--compatibility-date', COMPATIBILITY_DATE,
      '--persist-to', path.join(work, 'state'),
      '--show-interactive-dev-session=false',
    ],
    // Its own process group, so close() can stop wrangler and the workerd it starts in one signal.
    { cwd: work, env: wranglerEnv(work), detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  let exited: number | string | null = null;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = code ?? signal ?? 'unknown';
      resolve();
    }),
  );

  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
  };
  // If the test worker dies before afterAll runs, do not leave workerd listening.
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);

  const close = async () => {
    process.off('exit', onExit);
    if (exited === null) {
      killGroup('SIGTERM');
      const stopped = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
      if (!stopped) killGroup('SIGKILL');
    }
    // workerd may outlive the wrangler parent for a moment; the group kill above reaches it too.
    killGroup('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  };

  const url = `http://127.0.0.1:${port}/`;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited !== null) {
      await close();
      throw new Error(`wrangler pages dev exited (${exited}) before serving:\n${output}`);
    }
    try {
      // The first request compiles the Pages worker; on a busy 2-CPU machine it can take several seconds.
      await fetch(url, { signal: AbortSignal.timeout(15_000) });
      break;
    } catch {
      if (Date.now() > deadline) {
        await close();
        throw new Error(`wrangler pages dev did not answer on ${url} within ${timeoutMs / 1000} s:\n${output}`);
      }
      await sleep(250);
    }
  }
  return { url, output: () => output, close };
}
