/**
 * The narrated timeline's steps as editors write them in a chapter's MDX:
 *
 *   <Timeline>
 *   <TimelineStep until="2022-11-01" highlight="IRL NLD" events="2022-10-26-irl-closure">
 *   Ireland ordered the Dublin office shut…<Cite id="…" />
 *   </TimelineStep>
 *   </Timeline>
 *
 * - `until` (required): a date (YYYY, YYYY-MM or YYYY-MM-DD). The chart shows every event up to the end of it, and
 *   counts the governments that had responded by then.
 * - `highlight` (optional): ISO alpha-3 codes of countries on the timeline, separated by spaces, outlined on the chart.
 * - `events` (optional): ids from data/events.json, separated by spaces, ringed on the chart.
 *
 * checkTimelineSteps finds mistakes before anything renders, as "file:line:column message" lines (like the checks
 * of <Cite> in src/lib/citations.ts); resolveTimelineStep turns one step's attributes into the chart state it shows.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { TimelineEvent } from '../dataset/types.ts';
import { cursorX } from './chart.ts';
import { isPartialDate, partialDateEnd, stepState, timelineCountries, timelineEvents, type StepState } from './model.ts';

export const STEP_ATTRIBUTES = ['until', 'highlight', 'events'] as const;

export interface StepProps {
  until?: string;
  highlight?: string;
  events?: string;
}

export interface ResolvedStep extends StepState {
  until: string;
  highlight: string[];
  /** Timeline-order indexes of the events the step rings. */
  marked: number[];
  /** x of the date cursor on the chart's strip. */
  cursor: number;
}

const words = (text: string | undefined) => (text ?? '').split(/[\s,]+/).filter(Boolean);

/** Problems with one step's attributes, as sentences an editor can act on; empty when it is fine. */
export function stepProblems(props: StepProps, events: readonly TimelineEvent[]): string[] {
  const problems: string[] = [];
  const countries = timelineCountries(timelineEvents(events)).map((c) => c.key).filter((key) => key !== 'global');
  const ids = new Set(events.map((e) => e.id));
  if (props.until === undefined) problems.push('<TimelineStep> needs until="…", the date the step brings the chart to, for example until="2022-12".');
  else if (!isPartialDate(props.until)) problems.push(`<TimelineStep until="${props.until}">: "${props.until}" is not a date. Write YYYY, YYYY-MM or YYYY-MM-DD, for example until="2022-12".`);
  for (const code of words(props.highlight)) {
    if (!countries.includes(code)) {
      problems.push(
        `<TimelineStep highlight="${props.highlight ?? ''}">: "${code}" is not a country on the timeline. Use the upper-case ISO alpha-3 codes of countries in data/events.json: ${[...countries].sort().join(' ')}.`,
      );
    }
  }
  for (const id of words(props.events)) {
    if (!ids.has(id)) problems.push(`<TimelineStep events="${props.events ?? ''}">: "${id}" is not an event id in data/events.json.`);
  }
  return problems;
}

/** The chart state a step shows. Throws with the step's problems when its attributes are wrong. */
export function resolveTimelineStep(props: StepProps, events: readonly TimelineEvent[]): ResolvedStep {
  const problems = stepProblems(props, events);
  if (problems.length > 0) throw new Error(problems.join('\n'));
  const ordered = timelineEvents(events);
  const until = props.until!;
  const position = new Map(ordered.map((e, i) => [e.id, i]));
  return {
    ...stepState(ordered, until),
    until,
    highlight: words(props.highlight),
    marked: words(props.events).map((id) => position.get(id)!),
    cursor: cursorX(ordered, until),
  };
}

// <TimelineStep until="2022-12" highlight="IRL NLD"> (or self-closing); attribute values must be plain strings.
const STEP_TAG = /<TimelineStep\b((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const ATTRIBUTE = /([A-Za-z_][\w-]*)\s*(?:=\s*(?:"([^"]*)"|'([^']*)'|(\{)))?/g;

/** Every <TimelineStep> in an MDX body with its attributes and position. */
export function findTimelineSteps(body: string): { props: Record<string, string | null>; index: number; line: number; column: number }[] {
  const steps = [];
  for (const match of body.matchAll(STEP_TAG)) {
    const before = body.slice(0, match.index);
    const props: Record<string, string | null> = {};
    for (const attribute of (match[1] ?? '').replace(/\/\s*$/, '').matchAll(ATTRIBUTE)) {
      props[attribute[1]!] = attribute[4] ? null : (attribute[2] ?? attribute[3] ?? '');
    }
    steps.push({ props, index: match.index, line: before.split('\n').length, column: match.index - before.lastIndexOf('\n') });
  }
  return steps;
}

/**
 * Problems with every <TimelineStep> in a chapter, as "file:line:column message" lines: unknown attributes,
 * dates, countries and event ids, a step outside <Timeline>, and steps that go back in time.
 */
export function checkTimelineSteps(file: string, body: string, lineOffset: number, events: readonly TimelineEvent[]): string[] {
  const problems: string[] = [];
  const opened = body.search(/<Timeline[\s>]/);
  const closed = body.lastIndexOf('</Timeline>');
  let previous: { until: string; line: number } | null = null;
  for (const step of findTimelineSteps(body)) {
    const where = `${file}:${step.line + lineOffset}:${step.column}`;
    if (opened < 0 || step.index < opened || closed < 0 || step.index > closed) {
      problems.push(`${where} <TimelineStep> must sit between <Timeline> and </Timeline>, which draws the chart it moves.`);
    }
    for (const [name, value] of Object.entries(step.props)) {
      if (!(STEP_ATTRIBUTES as readonly string[]).includes(name)) {
        problems.push(`${where} <TimelineStep ${name}="…">: "${name}" is not an attribute of a step. They are ${STEP_ATTRIBUTES.join(', ')}.`);
      } else if (value === null) {
        problems.push(`${where} <TimelineStep ${name}={…}>: write the value as plain text in quotes, ${name}="…".`);
      }
    }
    const props = step.props as StepProps;
    const own = stepProblems(props, events);
    problems.push(...own.map((problem) => `${where} ${problem}`));
    if (own.length === 0 && props.until) {
      if (previous && partialDateEnd(props.until) < partialDateEnd(previous.until)) {
        problems.push(`${where} <TimelineStep until="${props.until}"> goes back in time: the step before it (line ${previous.line + lineOffset}) is until="${previous.until}". Steps move forward.`);
      }
      previous = { until: props.until, line: step.line };
    }
  }
  return problems;
}

/**
 * Stops the build when a chapter's steps have problems, naming the .mdx file and line of each (called by the chapter
 * page before it renders, like prepareMdxEntry for citations).
 */
export function assertTimelineSteps(entry: { id: string; body?: string; filePath?: string }, events: readonly TimelineEvent[]): void {
  const body = entry.body ?? '';
  if (!body.includes('<TimelineStep')) return;
  const file = entry.filePath ? path.relative(process.cwd(), path.resolve(entry.filePath)) : entry.id;
  // entry.body excludes the frontmatter: offset line numbers by its length so they match the file.
  const raw = entry.filePath ? readFileSync(entry.filePath, 'utf8') : body;
  const bodyStart = raw.indexOf(body);
  const lineOffset = bodyStart > 0 ? raw.slice(0, bodyStart).split('\n').length - 1 : 0;
  const problems = checkTimelineSteps(file, body, lineOffset, events);
  if (problems.length > 0) throw new Error(`${file} has ${problems.length} timeline step problem(s):\n${problems.join('\n')}`);
}
