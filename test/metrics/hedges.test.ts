import { describe, expect, it } from 'vitest';
import { loadedFindingsOf } from '../helpers.ts';

const hedges = (text: string): string[] => loadedFindingsOf(text, 'hedge');

describe('hedges: the writer withholding commitment, not the same words doing other work', () => {
  it.each([
    ['kind of as an adverb', 'The new coach is kind of untested at this level.', ['kind of']],
    ['sort of as an adverb', 'The two councils sort of agreed on the route.', ['sort of']],
    ['likely as a forecast', 'The bill is likely to pass next week.', ['likely']],
  ])('flags %s', (_name, text, expected) => {
    expect(hedges(text)).toEqual(expected);
  });

  it.each([
    ['kind of after a determiner, a noun phrase', 'Judges rarely jail anyone for this kind of offence.'],
    ['the kind of', 'The town has lost the kind of shop that sold everything.'],
    ['sort of after a determiner', 'That sort of deal rarely lasts a season.'],
    ['likely voters, a pollster\u2019s category', 'The survey of 900 likely voters put the mayor six points ahead.'],
  ])('does not flag %s', (_name, text) => {
    expect(hedges(text)).toEqual([]);
  });
});
