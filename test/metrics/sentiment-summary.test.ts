import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { comparativeScore, runMetrics, summariseSentiment, type SentimentSummary } from '../../src/core/metrics/index.ts';
import { lexicons } from '../helpers.ts';

/** A one-paragraph text's sentiment summary, its scored words marked as quoted or not. */
function summaryOf(text: string): SentimentSummary {
  const article = segmentArticle(text, lexicons.abbreviations);
  const results = runMetrics(article, lexicons);
  const { wordToken, wordScore } = results.sentiment;
  const scored = Array.from(wordToken, (token, k) => ({ score: wordScore[k] as number, quoted: article.quotedToken[token] === 1 }));
  const authorWords = results.subjectivity.authorWords.reduce((sum, words) => sum + words, 0);
  return summariseSentiment(scored, article.tokens.count, authorWords, article.tokens.count - authorWords);
}

describe('sentiment of a paragraph (summariseSentiment)', () => {
  it.each([
    ['the writer’s words only', 'Officials called the deal good.', { score: 3, positive: 1, negative: 0, author: { score: 3, comparative: 0.6, words: 5 }, quoted: { score: 0, comparative: 0, words: 0 } }],
    ['a quotation is the speaker’s valence, apart from the writer’s', 'Officials called the deal good. "It is a disaster," she said.', { score: 1, positive: 1, negative: 1, author: { score: 3, words: 7 }, quoted: { score: -2, comparative: -0.5, words: 4 } }],
    ['a negated word flips', 'The plan is not good.', { score: -3, positive: 0, negative: 1, author: { score: -3 } }],
    ['no scored words', 'The council met on Tuesday.', { score: 0, comparative: 0, positive: 0, negative: 0 }],
  ])('%s', (_name, text, expected) => {
    expect(summaryOf(text)).toMatchObject(expected);
  });

  it('gives valence per word over all words, and over each voice’s words', () => {
    const summary = summaryOf('Officials called the deal good. "It is a disaster," she said.');
    expect(summary.comparative).toBe(comparativeScore(1, 11));
    expect(summary.author.comparative).toBe(0.4286);
  });

  it('is 0 per word over no words, whatever the score', () => {
    expect(comparativeScore(5, 0)).toBe(0);
    expect(summariseSentiment([], 0, 0, 0)).toEqual({ score: 0, comparative: 0, positive: 0, negative: 0, author: { score: 0, comparative: 0, words: 0 }, quoted: { score: 0, comparative: 0, words: 0 } });
  });
});
