import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/index.ts';
import { quotedAndReportedRowsOf, reportedRowsOf as reportedRows } from './render.ts';

// Classes of false alarms found by the review of session 25's merged rules, each on sentences we wrote.

describe('", that" after a long adjunct opens the reported clause only when a subject follows', () => {
  it.each([
    ['a relative "that" after a place is no speech', 'Holt spoke on Tuesday at a rally in the state capital of Ohio, Columbus, that drew thousands of voters.', []],
    ['a subject after ", that" is what was said', 'Cruz said Thursday during a taping of a town hall meeting in Buffalo, New York, that the state was wrong.', ['indirect Cruz|said|the state was wrong']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

describe('a quotation goes on after its tag only when it was cut off before its verb', () => {
  it.each([
    ['a subject cut off by the tag goes on', '“Only you, Holt,” she said, would stand up for the old ferry.', ['mixed she|said|“Only you, Holt,” she said, would stand up for the old ferry']],
    ['a quoted clause with a form of be is whole: the verb after the tag is the writer\'s', '"It is over," Berg said, will surprise nobody who followed the race.', ['direct Berg|said|"It is over,"']],
    ['a quoted pronoun and its verb are whole', '"We won," she said, could not be clearer.', ['direct she|said|"We won,"']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });
});

describe('", named X," set off by commas names a thing: nobody speaks', () => {
  it.each([
    ['a name between commas after a noun', 'The storm, named Gull, hit the coast on Friday.', []],
    ['a naming verb with a subject still chooses someone', 'The president named Holt as her deputy.', ['summary The president|named|named Holt as her deputy']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});

/** `mode speaker|cue|content` rows of the whole analysis of `text`. */
function analysedRows(text: string): string[] {
  const report = analyze(text);
  const said = (span: readonly [number, number, ...unknown[]] | null): string => (span === null ? '-' : report.text.slice(span[0], span[1]));
  return report.attributions.map((a) => `${a.mode} ${said(a.speaker)}|${said(a.cue)}|${said(a.content)}`);
}

describe('"seen as" of sight or time is no view', () => {
  it.each([
    ['a comparison after "seen as"', 'The comet was seen as far south as Texas.', []],
    ['a clause after "seen as"', 'The suspect was seen as he left the bank.', []],
    ['a participle with a comparison', 'A grey van seen as far away as Leeds was found.', []],
    ['a view keeps its reading', 'The harbour board is seen as a rubber stamp.', ['attitude -|is seen as|The harbour board is seen as a rubber stamp']],
    ['"widely seen as" is a vague source, as README says', 'The harbour board is widely seen as a rubber stamp.', ['vague -|widely seen as|a rubber stamp']],
  ])('%s', (_name, text, expected) => {
    expect(analysedRows(text)).toEqual(expected);
  });
});

describe('a day or a month before a colon heads a schedule, not a transcript', () => {
  const menu = 'Monday: Rice with beans and a little bit of salt and pepper on top.\n\nTuesday: Pasta with tomatoes and a little bit of cheese on top.';
  const transcript = 'Holt: We will keep the ferry running for as long as we can.\n\nBerg: The ferry has lost money for ten years now.\n\nHolt: Then we will find the money somewhere else.';
  it.each([
    ['weekday labels are a menu', menu, []],
    ['name labels are speakers when someone takes a second turn', transcript, ['direct Holt|-|We will keep the ferry running for as long as we can', 'direct Berg|-|The ferry has lost money for ten years now', 'direct Holt|-|Then we will find the money somewhere else']],
  ])('%s', (_name, text, expected) => {
    expect(quotedAndReportedRowsOf(text)).toEqual(expected);
  });

  it('labels that each stand once are headings, and no one speaks them word for word', () => {
    const programme = 'Main Stage: bands play from noon until late at night on both days.\n\nNorth Field: food stalls and a market open at ten in the morning.';
    expect(quotedAndReportedRowsOf(programme).filter((row) => row.startsWith('direct'))).toEqual([]);
  });
});

describe('a summary names an act, and a view after it is its holder\'s own', () => {
  it.each([
    ['a second person\'s belief after a summary is heard', 'Berg shared her worries while Holt believes the pier is safe.', ['summary Berg|shared|shared her worries', 'attitude Holt|believes|the pier is safe']],
    ['an attitude inside what was said stays part of that speech', 'Holt said she supports the tax.', ['indirect Holt|said|she supports the tax']],
  ])('%s', (_name, text, expected) => {
    expect(analysedRows(text)).toEqual(expected);
  });
});
