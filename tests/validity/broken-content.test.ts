// Each kind of broken chapter (unclosed brace, missing frontmatter field, YAML error, unknown component) must stop the build with the chapter's file path in the message.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runBuild } from '../helpers/build.ts';

const FIXTURES = path.resolve('tests/fixtures/broken-chapters');
const CHAPTER = 'content/chapters/01-what-they-are.mdx';
let project = '';

beforeAll(() => {
  // A copy of the project with the real node_modules linked in: the fixtures replace one chapter in the copy only.
  project = mkdtempSync(path.join(os.tmpdir(), 'broken-content-'));
  for (const entry of ['src', 'content', 'data', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json']) {
    cpSync(entry, path.join(project, entry), { recursive: true });
  }
  symlinkSync(path.resolve('node_modules'), path.join(project, 'node_modules'), 'dir');
});

afterAll(() => {
  if (project) rmSync(project, { recursive: true, force: true });
});

describe('broken chapters fail the build and name the file', () => {
  const original = readFileSync(CHAPTER, 'utf8');
  for (const fixture of ['unclosed-brace', 'missing-frontmatter', 'yaml-error', 'unknown-component']) {
    test(fixture, () => {
      writeFileSync(path.join(project, CHAPTER), readFileSync(path.join(FIXTURES, `${fixture}.mdx`), 'utf8'));
      try {
        const result = runBuild(path.join(project, 'dist'), { cwd: project });
        expect(result.status, result.output.slice(-2000)).not.toBe(0);
        expect(result.output).toContain('01-what-they-are.mdx');
      } finally {
        writeFileSync(path.join(project, CHAPTER), original);
      }
    }, 180_000);
  }

  test('the untouched copy builds, so the failures above come from the fixtures', () => {
    const result = runBuild(path.join(project, 'dist'), { cwd: project });
    expect(result.status, result.output.slice(-2000)).toBe(0);
  }, 180_000);
});
