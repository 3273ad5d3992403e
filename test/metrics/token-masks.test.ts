import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { FIRST_WORD, matchAt, type PhraseCandidate, type PhraseIndex } from '../../src/core/data/index.ts';
import { maskTokens } from '../../src/core/metrics/token-masks.ts';
import { lexicons } from '../helpers.ts';

const TABLES: readonly [keyof typeof FIRST_WORD, PhraseIndex<unknown>][] = [
  ['loaded', lexicons.loaded],
  ['opinion', lexicons.opinion],
  ['subjective', lexicons.subjective],
  ['domains', lexicons.domains],
  ['cue', lexicons.cues],
  ['actor', lexicons.actorIndex],
  ['title', lexicons.titles],
  ['demonym', lexicons.demonymIndex],
  ['anonymity', lexicons.anonymity],
  ['nonResponse', lexicons.nonResponses],
];

// Sentences with phrases of several words, possessives and punctuation between a phrase's words.
const TEXTS = [
  'According to a senior official who spoke on condition of anonymity, the so-called deal was a total disaster.',
  "The White House's spokesman declined to comment. The Prime Minister of the United Kingdom said it was, in fact, a huge mistake.",
  'Critics say the radical left lashed out at the far-right regime; the U.S. secretary of state did not respond to requests for comment.',
  'In other words, the stock market plunged. Of course, the North Korean leader, Kim Jong Un, was not authorized to speak publicly.',
  'The, White: House. A lot of people, a lot, think so - on the other hand, many do not.',
];

describe('token masks (maskTokens)', () => {
  it.each(TEXTS)('never hides a match: a table that matches at a token has its bit there (%s)', (text) => {
    const article = segmentArticle(text, lexicons.abbreviations);
    const masks = maskTokens(article, lexicons);
    const scratch: PhraseCandidate<unknown>[] = [];
    const hidden: string[] = [];
    for (let t = 0; t < article.tokens.count; t++) {
      for (const [name, index] of TABLES) {
        if (matchAt(index, article.tokens, t, article.tokens.count, scratch) > 0 && ((masks[t] as number) & FIRST_WORD[name]) === 0) hidden.push(`${article.tokens.norm[t]} ${name}`);
      }
    }
    expect(hidden).toEqual([]);
  });

  it('drops a phrase table where the next word cannot continue any of its phrases', () => {
    // "according to" is a phrase of several words; "according" alone is none, and a comma ends a phrase.
    const article = segmentArticle('According to them. According, they said.', lexicons.abbreviations);
    const masks = maskTokens(article, lexicons);
    const according = [0, 3].map((t) => article.tokens.norm[t]);
    expect(according).toEqual(['according', 'according']);
    const bits = (t: number): string[] => TABLES.filter(([name]) => ((masks[t] as number) & FIRST_WORD[name]) !== 0).map(([name]) => name);
    expect(bits(0).length).toBeGreaterThan(0);
    expect(bits(3)).toEqual([]);
  });
});
