/**
 * Word shapes: a word's length and first UTF-16 unit folded into one of 1,024 bits. A set of words kept as
 * those bits passes every member and few other words, and a token is tested from its offsets in the folded
 * text, without reading its string: a pass that would ask a string-keyed table about every token asks it
 * only about the few that pass (a token's `norm` is always `folded.slice(start, end)`).
 */
import type { SegmentedArticle } from '../../text/index.ts';

/** Bits of the words of a set, by shape; 32 words of 32 bits. */
export type ShapeFilter = Uint32Array;

/** A filter holding no word. */
export function emptyShapeFilter(): ShapeFilter {
  return new Uint32Array(32);
}

// The bit of a word of `length` UTF-16 units starting with `first`.
function shapeBit(length: number, first: number): number {
  return (length * 31 + first) & 1023;
}

/** Adds `word` to `filter` (changes it). */
export function addShape(filter: ShapeFilter, word: string): void {
  const bit = shapeBit(word.length, word.charCodeAt(0));
  filter[bit >>> 5] = (filter[bit >>> 5] as number) | (1 << (bit & 31));
}

/** Whether `word` may be in the set of `filter` (false: it is not). */
export function wordMayBeIn(filter: ShapeFilter, word: string): boolean {
  const bit = shapeBit(word.length, word.charCodeAt(0));
  return ((filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

/** Whether the folded form of token `t` may be in the set of `filter` (false: it is not); reads no string but the folded text. */
export function tokenMayBeIn(filter: ShapeFilter, article: SegmentedArticle, t: number): boolean {
  const start = article.tokens.start[t] as number;
  const bit = shapeBit((article.tokens.end[t] as number) - start, article.folded.charCodeAt(start));
  return ((filter[bit >>> 5] as number) & (1 << (bit & 31))) !== 0;
}

const filters = new WeakMap<object, ShapeFilter>();

/** The filter of a table's keys (or a set's members), made once per table. */
export function shapesOf(table: ReadonlyMap<string, unknown> | ReadonlySet<string>): ShapeFilter {
  let filter = filters.get(table);
  if (filter === undefined) {
    filter = emptyShapeFilter();
    for (const word of table.keys()) addShape(filter, word);
    filters.set(table, filter);
  }
  return filter;
}
