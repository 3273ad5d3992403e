import { describe, expect, it } from 'vitest';
import { loadedFindingsOf } from '../helpers.ts';

const vague = (text: string): string[] => loadedFindingsOf(text, 'vague-attribution');

describe('vague attribution: unnamed people as someone’s source, not as what the story is about', () => {
  it.each([
    ['insiders as the speaker', 'Party insiders say the leader will step down in the spring.', ['insiders']],
    ['pundits holding a view', 'Pundits believe the governor has already lost the county.', ['Pundits']],
    ['a sourcing formula of its own', 'Critics say the bridge was built too quickly.', ['Critics say']],
    ['the speaker’s own sourcing inside a quotation', '"The pundits got it wrong," the senator said.', ['pundits']],
  ])('flags %s', (_name, text, expected) => {
    expect(vague(text)).toEqual(expected);
  });

  it.each([
    ['insiders as one side of a contest', 'The primary has become a contest between insiders and outsiders.'],
    ['pundits as the object of a verb', 'The result confounded the pundits and delighted the crowd.'],
    ['detractors as whom an act is aimed at', 'The mayor kept needling her detractors at every council meeting.'],
    ['some people doing something', 'By midnight some people were asleep in the stands.'],
  ])('does not flag %s', (_name, text) => {
    expect(vague(text)).toEqual([]);
  });

  // The attributions' ranges are columns reused from article to article: a short article read after a long one
  // must not see the long one's ranges past its own.
  it('reads each article afresh after a longer one full of attributions', () => {
    const text = 'The result confounded the pundits and delighted the crowd, the mayor said.';
    const alone = vague(text);
    expect(vague('Critics say the plan failed. Pundits say the mayor lost. '.repeat(40))).not.toEqual([]);
    expect(vague(text)).toEqual(alone);
  });
});
