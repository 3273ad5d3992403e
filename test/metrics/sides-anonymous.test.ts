import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { runMetrics } from '../../src/core/metrics/index.ts';
import { summariseAttribution } from '../../src/core/metrics/sides.ts';
import { lexicons } from '../helpers.ts';

/** The summary's anonymous rate: the share of voiced attributions whose source is unnamed. */
function anonymousRate(text: string): number {
  const article = segmentArticle(text, lexicons.abbreviations);
  return summariseAttribution(article, runMetrics(article, lexicons).attribution).anonymousRate;
}

describe('anonymous rate counts only unnamed sources', () => {
  it.each([
    ['names the gazetteer lacks are named', 'Sanders said the plan would fail.\n\nMr. Holt said the ferry would run again.\n\nBritish Airways said the flights would resume.', 0],
    ['an organisation by a common noun is not an anonymous source', 'The company said it would hire forty people.\n\nThe campaign said it raised five million dollars.', 0],
    ['unnamed officials and diplomats are', 'A senior diplomat said the talks had failed.\n\nTwo officials said the border would stay closed.\n\nMr. Holt said the ferry would run again.', 0.6667],
  ])('%s', (_name, text, rate) => {
    expect(anonymousRate(text)).toBe(rate);
  });
});
