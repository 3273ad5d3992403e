import { describe, expect, it } from 'vitest';
import { analyze, segmentArticle, LexiconError } from '../../src/index.ts';
import { FEATURE_INDEX, parseLexicon } from '../../src/core/data/index.ts';
import { TYPICAL_WORD_LETTERS, buildWordClasses, parseSubjectivityModel } from '../../src/core/data/subjectivity-model.ts';
import { runMetrics, sentenceValues } from '../../src/core/metrics/index.ts';
import { fitLogistic, logOddsOf, sigmoid } from '../../src/core/metrics/logistic-model.ts';
import { lexicons } from '../helpers.ts';

const valueOf = (text: string, feature: string): number => {
  const sentences = runMetrics(segmentArticle(text, lexicons.abbreviations), lexicons).subjectivity;
  return sentences.count === 0 ? Number.NaN : (sentenceValues(sentences, 0)[FEATURE_INDEX.get(feature) as number] as number);
};

const subjectivityOf = (text: string): number => analyze(text, { lexicons }).summary.subjectivity.score;

describe('the sentence features count what a reader would point at', () => {
  it.each([
    ['a reader addressed', 'You will regret this.', 'word/second-person', 1],
    ['the writer’s group', 'Our city deserves better.', 'word/first-person-plural', 1],
    ['a modal of obligation', 'The mayor should resign.', 'word/modal-obligation', 1],
    ['a modal of possibility (could and might are hedges)', 'The rail strike would spread.', 'word/modal-possibility', 1],
    ['a contrast', 'The plan is cheap, but it is slow.', 'word/contrast', 1],
    ['figures', 'Prices rose 4 percent in 2023.', 'number', 2],
    ['a month name is a date', 'The vote was held in October.', 'word/time', 1],
    ['a speech cue', 'The minister said the talks had failed.', 'speech-cue', 1],
    ['a held view is an attitude cue, not a speech cue', 'The minister believes the talks have failed.', 'attitude-cue', 1],
    ['a held view counts nowhere among the speech cues', 'The minister believes the talks have failed.', 'speech-cue', 0],
    ['the groups an argument is about', 'They want their money back from them.', 'word/third-person-plural', 2],
    ['the writer pointing back', 'This is why these rules exist.', 'word/demonstrative', 2],
    ['an exclamation', 'What a mess!', 'exclamation', 1],
    ['a count stops at two', 'We, our friends and our neighbours agree that we must go.', 'word/first-person-plural', 2],
    ['words inside quotation marks count for nothing but the quoted share', 'She said: "You should see our figures."', 'word/second-person', 0],
  ])('%s', (_name, text, feature, expected) => {
    expect(valueOf(text, feature)).toBe(expected);
  });

  it('gives the mean letters of the writer’s words against ordinary prose, figures and quoted words left out', () => {
    expect(valueOf('The cat sat on a mat.', 'word-length')).toBeCloseTo(15 / 6 - TYPICAL_WORD_LETTERS, 5);
    expect(valueOf('Cats sat in 2023.', 'word-length')).toBeCloseTo(9 / 3 - TYPICAL_WORD_LETTERS, 5);
    expect(valueOf('She said: "Extraordinarily."', 'word-length')).toBeCloseTo(7 / 2 - TYPICAL_WORD_LETTERS, 5);
    expect(valueOf('Unprecedented administrative obstruction.', 'word-length')).toBeGreaterThan(0);
  });

  it('reads an address or one very long word as a long word, not as a line of opinion', () => {
    // Each word counts 15 letters at most, and the mean stays within 3 letters of ordinary prose either way.
    expect(valueOf(`The minutes are at ${'x'.repeat(400)} today.`, 'word-length')).toBeCloseTo((3 + 7 + 3 + 2 + 15 + 5) / 6 - TYPICAL_WORD_LETTERS, 5);
    expect(valueOf('Pneumonoultramicroscopicsilicovolcanoconiosis.', 'word-length')).toBe(3);
    const plain = subjectivityOf('The council met on Monday. The budget passed.');
    const withAddress = subjectivityOf(`The council met on Monday. The budget passed. The minutes are at https://example.org/${'a'.repeat(400)} today.`);
    expect(withAddress).toBeLessThan(0.5);
    expect(Math.abs(withAddress - plain)).toBeLessThan(0.15);
  });

  it('gives the quoted share of a sentence’s words', () => {
    expect(valueOf('She said: "We will win."', 'quoted-share')).toBeCloseTo(3 / 5, 5);
    expect(valueOf('She said they would win.', 'quoted-share')).toBe(0);
  });
});

describe('the model’s data is checked when it loads', () => {
  const header = '# source: test\n# license: CC BY 4.0\n# version: 1.0.0\n# edit: by hand\n';
  it('reads the bias and the weights by feature name; a feature it does not name weighs 0', () => {
    const { model } = parseSubjectivityModel('subjectivity-model', 'model.jsonl', `${header}{"feature":"bias","weight":-1}\n{"feature":"number","weight":-0.5}\n`);
    expect(model.bias).toBe(-1);
    expect(model.weights[FEATURE_INDEX.get('number') as number]).toBe(-0.5);
    expect(model.weights[FEATURE_INDEX.get('opinion-marker') as number]).toBe(0);
    expect(model.lexicon).toBe('subjectivity-model@1.0.0');
  });

  it.each([
    ['an unknown feature, naming its line', `${header}{"feature":"bias","weight":0}\n{"feature":"adjectives","weight":1}\n`, /model\.jsonl:6: .*SENTENCE_FEATURES/],
    ['no bias', `${header}{"feature":"number","weight":1}\n`, /no "bias" record/],
    ['a weight that is not a number', `${header}{"feature":"bias","weight":"high"}\n`, /model\.jsonl:5/],
  ])('rejects %s', (_name, text, message) => {
    expect(() => parseSubjectivityModel('subjectivity-model', 'model.jsonl', text)).toThrow(LexiconError);
    expect(() => parseSubjectivityModel('subjectivity-model', 'model.jsonl', text)).toThrow(message);
  });

  it('rejects a word list entry whose class is misspelt, naming its line', () => {
    const list = parseLexicon('subjectivity-words', 'words.jsonl', `${header}{"term":"we","note":"first-persn"}\n`, 'plain');
    expect(() => buildWordClasses(list)).toThrow(/words\.jsonl:5: .*first-person-plural/);
  });
});

describe('fitting a logistic model (fitLogistic)', () => {
  // A feature that predicts the label most of the time, and one that is noise.
  const x = Array.from({ length: 200 }, (_, i) => [(i % 10 < 8) === (i % 2 === 0) ? 1 : 0, (i * 7) % 3]);
  const y = Array.from({ length: 200 }, (_, i) => (i % 2 === 0 ? 1 : 0));

  it('gives the predictive feature a large positive weight and the noise a small one', () => {
    const fit = fitLogistic(x, y, 1);
    expect(fit.weights[0]).toBeGreaterThan(1);
    expect(Math.abs(fit.weights[1] as number)).toBeLessThan(0.3);
    expect(sigmoid(logOddsOf(fit.bias, fit.weights, [1, 0]))).toBeGreaterThan(0.7);
    expect(sigmoid(logOddsOf(fit.bias, fit.weights, [0, 0]))).toBeLessThan(0.3);
  });

  it('shrinks the weights as the penalty grows, and gives the same answer every time', () => {
    expect(Math.abs(fitLogistic(x, y, 100).weights[0] as number)).toBeLessThan(Math.abs(fitLogistic(x, y, 1).weights[0] as number));
    expect(fitLogistic(x, y, 3)).toEqual(fitLogistic(x, y, 3));
  });
});
