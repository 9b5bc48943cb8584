// <Country id="…"> in chapters: an unknown id must stop the build with the file and line (src/lib/citations.ts).
import { describe, expect, it } from 'vitest';
import { checkComponentUses, findComponentUses } from '../citations.ts';
import { countryCount, event } from '../../../tests/fixtures/derive.ts';

const data = {
  sources: [],
  figures: [],
  countryCounts: [countryCount({ iso3: 'IRL', country: 'Ireland' })],
  stations: [],
  events: [event({ id: 'e', date: '2023', iso3: 'CHN', country: 'China' })],
};

describe('<Country> in MDX', () => {
  it('is found with its position', () => {
    expect(findComponentUses('Text\n\nIn <Country id="irl">Ireland</Country>, …')).toEqual([{ component: 'Country', value: 'irl', line: 3, column: 4 }]);
  });
  it('accepts the lower-case alpha-3 code of a country in data/', () => {
    expect(checkComponentUses('content/chapters/x.mdx', 'In <Country id="irl">Ireland</Country>.', 5, data)).toEqual([]);
  });
  it('names the file and line of an unknown, upper-case or China id', () => {
    const body = 'One <Country id="bel">Belgium</Country>.\nTwo <Country id="IRL">Ireland</Country>.\nThree <Country id="chn">China</Country>.';
    const problems = checkComponentUses('content/chapters/x.mdx', body, 5, data);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^content\/chapters\/x\.mdx:6:5 <Country id="bel"> has no country page/);
    expect(problems[1]).toMatch(/^content\/chapters\/x\.mdx:7:5 <Country id="IRL">/);
    expect(problems[2]).toMatch(/^content\/chapters\/x\.mdx:8:7 <Country id="chn">/);
  });
  it('refuses an expression id', () => {
    expect(checkComponentUses('x.mdx', '<Country id={code}>x</Country>', 0, data)[0]).toMatch(/needs a plain text id/);
  });
});
