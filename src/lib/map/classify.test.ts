import { describe, expect, it } from 'vitest';
import { countryCount, event } from '../../../tests/fixtures/derive.ts';
import { classifyStationCount, decisiveEvent, responseState, stationState, STATION_CLASSES } from './classify.ts';

describe('classifyStationCount', () => {
  it('puts every count from 1 upwards in exactly one hand-set class', () => {
    expect([1, 2, 3, 4, 6, 7, 11, 40].map(classifyStationCount)).toEqual(['s1', 's2', 's2', 's3', 's3', 's4', 's4', 's4']);
    for (let n = 1; n <= 50; n++) {
      expect(STATION_CLASSES.filter((c) => n >= c.min && (c.max === null || n <= c.max))).toHaveLength(1);
    }
  });
  it('keeps zero apart from the classes', () => {
    expect(classifyStationCount(0)).toBe('none');
  });
});

describe('stationState', () => {
  it('separates not applicable, no data and unverified from counts', () => {
    expect(stationState('CHN', undefined)).toBe('not-applicable');
    expect(stationState('FRA', undefined)).toBe('none');
    expect(stationState('ECU', countryCount({ iso3: 'ECU', first_report: 2, verified: false }))).toBe('unverified');
    expect(stationState('ITA', countryCount({ iso3: 'ITA', first_report: 4, second_report: 11 }))).toBe('s4');
  });
});

describe('responseState', () => {
  const events = [
    event({ id: 'a', date: '2022-10-26', iso3: 'USA', kind: 'investigation' }),
    event({ id: 'b', date: '2023-04-17', iso3: 'USA', kind: 'arrest' }),
    event({ id: 'c', date: '2022-11-02', iso3: 'NLD', kind: 'denial', actor: 'chinese-authorities' }),
    event({ id: 'd', date: '2023-03-02', iso3: 'CAN', kind: 'closure', verified: false }),
    event({ id: 'e', date: '2022-12-04', iso3: 'SRB', kind: 'denial' }),
  ];
  it('takes the strongest verified host-government response', () => {
    expect(responseState('USA', true, events).state).toBe('charges');
    expect(responseState('USA', true, events).events.map((e) => e.id)).toEqual(['a', 'b']);
    expect(responseState('SRB', true, events).state).toBe('denial');
  });
  it('ignores Chinese denials and unverified closures', () => {
    expect(responseState('NLD', true, events).state).toBe('nothing-known');
    expect(responseState('CAN', true, events).state).toBe('nothing-known');
  });
  it('marks countries with no stations and no response as none, and China as not applicable', () => {
    expect(responseState('BEL', false, events).state).toBe('none');
    expect(responseState('CHN', false, events).state).toBe('not-applicable');
  });
});

describe('decisiveEvent', () => {
  it('is the first event of the class the country is in, not the first event', () => {
    const events = [
      event({ id: 'statement', date: '2022-10-01', iso3: 'NLD', kind: 'statement' }),
      event({ id: 'closure', date: '2022-11-01', iso3: 'NLD', kind: 'closure' }),
      event({ id: 'later', date: '2022-12-01', iso3: 'NLD', kind: 'closure' }),
    ];
    expect(decisiveEvent('closure', events)?.id).toBe('closure');
    expect(decisiveEvent('statement', events)?.id).toBe('statement');
  });
  it('is null when nothing is known or the state is not a response', () => {
    expect(decisiveEvent('nothing-known', [])).toBeNull();
    expect(decisiveEvent('not-applicable', [])).toBeNull();
  });
});
