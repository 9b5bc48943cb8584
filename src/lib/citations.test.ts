import { describe, expect, it } from 'vitest';
import { checkComponentUses, collectCitationOrder, countCitationPlaces, findComponentUses, findRepeatedInCluster } from './citations.ts';
import { source } from '../../tests/fixtures/derive.ts';
import type { ReportedFigure } from './dataset/types.ts';

const figures: ReportedFigure[] = [
  { id: 'first-report-stations', value: 54, label: 'l', as_of: '2022', verified: true, sources: ['sd', 'ians'], note: null },
];
const body = [
  'Intro <Cite id="bbc" /> and again <Cite id=\'bbc\' />.',
  'The report listed <Stat id="first-report-stations" /> stations <Cite id="nyt" />.',
  'We documented <Count of="station-rows" /> rows <Cite id="sd" />.',
].join('\n');

describe('findComponentUses', () => {
  it('finds each component with its line and column', () => {
    expect(findComponentUses(body).map((u) => [u.component, u.value, u.line, u.column])).toEqual([
      ['Cite', 'bbc', 1, 7],
      ['Cite', 'bbc', 1, 35],
      ['Stat', 'first-report-stations', 2, 19],
      ['Cite', 'nyt', 2, 64],
      ['Count', 'station-rows', 3, 15],
      ['Cite', 'sd', 3, 48],
    ]);
  });
});

describe('collectCitationOrder', () => {
  it('numbers sources once, in reading order, with a Stat citing its figure sources', () => {
    expect(collectCitationOrder(body, figures)).toEqual(['bbc', 'sd', 'ians', 'nyt']);
  });
});

describe('checkComponentUses', () => {
  const data = { sources: ['bbc', 'nyt', 'sd', 'ians'].map((id) => source({ id })), figures };
  it('accepts a chapter whose ids all exist', () => {
    expect(checkComponentUses('content/chapters/x.mdx', body, 0, data)).toEqual([]);
  });
  it('names the file, line and column of each unknown id', () => {
    const broken = 'A <Cite id="nope" />\nB <Stat id="no-figure" /> C <Count of="no-metric" /> D <Cite id={x} />';
    expect(checkComponentUses('content/chapters/x.mdx', broken, 6, data)).toEqual([
      'content/chapters/x.mdx:7:3 <Cite id="nope" /> names a source that is not in data/sources.json.',
      'content/chapters/x.mdx:8:3 <Stat id="no-figure" /> names a figure that is not in data/figures.json.',
      'content/chapters/x.mdx:8:29 <Count of="no-metric" /> is not a known metric (see src/lib/derive/metrics.ts).',
      'content/chapters/x.mdx:8:56 <Cite> needs a plain text id="…" value, not an expression.',
    ]);
  });
});

describe('countCitationPlaces', () => {
  it('counts every place a source is cited, a Stat counting for each of its figure sources', () => {
    const places = countCitationPlaces(body, figures);
    expect(Object.fromEntries(places)).toEqual({ bbc: 2, sd: 2, ians: 1, nyt: 1 });
  });
});

describe('findRepeatedInCluster', () => {
  it('finds a note repeated within one run of citations', () => {
    const text = 'A claim<Cite id="a" /><Cite id="b" /><Cite id="a" />.';
    expect(findRepeatedInCluster(text, figures)).toEqual([{ id: 'a', line: 1, column: 38 }]);
  });

  it('counts the sources a Stat cites as part of the run that follows it', () => {
    expect(findRepeatedInCluster('<Stat id="first-report-stations" /><Cite id="sd" />', figures).map((r) => r.id)).toEqual(['sd']);
  });

  it('allows the same note again once text separates the runs', () => {
    expect(findRepeatedInCluster('One<Cite id="a" /> and two<Cite id="a" />.', figures)).toEqual([]);
    expect(findRepeatedInCluster('<Cite id="a" />\n<Cite id="b" />', figures)).toEqual([]);
  });

  it('is reported by checkComponentUses with file and line', () => {
    const data = { sources: ['a', 'b'].map((id) => source({ id })), figures };
    expect(checkComponentUses('content/chapters/x.mdx', 'x\nA<Cite id="a" /> <Cite id="a" />', 4, data)).toEqual([
      'content/chapters/x.mdx:6:18 cites "a" a second time in the same run of notes; remove the repeat (readers would see the same number twice).',
    ]);
  });
});
