// Broken chapters must stop `npm run build` with the chapter's file and line, every broken chapter in one run, and
// a failed build must leave the previous dist/ exactly as it was.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildEnv, runBuild } from '../helpers/build.ts';

const FIXTURES = path.resolve('tests/fixtures/broken-chapters');
const CHAPTER = 'content/chapters/01-what-they-are.mdx';
let project = '';

beforeAll(() => {
  // A copy of the project with the real node_modules linked in: the fixtures replace chapters in the copy only.
  project = mkdtempSync(path.join(os.tmpdir(), 'broken-content-'));
  for (const entry of ['src', 'content', 'data', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(entry, path.join(project, entry), { recursive: true });
  }
  symlinkSync(path.resolve('node_modules'), path.join(project, 'node_modules'), 'dir');
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

/** `npm run build` in the copy (prebuild data check, content check, staged astro build), never throwing. */
function npmBuild(): { status: number; output: string } {
  try {
    const output = execFileSync('npm', ['run', 'build'], { cwd: project, env: buildEnv(), stdio: 'pipe', encoding: 'utf8' });
    return { status: 0, output };
  } catch (error) {
    const { status, stdout = '', stderr = '' } = error as { status?: number | null; stdout?: string; stderr?: string };
    return { status: status ?? 1, output: `${stdout}\n${stderr}`.replace(/\x1b\[[0-9;]*m/g, '') };
  }
}

/** Puts fixtures in place of chapters (chapter path → fixture name), runs `fn`, then restores the chapters. */
function withFixtures<T>(replacements: Record<string, string>, fn: () => T): T {
  const originals = Object.keys(replacements).map((chapter) => [chapter, readFileSync(path.join(project, chapter), 'utf8')] as const);
  try {
    for (const [chapter, fixture] of Object.entries(replacements)) {
      writeFileSync(path.join(project, chapter), readFileSync(path.join(FIXTURES, `${fixture}.mdx`), 'utf8'));
    }
    return fn();
  } finally {
    for (const [chapter, text] of originals) writeFileSync(path.join(project, chapter), text);
  }
}

/** Every file under dir with a hash of its contents, to prove a failed build changed nothing. */
function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(dir, file), createHash('sha256').update(readFileSync(file)).digest('hex'));
    }
  }
  return files;
}

describe('npm run build on broken chapters', () => {
  test('the untouched copy builds into dist/, so the failures below come from the fixtures', () => {
    const result = npmBuild();
    expect(result.status, result.output.slice(-3000)).toBe(0);
    expect(existsSync(path.join(project, 'dist/index.html'))).toBe(true);
    expect(readdirSync(project).filter((name) => /^dist-(staging|previous)-/.test(name))).toEqual([]);
  }, 180_000);

  // Fixture → the `file:line:column` and words the report must contain.
  const cases: Record<string, { at: string; says: string }> = {
    'unclosed-brace': { at: `${CHAPTER}:8:40`, says: 'A "{" is never closed' },
    'typo-expression': { at: `${CHAPTER}:8:29`, says: '{typo} is read as code' },
    'unknown-component': { at: `${CHAPTER}:8:18`, says: '<StationChart> is not a component' },
    'misspelt-component': { at: `${CHAPTER}:8:43`, says: 'Did you mean <Cite>?' },
    'missing-frontmatter': { at: `${CHAPTER}:5:1`, says: 'frontmatter field "slug" is missing' },
    'yaml-error': { at: `${CHAPTER}:2:1`, says: 'not valid YAML' },
    'unknown-cite': { at: `${CHAPTER}:8:43`, says: '<Cite id="no-such-source-2022" /> names a source that is not in data/sources.json' },
    'unknown-stat': { at: `${CHAPTER}:8:16`, says: '<Stat id="no-such-figure" /> names a figure that is not in data/figures.json' },
  };
  for (const [fixture, { at, says }] of Object.entries(cases)) {
    test(`${fixture}: stops the build at ${at.slice(CHAPTER.length + 1)}`, () => {
      const result = withFixtures({ [CHAPTER]: fixture }, npmBuild);
      expect(result.status, result.output.slice(-2000)).not.toBe(0);
      const line = result.output.split('\n').find((text) => text.startsWith(`${at}  `));
      expect(line, result.output.slice(-2000)).toBeDefined();
      expect(line).toContain(says);
    }, 60_000);
  }

  test('two chapters with the same order stop the build, naming both files', () => {
    const result = withFixtures({ [CHAPTER]: 'duplicate-order' }, npmBuild);
    expect(result.status, result.output.slice(-2000)).not.toBe(0);
    expect(result.output).toContain(`${CHAPTER}:4:1  order 2 is also the order of content/chapters/02-how-they-operate.mdx:4.`);
    expect(result.output).toContain(`content/chapters/02-how-they-operate.mdx:4:1  order 2 is also the order of ${CHAPTER}:4.`);
  }, 60_000);

  test('every broken chapter is reported in one run', () => {
    const third = 'content/chapters/03-why-it-matters.mdx';
    const result = withFixtures({ [CHAPTER]: 'unknown-cite', [third]: 'typo-expression' }, npmBuild);
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${CHAPTER}:8:43  <Cite id="no-such-source-2022" />`);
    expect(result.output).toContain(`${third}:8:29  {typo} is read as code`);
    // Both fixtures are "chapter 1" at /what-they-are/, so the clash is reported too, in the same run.
    expect(result.output).toContain(`${third}:4:1  order 1 is also the order of ${CHAPTER}:4.`);
    expect(result.output).toContain('6 problems in content/. The build stops until they are fixed.');
  }, 60_000);

  test('astro build on its own (dev and tests skip the pre-check) still names the file and line of <Cit>', () => {
    const result = withFixtures({ [CHAPTER]: 'misspelt-component' }, () => runBuild(path.join(project, 'dist-direct'), { cwd: project }));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(`${CHAPTER}:8:43  <Cit> is not a component`);
  }, 180_000);

  test('a build that fails inside Astro leaves dist/ exactly as it was, with no staging folder', () => {
    const dist = path.join(project, 'dist');
    expect(existsSync(path.join(dist, 'index.html')), 'the first test builds dist/').toBe(true);
    const before = snapshot(dist);
    // Passes the content check, then fails while Astro renders pages.
    const page = path.join(project, 'src/pages/fails-to-render.astro');
    writeFileSync(page, '---\nthrow new Error("this page fails on purpose");\n---\n');
    let result: { status: number; output: string };
    try {
      result = npmBuild();
    } finally {
      rmSync(page);
    }
    expect(result.status).not.toBe(0);
    expect(result.output).toContain('this page fails on purpose');
    expect(result.output).toContain('The build failed, so dist/ was left as it was.');
    expect(snapshot(dist)).toEqual(before);
    expect(readdirSync(project).filter((name) => /^dist-(staging|previous)-/.test(name))).toEqual([]);
  }, 180_000);
});
