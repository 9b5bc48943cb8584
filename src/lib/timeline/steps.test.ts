import { describe, expect, it } from 'vitest';
import { event } from '../../../tests/fixtures/derive.ts';
import { checkTimelineSteps, findTimelineSteps, resolveTimelineStep } from './steps.ts';
import { timelineEvents } from './model.ts';

const events = [
  event({ id: 'report', date: '2022-09-12', iso3: null, country: null, actor: 'ngo', kind: 'report' }),
  event({ id: 'ie-close', date: '2022-10-26', iso3: 'IRL', country: 'Ireland', kind: 'closure' }),
  event({ id: 'nl-close', date: '2022-11-01', iso3: 'NLD', country: 'Netherlands', kind: 'closure' }),
  event({ id: 'us-plea', date: '2024-12-18', iso3: 'USA', country: 'United States', kind: 'plea' }),
];

const chapter = (steps: string) => `Intro.\n\n<Timeline>\n${steps}\n</Timeline>\n`;

describe('resolveTimelineStep', () => {
  it('turns a step into the chart state it shows', () => {
    const step = resolveTimelineStep({ until: '2022-11', highlight: 'IRL NLD', events: 'nl-close' }, events);
    expect(step.last).toBe(2);
    expect(step.responded).toEqual(['IRL', 'NLD']);
    expect(step.highlight).toEqual(['IRL', 'NLD']);
    expect(step.marked).toEqual([timelineEvents(events).findIndex((e) => e.id === 'nl-close')]);
  });
  it('throws on attributes the data does not have', () => {
    expect(() => resolveTimelineStep({ until: '2022-13' }, events)).toThrow(/not a date/);
    expect(() => resolveTimelineStep({ until: '2022', highlight: 'IRL FRA' }, events)).toThrow(/"FRA" is not a country on the timeline/);
  });
});

describe('checkTimelineSteps', () => {
  it('accepts well-formed steps', () => {
    const body = chapter('<TimelineStep until="2022-10">\nA.\n</TimelineStep>\n<TimelineStep until="2024" highlight="USA" events="us-plea">\nB.\n</TimelineStep>');
    expect(findTimelineSteps(body)).toHaveLength(2);
    expect(checkTimelineSteps('content/chapters/x.mdx', body, 0, events)).toEqual([]);
  });
  it('names the file, line and column of unknown countries, events and dates, with the codes that exist', () => {
    const body = chapter('<TimelineStep until="2022-10" highlight="IRL XYZ">\nA.\n</TimelineStep>\n<TimelineStep until="Dec 2022" events="nope">\nB.\n</TimelineStep>');
    const problems = checkTimelineSteps('content/chapters/x.mdx', body, 10, events);
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(/^content\/chapters\/x\.mdx:14:1 .*"XYZ" is not a country on the timeline.*IRL NLD USA/);
    expect(problems[1]).toMatch(/^content\/chapters\/x\.mdx:17:1 .*"Dec 2022" is not a date/);
    expect(problems[2]).toMatch(/^content\/chapters\/x\.mdx:17:1 .*"nope" is not an event id in data\/events\.json/);
  });
  it('reports a missing until, an unknown attribute, an expression, steps going back in time and steps outside <Timeline>', () => {
    const body = `<TimelineStep until="2022">\nOut.\n</TimelineStep>\n${chapter(
      '<TimelineStep highlight="IRL">\nA.\n</TimelineStep>\n<TimelineStep until="2023" colour="red">\nB.\n</TimelineStep>\n<TimelineStep until={x}>\nC.\n</TimelineStep>\n<TimelineStep until="2022-11">\nD.\n</TimelineStep>',
    )}`;
    const problems = checkTimelineSteps('x.mdx', body, 0, events).join('\n');
    expect(problems).toMatch(/x\.mdx:1:1 <TimelineStep> must sit between <Timeline> and <\/Timeline>/);
    expect(problems).toMatch(/needs until="…"/);
    expect(problems).toMatch(/"colour" is not an attribute of a step/);
    expect(problems).toMatch(/until=\{…\}>: write the value as plain text/);
    expect(problems).toMatch(/until="2022-11"> goes back in time: the step before it \(line \d+\) is until="2023"/);
  });
});
