import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';

// Review s26 items 2-5, on sentences we wrote: `mode speaker|cue|content` per attribution.

function rows(text: string): string[] {
  const report = analyze({ text, id: 'frames' });
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

describe('"as" of time or manner after a verb of regard is no view (as-adverbials 1.0.0)', () => {
  it.each([
    ['a clause after "as"', 'He presented the award as the band played.', []],
    ['a clause with a possessive subject', 'She presented her findings as the meeting ended.', []],
    ['"as well"', 'She presented the report as well.', []],
    ['"as planned"', 'They pitched the idea as planned.', []],
    ['"as agreed"', 'She billed the client as agreed.', []],
    ['"as soon as"', 'He framed the photo as soon as he got home.', []],
    ['a view keeps its "as"', 'Holt framed the vote as a test of trust.', ['attitude Holt|framed|the vote as a test of trust']],
    ['a relative clause after the noun is still a view', 'Voters see her as a candidate who can win.', ['attitude Voters|see|her as a candidate who can win']],
    ['an -ed adjective before a noun is still a view', 'Voters see the mayor as the most qualified candidate.', ['attitude Voters|see|the mayor as the most qualified candidate']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a voice noun must be a noun, and "that" before a quotation opens a clause', () => {
  it.each([
    ['a verb after a helper and "not"', 'Holt would not sign "The Harbour Pledge" this year.', []],
    ['"a sign that" is evidence, not a display', 'It is a sign that "the market" is cooling.', []],
    ['"a sign that read" is a display', 'Protesters carried a sign that read "Jobs Now".', ['direct -|sign that read|"Jobs Now"']],
    ['a noun after a preposition keeps its link', 'She walked in to chants of "Holt! Holt!" from the crowd.', ['direct -|chants of|"Holt! Holt!"']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('a document in a restrictive relative: the content ends before the main clause verb', () => {
  it.each([
    ['the main verb is a form of be', 'Polls that show Holt ahead were released on Monday.', ['indirect Polls|show|Holt ahead']],
    ['the content is a clause of its own', 'Records that show the ferry lost money were lost in the fire.', ['indirect Records|show|the ferry lost money']],
    ['with commas, the content ends at the comma', 'The audit, which found no fraud, was published.', ['indirect The audit|found|no fraud']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});

describe('participles reached past openers or after a dash must hold speech', () => {
  it.each([
    ['a dash and a plain object', 'Meanwhile, the team scored again – adding a third goal.', []],
    ['a dash after an opening phrase', 'But days later, Holt won the race – claiming the title.', []],
    ['an act on an indefinite thing', 'Later, Holt picked up the phone, calling a taxi.', []],
    ['a clause after the participle is speech', 'Meanwhile, Holt hit back – saying the board had lied.', ['indirect Holt|saying|the board had lied']],
    ['a person addressed is speech', 'Then he cut into Berg, calling him a stiff.', ['summary he|calling|calling him a stiff']],
  ])('%s', (_name, text, expected) => {
    expect(rows(text)).toEqual(expected);
  });
});
