/** The map's legend entries for each view, shared by the interactive legend and the PNG fallback image. */
import type { Edition } from '../edition/edition.ts';
import { RESPONSE_CLASSES, STATION_CLASSES } from './classify.ts';

export interface LegendItem {
  /** CSS class that colours both the map shape and the swatch. */
  cls: string;
  label: string;
}

export function mapLegend(view: 'stations' | 'responses', edition: Edition): LegendItem[] {
  const shared = [
    { cls: 'none', label: edition.t('map.state.none') },
    { cls: 'not-applicable', label: edition.t('map.state.not-applicable') },
  ];
  if (view === 'stations') {
    return [
      ...STATION_CLASSES.map((c) => ({ cls: c.id, label: edition.t(`map.class.${c.id}`) })),
      { cls: 'unverified', label: edition.t('map.state.unverified') },
      ...shared,
    ];
  }
  return [
    ...RESPONSE_CLASSES.map((c) => ({ cls: `r-${c.id}`, label: edition.t(`map.response.${c.id}`) })),
    { cls: 'r-nothing-known', label: edition.t('map.response.nothing-known') },
    ...shared,
  ];
}
