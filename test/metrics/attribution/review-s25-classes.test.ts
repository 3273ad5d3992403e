import { describe, expect, it } from 'vitest';
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
