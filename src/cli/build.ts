/**
 * `npm run build` (after `prebuild` has validated data/): checks every MDX file and reports all content problems at
 * once, then runs `astro build` into a staging folder and swaps it into dist/ only when the build succeeded, so a
 * failed build never leaves a half-built dist/ that someone could upload.
 *
 *   node src/cli/build.ts [--check] [astro build options…]
 *     --check   check the content only, build nothing (`npm run check:content`)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { checkContent, formatContentIssues } from '../lib/content-check.ts';
import { DatasetError, loadDataset } from '../lib/dataset/load.ts';

const root = process.cwd();
const args = process.argv.slice(2);
const checkOnly = args.includes('--check');
const astroArgs = args.filter((arg) => arg !== '--check');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

// 1. Content. Data problems are prebuild's to report; here they only stop the id checks from running on bad data.
let dataset = null;
try {
  dataset = loadDataset(path.resolve(root, process.env['DATA_DIR'] ?? 'data'));
} catch (error) {
  if (!(error instanceof DatasetError)) throw error;
  fail(error.message);
}
const issues = checkContent(root, dataset);
if (issues.length > 0) fail(formatContentIssues(issues));
console.log(`content/ OK: every chapter and page checked.`);
if (checkOnly) process.exit(0);

// 2. Build into a staging folder next to dist/ (same file system, so the swap is two renames).
const outIndex = astroArgs.findIndex((arg) => arg === '--outDir' || arg.startsWith('--outDir='));
let outDir = path.resolve(root, 'dist');
if (outIndex >= 0) {
  const arg = astroArgs[outIndex] ?? '';
  outDir = path.resolve(root, arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : (astroArgs[outIndex + 1] ?? 'dist'));
  astroArgs.splice(outIndex, arg.includes('=') ? 1 : 2);
}
const parent = path.dirname(outDir);
const name = path.basename(outDir);
const staging = path.join(parent, `${name}-staging-${String(process.pid)}`);
const previous = path.join(parent, `${name}-previous-${String(process.pid)}`);

// Leftovers of builds that were killed (their process is gone) would only confuse.
for (const entry of existsSync(parent) ? readdirSync(parent) : []) {
  const pid = new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(?:staging|previous)-(\\d+)$`).exec(entry)?.[1];
  if (pid !== undefined && !isRunning(Number(pid))) rmSync(path.join(parent, entry), { recursive: true, force: true });
}

const cleanUp = (): void => rmSync(staging, { recursive: true, force: true });
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

const astro = path.join(path.dirname(createRequire(import.meta.url).resolve('astro/package.json')), 'bin/astro.mjs');
const result = spawnSync(process.execPath, [astro, 'build', ...astroArgs, '--outDir', staging], { stdio: 'inherit' });
if (result.status !== 0) {
  cleanUp();
  fail(`\nThe build failed, so ${path.relative(root, outDir) || outDir}/ was left as it was.`);
}

if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
