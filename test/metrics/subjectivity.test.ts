import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { runMetrics, sentenceCues, sentenceLogOdds, summariseSubjectivity, type SubjectivityColumns } from '../../src/core/metrics/index.ts';
import { sigmoid } from '../../src/core/metrics/logistic-model.ts';
import { lexicons } from '../helpers.ts';

const sentencesOf = (text: string): SubjectivityColumns => runMetrics(segmentArticle(text, lexicons.abbreviations), lexicons).subjectivity;
// The first sentence's score and cues.
const firstOf = (text: string) => {
  const sentences = sentencesOf(text);
  return { score: sentences.score[0] ?? 0, cues: sentenceCues(sentences, 0), logOdds: sentenceLogOdds(sentences, 0, lexicons) };
};
const allCues = (sentences: SubjectivityColumns) => Array.from({ length: sentences.count }, (_, s) => sentenceCues(sentences, s)).flat();
// 0.5 is the documented boundary between a subjective and an objective sentence.
const verdict = (score: number): string => (score >= 0.5 ? 'subjective' : 'objective');
const contributionsOf = (text: string) => summariseSubjectivity(sentencesOf(text), lexicons).contributions;

describe('a sentence is subjective in the writer’s voice only', () => {
  it.each([
    ['a plain report of fact', 'The council met on Tuesday.', 'objective', [], []],
    ['an opinion marker and emotive words', 'Frankly, this is a shameful and absurd plan.', 'subjective', ['opinion/frankly', 'loaded/shameful', 'loaded/absurd'], []],
    ['the same sentence quoted is the speaker’s', '"Frankly, this is a shameful and absurd plan," she said.', 'objective', [], ['opinion/frankly', 'loaded/shameful', 'loaded/absurd']],
    ['the writer speaking in the first person', 'I think we should scrap this plan.', 'subjective', ['opinion/i think', 'opinion/we should'], []],
    ['the writer exclaiming', 'We must act now!', 'subjective', ['opinion/we must', 'punctuation/exclamation'], []],
    ['an exclamation inside a quotation', '"We must act now!" he shouted.', 'objective', [], ['opinion/we must', 'punctuation/exclamation']],
    ['figures, dates and a speech cue', 'The ministry said on Monday that 40 percent of the trains ran late in March.', 'objective', [], ['number', 'word/time']],
  ])('%s', (_name, text, expected, present, absent) => {
    const sentence = firstOf(text);
    expect(verdict(sentence.score)).toBe(expected);
    const found = sentence.cues.map((cue) => cue.rule);
    for (const rule of present) expect(found).toContain(rule);
    for (const rule of absent) expect(found).not.toContain(rule);
  });

  it('gives each cue its span in the text', () => {
    const text = 'Frankly, this is a shameful plan.';
    const sentence = firstOf(text);
    expect(sentence.cues.map((cue) => text.slice(cue.start, cue.end))).toEqual(expect.arrayContaining(['Frankly', 'shameful']));
  });
});

describe('the score shows its evidence (contributions)', () => {
  it('adds up: the bias and the contributions give the sentence’s log-odds, and so its score', () => {
    const text = 'Frankly, this is a shameful and absurd plan.';
    const sentence = firstOf(text);
    const sum = contributionsOf(text).reduce((total, c) => total + c.contribution, 0);
    expect(sum).toBeCloseTo(sentence.logOdds, 2);
    expect(sigmoid(sum)).toBeCloseTo(sentence.score, 3);
  });

  it.each([
    ['emotive words raise it', 'Frankly, this is a shameful and absurd plan.', 'finding/loaded', 'up'],
    ['an opinion marker raises it', 'Frankly, this is a shameful and absurd plan.', 'opinion-marker', 'up'],
    ['a figure lowers it', 'The ministry said on Monday that 40 percent of the trains ran late in March.', 'number', 'down'],
    ['a date lowers it', 'The ministry said on Monday that 40 percent of the trains ran late in March.', 'word/time', 'down'],
    ['a speech cue lowers it', 'The ministry said on Monday that 40 percent of the trains ran late in March.', 'speech-cue', 'down'],
    ['a quotation lowers it', '"Frankly, this is a shameful and absurd plan," she said.', 'quoted-share', 'down'],
  ])('%s', (_name, text, feature, direction) => {
    const found = contributionsOf(text).find((c) => c.feature === feature);
    expect(found, `${feature} in ${JSON.stringify(contributionsOf(text))}`).toBeDefined();
    expect(Math.sign(found?.contribution ?? 0)).toBe(direction === 'up' ? 1 : -1);
  });

  it('lists the largest contributions first and leaves out features that contribute nothing', () => {
    const contributions = contributionsOf('The ministry said on Monday that 40 percent of the trains ran late in March.');
    const sizes = contributions.map((c) => Math.abs(c.contribution));
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    expect(contributions.every((c) => c.contribution !== 0)).toBe(true);
    expect(contributions.find((c) => c.feature === 'opinion-marker')).toBeUndefined();
  });
});

describe('a paragraph’s subjectivity (summariseSubjectivity)', () => {
  it('is diluted by the plain sentences around an opinion, in proportion to their words', () => {
    const alone = summariseSubjectivity(sentencesOf('Frankly, this is a shameful plan.'), lexicons);
    const diluted = summariseSubjectivity(sentencesOf('Frankly, this is a shameful plan. The council met on Tuesday to discuss the budget for the bus network in the coming year.'), lexicons);
    expect(diluted.score).toBeGreaterThan(0);
    expect(diluted.score).toBeLessThan(alone.score);
  });

  it('is not diluted by a sentence wholly inside quotation marks, which is not the writer’s', () => {
    const alone = summariseSubjectivity(sentencesOf('Frankly, this is a shameful plan.'), lexicons);
    const withQuote = summariseSubjectivity(sentencesOf('Frankly, this is a shameful plan. "We will vote against the budget for the bus network in the coming year."'), lexicons);
    expect(withQuote.score).toBe(alone.score);
  });

  it('counts every cue and adds up their weights', () => {
    const sentences = sentencesOf('Frankly, this is a shameful plan. We must act now!');
    const summary = summariseSubjectivity(sentences, lexicons);
    expect(summary.cues).toBe(allCues(sentences).length);
    expect(summary.weight).toBeCloseTo(allCues(sentences).reduce((sum, cue) => sum + cue.weight, 0), 4);
  });

  it('is 0, with no cues and no contributions, for no sentences or only quoted words', () => {
    expect(summariseSubjectivity(sentencesOf(''), lexicons)).toEqual({ score: 0, cues: 0, weight: 0, contributions: [] });
    expect(summariseSubjectivity(sentencesOf('"What a shameful, absurd plan!"'), lexicons)).toEqual({ score: 0, cues: 0, weight: 0, contributions: [] });
  });
});
