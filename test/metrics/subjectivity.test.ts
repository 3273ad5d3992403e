import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { runMetrics, summariseSubjectivity, type SentenceSubjectivity } from '../../src/core/metrics/index.ts';
import { lexicons } from '../helpers.ts';

const sentencesOf = (text: string): SentenceSubjectivity[] => runMetrics(segmentArticle(text, lexicons.abbreviations), lexicons).subjectivity;
// 0.5 is the documented boundary between a subjective and an objective sentence.
const verdict = (score: number): string => (score >= 0.5 ? 'subjective' : 'objective');

describe('a sentence is subjective in the writer’s voice only', () => {
  it.each([
    ['a plain report of fact', 'The council met on Tuesday.', 'objective', []],
    ['an opinion marker and emotive words', 'Frankly, this is a shameful and absurd plan.', 'subjective', ['opinion/frankly', 'loaded/shameful', 'loaded/absurd']],
    ['the same sentence quoted is the speaker’s', '"Frankly, this is a shameful and absurd plan," she said.', 'objective', []],
    ['the writer speaking in the first person', 'I think the plan is a disaster.', 'subjective', ['opinion/i think']],
    ['the writer exclaiming', 'We must act now!', 'subjective', ['opinion/we must', 'punctuation/exclamation']],
    ['an exclamation inside a quotation', '"We must act now!" he shouted.', 'objective', []],
    ['the writer asking', 'Can anyone believe this?', 'subjective', ['punctuation/question']],
  ])('%s', (_name, text, expected, rules) => {
    const [sentence] = sentencesOf(text);
    expect(verdict(sentence?.score ?? 0)).toBe(expected);
    expect(sentence?.cues.map((cue) => cue.rule)).toEqual(rules);
  });

  it('gives each cue its span in the text', () => {
    const text = 'Frankly, this is a shameful plan.';
    const [sentence] = sentencesOf(text);
    expect(sentence?.cues.map((cue) => text.slice(cue.start, cue.end))).toEqual(['Frankly', 'shameful']);
  });
});

describe('a paragraph’s subjectivity (summariseSubjectivity)', () => {
  it('is diluted by the plain sentences around an opinion, in proportion to their words', () => {
    const alone = summariseSubjectivity(sentencesOf('I think the plan is a disaster.'));
    const diluted = summariseSubjectivity(sentencesOf('I think the plan is a disaster. The council met on Tuesday to discuss the budget for the bus network in the coming year.'));
    expect(diluted.score).toBeGreaterThan(0);
    expect(diluted.score).toBeLessThan(alone.score);
    expect(diluted.cues).toBe(alone.cues);
    expect(diluted.weight).toBe(alone.weight);
  });

  it('is not diluted by words inside quotation marks, which are not the writer’s', () => {
    const alone = summariseSubjectivity(sentencesOf('I think the plan is a disaster.'));
    const withQuote = summariseSubjectivity(sentencesOf('I think the plan is a disaster. "We will vote against the budget for the bus network in the coming year."'));
    expect(withQuote.score).toBe(alone.score);
  });

  it('counts every cue and adds up their weights', () => {
    const sentences = sentencesOf('Frankly, this is a shameful plan. We must act now!');
    const summary = summariseSubjectivity(sentences);
    expect(summary.cues).toBe(4);
    expect(summary.weight).toBeCloseTo(sentences.flatMap((s) => s.cues).reduce((sum, cue) => sum + cue.weight, 0), 4);
  });

  it('is 0, with no cues, for no sentences or only quoted words', () => {
    expect(summariseSubjectivity([])).toEqual({ score: 0, cues: 0, weight: 0 });
    expect(summariseSubjectivity(sentencesOf('"What a shameful, absurd plan!"'))).toEqual({ score: 0, cues: 0, weight: 0 });
  });
});
