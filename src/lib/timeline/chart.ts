/**
 * Lays out the timeline chart, drawn for a phone first so its labels stay at least 11 px on a 390 px screen:
 *
 * - a strip of every event by month (one small bar per event, stacked; a tick and a label for every year), with the
 *   years before the first report squeezed into a narrow "Before" band;
 * - a grid of the countries in the order they entered the story, each with its events as dots, in date order.
 *
 * Both show one mark per event, numbered by the event's place in timeline order, so a narrated step can fade what
 * is still to come and pick out what is new by number alone (src/scripts/timeline.ts).
 */
import { scaleUtc } from 'd3-scale';
import type { TimelineEvent } from '../dataset/types.ts';
import type { Edition } from '../edition/edition.ts';
import { partialDateEnd, partialDateStart, stepState, timelineCountries, timelineEvents } from './model.ts';
import { KIND_GROUPS, kindClass } from './kinds.ts';

export { KIND_GROUPS, kindClass };

/** Events before this day are drawn in the narrow "Before" band, so September 2022 onwards gets the width. */
export const AXIS_START = '2022-09-01';

/**
 * Width of the drawing in units: designed for a phone's column, where a unit is about a pixel. Labels are 11.25
 * units (timeline.css), so 11 px or more in any column from 352 px wide.
 */
export const CHART_WIDTH = 360;
/** A generous average width of one character of a label (wide fonts such as DejaVu Sans). */
const LABEL_CHAR = 6;

export interface ChartMark {
  /** The event's place in timeline order. */
  i: number;
  cls: string;
  /** Drawn hollow: the event is not an act of the host government (China's denial, a press report…). */
  hollow: boolean;
  unverified: boolean;
}

export interface TimelineChart {
  width: number;
  height: number;
  strip: {
    baseline: number;
    band: { x0: number; x1: number; label: string };
    /** Year boundaries (lines) and labels centred in each year's span. */
    ticks: { x: number }[];
    years: { x: number; label: string }[];
    bars: (ChartMark & { x: number; y: number; w: number; h: number })[];
  };
  cells: {
    key: string;
    label: string;
    x: number;
    y: number;
    w: number;
    h: number;
    /** Width to squeeze a label into (SVG textLength) when it would run into the next cell; null when it fits. */
    fit: number | null;
    /** Whether the country's government had responded by the last event (the chart's state without a step). */
    on: boolean;
    dots: (ChartMark & { cx: number; cy: number })[];
  }[];
  /** Radius of the grid's dots. */
  r: number;
}

/** Legend of the chart's colours, shared by the component, the event log's filter and the static image. */
export function timelineLegend(edition: Edition): { cls: string; label: string }[] {
  const labels: Record<(typeof KIND_GROUPS)[number], string> = {
    closure: edition.t('kind.closure'),
    investigation: edition.t('kind.investigation'),
    charges: edition.t('timeline.legend.charges'),
    denial: edition.t('kind.denial'),
    statement: edition.t('timeline.legend.statement'),
    report: edition.t('kind.report'),
    other: edition.t('kind.other'),
  };
  return KIND_GROUPS.map((cls) => ({ cls, label: labels[cls] }));
}

function mark(event: TimelineEvent, i: number): ChartMark {
  return { i, cls: kindClass(event.kind), hollow: event.actor !== 'host-government', unverified: !event.verified };
}

/** The strip's time scale, shared by the chart and the narrated steps' date cursor. */
export function stripScale(ordered: readonly TimelineEvent[], width: number = CHART_WIDTH): { band: { x0: number; x1: number }; x: (date: Date) => number; start: Date; end: Date } {
  const band = { x0: 2, x1: 42 };
  const start = partialDateStart(AXIS_START);
  const lastEnd = ordered.length > 0 ? partialDateEnd(ordered.at(-1)!.date) : start;
  // One spare month after the last event's month, so its bar is not cut at the edge.
  const end = new Date(Date.UTC(lastEnd.getUTCFullYear(), lastEnd.getUTCMonth() + 1, 1));
  const scale = scaleUtc().domain([start, end]).range([band.x1 + 4, width - 2]);
  return { band, start, end, x: (date: Date) => Math.round(scale(date) * 10) / 10 };
}

/** Where the date cursor of a step that ends at `until` sits on the strip. */
export function cursorX(ordered: readonly TimelineEvent[], until: string, width: number = CHART_WIDTH): number {
  const { band, start, end, x } = stripScale(ordered, width);
  const day = partialDateEnd(until);
  if (day < start) return band.x1;
  const next = new Date(day.getTime() + 86_400_000);
  return x(next > end ? end : next);
}

export function buildTimelineChart(events: readonly TimelineEvent[], options: { globalLabel: string; beforeLabel: string; width?: number; columns?: number }): TimelineChart {
  const { globalLabel, width = CHART_WIDTH, columns = 4 } = options;
  const ordered = timelineEvents(events);
  const { band, start, end, x } = stripScale(ordered, width);

  // Strip: one bar per event, stacked in its month (or in the band for the years before).
  const barH = 2.2;
  const pitch = 3;
  const stacks = new Map<string, number>();
  const placed = ordered.map((event, i) => {
    const when = partialDateStart(event.date);
    const early = when < start;
    const key = early ? 'before' : `${when.getUTCFullYear()}-${when.getUTCMonth()}`;
    const level = stacks.get(key) ?? 0;
    stacks.set(key, level + 1);
    const monthStart = new Date(Date.UTC(when.getUTCFullYear(), when.getUTCMonth(), 1));
    const monthEnd = new Date(Date.UTC(when.getUTCFullYear(), when.getUTCMonth() + 1, 1));
    const cx = early ? (band.x0 + band.x1) / 2 : (x(monthStart) + x(monthEnd)) / 2;
    return { event, i, level, cx };
  });
  const maxStack = Math.max(1, ...stacks.values());
  const stripTop = 4;
  const baseline = stripTop + maxStack * pitch;
  const monthWidth = x(new Date(Date.UTC(2023, 1, 1))) - x(new Date(Date.UTC(2023, 0, 1)));
  const barW = Math.max(2, Math.min(8, Math.round((monthWidth - 1.2) * 2) / 2));
  const bars = placed.map(({ event, i, level, cx }) => ({
    ...mark(event, i),
    x: Math.round((cx - barW / 2) * 2) / 2,
    y: baseline - (level + 1) * pitch + (pitch - barH),
    w: barW,
    h: barH,
  }));
  const ticks: { x: number }[] = [];
  const years: { x: number; label: string }[] = [];
  for (let year = start.getUTCFullYear(); year <= end.getUTCFullYear(); year++) {
    const from = new Date(Math.max(start.getTime(), Date.UTC(year, 0, 1)));
    const to = new Date(Math.min(end.getTime(), Date.UTC(year + 1, 0, 1)));
    if (to <= from) continue;
    if (year > start.getUTCFullYear()) ticks.push({ x: x(from) });
    years.push({ x: Math.round(((x(from) + x(to)) / 2) * 10) / 10, label: String(year) });
  }

  // Grid: the countries in the order they entered the story, each with its events as dots in date order.
  const gridTop = baseline + 22;
  const cellW = Math.floor(width / columns);
  const r = 2.5;
  const dotPitch = 6.5;
  const perLine = Math.max(1, Math.floor((cellW - 6) / dotPitch));
  const rows = timelineCountries(ordered);
  const responded = new Set(ordered.length > 0 ? stepState(ordered, ordered.at(-1)!.date).responded : []);
  const index = new Map(ordered.map((e, i) => [e, i]));
  // Place the cells row by row; a name much too long for one cell takes two (a little too long: see `fit`).
  const grid: { country: (typeof rows)[number]; label: string; row: number; col: number; span: number }[] = [];
  let row = 0;
  let col = 0;
  for (const country of rows) {
    const label = country.key === 'global' ? globalLabel : country.label;
    const span = Math.min(columns, label.length * LABEL_CHAR > (cellW - 7) * 1.12 ? 2 : 1);
    if (col + span > columns) {
      row += 1;
      col = 0;
    }
    grid.push({ country, label, row, col, span });
    col += span;
  }
  const rowHeights = grid.reduce<number[]>((heights, cell) => {
    const perCell = perLine * cell.span;
    heights[cell.row] = Math.max(heights[cell.row] ?? 0, 15 + Math.ceil(cell.country.events.length / perCell) * 7);
    return heights;
  }, []);
  const rowTops = rowHeights.map((_, i) => gridTop + rowHeights.slice(0, i).reduce((a, b) => a + b, 0));
  const cells: TimelineChart['cells'] = grid.map(({ country, label, row: r0, col: c0, span }) => {
    const x0 = c0 * cellW;
    const y0 = rowTops[r0]!;
    const perCell = perLine * span;
    return {
      key: country.key,
      label,
      x: x0,
      y: y0,
      w: cellW * span,
      h: rowHeights[r0]!,
      fit: label.length * LABEL_CHAR > cellW * span - 7 ? cellW * span - 7 : null,
      on: responded.has(country.key),
      dots: country.events.map((event, k) => ({
        ...mark(event, index.get(event)!),
        cx: x0 + 5 + (k % perCell) * dotPitch,
        cy: y0 + 16 + Math.floor(k / perCell) * 7,
      })),
    };
  });
  const y = gridTop + rowHeights.reduce((a, b) => a + b, 0);
  return {
    width,
    height: Math.ceil(y + 1),
    strip: { baseline, band: { ...band, label: options.beforeLabel }, ticks, years, bars },
    cells,
    r,
  };
}
