/**
 * Checks the MDX that editors write (content/chapters, content/pages) before the site is built, and reports every
 * problem in every file at once as `file:line:column  message`: frontmatter (YAML and the collection schema),
 * MDX syntax, code in braces such as `{typo}`, unknown or misspelt components, ids that are not in data/, and two
 * chapters sharing an order or slug. Astro alone stops at the first broken page, and for some of these mistakes
 * names no file or line at all. Also provides the same element checks as a Sätteri plugin for `npm run dev`.
 */
import { DEFAULT_LANG, LANGS, type Lang } from './edition/editions.ts';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { mdxToMdast, type MdastNode, type MdastPluginDefinition, type PluginFactoryContext } from 'satteri';
import type { z } from 'astro/zod';
import { checkComponentUses } from './citations.ts';
import { checkTimelineSteps } from './timeline/steps.ts';
import { CONTENT_COLLECTIONS } from './content-schema.ts';
import { editDistance } from './dataset/messages.ts';
import type { Dataset } from './dataset/types.ts';

export interface ContentIssue {
  /** Path relative to the project root, with forward slashes. */
  file: string;
  line: number;
  column: number;
  message: string;
}

type CollectionName = keyof typeof CONTENT_COLLECTIONS;

interface Position {
  line: number;
  column: number;
}

// ---------------------------------------------------------------------------------------------
// Checks on single MDX nodes, shared by the build's pre-check and the dev plugin.

/** What is wrong with one MDX element or {…} expression, or null. `components` are the names the page provides. */
export function mdxNodeProblem(node: MdastNode, components: readonly string[]): string | null {
  if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
    const name = node.name;
    // Lower-case names are plain HTML (<sup>, <br />); fragments (<></>) have no name.
    if (name === null || !/^[A-Z]|\./.test(name)) return null;
    if (!components.includes(name)) {
      const guess = closestMatch(name, components);
      return `<${name}> is not a component this page can use.${guess ? ` Did you mean <${guess}>?` : ''} The components are ${components.map((c) => `<${c}>`).join(', ')}; they need no import.`;
    }
    const required = name === 'Count' ? 'of' : name === 'Cite' || name === 'Stat' ? 'id' : null;
    const hasRequired = node.attributes.some((attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === required);
    if (required !== null && !hasRequired) return `<${name}> needs ${required}="…", for example <${name} ${required}="${name === 'Count' ? 'station-rows' : '…'}" />.`;
    return null;
  }
  if (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') {
    const code = node.value.trim();
    // {/* a note for editors */} is an MDX comment; {' '} and {"…"} print text. Anything else is code.
    if (code === '' || /^\/\*[\s\S]*\*\/$/.test(code) || /^(["'])(?:(?!\1)[^\\\n]|\\.)*\1$/.test(code)) return null;
    const shown = code.length > 40 ? `${code.slice(0, 40)}…` : code;
    if (/^[A-Za-z_$][\w$]*$/.test(code)) {
      return `{${shown}} is read as code, and "${code}" means nothing there. To print the braces, write \\{${shown}\\}; for a note that readers do not see, write {/* ${shown} */}.`;
    }
    return `{${shown}} is read as code, which editors' pages cannot run. To print braces, write \\{ and \\}; for a note that readers do not see, write {/* … */}.`;
  }
  return null;
}

/** Rewords the MDX parser's syntax errors ("1:3: Unexpected end of file in expression, … (mdx-jsx:…)") for editors, keeping the original. */
export function mdxSyntaxProblem(error: unknown): { position: Position | null; message: string } {
  const raw = error instanceof Error ? error.message : String(error);
  const match = /^(\d+):(\d+):\s*([\s\S]*)$/.exec(raw);
  const position = match ? { line: Number(match[1]), column: Number(match[2]) } : null;
  const detail = (match?.[3] ?? raw).trim();
  let advice = 'This is not valid MDX.';
  if (/closing brace for `\{`/.test(detail)) advice = 'A "{" is never closed. In MDX "{" starts code: write \\{ to print a brace.';
  else if (/parse expression/i.test(detail)) advice = 'The text between { and } is read as code, and it is not valid code. Write \\{ and \\} to print braces.';
  else if (/after `<`|valid JSX tag|JSX/.test(detail)) advice = '"<" starts a component or an HTML tag here. Write &lt; to print a less-than sign, and check that every <Component … /> is complete.';
  else if (/closing tag|open tag|end tag/i.test(detail)) advice = 'A tag is opened and not closed, or closed and never opened. Components here close themselves: <Cite id="…" />.';
  return { position, message: `${advice} (MDX parser: ${detail})` };
}

// ---------------------------------------------------------------------------------------------
// One file.

function frontmatterLines(source: string): { keyLines: Map<string, number>; closingLine: number } {
  const lines = source.split(/\r?\n/);
  const keyLines = new Map<string, number>();
  let closingLine = 1;
  if (lines[0]?.trim() === '---') {
    for (let i = 1; i < lines.length; i++) {
      if (lines[i]?.trim() === '---') {
        closingLine = i + 1;
        break;
      }
      const key = /^([A-Za-z_][\w-]*)\s*:/.exec(lines[i] ?? '')?.[1];
      if (key !== undefined && !keyLines.has(key)) keyLines.set(key, i + 1);
    }
  }
  return { keyLines, closingLine };
}

function frontmatterProblems(
  file: string,
  source: string,
  data: Record<string, unknown>,
  schema: z.ZodObject,
  issues: ContentIssue[],
): void {
  const { keyLines, closingLine } = frontmatterLines(source);
  const fields = Object.keys(schema.shape);
  const at = (key: string | undefined, message: string): void => {
    const line = key === undefined ? undefined : keyLines.get(key);
    issues.push({ file, line: line ?? closingLine, column: 1, message });
  };
  const result = schema.safeParse(data);
  if (result.success) return;
  // A misspelt field ("descripton") is reported once, as misspelt, not again as a missing "description".
  const guessed = new Set<string>();
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') for (const key of issue.keys) guessed.add(closestMatch(key, fields) ?? '');
  }
  for (const issue of result.error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const guess = closestMatch(key, fields);
        at(key, `frontmatter field "${key}" is not used here.${guess ? ` Did you mean "${guess}"?` : ''} The fields are: ${fields.join(', ')}.`);
      }
      continue;
    }
    const key = typeof issue.path[0] === 'string' ? issue.path[0] : undefined;
    if (key !== undefined && data[key] === undefined) {
      if (guessed.has(key)) continue;
      at(undefined, `frontmatter field "${key}" is missing. Add a line "${key}: …" above the closing ---.`);
    } else if (key === 'order') {
      at(key, `frontmatter field "order" must be a whole number, 1 for the first chapter, found ${JSON.stringify(data[key])}.`);
    } else if (key === 'slug') {
      at(key, `frontmatter field "slug" must be lower-case letters, digits and single hyphens, like what-they-are, found ${JSON.stringify(data[key])}.`);
    } else if (issue.code === 'too_big' && typeof data[key ?? ''] === 'string') {
      at(key, `frontmatter field "${key ?? ''}" is ${String((data[key ?? ''] as string).length)} characters long; keep it to ${String(issue.maximum)} or fewer (search results cut it).`);
    } else if (issue.code === 'too_small' && typeof data[key ?? ''] === 'string') {
      at(key, `frontmatter field "${key ?? ''}" is empty; write it out.`);
    } else {
      at(key, `frontmatter field "${key ?? '?'}": ${issue.message}.`);
    }
  }
}

export interface CheckedFile {
  issues: ContentIssue[];
  /** The parsed frontmatter, or null when its YAML is broken. */
  frontmatter: Record<string, unknown> | null;
}

/**
 * Checks one MDX file's text. `file` is the name used in messages (relative to the project root); `dataset` is the
 * validated data, or null to skip the id checks.
 */
export function checkMdxFile(
  file: string,
  source: string,
  collection: CollectionName,
  dataset: Pick<Dataset, 'sources' | 'figures'> | null,
): CheckedFile {
  const { schema, components } = CONTENT_COLLECTIONS[collection];
  const issues: ContentIssue[] = [];
  let frontmatter: Record<string, unknown> | null = null;
  // Astro's own frontmatter parser (js-yaml), so the same files pass and fail. With "empty-with-spaces" the body
  // keeps every offset, so positions in it are positions in the file.
  let body = source;
  try {
    const parsed = parseFrontmatter(source, { frontmatter: 'empty-with-spaces' });
    frontmatter = parsed.frontmatter;
    body = parsed.content;
  } catch (error) {
    const mark = (error as { mark?: { line: number; column: number } }).mark;
    const reason = (error as { reason?: string }).reason ?? (error instanceof Error ? error.message : String(error));
    // YAML notices an unclosed quote only where the frontmatter ends: point at the line that opened it instead.
    const quote = /double quoted/.test(reason) ? '"' : /single quoted/.test(reason) ? "'" : null;
    const opened = quote === null ? -1 : source.split(/\r?\n/).findIndex((text, i) => i > 0 && text.split(quote).length % 2 === 0);
    issues.push({
      file,
      line: opened > 0 ? opened + 1 : (mark?.line ?? 0) + 1,
      column: opened > 0 ? 1 : (mark?.column ?? 0) + 1,
      message:
        opened > 0
          ? `the frontmatter (between the --- lines) is not valid YAML: the ${quote ?? ''} opened on this line is never closed.`
          : `the frontmatter (between the --- lines) is not valid YAML: ${reason}. Look for a quote that is opened and not closed on this line or above it, or a value with ": " that needs "quotes".`,
    });
    body = source.replace(/^---\r?\n[\s\S]*?\r?\n---(?=\r?\n)/, (block) => block.replace(/[^\n]/g, ' '));
  }
  if (frontmatter !== null) frontmatterProblems(file, source, frontmatter, schema, issues);

  try {
    walk(mdxToMdast(body), (node) => {
      const problem = mdxNodeProblem(node, components);
      const start = node.position?.start;
      if (problem !== null) issues.push({ file, line: start?.line ?? 1, column: start?.column ?? 1, message: problem });
    });
  } catch (error) {
    const { position, message } = mdxSyntaxProblem(error);
    issues.push({ file, line: position?.line ?? 1, column: position?.column ?? 1, message });
  }

  if (dataset !== null) {
    // The same check the pages run before rendering (src/lib/prepare-mdx.ts), so the messages are identical.
    for (const line of checkComponentUses(file, body, 0, dataset)) {
      const match = /^(.*?):(\d+):(\d+) ([\s\S]*)$/.exec(line);
      if (match) issues.push({ file, line: Number(match[2]), column: Number(match[3]), message: match[4] ?? line });
      else issues.push({ file, line: 1, column: 1, message: line });
    }
    // <TimelineStep> dates, countries and event ids: the check the chapter page runs (src/lib/timeline/steps.ts).
    const events = (dataset as Partial<Pick<Dataset, 'events'>>).events;
    if (events && collection === 'chapters') {
      for (const line of checkTimelineSteps(file, body, 0, events)) {
        const match = /^(.*?):(\d+):(\d+) ([\s\S]*)$/.exec(line);
        if (match) issues.push({ file, line: Number(match[2]), column: Number(match[3]), message: match[4] ?? line });
      }
    }
  }
  return { issues, frontmatter };
}

function walk(node: MdastNode, visit: (node: MdastNode) => void): void {
  visit(node);
  if ('children' in node && Array.isArray(node.children)) for (const child of node.children as MdastNode[]) walk(child, visit);
}

// ---------------------------------------------------------------------------------------------
// Every file.

/** Checks every MDX file of every collection under `root`, plus the rules across chapters, and returns all problems. */
export function checkContent(root: string, dataset: Pick<Dataset, 'sources' | 'figures'> | null): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const chapters: { file: string; lang: Lang; order: unknown; slug: unknown; source: string }[] = [];
  const pages: { file: string; lang: Lang; name: string }[] = [];
  for (const [collection, { base }] of Object.entries(CONTENT_COLLECTIONS) as [CollectionName, (typeof CONTENT_COLLECTIONS)[CollectionName]][]) {
    // English at the top of the collection's folder; each other edition in a sub-folder named after its language.
    for (const lang of LANGS) {
      const folder = lang === DEFAULT_LANG ? base : `${base}/${lang}`;
      let names: string[] = [];
      try {
        names = readdirSync(path.join(root, folder)).filter((name) => name.endsWith('.mdx')).sort();
      } catch {
        continue;
      }
      for (const name of names) {
        const file = `${folder}/${name}`;
        const source = readFileSync(path.join(root, folder, name), 'utf8');
        const checked = checkMdxFile(file, source, collection, dataset);
        issues.push(...checked.issues);
        if (collection === 'chapters' && checked.frontmatter !== null) {
          chapters.push({ file, lang, order: checked.frontmatter['order'], slug: checked.frontmatter['slug'], source });
        }
        if (collection === 'pages') pages.push({ file, lang, name });
      }
    }
  }
  for (const lang of LANGS) {
    const inEdition = chapters.filter((c) => c.lang === lang);
    for (const key of ['order', 'slug'] as const) {
      const byValue = new Map<unknown, typeof chapters>();
      for (const chapter of inEdition) {
        if (chapter[key] === undefined) continue;
        byValue.set(chapter[key], [...(byValue.get(chapter[key]) ?? []), chapter]);
      }
      for (const [value, same] of byValue) {
        if (same.length < 2) continue;
        for (const chapter of same) {
          const others = same.filter((other) => other !== chapter).map((other) => `${other.file}:${String(frontmatterLines(other.source).keyLines.get(key) ?? 1)}`);
          const what = key === 'order' ? 'Each chapter needs its own number: renumber them 1, 2, 3…' : 'Two chapters cannot share a URL: change one slug.';
          issues.push({
            file: chapter.file,
            line: frontmatterLines(chapter.source).keyLines.get(key) ?? 1,
            column: 1,
            message: `${key} ${JSON.stringify(value)} is also the ${key} of ${others.join(', ')}. ${what}`,
          });
        }
      }
    }
  }
  issues.push(...checkEditionParity(chapters, pages));
  return issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

/**
 * Every English chapter and page exists in every edition, with the same slug and order, and no translation exists
 * without its English: a reader who switches language must land on the same chapter.
 */
function checkEditionParity(
  chapters: readonly { file: string; lang: Lang; order: unknown; slug: unknown; source: string }[],
  pages: readonly { file: string; lang: Lang; name: string }[],
): ContentIssue[] {
  const issues: ContentIssue[] = [];
  const base = (file: string) => file.split('/').pop()!;
  const english = chapters.filter((c) => c.lang === DEFAULT_LANG);
  // An English slug or order that two English chapters share is reported on its own; the translations follow once fixed.
  const shared = (key: 'slug' | 'order', value: unknown) => english.filter((c) => c[key] === value).length > 1;
  for (const lang of LANGS.filter((l) => l !== DEFAULT_LANG)) {
    const translated = chapters.filter((c) => c.lang === lang);
    for (const chapter of english) {
      const twin = translated.find((c) => base(c.file) === base(chapter.file));
      const expected = `${CONTENT_COLLECTIONS.chapters.base}/${lang}/${base(chapter.file)}`;
      if (!twin) {
        issues.push({ file: chapter.file, line: 1, column: 1, message: `has no ${LANGUAGE_NAMES[lang]} translation: create ${expected} (same slug and order, the text translated).` });
        continue;
      }
      for (const key of ['slug', 'order'] as const) {
        if (twin[key] !== chapter[key] && !shared(key, chapter[key])) {
          issues.push({ file: twin.file, line: frontmatterLines(twin.source).keyLines.get(key) ?? 1, column: 1, message: `${key} must be ${JSON.stringify(chapter[key])}, as in ${chapter.file}, so the language switcher finds the same chapter.` });
        }
      }
    }
    for (const chapter of translated) {
      if (!english.some((c) => base(c.file) === base(chapter.file))) {
        issues.push({ file: chapter.file, line: 1, column: 1, message: `translates a chapter that does not exist in English (${CONTENT_COLLECTIONS.chapters.base}/${base(chapter.file)}). Rename it after its English file or remove it.` });
      }
    }
    for (const page of pages.filter((p) => p.lang === DEFAULT_LANG)) {
      if (!pages.some((p) => p.lang === lang && p.name === page.name)) {
        issues.push({ file: page.file, line: 1, column: 1, message: `has no ${LANGUAGE_NAMES[lang]} translation: create ${CONTENT_COLLECTIONS.pages.base}/${lang}/${page.name}.` });
      }
    }
  }
  return issues;
}

const LANGUAGE_NAMES: Record<Lang, string> = { en: 'English', fr: 'French', zh: 'Chinese' };

/** The report editors read, in the same shape as the data report: one `file:line:column  message` line per problem, then a count. */
export function formatContentIssues(issues: readonly ContentIssue[]): string {
  const lines = issues.map((issue) => `${issue.file}:${String(issue.line)}:${String(issue.column)}  ${issue.message}`);
  const count = `${String(issues.length)} ${issues.length === 1 ? 'problem' : 'problems'}`;
  return `${lines.join('\n')}\n\n${count} in content/. The build stops until they are fixed.`;
}

// ---------------------------------------------------------------------------------------------
// `npm run dev`: the element checks inside Astro's MDX compiler, so the overlay points at the chapter's line.

/** Which collection a compiled file belongs to, from its path; null for MDX outside content/. */
function collectionOf(fileURL: URL | undefined, root: string): CollectionName | null {
  if (fileURL === undefined) return null;
  const relative = path.relative(root, fileURLToPath(fileURL)).split(path.sep).join('/');
  for (const [name, { base }] of Object.entries(CONTENT_COLLECTIONS)) {
    const folder = path.posix.dirname(relative);
    if (folder === base || LANGS.some((lang) => folder === `${base}/${lang}`)) return name as CollectionName;
  }
  return null;
}

/**
 * A Sätteri mdast plugin (for `markdown.processor`) that stops an MDX file's compilation on the first element or
 * expression problem, with its line and column, so `npm run dev` shows `{typo}` or `<Cit>` in the chapter rather
 * than as a ReferenceError with no file. The build's pre-check (src/cli/build.ts) reports them all before this runs.
 */
export function mdxElementCheck(root: string = process.cwd()): (context: PluginFactoryContext) => MdastPluginDefinition | null {
  return (context) => {
    const collection = collectionOf(context.fileURL, root);
    if (collection === null) return null;
    const { components } = CONTENT_COLLECTIONS[collection];
    const file = path.relative(root, fileURLToPath(context.fileURL as URL)).split(path.sep).join('/');
    const check = (node: MdastNode): void => {
      const problem = mdxNodeProblem(node, components);
      if (problem === null) return;
      const start = node.position?.start ?? { line: 1, column: 1 };
      const error = new Error(`${file}:${String(start.line)}:${String(start.column)}  ${problem}`);
      // @astrojs/mdx turns these into the error's location (Astro's overlay and terminal code frame).
      Object.assign(error, { line: start.line, column: start.column });
      throw error;
    };
    return {
      name: 'explainer:mdx-element-check',
      options: { position: true },
      mdxJsxFlowElement: check,
      mdxJsxTextElement: check,
      mdxFlowExpression: check,
      mdxTextExpression: check,
    };
  };
}

/** The closest candidate to a probable typo, if one is close enough to be worth suggesting. */
function closestMatch(word: string, candidates: readonly string[]): string | null {
  let best: string | null = null;
  let bestDistance = Math.max(1, Math.min(3, Math.floor(word.length / 3))) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

