import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { runMetrics, type DomainResult } from '../../src/core/metrics/index.ts';
import { lexicons } from '../helpers.ts';

const domainsOf = (text: string): DomainResult => runMetrics(segmentArticle(text, lexicons.abbreviations), lexicons).domains;

describe('domains (detectDomains)', () => {
  it.each([
    ['a markets paragraph, dense enough for the whole article', 'Shares plunged as the Nasdaq fell and investors sold stocks, bonds and futures.', [['markets']], ['markets']],
    ['one cue puts its paragraph in the domain, but not the article', 'The coach praised the council for the new bus lanes and the longer opening hours of the library on weekends.', [['sports']], []],
    ['each paragraph on its own', 'The coach was pleased.\n\nA blizzard closed the roads.\n\nThe council met.', [['sports'], ['weather'], []], []],
    ['no cues', 'The council approved the budget on Tuesday.', [[]], []],
  ])('%s', (_name, text, paragraphs, article) => {
    const found = domainsOf(text);
    expect(found.paragraphs).toEqual(paragraphs);
    expect(found.article).toEqual(article);
  });

  it('lists a paragraph’s domains sorted, once each', () => {
    expect(domainsOf('The coach had a biopsy after the blizzard, and the coach was fine.').paragraphs).toEqual([['medicine', 'sports', 'weather']]);
  });

  it('is what lets domain jargon through: "plunged" is not loaded in a markets story', () => {
    const text = 'Shares plunged as the Nasdaq fell and investors sold stocks, bonds and futures.';
    const results = runMetrics(segmentArticle(text, lexicons.abbreviations), lexicons);
    expect(results.loadedLanguage.findings).toEqual([]);
    expect(results.loadedLanguage.exemptions.map((e) => `${text.slice(e.start, e.end)} ${e.domain}`)).toEqual(['plunged markets']);
  });
});
