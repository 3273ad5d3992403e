import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstTokenAtOrAfter, tokenize } from '../../src/core/text/tokens.ts';

// The plain halving search the guessed one must agree with.
function halving(starts: Int32Array, offset: number, from: number, to: number): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

describe('firstTokenAtOrAfter', () => {
  // The search starts from where the last one ended, whatever text that was: asking of two texts in turn, in
  // any order and with any bounds, must give what a search from scratch gives.
  it('finds the same token whatever was asked before, of this text or another', () => {
    const texts = ['"Yes," he said. '.repeat(40), 'Critics say the plan failed, and officials said nothing. '.repeat(25)];
    const tables = texts.map((text) => tokenize(text, text.toLowerCase()));
    const query = fc.record({ table: fc.integer({ min: 0, max: 1 }), offset: fc.integer({ min: -5, max: 1500 }), from: fc.integer({ min: 0, max: 400 }), span: fc.integer({ min: -3, max: 400 }) });
    fc.assert(
      fc.property(fc.array(query, { minLength: 1, maxLength: 60 }), (queries) => {
        for (const { table, offset, from, span } of queries) {
          const tokens = tables[table]!;
          const to = Math.min(tokens.count + 2, from + span);
          expect(firstTokenAtOrAfter(tokens, offset, from, to)).toBe(halving(tokens.start, offset, from, to));
          expect(firstTokenAtOrAfter(tokens, offset)).toBe(halving(tokens.start, offset, 0, tokens.count));
        }
      }),
    );
  });
});
