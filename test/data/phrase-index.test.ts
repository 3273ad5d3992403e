import { describe, expect, it } from 'vitest';
import { addToPhraseIndex, matchAt, startsPhrase, type PhraseNode } from '../../src/core/data/phrase-index.ts';
import { foldForMatching } from '../../src/core/text/index.ts';
import { tokenize } from '../../src/core/text/tokens.ts';

const entry = (term: string, line: number) => ({ term, line, pos: 'fixed' as const });
const tokensOf = (text: string) => tokenize(text, foldForMatching(text));

function longestAt(index: Map<string, PhraseNode<string>>, text: string, i: number): string | undefined {
  const out: string[] = [];
  const tokens = tokensOf(text);
  return matchAt(index, tokens, i, tokens.count, out) === 0 ? undefined : out[0];
}

describe('phrase index', () => {
  it('matches the longest phrase, a possessive through its bare word, and never across punctuation', () => {
    const index = new Map<string, PhraseNode<string>>();
    addToPhraseIndex(index, 'test', [entry('qwertyish', 1), entry('qwertyish plan', 2), entry('asdfgian', 3)], 0, (e) => e.term);
    expect(longestAt(index, 'The qwertyish plan failed', 1)).toBe('qwertyish plan');
    expect(longestAt(index, 'The qwertyish, plan failed', 1)).toBe('qwertyish');
    expect(longestAt(index, "Asdfgian's move", 0)).toBe('asdfgian');
    expect(longestAt(index, 'plan', 0)).toBeUndefined();
  });

  it('with one out array for many look-ups, a miss reports no match and the next match replaces the last', () => {
    // Callers keep one out array; a miss leaves it as it was, so only the returned length says whether it holds a match.
    const index = new Map<string, PhraseNode<string>>();
    addToPhraseIndex(index, 'test', [entry('qwertyish', 1), entry('asdfgian plan', 2)], 0, (e) => e.term);
    const tokens = tokensOf('qwertyish asdfgian asdfgian plan');
    const out: string[] = [];
    expect(matchAt(index, tokens, 0, tokens.count, out)).toBe(1);
    expect(matchAt(index, tokens, 1, tokens.count, out)).toBe(0);
    expect(matchAt(index, tokens, 2, tokens.count, out)).toBe(2);
    expect(out).toEqual(['asdfgian plan']);
  });

  it('matches words added to an index after it was first used', () => {
    const index = new Map<string, PhraseNode<string>>();
    addToPhraseIndex(index, 'test', [entry('zxcvbing', 1)], 0, (e) => e.term);
    const text = 'zxcvbing poiuyting';
    expect(longestAt(index, text, 1)).toBeUndefined();
    addToPhraseIndex(index, 'test', [entry('poiuyting', 2)], 0, (e) => e.term);
    expect(longestAt(index, text, 1)).toBe('poiuyting');
    // A table tokenized before the word existed finds it too.
    const tokens = tokensOf('lkjhgish');
    addToPhraseIndex(index, 'test', [entry('lkjhgish', 3)], 0, (e) => e.term);
    const out: string[] = [];
    expect(matchAt(index, tokens, 0, 1, out)).toBe(1);
    // A longer phrase under a first word already walked.
    expect(longestAt(index, 'zxcvbing mnbvcing', 0)).toBe('zxcvbing');
    addToPhraseIndex(index, 'test', [entry('zxcvbing mnbvcing', 4)], 0, (e) => e.term);
    expect(longestAt(index, 'zxcvbing mnbvcing', 0)).toBe('zxcvbing mnbvcing');
    // A further word registered after the text was tokenized is still found.
    const earlier = tokensOf('zxcvbing qazwsxing');
    addToPhraseIndex(index, 'test', [entry('zxcvbing qazwsxing', 5)], 0, (e) => e.term);
    // matchAt gives the phrase's length in words.
    expect(matchAt(index, earlier, 0, 2, out)).toBe(2);
    expect(out[0]).toBe('zxcvbing qazwsxing');
  });

  it('says a phrase starts at a token exactly when the index has its folded form as a first word', () => {
    const index = new Map<string, PhraseNode<string>>();
    const tokens = tokensOf("Wxyzian plan, wxyzian's plan, qsdfian and plan");
    addToPhraseIndex(index, 'test', [entry('wxyzian', 1), entry('qsdfian plan', 2)], 0, (e) => e.term);
    const starts = Array.from({ length: tokens.count }, (_, t) => startsPhrase(index, tokens, t));
    // Read as `index.has(norm)`: a possessive is its own word here, and a phrase's later words start nothing.
    expect(starts).toEqual(tokens.norm.map((word) => index.has(word)));
    expect(starts.filter(Boolean).length).toBe(2);
  });
});
