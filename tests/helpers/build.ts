// Runs `astro build` for tests into a directory of their choosing (never the shared dist/), with a clean environment.
import { execFileSync } from 'node:child_process';

const VITEST_ENV = new Set(['BASE_URL', 'MODE', 'DEV', 'PROD', 'SSR', 'NODE_ENV', 'TEST', 'VITEST', 'FORCE_TTY']);

export interface BuildOptions {
  /** Project directory to build (a temp copy for broken-content tests). Default: the repo. */
  cwd?: string;
  /** Base path, e.g. '/explainer/'. Default '/'. */
  base?: string;
  /** Data directory, relative to cwd or absolute (the DATA_DIR the build reads). Default: data/. */
  dataDir?: string;
}

export interface BuildResult {
  status: number;
  output: string;
}

/**
 * Vitest puts Vite's env (BASE_URL=/, MODE=test, DEV, PROD, SSR) and NODE_ENV=test into process.env; Astro's Vite
 * would take BASE_URL over the configured base and build a dev-flavoured site, so the child gets a clean env.
 */
export function buildEnv(options: BuildOptions = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const name of Object.keys(env)) {
    if (VITEST_ENV.has(name) || name.startsWith('VITEST_')) delete env[name];
  }
  delete env['BASE_PATH'];
  delete env['DATA_DIR'];
  if (options.base && options.base !== '/') env['BASE_PATH'] = options.base;
  if (options.dataDir) env['DATA_DIR'] = options.dataDir;
  return env;
}

/** Builds and returns the exit status and combined output, without throwing, so tests can assert on failures too. */
export function runBuild(outDir: string, options: BuildOptions = {}): BuildResult {
  try {
    const output = execFileSync('npx', ['astro', 'build', '--outDir', outDir], {
      cwd: options.cwd ?? process.cwd(),
      env: buildEnv(options),
      stdio: 'pipe',
      encoding: 'utf8',
    });
    return { status: 0, output };
  } catch (error) {
    const { status = 1, stdout = '', stderr = '' } = error as { status?: number; stdout?: string; stderr?: string };
    return { status: status ?? 1, output: `${stdout}\n${stderr}` };
  }
}
