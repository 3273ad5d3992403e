import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { FIRST_WORD, matchAt, type PhraseIndex } from '../../src/core/data/index.ts';
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
    const scratch: unknown[] = [];
    const hidden: string[] = [];
    for (let t = 0; t < article.tokens.count; t++) {
      for (const [name, index] of TABLES) {
        if (matchAt(index, article.tokens, t, article.tokens.count, scratch) > 0 && ((masks[t] as number) & FIRST_WORD[name]) === 0) hidden.push(`${article.tokens.norm[t]} ${name}`);
      }
    }
    expect(hidden).toEqual([]);
  });

  it('marks every word the subjectivity model gives a class (a class word, a month or weekday, a negator)', () => {
    // The model counts such a word only where its mask has the bit: a word left out would go uncounted.
    const article = segmentArticle('We must not forget Monday in March; surely they never could, and I think you should.', lexicons.abbreviations);
    const masks = maskTokens(article, lexicons);
    const { months, weekdays } = lexicons.words;
    const classed = (word: string): boolean => lexicons.subjectivityWords.has(word) || months.names.has(word) || weekdays.names.has(word) || lexicons.negators.has(word);
    const words = article.tokens.norm.filter((word) => classed(word));
    expect(words).toEqual(expect.arrayContaining(['we', 'must', 'not', 'monday', 'march', 'never']));
    const unmarked = article.tokens.norm.filter((word, t) => classed(word) && ((masks[t] as number) & FIRST_WORD.wordClass) === 0);
    expect(unmarked).toEqual([]);
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

  it('never hides a match over the corpus, and spares more walks than there are matches', () => {
    // Masks say "a match is possible here" (the word starts an entry, and is one or the next word can be a
    // second word): over real news the narrowing must keep every match and leave out many first-word tokens.
    const corpus = join(import.meta.dirname, '../../corpus');
    const texts = [...TEXTS, ...readdirSync(corpus).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(corpus, f), 'utf8'))];
    const scratch: unknown[] = [];
    let matches = 0;
    let spared = 0;
    const hidden: string[] = [];
    for (const text of texts) {
      const article = segmentArticle(text, lexicons.abbreviations);
      const masks = maskTokens(article, lexicons);
      const { tokens } = article;
      for (let t = 0; t < tokens.count; t++) {
        const starts = (lexicons.firstWords.get(tokens.norm[t] as string) ?? 0) | (lexicons.firstWords.get(tokens.bare[t] as string) ?? 0);
        for (const [name, index] of TABLES) {
          const bit = FIRST_WORD[name];
          if ((starts & bit) === 0) continue;
          const found = matchAt(index, tokens, t, tokens.count, scratch) > 0;
          const kept = ((masks[t] as number) & bit) !== 0;
          if (found) matches++;
          if (!kept) spared++;
          if (found && !kept) hidden.push(`${name} at "${tokens.norm[t]} ${tokens.norm[t + 1] ?? ''}"`);
        }
      }
    }
    expect(hidden).toEqual([]);
    expect(matches).toBeGreaterThan(100);
    expect(spared).toBeGreaterThan(matches);
  });
});
