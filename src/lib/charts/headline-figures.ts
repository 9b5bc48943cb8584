/**
 * The numbers on the headline-figures card, in one place: the card (HeadlineFigures.astro) and its static image
 * (src/lib/render-chart-image.ts) both read them, so the two cannot disagree on which figures are shown.
 */
import type { Source } from '../dataset/types.ts';
import type { Edition } from '../edition/edition.ts';
import { getFigure, getSiteData, getSource } from '../site-data.ts';

export interface HeadlineFigure {
  /** data/figures.json id (reported) or metric id (documented); used as a data- attribute on the card. */
  id: string;
  value: number;
  label: string;
  /** Sources of a reported figure; documented counts link to the method page instead. */
  sources: Source[];
}

/** The NGO's reported totals, and the counts we could document ourselves. */
export function headlineFigures(edition: Edition): { reported: HeadlineFigure[]; documented: HeadlineFigure[] } {
  const { metrics } = getSiteData(edition.lang);
  const first = getFigure('first-report-stations');
  const second = getFigure('second-report-stations');
  const secondCountries = getFigure('second-report-countries');
  const persuaded = getFigure('persuaded-to-return');
  const sourcesOf = (ids: readonly string[]) => ids.map((id) => getSource(id));
  return {
    reported: [
      { id: first.id, value: first.value, label: edition.t('home.figure.firstReport'), sources: sourcesOf(first.sources) },
      {
        id: second.id,
        value: second.value,
        label: edition.t('home.figure.secondReport', { countries: edition.number(secondCountries.value) }),
        sources: sourcesOf([...new Set([...second.sources, ...secondCountries.sources])]),
      },
      { id: persuaded.id, value: persuaded.value, label: edition.t('home.figure.persuaded'), sources: sourcesOf(persuaded.sources) },
    ],
    documented: [
      {
        id: 'sd-station-rows-verified',
        value: metrics['sd-station-rows-verified'],
        label: edition.t('home.figure.verifiedRows', { countries: edition.number(metrics['countries-verified']) }),
        sources: [],
      },
      { id: 'station-rows-unverified', value: metrics['station-rows-unverified'], label: edition.t('home.figure.unverifiedRows'), sources: [] },
      { id: 'countries-with-closure', value: metrics['countries-with-closure'], label: edition.t('home.figure.closures'), sources: [] },
    ],
  };
}
