import { describe, expect, it } from 'vitest';
import { memoLanguageProblem, sourceUrlProblem } from './reader-language.ts';
import { validateDatasetFiles } from './load.ts';

describe('memoLanguageProblem', () => {
  it.each([
    ['v1 cited a content-farm copy of the item.', 'v1'],
    ['CORRECTED date: 29 September.', 'CORRECTED'],
    ['NEW EVENT. The embassy denied it.', 'NEW EVENT'],
    ['NEW ROW: the city comes from a blog.', 'NEW ROW'],
    ['ADDED operator: Fuzhou.', 'ADDED'],
    ['Checked in the completion pass.', 'completion pass'],
    ["'EUU' is the code for the EU.", 'EUU'],
    ["so operator_source_tier is 'weak'", 'operator_source_tier'],
    ['A content-farm copy.', 'content-farm'],
    ['Confirm against the master table before publishing.', 'before publishing'],
    ['Country field = the publisher.', 'Country field'],
    ['Only a Newsweek re-post names the city.', 're-post'],
    ['The text was read only via aggregators.', 'read only via'],
    ['this row may be that station', 'this row'],
    ['see the Peru row.', 'see the Peru row'],
    ['A weak copy of a Reuters item.', 'weak copy'],
    ['The day comes from blogTO (weak).', '(weak)'],
  ])('rejects %j', (text, token) => {
    const problem = memoLanguageProblem(text);
    expect(problem).not.toBeNull();
    expect(problem).toContain(token);
  });

  it.each([
    'The Irish Times and the BBC say the statement was issued on Wednesday 26 October.',
    'The ministry corrected its figure a week later.',
    'Police added that the site had closed.',
    'A Royal Canadian Mounted Police (RCMP) spokesperson said the file was closed without charges.',
    'Reports that we could not confirm from court records say a jury convicted him.',
  ])('accepts reader prose %j', (text) => {
    expect(memoLanguageProblem(text)).toBeNull();
  });
});

describe('sourceUrlProblem', () => {
  it.each([
    ['https://www.staging.libe.io/international/2022/12/06/x/', 'staging'],
    ['https://new-origin.patch.com/new-york/x', 'new-origin'],
    ['https://irishtimes-irishtimes-prod.web.arc-cdn.net/world/x', 'arc-cdn'],
    ['https://canary.haaretz.com/world-news/x', 'canary'],
    ['https://feeds.bbci.co.uk/news/uk-x', 'feeds'],
    ['https://images-bn.thedailystar.net/x', 'images-'],
    ['https://www.folha.uol.com.br/x.shtml?utm_source=newsletter&utm_medium=email', 'utm_source'],
  ])('rejects %s', (url, token) => {
    expect(sourceUrlProblem(url)).toContain(token);
  });

  it('accepts a canonical article address with ordinary parameters', () => {
    expect(sourceUrlProblem('https://news.sbs.co.kr/news/endPagePrintPopup.do?news_id=N1007525282')).toBeNull();
    expect(sourceUrlProblem('https://www.bbc.co.uk/news/world-europe-63447349')).toBeNull();
  });
});

describe('the validator and reader language', () => {
  const source = { id: 'bbc-1', title: 'A title', publisher: 'BBC News', published: '2022-10-27', url: 'https://www.bbc.co.uk/news/x', tier: 'reputable' };
  const event = {
    id: '2022-10-27-irl-closure', date: '2022-10-27', iso3: 'IRL', country: 'Ireland', actor: 'host-government', kind: 'closure',
    title: 'Ireland orders the Dublin office to close', summary: 'The Department of Foreign Affairs said the office must close.',
    verified: true, sources: ['bbc-1'], note: 'CORRECTED date: v1 had 27 Oct.',
  };
  const files = (events: unknown[], sources: unknown[] = [source]) => ({
    'sources.json': JSON.stringify(sources, null, 2),
    'stations.json': '[]',
    'country_counts.json': '[]',
    'events.json': JSON.stringify(events, null, 2),
    'figures.json': '[]',
    'disagreements.json': '[]',
    'corrections.json': '[]',
  });

  it('names file, line, record and field for memo language in a reader-facing note', () => {
    const { issues } = validateDatasetFiles(files([event]), { today: '2026-11-30' });
    const issue = issues.find((i) => i.field === 'note');
    expect(issue).toMatchObject({ file: 'events.json', recordId: '2022-10-27-irl-closure', field: 'note' });
    expect(issue!.line).toBe(JSON.stringify([event], null, 2).split('\n').findIndex((l) => l.includes('"note"')) + 1);
    expect(issue!.message).toContain('CORRECTED');
  });

  it('allows the same words in editor_note, and never publishes editor_note', () => {
    const clean = { ...event, note: 'Some outlets give 27 October.', editor_note: 'CORRECTED date: v1 had 27 Oct (read only via a re-post).' };
    const { dataset, issues } = validateDatasetFiles(files([clean]), { today: '2026-11-30' });
    expect(issues).toEqual([]);
    expect(dataset!.events[0]).not.toHaveProperty('editor_note');
    expect(JSON.stringify(dataset)).not.toContain('re-post');
  });

  it('rejects a staging host or tracking parameter in a source url, naming the field', () => {
    const staging = { ...source, url: 'https://www.staging.libe.io/x/?utm_source=rss' };
    const { issues } = validateDatasetFiles(files([{ ...event, note: null }], [staging]), { today: '2026-11-30' });
    expect(issues.some((i) => i.file === 'sources.json' && i.recordId === 'bbc-1' && i.field === 'url')).toBe(true);
  });
});
