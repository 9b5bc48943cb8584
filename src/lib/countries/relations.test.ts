import { describe, expect, it } from 'vitest';
import type { Correction, Disagreement } from '../dataset/types.ts';
import { countryCount, event, station } from '../../../tests/fixtures/derive.ts';
import { correctionsFor, disagreementsFor, sourceCountries } from './relations.ts';

const data = {
  countryCounts: [
    countryCount({ iso3: 'IRL', country: 'Ireland', sources: ['report', 'irish-times'] }),
    countryCount({ iso3: 'JPN', country: 'Japan', sources: ['report', 'yomiuri'] }),
    countryCount({ iso3: 'PER', country: 'Peru', sources: ['report', 'uol'] }),
    countryCount({ iso3: 'COL', country: 'Colombia', sources: ['report', 'uol'] }),
  ],
  stations: [station({ id: 'irl-dublin', iso3: 'IRL', sources: ['report', 'rte'] })],
  events: [event({ id: 'e', date: '2022-10-26', iso3: 'IRL', sources: ['irish-times', 'bbc'] })],
};
const bySource = sourceCountries(data);

function disagreement(id: string, topic: string, positions: [string, string[]][], reading = 'r'): Disagreement {
  return { id, topic, positions: positions.map(([claim, sources]) => ({ claim, sources })), our_reading: reading };
}

describe('sourceCountries', () => {
  it('maps each source to the countries whose records cite it', () => {
    expect([...bySource.get('report')!].sort()).toEqual(['COL', 'IRL', 'JPN', 'PER']);
    expect([...bySource.get('bbc')!]).toEqual(['IRL']);
  });
});

describe('disagreementsFor', () => {
  const items = [
    disagreement('date', 'When the office was ordered closed', [
      ['26 October', ['irish-times']],
      ['27 October', ['bbc', 'report']],
    ]),
    disagreement('total', 'How many stations the report found', [
      ['54', ['report']],
      ['21', ['irish-times']],
    ]),
    disagreement('latam', 'Latin American hosts', [['Peru and Colombia, per UOL', ['uol']]]),
    disagreement('japanese', 'What Japanese media said', [['Nagoya', ['other']]]),
  ];
  it('matches when every position cites a source tied to the country', () => {
    expect(disagreementsFor({ iso3: 'IRL', name: 'Ireland' }, items, bySource)).toEqual([{ disagreement: items[0], reason: 'sources' }]);
  });
  it('does not match a global dispute in which one position happens to cite a local source', () => {
    expect(disagreementsFor({ iso3: 'IRL', name: 'Ireland' }, items, bySource).map((d) => d.disagreement.id)).not.toContain('total');
  });
  it('matches by the country name as a whole word', () => {
    expect(disagreementsFor({ iso3: 'PER', name: 'Peru' }, items, bySource)).toEqual([{ disagreement: items[2], reason: 'named' }]);
    expect(disagreementsFor({ iso3: 'JPN', name: 'Japan' }, items, bySource)).toEqual([]);
  });
});

describe('correctionsFor', () => {
  const log: Correction[] = [
    { id: 'launch', date: '2026-11-22', kind: 'update', what: 'w', why: 'y', sources: [] },
    { id: 'dublin', date: '2026-11-30', kind: 'correction', what: 'w', why: 'y', sources: ['rte'] },
    { id: 'global', date: '2026-12-01', kind: 'update', what: 'w', why: 'y', sources: ['report'] },
  ];
  it('keeps site-wide entries and those citing a source tied to the country', () => {
    expect(correctionsFor('IRL', log, bySource).map((c) => c.id)).toEqual(['launch', 'dublin']);
    expect(correctionsFor('JPN', log, bySource).map((c) => c.id)).toEqual(['launch']);
  });
});
