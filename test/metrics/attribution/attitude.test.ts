import { describe, expect, it } from 'vitest';
import { cueRowsOf as cueRows, reportedRowsOf as reportedRows } from './render.ts';

describe('attitude verbs', () => {
  it.each([
    ['a wish', 'Mayor Jane Holt wants a new pier by the summer.', ['attitude Mayor Jane Holt|wants|a new pier by the summer']],
    ['a belief with its that-clause', 'Holt believes that the pier will be ready in May.', ['attitude Holt|believes|the pier will be ready in May']],
    ['an intention with its infinitive', 'The Harbour Board plans to close the old pier in June.', ['attitude The Harbour Board|plans to|close the old pier in June']],
    ['knowledge', 'Holt knows the pier cannot open before May.', ['attitude Holt|knows|the pier cannot open before May']],
    ['a position', 'Councillor Amir Patel opposes the new pier tax.', ['attitude Councillor Amir Patel|opposes|the new pier tax']],
    ['a hope', 'Holt hopes the pier will be ready in May.', ['attitude Holt|hopes|the pier will be ready in May']],
    ['a decision', 'The Harbour Board agreed to close the old pier.', ['attitude The Harbour Board|agreed to|close the old pier']],
    ['support after a modal is the verb', 'Councillor Amir Patel would support a smaller pier tax.', ['attitude Councillor Amir Patel|would support|a smaller pier tax']],
    ['a feeling made known', 'Holt expressed frustration with the pier contractor.', ['attitude Holt|expressed|frustration with the pier contractor']],
    ['the passive names nobody', 'The pier is expected to open in May.', []],
    ['a raising verb is no cue', 'Holt seems certain that the pier will open in May.', []],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });

  it.each([
    ['an attitude inside what a speaker said is part of the speech', 'Holt said she supports the pier tax.', ['said [speech]']],
    ['an attitude before the speech verb stands alone', 'Holt wants the tax, and Patel said the council would vote.', ['wants [attitude]', 'said [speech]']],
    ['the noun is no cue', 'Patel praised the support for the pier tax.', ['praised [speech]']],
    ['demands stay speech acts', 'Patel demanded a vote on the pier tax.', ['demanded [speech]']],
  ])('%s', (_name, text, expected) => {
    expect(cueRows(text)).toEqual(expected);
  });
});
