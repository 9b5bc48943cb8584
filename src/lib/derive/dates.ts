/** The two dates readers are shown, computed from data/ so they can never be typed wrong: how current the facts are, and when the site last changed. */
import type { Correction, TimelineEvent } from '../dataset/types.ts';
import { partialDateSortKey } from '../format.ts';

export interface SiteDates {
  /** The date of the newest verified event: what "Data as of" means. Unverified events do not make the data current. */
  dataAsOf: string | null;
  /** The date of the newest entry in the public updates & corrections log: what "Updated" means. */
  updated: string | null;
}

function newest(dates: readonly string[]): string | null {
  let best: string | null = null;
  for (const date of dates) {
    if (best === null || partialDateSortKey(date) > partialDateSortKey(best)) best = date;
  }
  return best;
}

/** Pure: the same data always gives the same dates, whatever day the site is built. */
export function siteDates(data: { events: readonly TimelineEvent[]; corrections: readonly Correction[] }): SiteDates {
  return {
    dataAsOf: newest(data.events.filter((event) => event.verified).map((event) => event.date)),
    updated: newest(data.corrections.map((entry) => entry.date)),
  };
}
