import { describe, expect, it } from 'vitest';
import { siteDates } from './dates.ts';
import type { Correction, TimelineEvent } from '../dataset/types.ts';

const event = (date: string, verified: boolean): TimelineEvent => ({
  id: `e-${date}`, date, iso3: null, country: null, actor: 'press', kind: 'report',
  title: 't', summary: 's', verified, sources: ['x'], note: null,
});
const correction = (date: string): Correction => ({ id: `c-${date}`, date, kind: 'update', what: 'w', why: 'y', sources: [] });

describe('siteDates', () => {
  it('dates the data by the newest verified event, ignoring newer unverified ones', () => {
    const dates = siteDates({ events: [event('2025-12-17', true), event('2026-05', false), event('2024-02', true)], corrections: [] });
    expect(dates.dataAsOf).toBe('2025-12-17');
  });

  it('compares partial dates by their start: a month sorts before a dated day in it', () => {
    expect(siteDates({ events: [event('2025-12', true), event('2025-12-01', true)], corrections: [] }).dataAsOf).toBe('2025-12-01');
    expect(siteDates({ events: [event('2026', true), event('2025-12-31', true)], corrections: [] }).dataAsOf).toBe('2026');
  });

  it('dates "Updated" by the newest corrections-log entry, not by the newest event', () => {
    const dates = siteDates({ events: [event('2026-05-01', true)], corrections: [correction('2026-11-22'), correction('2026-11-30')] });
    expect(dates.updated).toBe('2026-11-30');
  });

  it('gives null when there is nothing to date by', () => {
    expect(siteDates({ events: [event('2026-05', false)], corrections: [] })).toEqual({ dataAsOf: null, updated: null });
  });
});
