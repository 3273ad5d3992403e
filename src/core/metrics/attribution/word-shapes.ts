/**
 * Word shapes: a word's length and first and last UTF-16 units mixed into one of 4,096 bits. A set of words
 * kept as those bits passes every member and few other words, and a token is tested from its offsets in the folded
 * text, without reading its string: a pass that would ask a string-keyed table about every token asks it
 * only about the few that pass (a token's `norm` is always `folded.slice(start, end)`).
 */
import type { SegmentedArticle } from '../../text/index.ts';

/** Bits of the words of a set, by shape; 128 words of 32 bits, small enough to stay in the processor's cache. */
export type ShapeFilter = Uint32Array;

/** A filter holding no word. */
export function emptyShapeFilter(): ShapeFilter {
  return new Uint32Array(128);
}

// The bit of a word of `length` UTF-16 units from `first` to `last`: the top 12 bits of a multiplicative hash.
function shapeBit(length: number, first: number, last: number): number {
  return Math.imul((first << 10) ^ (last << 4) ^ length, 0x9e3779b1) >>> 20;
}

/** Adds `word` to `filter` (changes it). */
export function addShape(filter: ShapeFilter, word: string): void {
  const bit = shapeBit(word.length, word.charCodeAt(0), word.charCodeAt(word.length - 1));
  filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
}

/** Whether the folded form of token `t` may be in the set of `filter` (false: it is not); reads no string but the folded text. */
export function tokenMayBeIn(filter: ShapeFilter, article: SegmentedArticle, t: number): boolean {
  const start = article.tokens.start[t] as number;
  const end = article.tokens.end[t] as number;
  const bit = shapeBit(end - start, article.folded.charCodeAt(start), article.folded.charCodeAt(end - 1));
  return ((filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}
