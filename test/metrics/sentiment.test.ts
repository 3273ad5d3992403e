import fc from 'fast-check';
import Sentiment from 'sentiment';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.ts';

const sentiment = new Sentiment();

describe('sentiment (AFINN-165 through the sentiment package)', () => {
  it.each([
    ['The plan is good.', 3],
    ['The plan is not good.', -3],
    ["The plan isn't bad at all.", 3],
    ['A terrible, tragic loss.', -8],
    ['Neutral words only here.', 0],
  ])('%s scores %d', (text, score) => {
    expect(analyze(text).summary.sentiment.score).toBe(score);
  });

  it('agrees with sentiment.analyze on plain one-sentence text', () => {
    const words = fc.constantFrom('good', 'bad', 'not', "don't", 'terrible', 'love', 'hate', 'the', 'plan', 'war', 'peace', 'crisis', 'win', 'no', 'fail', 'great', 'awful', 'is', 'was');
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 30 }), (list) => {
        const text = `${list.join(' ')}.`;
        expect(analyze(text).summary.sentiment.score).toBe(sentiment.analyze(text).score);
      }),
      { numRuns: 300 },
    );
  });

  it('reports every scored word with its span, and splits the score by voice', () => {
    const report = analyze('Officials called the deal good. "It is a disaster," she said.');
    const words = report.paragraphs.flatMap((p) => p.sentimentWords).map(([start, end, score, quoted]) => `${report.text.slice(start, end)}:${score}:${quoted === 1 ? 'quoted' : 'author'}`);
    expect(words).toEqual(['good:3:author', 'disaster:-2:quoted']);
    expect(report.summary.sentiment.author.score).toBe(3);
    expect(report.summary.sentiment.quoted.score).toBe(-2);
  });

  it('gives a per-sentence score', () => {
    const report = analyze('This is good. This is awful.');
    expect(report.paragraphs[0]?.sentences.map(([, , , sentiment]) => sentiment)).toEqual([3, -3]);
  });
});
