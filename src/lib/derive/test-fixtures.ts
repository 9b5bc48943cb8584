/** Small hand-made records for derivation tests: each builder fills the fields a test does not care about. */
import type { CountryCount, Source, Station, TimelineEvent } from '../dataset/types.ts';

export function station(overrides: Partial<Station> & Pick<Station, 'id' | 'iso3'>): Station {
  return {
    country: overrides.iso3,
    city: null,
    lat: null,
    lon: null,
    operator: null,
    operator_source_tier: null,
    listed_in: '110-overseas',
    status: 'reported',
    verified: true,
    sources: ['src-a'],
    note: '',
    ...overrides,
  };
}

export function event(overrides: Partial<TimelineEvent> & Pick<TimelineEvent, 'id' | 'date'>): TimelineEvent {
  return {
    iso3: 'IRL',
    country: 'Ireland',
    actor: 'host-government',
    kind: 'statement',
    title: 't',
    summary: 's',
    verified: true,
    sources: ['src-a'],
    note: null,
    ...overrides,
  };
}

export function countryCount(overrides: Partial<CountryCount> & Pick<CountryCount, 'iso3'>): CountryCount {
  return {
    id: overrides.iso3.toLowerCase(),
    country: overrides.iso3,
    first_report: 1,
    second_report: null,
    second_report_is_minimum: false,
    verified: true,
    sources: ['src-a'],
    note: '',
    ...overrides,
  };
}

export function source(overrides: Partial<Source> & Pick<Source, 'id'>): Source {
  return { title: 'T', publisher: 'P', published: '2022', url: 'https://example.org/', tier: 'reputable', ...overrides };
}
