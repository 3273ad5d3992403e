// Documents and polls as sources: "a poll shows", "the report found", "court records detail". The verb
// reports only after a document or poll subject; the same verb after a person or a thing is not a cue.
import { describe, expect, it } from 'vitest';
import { cueRowsOf as cueRows, reportedRowsOf as reportedRows } from './render.ts';

describe('document and poll cues', () => {
  it.each([
    ['a poll shows', 'A new poll shows Holt ahead by six points.', ['shows [document]']],
    ['the report found, with an adverb between', 'The harbour report also found cracks in the old pier.', ['found [document]']],
    ['records detail', 'Court records detail the payments to the contractor.', ['detail [document]']],
    ['surveys have shown', 'Surveys have shown little support for the pier tax.', ['shown [document]']],
    ['a document heading a longer subject', 'Council records from the 2019 harbour audit show the ferry lost money.', ['show [document]']],
    ['a longer subject with no document in it', 'The divers from the harbour team found cracks in the pier.', []],
    ['a person finding things is no cue', 'The divers found cracks in the old pier.', []],
    ['a person showing things is no cue', 'Holt showed reporters the new plans.', []],
    ['the noun is no cue', 'The show drew a large crowd to the pier.', []],
  ])('%s', (_name, text, expected) => {
    expect(cueRows(text)).toEqual(expected);
  });

  it('gives the document as the source and what it says as the content', () => {
    expect(reportedRows('A new poll shows Holt ahead by six points.')).toEqual(['indirect A new poll|shows|Holt ahead by six points']);
  });
});
