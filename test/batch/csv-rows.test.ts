/**
 * CSV rows as a spreadsheet or csv-parse reads them back: commas, quotes, line breaks and edge spaces in ids,
 * titles and error messages survive a round trip, and every row stays on one line (resume counts rows by lines).
 */
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvRow } from '../../src/edges/batch/lines.ts';

describe('csvRow', () => {
  it.each([
    ['a plain id', ['a1', 3, 0.25], 'a1,3,0.25\n'],
    ['a comma', ['Smith, J.', 1], '"Smith, J.",1\n'],
    ['quotes', ['the "so-called" reform', 1], '"the ""so-called"" reform",1\n'],
    ['spaces at an edge', [' padded ', 'x'], '" padded ",x\n'],
    ['empty cells', [null, undefined, ''], ',,\n'],
    ['booleans as words', [true, false], 'true,false\n'],
  ])('writes %s as RFC 4180', (_, cells, expected) => {
    expect(csvRow(cells)).toBe(expected);
  });

  it('keeps a row on one line and round-trips through csv-parse', () => {
    const cells = ['id,"7"', 'first line\nsecond line\r\nthird', "it's ; fine", 'ünïcödé — ok'];
    const row = csvRow(cells);
    expect(row.indexOf('\n')).toBe(row.length - 1);
    expect(parse(row)).toEqual([['id,"7"', 'first line second line third', "it's ; fine", 'ünïcödé — ok']]);
  });
});
