import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { segmentArticle } from '../../src/index.ts';
import { markRepeatedQuotes } from '../../src/core/roles/pull-quotes.ts';
import { tokenIds } from '../../src/core/text/tokens.ts';
import { lexicons } from '../helpers.ts';

// Which paragraphs of `paragraphs` (joined as paragraphs) are marked when every one is a candidate except those
// that end in a full stop, compared directly (`directWork` Infinity) or through the index (0).
function marked(paragraphs: readonly string[], directWork: number): number[] {
  const article = segmentArticle(paragraphs.join('\n\n'), lexicons.abbreviations);
  tokenIds(article.tokens);
  const decisions: (string | null)[] = article.paragraphs.map(() => null);
  const candidates = paragraphs.flatMap((p, i) => (p.endsWith('.') ? [] : [i]));
  markRepeatedQuotes(article, decisions, candidates, 'pull-quote', directWork);
  return decisions.flatMap((d, i) => (d === null ? [] : [i]));
}

describe('pull quotes, compared directly or through the index', () => {
  it.each([
    ['a quotation the body repeats', ['"we will win the vote"', 'She said we will win the vote today.'], [0]],
    ['words the body has only in another order', ['"we will win the vote"', 'The vote we will win, she said.'], []],
    ['a paragraph of as many words does not hold it', ['"we will win the vote"', 'we will win the vote.'], []],
    // Whatever holds the longer quotation holds the shorter one too, so marking the longer first changes nothing.
    ['a quotation held by a longer one, either first', ['"we will win the vote today"', '"we will win the vote"', 'She said we will win the vote today.'], [0, 1]],
    ['a quotation held by a longer one, either last', ['"we will win the vote"', '"we will win the vote today"', 'She said we will win the vote today.'], [0, 1]],
    ['a quotation held only by a longer quotation', ['"we will win"', '"we will win the vote"'], [0]],
    ['quotations repeated with no longer paragraph', ['"we will win the vote"', '"we will win the vote"', '"we will win the vote"'], []],
  ])('%s', (_name, paragraphs, expected) => {
    expect(marked(paragraphs, Infinity)).toEqual(expected);
    expect(marked(paragraphs, 0)).toEqual(expected);
  });

  it('the index marks what the direct comparison marks, on quotations and prose from a few words', () => {
    const words = fc.array(fc.constantFrom('we', 'will', 'win', 'Vote'), { minLength: 1, maxLength: 12 }).map((w) => w.join(' '));
    const paragraph = fc.oneof(words.map((w) => `"${w}"`), words.map((w) => `${w}.`));
    fc.assert(
      fc.property(fc.array(paragraph, { minLength: 2, maxLength: 30 }), (paragraphs) => {
        expect(marked(paragraphs, 0)).toEqual(marked(paragraphs, Infinity));
      }),
      { numRuns: 300 },
    );
  });
});
