import { describe, expect, it } from 'vitest';
import { checkComponentUses, collectCitationOrder, findComponentUses } from './citations.ts';
import { source } from './derive/test-fixtures.ts';
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
