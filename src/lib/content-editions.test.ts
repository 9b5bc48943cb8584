import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkContent } from './content-check.ts';

const chapter = (order: number, slug: string) => `---\ntitle: "T"\ndescription: "D"\norder: ${order}\nslug: ${slug}\n---\n\nText.\n`;
let root = '';

/** A content/ tree with one chapter and one page per edition, then the given changes. */
function tree(changes: (write: (file: string, text: string | null) => void) => void): string {
  root = mkdtempSync(path.join(os.tmpdir(), 'editions-'));
  const write = (file: string, text: string | null) => {
    const full = path.join(root, file);
    if (text === null) return rmSync(full, { force: true });
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, text);
  };
  for (const prefix of ['', 'fr/', 'zh/']) {
    write(`content/chapters/${prefix}01-one.mdx`, chapter(1, 'one'));
    write(`content/pages/${prefix}data.mdx`, '---\ntitle: "T"\ndescription: "D"\n---\n\nText.\n');
  }
  changes(write);
  return root;
}

afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('every edition has every chapter and page', () => {
  it('accepts a complete set', () => {
    expect(checkContent(tree(() => {}), null)).toEqual([]);
  });
  it('names the missing translation of a chapter and of a page', () => {
    const issues = checkContent(tree((write) => { write('content/chapters/zh/01-one.mdx', null); write('content/pages/fr/data.mdx', null); }), null);
    expect(issues.map((i) => `${i.file}: ${i.message}`)).toEqual([
      'content/chapters/01-one.mdx: has no Chinese translation: create content/chapters/zh/01-one.mdx (same slug and order, the text translated).',
      'content/pages/data.mdx: has no French translation: create content/pages/fr/data.mdx.',
    ]);
  });
  it('names a translation whose slug differs, and one with no English', () => {
    const issues = checkContent(tree((write) => { write('content/chapters/fr/01-one.mdx', chapter(1, 'un')); write('content/chapters/fr/02-extra.mdx', chapter(2, 'extra')); }), null);
    const text = issues.map((i) => `${i.file}:${i.line}: ${i.message}`).join('\n');
    expect(text).toContain('content/chapters/fr/01-one.mdx:5: slug must be "one"');
    expect(text).toContain('content/chapters/fr/02-extra.mdx:1: translates a chapter that does not exist in English');
  });
});
