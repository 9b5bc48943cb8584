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
    throw new Error(`${file} has ${problems.length} data reference problem(s):\n${problems.join('\n')}`);
  }
  const order = collectCitationOrder(body, dataset.figures);
  (locals as { citationOrder?: string[] }).citationOrder = order;
  return order;
}
