import { describe, expect, it } from 'vitest';
import type { Dataset } from '../dataset/types.ts';
import { countryCount, event, source, station } from '../../../tests/fixtures/derive.ts';
import { listCountries } from './countries.ts';
import { buildCountryPage } from './page.ts';
import { editionOf } from '../edition/edition.ts';
import { buildCountryCard, latestEvent } from './card.ts';

const dataset: Dataset = {
  sources: [source({ id: 'sd-110-overseas' }), source({ id: 'sd-patrol-and-persuade' }), source({ id: 'local' }), source({ id: 'weak', tier: 'weak' })],
  stations: [
    station({ id: 'usa-ny', iso3: 'USA', city: 'New York', sources: ['local'] }),
    station({ id: 'usa-la', iso3: 'USA', city: 'Los Angeles', sources: ['local'] }),
    station({ id: 'usa-x', iso3: 'USA', verified: false, sources: ['weak'] }),
    station({ id: 'ecu-x', iso3: 'ECU', country: 'Ecuador', verified: false, sources: ['weak'] }),
  ],
  countryCounts: [
    countryCount({ iso3: 'USA', country: 'United States', first_report: 1, second_report: 4, second_report_is_minimum: true, sources: ['sd-patrol-and-persuade'] }),
    countryCount({ iso3: 'ECU', country: 'Ecuador', first_report: null, second_report: 2, verified: false, sources: ['weak'] }),
  ],
  events: [
    event({ id: 'u1', date: '2022-10', iso3: 'USA', country: 'United States', kind: 'investigation', title: 'Older', sources: ['local'] }),
    event({ id: 'u2', date: '2023-04-17', iso3: 'USA', country: 'United States', kind: 'arrest', title: 'Newest verified', sources: ['local'] }),
    event({ id: 'u5', date: '2026-05', iso3: 'USA', country: 'United States', kind: 'conviction', title: 'Newer, unverified', verified: false, sources: ['weak'] }),
  ],
  figures: [],
  disagreements: [],
  corrections: [],
};
const countries = listCountries(dataset);
const card = (iso3: string) => {
  const page = buildCountryPage(dataset, countries.find((c) => c.iso3 === iso3)!);
  return { page, model: buildCountryCard(page, editionOf('en'), () => '2022-09-12') };
};
const line = (iso3: string, figure: string) => card(iso3).model.lines.find((l) => l.figure === figure);

describe('buildCountryCard', () => {
  it('gives each report its figure, "at least" when the report gives a floor', () => {
    expect(line('USA', 'report-110-overseas')).toMatchObject({ data: '1', value: '1 station' });
    expect(line('USA', 'report-patrol-and-persuade')).toMatchObject({ data: '4', value: 'at least 4 stations' });
  });

  it('counts verified stations only and shows unverified ones on a line of their own', () => {
    expect(line('USA', 'verified')).toMatchObject({ data: '2', value: '2' });
    expect(line('USA', 'unverified')).toMatchObject({ data: '1', unverified: true });
    expect(line('ECU', 'verified')).toMatchObject({ data: '0' });
    expect(line('ECU', 'unverified')).toMatchObject({ data: '1' });
  });

  it('marks the figures of an unverified listing, but not a figure the sources do not give', () => {
    expect(line('ECU', 'report-patrol-and-persuade')?.unverified).toBe(true);
    expect(line('ECU', 'report-110-overseas')).toMatchObject({ data: '', unverified: false });
  });

  it('picks the newest verified event as the latest, not a newer unverified one', () => {
    expect(latestEvent(card('USA').page)?.id).toBe('u2');
    expect(line('USA', 'latest')).toMatchObject({ data: '2023-04-17', value: '17 April 2023: Newest verified' });
    expect(line('ECU', 'latest')).toMatchObject({ data: '' });
  });

  it("takes the response from the country page's own classification", () => {
    expect(line('USA', 'response')?.data).toBe(card('USA').page.response.state);
  });
});
