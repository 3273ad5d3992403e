import { describe, expect, it } from 'vitest';
import { loadedFindingsOf } from '../helpers.ts';

const distancing = (text: string): string[] => loadedFindingsOf(text, 'distancing');

describe('distancing: the writer doubts a label without saying whose it is', () => {
  it.each([
    ['so-called before a label', 'The so-called experts spent two days in the county.', ['so-called']],
    ['what some call, which names no one', 'Residents fear what some call a land grab.', ['what some call']],
    ['supposedly', 'The fund was supposedly closed in May.', ['supposedly']],
  ])('flags %s', (_name, text, expected) => {
    expect(distancing(text)).toEqual(expected);
  });

  it.each([
    ['what he calls, which names who uses the label', 'The senator has fought what he calls a rigged system for years.'],
    ['what she calls', 'The mayor wants what she calls a fair deal for tenants.'],
    ['would-be as prospective', 'Would-be buyers have stayed away from the firm for months.'],
    ['nominal as small', 'Members pay a nominal fee of two pounds a year.'],
  ])('does not flag %s', (_name, text) => {
    expect(distancing(text)).toEqual([]);
  });
});
