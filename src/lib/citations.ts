/** Numbers a chapter's citations in reading order, and finds citation mistakes before the page renders. */
import type { Dataset, ReportedFigure, Source } from './dataset/types.ts';
import { isMetricId } from './derive/metrics.ts';
import { listCountries } from './countries/countries.ts';

/** One use of a data-backed component in an MDX body, with its position for error messages. */
export interface ComponentUse {
  component: 'Cite' | 'Stat' | 'Count' | 'Country';
  value: string;
  line: number;
  column: number;
}

// Matches <Cite id="x" />, <Stat id='x'/>, <Count of="x" />, <Country id="irl">; the attribute must be a string literal so the
// numbering can be worked out before rendering.
const COMPONENT_USE = /<(Cite|Stat|Count|Country)\b[^>]*?\b(id|of)\s*=\s*(?:"([^"]*)"|'([^']*)'|\{)/g;

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

/** The source ids each use cites, in document order: a Cite its one id, a Stat its figure's sources. */
function citedIdsOf(use: ComponentUse, figuresById: ReadonlyMap<string, ReportedFigure>): string[] {
  if (use.component === 'Cite') return [use.value];
  if (use.component === 'Stat') return [...(figuresById.get(use.value)?.sources ?? [])];
  return [];
}

/**
 * How many places in the text cite each source id, so each note can link back to every one of them.
 * Counts follow the render order of <Cite> (a Stat renders its figure's Cites right after the number).
 */
export function countCitationPlaces(body: string, figures: readonly ReportedFigure[]): Map<string, number> {
  const figuresById = new Map(figures.map((figure) => [figure.id, figure]));
  const counts = new Map<string, number>();
  for (const use of findComponentUses(body)) {
    for (const id of citedIdsOf(use, figuresById)) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * Citations that sit side by side with nothing between them form one cluster ("[2][4]"); the same note twice in a
 * cluster ("[2][4][2]") tells the reader nothing new. Returns the repeated ids with the position of the repeat.
 */
export function findRepeatedInCluster(body: string, figures: readonly ReportedFigure[]): { id: string; line: number; column: number }[] {
  const figuresById = new Map(figures.map((figure) => [figure.id, figure]));
  const repeats: { id: string; line: number; column: number }[] = [];
  const uses = [...body.matchAll(COMPONENT_USE)];
  const parsed = findComponentUses(body);
  let cluster = new Set<string>();
  let previousEnd = -1;
  parsed.forEach((use, i) => {
    const match = uses[i]!;
    const start = match.index;
    // The whole self-closing tag, so the gap to the next one is measured from its end.
    const end = body.indexOf('>', start) + 1;
    const gap = previousEnd < 0 ? 'x' : body.slice(previousEnd, start);
    // A Stat prints a number before its Cites, so it always starts a new cluster.
    if (gap.trim() !== '' || use.component !== 'Cite') cluster = new Set<string>();
    for (const id of citedIdsOf(use, figuresById)) {
      if (cluster.has(id)) repeats.push({ id, line: use.line, column: use.column });
      cluster.add(id);
    }
    previousEnd = end;
  });
  return repeats;
}

/**
 * Problems an editor can fix in the chapter file: unknown source, figure or metric ids, and non-literal ids.
 * Returned as "file:line:column message" lines so the build error points at the spot.
 */
export function checkComponentUses(
  file: string,
  body: string,
  lineOffset: number,
  data: { sources: readonly Source[]; figures: readonly ReportedFigure[] } & Partial<Pick<Dataset, 'countryCounts' | 'stations' | 'events'>>,
): string[] {
  const sourceIds = new Set(data.sources.map((source) => source.id));
  // <Country id="irl"> links to a country page: the ids are the lower-case alpha-3 codes of the countries in data/.
  const countryIds = new Set(
    listCountries({ countryCounts: data.countryCounts ?? [], stations: data.stations ?? [], events: data.events ?? [] }).map((c) => c.id),
  );
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
    } else if (use.component === 'Country' && !countryIds.has(use.value)) {
      problems.push(`${where} <Country id="${use.value}"> has no country page: use the lower-case ISO alpha-3 code of a country in data/ (for example "irl" for Ireland).`);
    }
  }
  for (const repeat of findRepeatedInCluster(body, data.figures)) {
    problems.push(`${file}:${repeat.line + lineOffset}:${repeat.column} cites "${repeat.id}" a second time in the same run of notes; remove the repeat (readers would see the same number twice).`);
  }
  return problems;
}
