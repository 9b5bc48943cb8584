// Checks that every built HTML page is valid: html-validate's recommended rules per page, then the Nu HTML Checker (vnu) once over all pages.
import { describe, expect, test } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData, type Message } from 'html-validate';

const ROOT = process.cwd();
// DIST_DIR lets a run check a build in another directory while someone else rebuilds dist/ (see tests/helpers/browser.ts).
const DIST = path.resolve(ROOT, process.env.DIST_DIR ?? 'dist');
const distBuilt = existsSync(path.join(DIST, 'index.html'));

// The jar that the vnu-jar package ships (its main module only exports this path, and it has no type declarations).
const VNU_JAR = createRequire(import.meta.url).resolve('vnu-jar/build/dist/vnu.jar');
const JAVA = process.env.JAVA ?? 'java';
/**
 * A one-shot JVM is dominated by JIT warm-up: C1 only (TieredStopAtLevel=1) and the serial GC cut a run from ~6-8 s to
 * ~1-3 s. C1 frames are larger, so vnu's schema code overflows the default thread stack; -Xss8m covers it.
 */
const JVM_OPTIONS = ['-Xss8m', '-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1'];

/**
 * html-validate's recommended preset, with no rules turned off. StaticConfigLoader means no .htmlvalidate.json in the tree
 * can silently relax this. If a rule ever has to be disabled, do it here with a comment saying why, and only when vnu
 * agrees the markup is valid.
 */
const HTML_VALIDATE_CONFIG: ConfigData = {
  extends: ['html-validate:recommended'],
};

function htmlFiles(): string[] {
  if (!distBuilt) return [];
  return readdirSync(DIST, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.html'))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

const pages = htmlFiles();

// Fail with one clear message instead of a silent pass when the tests run before a build.
test(`${path.relative(ROOT, DIST) || DIST}/ has been built (run \`npm run build\` or set DIST_DIR)`, () => {
  expect(distBuilt, `${DIST}/index.html is missing`).toBe(true);
  expect(pages.length, 'no .html files found').toBeGreaterThan(0);
});

/** `what-they-are/index.html:12:34 no-dup-id Duplicate ID "x" [#main > article > p > sup > a]` */
function formatHtmlValidateMessage(file: string, message: Message): string {
  const where = message.selector ? ` [${message.selector}]` : '';
  return `${file}:${message.line}:${message.column} ${message.ruleId} ${message.message}${where}`;
}

describe('html-validate (html-validate:recommended)', () => {
  const htmlvalidate = new HtmlValidate(new StaticConfigLoader(HTML_VALIDATE_CONFIG));

  test.each(pages)('%s has no html-validate errors', async (file) => {
    const report = await htmlvalidate.validateFile(path.join(DIST, file));
    // Severity 2 is an error; the recommended preset has no warnings, but report them too in case it gains some.
    const errors = report.results.flatMap((result) => result.messages.map((message) => formatHtmlValidateMessage(file, message)));
    // Compare the count, not the array, so each problem is printed once rather than again in a diff.
    expect(errors.length, `html-validate found ${errors.length} problem(s) in ${file}:\n${errors.join('\n')}\n`).toBe(0);
  });
});

interface VnuMessage {
  type: 'error' | 'info' | 'non-document-error';
  subType?: string;
  url?: string;
  lastLine?: number;
  firstColumn?: number;
  lastColumn?: number;
  message: string;
  extract?: string;
}

/** `embed/map/index.html:1:55731 error Stray start tag “script”. … ';</script></body></html><script type="module">' */
function formatVnuMessage(message: VnuMessage): string {
  let file = message.url ?? '(no file)';
  if (file.startsWith('file:')) file = path.relative(DIST, new URL(file).pathname).split(path.sep).join('/');
  const line = message.lastLine ?? '?';
  const column = message.firstColumn ?? message.lastColumn ?? '?';
  const kind = message.subType ? `${message.type}/${message.subType}` : message.type;
  const extract = message.extract ? `\n    near: ${message.extract.replace(/\s+/g, ' ').trim()}` : '';
  return `${file}:${line}:${column} ${kind} ${message.message}${extract}`;
}

describe('Nu HTML Checker (vnu)', () => {
  // One JVM for all pages keeps this to a few seconds; the generous timeout covers a cold JVM on a busy 2-CPU runner.
  test(
    'all pages have no vnu errors',
    () => {
      const files = pages.map((file) => path.join(DIST, file));
      const run = spawnSync(JAVA, [...JVM_OPTIONS, '-jar', VNU_JAR, '--errors-only', '--format', 'json', ...files], {
        encoding: 'utf8',
        maxBuffer: 64 * 1024 * 1024,
      });
      if (run.error) throw new Error(`Could not run ${JAVA} -jar ${VNU_JAR}: ${run.error.message} (is Java installed?)`);
      // vnu writes its JSON report to stderr (stdout with --stdout); exit status 1 just means "errors found".
      const output = [run.stderr, run.stdout].map((text) => text.trim()).find((text) => text.startsWith('{'));
      if (!output) {
        throw new Error(`vnu produced no JSON report (exit ${run.status}).\nstdout: ${run.stdout}\nstderr: ${run.stderr}`);
      }
      const report = JSON.parse(output) as { messages: VnuMessage[] };
      // --errors-only already drops warnings/info; keep the filter so a stray info line cannot fail the run.
      const errors = report.messages.filter((message) => message.type !== 'info').map(formatVnuMessage);
      expect(errors.length, `vnu found ${errors.length} error(s):\n${errors.join('\n')}\n`).toBe(0);
      expect(run.status, `vnu exited with ${run.status} but reported no errors:\n${run.stderr}`).toBe(0);
    },
    180_000,
  );
});
