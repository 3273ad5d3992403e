import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { loadedScore, runMetrics, scoreLoadedLanguage, summariseArticleLoadedLanguage, summariseLoadedLanguage, type RawFinding } from '../../src/core/metrics/index.ts';
import { lexicons } from '../helpers.ts';

/** A one-paragraph text's findings and its words in the writer's voice and inside quotation marks. */
function measure(text: string): { findings: RawFinding[]; authorWords: number; quotedWords: number; folded: string } {
  const article = segmentArticle(text, lexicons.abbreviations);
  const results = runMetrics(article, lexicons);
  const authorWords = results.subjectivity.authorWords.reduce((sum, words) => sum + words, 0);
  return { findings: results.loadedLanguage.findings, authorWords, quotedWords: article.tokens.count - authorWords, folded: article.folded };
}
const scoreOf = (text: string): number => {
  const { findings, authorWords, quotedWords } = measure(text);
  return scoreLoadedLanguage(findings, authorWords, quotedWords);
};

describe('the loaded-language score (scoreLoadedLanguage)', () => {
  it.each([
    ['no loaded words', 'The government met the council on Tuesday.', 0],
    ['one label in a short line, which does not saturate', 'The regime met.', 0.0633],
    ['the same label diluted in a long sentence', 'The regime met the council to discuss the budget for the bus network and the roads in the coming year.', 0.0571],
    ['five loaded words in eight', 'The brutal regime slammed the shameful, disastrous reform.', 0.2841],
    ['the outlet paraphrasing someone: its own wording, so it counts', 'Moscow says Washington is involved in aggressive moves.', 0.0554],
    ['loaded words inside a quotation count half: the outlet printed them, the speaker said them', '"The regime slammed the reform," she said.', 0.0621],
    ['a plain quotation dilutes at half a word per word', '"We met the council on Tuesday to talk about the roads," she said. The regime met.', 0.0604],
  ])('%s', (_name, text, score) => {
    expect(scoreOf(text)).toBe(score);
  });

  it('counts the same words less inside a quotation than in the outlet’s voice, and more than nothing', () => {
    const quoted = scoreOf('"The brutal regime slammed the shameful reform," she said.');
    const outlet = scoreOf('The brutal regime slammed the shameful reform, she said.');
    expect(quoted).toBeGreaterThan(0);
    expect(quoted).toBeLessThan(outlet);
  });

  it('grows with the weight per word and stays below 1', () => {
    expect(loadedScore(0, 10)).toBe(0);
    expect(loadedScore(1, 10)).toBeLessThan(loadedScore(2, 10));
    expect(loadedScore(1, 100)).toBeLessThan(loadedScore(1, 10));
    expect(loadedScore(50, 10)).toBeLessThan(1);
  });
});

describe('a paragraph’s loaded-language figures (summariseLoadedLanguage)', () => {
  it('keeps quoted findings apart from the outlet’s: the outlet’s density and weight stay 0, the score counts them at half', () => {
    const { findings, authorWords, quotedWords } = measure('"The regime slammed the reform," she said.');
    const summary = summariseLoadedLanguage(findings, authorWords, quotedWords);
    expect(summary).toMatchObject({ score: 0.0621, density: 0, weight: 0, quoted: { score: 0.1199, density: 19.8, weight: 0.99 } });
    expect(summary.counts).toEqual({ total: 2, byVoice: { author: 0, reported: 0, quoted: 2 }, byCategory: { label: 1, 'reporting-verb': 1 } });
  });

  it('counts the outlet’s paraphrase of someone as reported, in the outlet’s score', () => {
    const { findings, authorWords, quotedWords } = measure('Moscow says Washington is involved in aggressive moves.');
    expect(summariseLoadedLanguage(findings, authorWords, quotedWords)).toMatchObject({ score: 0.0554, density: 5.625, counts: { byVoice: { author: 0, reported: 1, quoted: 0 } } });
  });

  it('gives density as weight per 100 of the outlet’s words', () => {
    const { findings, authorWords, quotedWords } = measure('The regime met.');
    expect(summariseLoadedLanguage(findings, authorWords, quotedWords)).toMatchObject({ density: 16.6667, weight: 0.5 });
  });
});

describe('the article’s loaded-language figures (summariseArticleLoadedLanguage)', () => {
  it('lists the outlet’s most frequent terms as folded, with counts', () => {
    const { findings, authorWords, quotedWords, folded } = measure('The Regime met. The regime left. Critics say the regime lied. "The regime slammed us," she said.');
    const summary = summariseArticleLoadedLanguage(findings, authorWords, quotedWords, [], [], folded);
    expect(summary.topTerms).toEqual([
      { text: 'regime', category: 'label', count: 3 },
      { text: 'critics say', category: 'vague-attribution', count: 1 },
    ]);
  });

  it('spreads paragraph scores weighted by their words', () => {
    const { paragraphs } = summariseArticleLoadedLanguage([], 0, 0, [0.6, 0], [30, 10], '');
    expect(paragraphs).toEqual({ mean: 0.45, std: 0.2598, max: 0.6 });
  });
});
