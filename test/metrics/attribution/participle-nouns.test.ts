import { describe, expect, it } from 'vitest';
import { reportedRowsOf as reportedRows } from './render.ts';

// An -ing word after a subordinator is a speech act only when it takes something after it; "without
// warning" at a clause's end is a noun's phrase and stays inside the content of the speech around it.
describe('an -ing word with nothing after it is no participle of speech', () => {
  it.each([
    ['"without warning" ends the content it belongs to', 'The farmers union said the roads had been shut without warning.', ['indirect The farmers union|said|the roads had been shut without warning']],
    ['"without warning" before a comma', 'The council closed the pier without warning, and the ferry stopped.', []],
    ['a participle that takes a clause still speaks', 'The mayor won the vote by saying the ferry would run.', ['indirect The mayor|saying|the ferry would run']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});
