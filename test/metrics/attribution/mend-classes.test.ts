import { describe, expect, it } from 'vitest';
import { reportedRowsOf as reportedRows } from './render.ts';

// Classes of false alarms and misses found on real news after the issue-12 landing, each on sentences we wrote.

describe('a negated subject denies the speech act: no attribution', () => {
  it.each([
    ['nobody with a place', 'Nobody at the harbour board calls this what it is: a closure.', []],
    ['no one with a place', 'No one at the ministry said the ferry would run.', []],
    ['none of a group', 'None of the councillors said the pier was safe.', []],
    ['neither before a noun', 'Neither candidate said the ferry would run at night.', []],
    ['not a single', 'Not a single witness said the car was red.', []],
    ['"not all" is partial: some did speak', 'Not all councillors said the pier was safe.', ['indirect councillors|said|the pier was safe']],
    ['a negation inside the content stays content', 'Anna Berg said nobody had asked her.', ['indirect Anna Berg|said|nobody had asked her']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});
