// A sentence with no end (a list, pasted text without stops) must not make reported content run over the rest
// of it from every cue: that is quadratic in the sentence's length (a 200 KB run of "critics say" took 4 s).
// Content stops at a clause boundary, or after a bounded number of tokens.
import { describe, expect, it } from 'vitest';
import { clauseEnd } from '../../../src/core/metrics/attribution/content-spans.ts';
import { scanOf } from './scan-of.ts';

describe('clauseEnd', () => {
  it('ends at "; " or ", but" in an ordinary sentence, else at the sentence end', () => {
    const scan = scanOf('Holt said the ferry would run again; the board disagreed.');
    const sentence = scan.sentences[0]!;
    const end = clauseEnd(scan, 1, sentence.tokenEnd);
    expect(scan.article.tokens.norm[end]).toBe('the');
    const plain = scanOf('Holt said the ferry would run again in May.');
    const whole = plain.sentences[0]!;
    expect(clauseEnd(plain, 1, whole.tokenEnd)).toBe(whole.tokenEnd);
  });

  it('stops within 400 tokens in a sentence of thousands, so every cue costs the same', () => {
    const scan = scanOf('critics say '.repeat(3000));
    const sentence = scan.sentences[0]!;
    expect(sentence.tokenEnd - sentence.tokenStart).toBe(6000);
    for (const from of [1, 2001, 5001]) {
      const end = clauseEnd(scan, from, sentence.tokenEnd);
      expect(end - from).toBeLessThanOrEqual(401);
      expect(end).toBeGreaterThan(from);
    }
  });
});
