import { describe, expect, it } from 'vitest';
import { reportedRowsOf as reportedRows } from './render.ts';

// Classes of false alarms found by the review of session 25's merged rules, each on sentences we wrote.

describe('", that" after a long adjunct opens the reported clause only when a subject follows', () => {
  it.each([
    ['a relative "that" after a place is no speech', 'Holt spoke on Tuesday at a rally in the state capital of Ohio, Columbus, that drew thousands of voters.', []],
    ['a subject after ", that" is what was said', 'Cruz said Thursday during a taping of a town hall meeting in Buffalo, New York, that the state was wrong.', ['indirect Cruz|said|the state was wrong']],
  ])('%s', (_name, text, expected) => {
    expect(reportedRows(text)).toEqual(expected);
  });
});
