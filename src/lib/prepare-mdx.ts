/** Checks an MDX entry's data references and numbers its citations before it renders (chapters and the method page). */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkComponentUses, collectCitationOrder } from './citations.ts';
import type { Dataset } from './dataset/types.ts';

interface MdxEntryLike {
  id: string;
  body?: string;
  filePath?: string;
}

/**
 * Throws one error listing every unknown source, figure or metric id with file:line:column, then stores the
 * citation order in `locals` for <Cite> to read. Returns the order for the notes list.
 */
export function prepareMdxEntry(entry: MdxEntryLike, dataset: Dataset, locals: object): string[] {
  const body = entry.body ?? '';
  const file = entry.filePath ? path.relative(process.cwd(), path.resolve(entry.filePath)) : entry.id;
  // entry.body excludes the frontmatter: offset line numbers by its length so they match the file.
  const raw = entry.filePath ? readFileSync(entry.filePath, 'utf8') : body;
  const bodyStart = raw.indexOf(body);
  const lineOffset = bodyStart > 0 ? raw.slice(0, bodyStart).split('\n').length - 1 : 0;
  const problems = checkComponentUses(file, body, lineOffset, dataset);
  if (problems.length > 0) {
    const error = new Error(`${file} has ${problems.length} data reference problem(s):\n${problems.join('\n')}`);
    // Astro's overlay and terminal show the code around `loc`: the chapter's line, not this file.
    const first = /^:(\d+):(\d+) /.exec(problems[0]?.slice(file.length) ?? '');
    if (entry.filePath && first) {
      Object.assign(error, { loc: { file: path.resolve(entry.filePath), line: Number(first[1]), column: Number(first[2]) } });
    }
    throw error;
  }
  const order = collectCitationOrder(body, dataset.figures);
  (locals as { citationOrder?: string[] }).citationOrder = order;
  return order;
}
