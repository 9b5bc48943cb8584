/** Numbers a chapter's citations in reading order, and finds citation mistakes before the page renders. */
import type { ReportedFigure, Source } from './dataset/types.ts';
import { isMetricId } from './derive/metrics.ts';

/** One use of a data-backed component in an MDX body, with its position for error messages. */
export interface ComponentUse {
  component: 'Cite' | 'Stat' | 'Count';
  value: string;
  line: number;
  column: number;
}

// Matches <Cite id="x" />, <Stat id='x'/>, <Count of="x" />; the attribute must be a string literal so the
// numbering can be worked out before rendering.
const COMPONENT_USE = /<(Cite|Stat|Count)\b[^>]*?\b(id|of)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{)/g;

/** Finds every Cite/Stat/Count in an MDX body, in document order. Code spans are not special-cased: chapters have none. */
export function findComponentUses(body: string): ComponentUse[] {
  const uses: ComponentUse[] = [];
  for (const match of body.matchAll(COMPONENT_USE)) {
    const before = body.slice(0, match.index);
    const line = before.split('\n').length;
    const column = match.index - before.lastIndexOf('\n');
    const value = match[3] ?? match[4];
    uses.push({
      component: match[1] as ComponentUse['component'],
      // A JSX expression ({...}) cannot be checked at build: record it as empty so it is reported.
      value: value ?? '',
      line,
      column,
    });
  }
  return uses;
}

/** The source ids a chapter cites, unique, in the order a reader meets them (a Stat cites its figure's sources). */
export function collectCitationOrder(body: string, figures: readonly ReportedFigure[]): string[] {
  const figuresById = new Map(figures.map((figure) => [figure.id, figure]));
  const order: string[] = [];
  const seen = new Set<string>();
  const add = (id: string) => {
    if (!seen.has(id)) {
      seen.add(id);
      order.push(id);
    }
  };
  for (const use of findComponentUses(body)) {
    if (use.component === 'Cite') add(use.value);
    if (use.component === 'Stat') figuresById.get(use.value)?.sources.forEach(add);
  }
  return order;
}

/**
 * Problems an editor can fix in the chapter file: unknown source, figure or metric ids, and non-literal ids.
 * Returned as "file:line:column message" lines so the build error points at the spot.
 */
export function checkComponentUses(
  file: string,
  body: string,
  lineOffset: number,
  data: { sources: readonly Source[]; figures: readonly ReportedFigure[] },
): string[] {
  const sourceIds = new Set(data.sources.map((source) => source.id));
  const figureIds = new Set(data.figures.map((figure) => figure.id));
  const problems: string[] = [];
  for (const use of findComponentUses(body)) {
    const where = `${file}:${use.line + lineOffset}:${use.column}`;
    if (use.value === '') {
      problems.push(`${where} <${use.component}> needs a plain text ${use.component === 'Count' ? 'of' : 'id'}="…" value, not an expression.`);
    } else if (use.component === 'Cite' && !sourceIds.has(use.value)) {
      problems.push(`${where} <Cite id="${use.value}" /> names a source that is not in data/sources.json.`);
    } else if (use.component === 'Stat' && !figureIds.has(use.value)) {
      problems.push(`${where} <Stat id="${use.value}" /> names a figure that is not in data/figures.json.`);
    } else if (use.component === 'Count' && !isMetricId(use.value)) {
      problems.push(`${where} <Count of="${use.value}" /> is not a known metric (see src/lib/derive/metrics.ts).`);
    }
  }
  return problems;
}
