import { describe, expect, it } from 'vitest';
import { LOADED_PRIOR_WORDS, textLoadedScore } from '../../src/core/metrics/loaded-language-score.ts';
import { COLUMNS, choosePriorWords, crossValidatedAuc, fitMultipliers, sentenceDensity, type FitSentence } from '../../scripts/build/loaded-language-fit.ts';

const sentence = (label: 0 | 1, authorWords: number, findings: FitSentence['findings'], fold = 0, quotedWords = 0): FitSentence => ({ label, fold, authorWords, quotedWords, findings });
const loaded = (weight: number, quoted = false) => ({ category: 'loaded', quoted, weight });
const hedge = (weight: number) => ({ category: 'hedge', quoted: false, weight });

describe('sentenceDensity: what the report’s score saturates', () => {
  it('is finding weight per 100 words with the prior words added', () => {
    expect(sentenceDensity(sentence(1, 10, [loaded(0.5)]), 40)).toBeCloseTo(1, 10);
    expect(sentenceDensity(sentence(0, 10, []), 40)).toBe(0);
  });

  it('counts a quoted finding and the quoted words at half, or at the share asked for', () => {
    expect(sentenceDensity(sentence(1, 0, [loaded(1, true)], 0, 20), 40)).toBeCloseTo(1, 10);
    expect(sentenceDensity(sentence(1, 0, [loaded(1, true)], 0, 60), 40, undefined, 1)).toBeCloseTo(1, 10);
    expect(sentenceDensity(sentence(1, 0, [loaded(1, true)], 0, 20), 40, undefined, 0)).toBe(0);
  });

  it('is what the report’s score saturates, worked by hand: 1 - exp(-density / 5)', () => {
    // 0.5 of weight in 10 outlet words: 100 x 0.5 / (10 + 150) = 0.3125 per 100 words.
    expect(textLoadedScore(0.5, 10, 0, 0)).toBeCloseTo(1 - Math.exp(-0.3125 / 5), 4);
    // The same weight quoted counts half, in half the words: 1 of weight in 20 quoted words is the same line.
    expect(textLoadedScore(0, 0, 1, 20)).toBeCloseTo(1 - Math.exp(-0.3125 / 5), 4);
    expect(sentenceDensity(sentence(1, 10, [loaded(0.5)]), LOADED_PRIOR_WORDS)).toBeCloseTo(0.3125, 10);
  });

  it('orders sentences as the report’s score does, at the shipped prior', () => {
    const sentences = [sentence(1, 10, [loaded(0.5)]), sentence(1, 30, [loaded(1), hedge(0.3)]), sentence(1, 5, [loaded(1, true)], 0, 12), sentence(0, 8, [])];
    const byDensity = sentences.map((s) => sentenceDensity(s, LOADED_PRIOR_WORDS));
    const byScore = sentences.map((s) => {
      const weight = (quoted: boolean) => s.findings.filter((f) => f.quoted === quoted).reduce((sum, f) => sum + f.weight, 0);
      return textLoadedScore(weight(false), s.authorWords, weight(true), s.quotedWords);
    });
    for (let i = 0; i < sentences.length; i++) for (let j = 0; j < sentences.length; j++) expect(Math.sign((byDensity[i] as number) - (byDensity[j] as number))).toBe(Math.sign((byScore[i] as number) - (byScore[j] as number)));
  });

  it('scales a category and voice by its multiplier', () => {
    const multipliers = COLUMNS.map((name) => (name === 'loaded/outlet' ? 2 : 1));
    expect(sentenceDensity(sentence(1, 10, [loaded(0.5)]), 40, multipliers)).toBeCloseTo(2, 10);
  });
});

describe('choosePriorWords', () => {
  // Long sentences with two loaded words are the biased ones; short ones with one are not.
  const sentences = [
    sentence(1, 40, [loaded(0.5), loaded(0.5)]),
    sentence(1, 35, [loaded(0.5), loaded(0.5)]),
    sentence(0, 5, [loaded(0.5)]),
    sentence(0, 8, [loaded(0.5)]),
    sentence(0, 20, []),
    sentence(1, 20, []),
  ];

  it('prefers a prior that does not hold a long sentence’s length against it', () => {
    const { chosen, table } = choosePriorWords(sentences, [1, 1000]);
    expect(chosen).toBe(1000);
    expect((table[1] as { auc: number }).auc).toBeGreaterThan((table[0] as { auc: number }).auc);
  });

  it('takes the smallest of the candidates that do as well', () => {
    expect(choosePriorWords(sentences, [1000, 2000, 5000]).chosen).toBe(1000);
  });
});

describe('fitMultipliers: category weights shrunk towards the hand weights', () => {
  // Loaded words mark the biased sentences; hedges turn up only in plain ones.
  const sentences: FitSentence[] = [];
  for (let i = 0; i < 40; i++) {
    sentences.push(sentence(1, 20, [loaded(0.5)], i % 3));
    sentences.push(sentence(0, 20, [hedge(0.5)], i % 3));
    sentences.push(sentence(0, 20, [], i % 3));
    if (i % 4 === 0) sentences.push(sentence(0, 20, [loaded(0.5)], i % 3));
  }
  const at = (multipliers: number[], name: string) => multipliers[COLUMNS.indexOf(name)] as number;

  it('raises the telling category and lowers the noisy one when the penalty is light', () => {
    const multipliers = fitMultipliers(sentences, 40, 0.01);
    expect(at(multipliers, 'loaded/outlet')).toBeGreaterThan(1);
    expect(at(multipliers, 'hedge/outlet')).toBeLessThan(1);
    expect(at(multipliers, 'label/quoted')).toBe(1);
  });

  it('stays at the hand weights under a heavy penalty', () => {
    for (const m of fitMultipliers(sentences, 40, 1e6)) expect(m).toBeCloseTo(1, 1);
  });

  it('scores every fold out of fold', () => {
    expect(crossValidatedAuc(sentences, [0, 1, 2], 40, 0.01)).toBeGreaterThan(0.8);
  });
});
