/** Lays out the timeline's sticky chart: one row per country, one dot per event, on a time axis with an "earlier" band. */
import { scaleUtc } from 'd3-scale';
import type { TimelineEvent } from '../dataset/types.ts';
import { t } from '../i18n.ts';
import { partialDateStart, swimlaneRows, timelineEvents } from './model.ts';

/** Events before the first NGO report are squeezed into a narrow band so 2022–2025 gets the width. */
export const AXIS_START = '2022-09-01';

export interface SwimlaneDot {
  id: string;
  step: number;
  x: number;
  y: number;
  kind: TimelineEvent['kind'];
  actor: TimelineEvent['actor'];
  verified: boolean;
}

export interface SwimlaneChart {
  width: number;
  height: number;
  labelWidth: number;
  rowHeight: number;
  rows: { key: string; label: string; y: number }[];
  dots: SwimlaneDot[];
  ticks: { x: number; year: number }[];
  band: { x0: number; x1: number };
}

export function buildSwimlaneChart(
  events: readonly TimelineEvent[],
  options: { width?: number; labelWidth?: number; rowHeight?: number; globalLabel: string },
): SwimlaneChart {
  const { width = 480, labelWidth = 104, rowHeight = 18, globalLabel } = options;
  const ordered = timelineEvents(events);
  const steps = new Map(ordered.map((e, i) => [e.id, i]));
  const rows = swimlaneRows(ordered);
  const top = 8;
  const axisHeight = 22;
  const band = { x0: labelWidth, x1: labelWidth + 36 };
  const start = partialDateStart(AXIS_START);
  const last = ordered.at(-1);
  const end = last ? partialDateStart(last.date) : start;
  const endPadded = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 2, 1));
  const x = scaleUtc().domain([start, endPadded]).range([band.x1 + 10, width - 8]);
  const early = ordered.filter((e) => partialDateStart(e.date) < start);

  const dots: SwimlaneDot[] = [];
  const rowLayout = rows.map((row, i) => {
    const y = top + i * rowHeight + rowHeight / 2;
    for (const event of row.events) {
      const when = partialDateStart(event.date);
      const earlyIndex = early.indexOf(event);
      const px =
        earlyIndex >= 0 ? band.x0 + ((earlyIndex + 1) * (band.x1 - band.x0)) / (early.length + 1) : x(when);
      dots.push({
        id: event.id,
        step: steps.get(event.id)!,
        x: Math.round(px * 10) / 10,
        y,
        kind: event.kind,
        actor: event.actor,
        verified: event.verified,
      });
    }
    return { key: row.key, label: row.key === 'global' ? globalLabel : row.label, y };
  });
  const height = top + rows.length * rowHeight + axisHeight;
  const ticks = [];
  for (let year = start.getUTCFullYear() + 1; year <= endPadded.getUTCFullYear(); year++) {
    ticks.push({ x: Math.round(x(new Date(Date.UTC(year, 0, 1))) * 10) / 10, year });
  }
  dots.sort((a, b) => a.step - b.step);
  return { width, height, labelWidth, rowHeight, rows: rowLayout, dots, ticks, band };
}

/** Colour class of an event kind: every step of a criminal case shares one colour, as do statements and legislation. */
export function kindClass(kind: string): string {
  return ({ arrest: 'charges', charge: 'charges', plea: 'charges', conviction: 'charges', sentence: 'charges', legislation: 'statement' } as Record<string, string>)[kind] ?? kind;
}

/** Legend of the timeline chart's dot colours, shared by the component and its PNG. */
export function timelineLegend(): { cls: string; label: string }[] {
  return [
    { cls: 'closure', label: t('kind.closure') },
    { cls: 'investigation', label: t('kind.investigation') },
    { cls: 'charges', label: t('kind.criminalCase') },
    { cls: 'denial', label: t('kind.denial') },
    { cls: 'statement', label: `${t('kind.statement')}, ${t('kind.legislation')}` },
    { cls: 'report', label: t('kind.report') },
    { cls: 'other', label: t('kind.other') },
  ];
}
