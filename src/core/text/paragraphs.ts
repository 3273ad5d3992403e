/**
 * Paragraphs: blocks separated by blank lines; inside a block, a line break also starts a paragraph
 * unless the block is hard-wrapped prose (the break falls mid-sentence). One forward pass over char codes
 * that writes offset pairs, with no span object or slice per block, line or paragraph: a text of short
 * paragraphs made several objects per paragraph, most of which lived until segmentation ended.
 */
import { isSpaceUnit } from './space.ts';
import type { Span } from './span.ts';

// Lines this long or shorter, all in one block, look like text wrapped at a fixed width.
const WRAP_WIDTH_MAX = 100;
const WRAP_LINE_MIN = 40;
// A line ends a sentence when its last character before any white space is one of these:
// . ! ? : ; " ' U+201D U+2019 ) ] U+2026
function endsSentenceMark(code: number): boolean {
  return code === 46 || code === 33 || code === 63 || code === 58 || code === 59 || code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 41 || code === 93 || code === 0x2026;
}
// Tested on a line's first code point only: the line is trimmed, so the pattern's leading \s* matches nothing.
const STARTS_LOWER = /^\s*[\p{Ll}\p{N}(]/u;

/** Paragraph offsets as pairs [start0, end0, start1, end1, ...] (trimmed, never empty, in order). */
export function paragraphBounds(text: string): Int32Array {
  // Room for the most pairs a text can hold (a paragraph takes a unit and a line feed), written in place. A
  // short text's pairs are written in a buffer kept for the next one and copied out at their length (a new
  // buffer of the text's length per article was most of the pass); a long one's in a buffer of its own,
  // returned as a view: grown by doubling and copied out, a megabyte of one-word paragraphs touched ~4 MB for
  // its 1.4 MB of pairs; the system maps a buffer's pages on first write, so the room left costs nothing.
  const shared = text.length + 2 <= sharedPairs.length;
  const out: Bounds = { pairs: shared ? sharedPairs : new Int32Array(text.length + 2), count: 0 };
  const length = text.length;
  // Blocks end at a blank line: a line feed, then only blanks (no line feed) up to the next line feed.
  let cursor = 0;
  let newline = text.indexOf('\n');
  while (newline !== -1) {
    let j = newline + 1;
    while (j < length && isBlank(text.charCodeAt(j))) j++;
    if (j < length && text.charCodeAt(j) === 10) {
      addBlock(text, cursor, newline, out);
      cursor = j;
      newline = j;
    } else {
      newline = text.indexOf('\n', newline + 1);
    }
  }
  addBlock(text, cursor, length, out);
  return shared ? out.pairs.slice(0, out.count * 2) : out.pairs.subarray(0, out.count * 2);
}

// The pairs of texts up to 16,382 units long (64 KB, made once).
const sharedPairs = new Int32Array(1 << 14);

/** Splits text into paragraph spans (trimmed of surrounding white space); never returns an empty span. */
export function splitParagraphs(text: string): Span[] {
  const pairs = paragraphBounds(text);
  const spans: Span[] = [];
  for (let k = 0; k < pairs.length; k += 2) spans.push({ start: pairs[k] as number, end: pairs[k + 1] as number });
  return spans;
}

type Bounds = { pairs: Int32Array; count: number };

function pushPair(into: Bounds, start: number, end: number): void {
  if (into.count * 2 + 2 > into.pairs.length) {
    const grown = new Int32Array(into.pairs.length * 2);
    grown.set(into.pairs);
    into.pairs = grown;
  }
  into.pairs[into.count * 2] = start;
  into.pairs[into.count * 2 + 1] = end;
  into.count++;
}

// A block's trimmed lines, reused from block to block.
const lines: Bounds = { pairs: new Int32Array(64), count: 0 };

function addBlock(text: string, from: number, to: number, out: Bounds): void {
  while (from < to && isSpaceUnit(text.charCodeAt(from))) from++;
  while (to > from && isSpaceUnit(text.charCodeAt(to - 1))) to--;
  if (to <= from) return;
  lines.count = 0;
  let wrapped = true;
  for (let cursor = from; cursor <= to; ) {
    let newline = text.indexOf('\n', cursor);
    if (newline === -1 || newline > to) newline = to;
    let s = cursor;
    let e = newline;
    while (s < e && isSpaceUnit(text.charCodeAt(s))) s++;
    while (e > s && isSpaceUnit(text.charCodeAt(e - 1))) e--;
    if (e > s) {
      pushPair(lines, s, e);
      if (e - s > WRAP_WIDTH_MAX) wrapped = false;
    }
    cursor = newline + 1;
  }
  wrapped &&= lines.count > 1;
  const pairs = lines.pairs;
  let start = pairs[0] as number;
  let end = pairs[1] as number;
  for (let k = 1; k < lines.count; k++) {
    const lineStart = pairs[2 * k] as number;
    const lineEnd = pairs[2 * k + 1] as number;
    const lastLineLength = end - text.lastIndexOf('\n', end - 1) - 1;
    // The paragraph so far is trimmed, so its last character is its last non-space one.
    const midSentence = !endsSentenceMark(text.charCodeAt(end - 1));
    const joins = midSentence && (STARTS_LOWER.test(text.slice(lineStart, Math.min(lineEnd, lineStart + 2))) || (wrapped && lastLineLength >= WRAP_LINE_MIN));
    if (joins) {
      end = lineEnd;
    } else {
      pushPair(out, start, end);
      start = lineStart;
      end = lineEnd;
    }
  }
  pushPair(out, start, end);
}


// The blanks of a blank line: [ \t\f\v\r\u00A0\u2000-\u200A\u202F\u205F\u3000].
function isBlank(code: number): boolean {
  if (code < 128) return code === 32 || code === 9 || code === 12 || code === 11 || code === 13;
  return code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f || code === 0x3000;
}
