/**
 * Direct-quotation spans. Curly marks say which way they face; straight marks are read from their
 * neighbours. Two apostrophes ('') are a straight double mark (the New York Times' house style, and
 * typewriter text), two backticks (``) an opening one. A quote left open at the end of a paragraph continues when the next paragraph opens with a
 * quote mark (the news convention: only the last paragraph of a long quote closes it).
 */
import { isSpaceUnit } from './space.ts';
import type { Span } from './span.ts';

export type QuoteSpan = Span & {
  /** `double` marks, `single` marks used as quotation marks at top level (headline style), or `nested` inside a double quote */
  kind: 'double' | 'single' | 'nested';
  /** quotes that continue one another across paragraphs share a group; otherwise each quote has its own */
  group: number;
  /** true when this part continues a quote opened in an earlier paragraph */
  continued: boolean;
  /** true when the paragraph ended before a closing mark */
  openEnded: boolean;
};


// The length of the quote mark at `i` ('' and `` count as one double mark), or 0 when there is none. A scan
// bounded by the paragraph: a global regex searched on past the paragraph's end to the next mark anywhere in
// the text, which made a long text of short paragraphs without quotes quadratic.
function quoteMarkAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code === 39) return text.charCodeAt(i + 1) === 39 ? 2 : 1; // ' or ''
  if (code === 96) return text.charCodeAt(i + 1) === 96 ? 2 : 0; // `` (a lone backtick is no mark)
  if (code === 34) return 1;
  if (code < 0xab) return 0;
  return code === 0x201c || code === 0x201d || code === 0x201e || code === 0x201f || code === 0xab || code === 0xbb || code === 0x2018 || code === 0x2019 || code === 0x201a ? 1 : 0;
}

// Where the next character that may be a quote mark is, at or after an offset: one regex search instead
// of a test per character. The position found is kept, so a stretch of text without marks (paragraphs
// without quotes) is searched once, not once per paragraph: linear. A mark is one UTF-16 unit, so `test`
// gives its place as lastIndex - 1 with no match array made (exec made one per mark: ~4 MB per pass of news).
const MAY_BE_MARK = /['`"\u00ab\u00bb\u2018\u2019\u201a\u201c-\u201f]/g;
function markFinder(text: string): { from: (offset: number) => number } {
  let found = -1;
  return {
    from(offset: number): number {
      if (found >= offset) return found;
      MAY_BE_MARK.lastIndex = offset;
      found = MAY_BE_MARK.test(text) ? MAY_BE_MARK.lastIndex - 1 : text.length;
      return found;
    },
  };
}

// Neighbours are read as UTF-16 units (NONE past the paragraph's edge): ASCII is decided by comparisons,
// anything else by one Unicode property test, with no one-character string made per test.
const NONE = -1;
const WORD_CHAR = /[\p{L}\p{N}]/u;

// What /\s/ matches; NONE counts as space.
function isSpace(code: number): boolean {
  return code === NONE || isSpaceUnit(code);
}
function isWordChar(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57);
  return WORD_CHAR.test(String.fromCharCode(code));
}
// Characters after which a straight quote opens: start, space, brackets, dashes, slashes, other quotes:
// [\s([{\u2014\u2013\-/:\u201C\u2018'"].
function opensAfter(code: number): boolean {
  return isSpace(code) || code === 40 || code === 91 || code === 123 || code === 0x2014 || code === 0x2013 || code === 45 || code === 47 || code === 58 || code === 0x201c || code === 0x2018 || code === 39 || code === 34;
}
function isDoubleOpen(code: number): boolean {
  return code === 0x201c || code === 0x201e || code === 0xab || code === 0x201f;
}

/** Finds direct-quotation spans in the given paragraphs of `text`, in text order. */
export function findQuotes(text: string, paragraphs: readonly Span[]): QuoteSpan[] {
  const quotes: QuoteSpan[] = [];
  const marks = markFinder(text);
  let group = 0;
  let carried = false; // the previous paragraph ended inside a double quote
  for (const paragraph of paragraphs) {
    const opensWithQuote = startsWithOpeningDouble(text, paragraph);
    const continuing = carried && opensWithQuote;
    carried = false;
    let doubleStart = -1;
    let singleStart = -1;
    let nestedStart = -1;
    let continuedHere = continuing;
    // From quote mark to quote mark; everything between them is irrelevant here.
    for (let i = marks.from(paragraph.start), length = 0; i < paragraph.end; i = marks.from(i + (length === 0 ? 1 : length))) {
      length = quoteMarkAt(text, i);
      if (length === 0) continue;
      // A mark of two units is '' or ``, both double; otherwise `code` is the mark.
      const code = text.charCodeAt(i);
      const prev = i > paragraph.start ? text.charCodeAt(i - 1) : NONE;
      const next = i + length < paragraph.end ? text.charCodeAt(i + length) : NONE;
      if (length === 2 || code === 34 || isDoubleOpen(code) || code === 0x201d || code === 0xbb) {
        const facing = code === 34 || (length === 2 && code === 39) ? straightFacing(prev, next, doubleStart !== -1) : length === 2 || isDoubleOpen(code) ? curlyOpenFacing(prev, next, doubleStart !== -1) : 'close';
        if (facing === 'open' && doubleStart === -1) {
          doubleStart = i;
          singleStart = -1;
          if (!continuedHere) group++;
        } else if (facing === 'close' && doubleStart !== -1) {
          quotes.push({ start: doubleStart, end: i + length, kind: 'double', group, continued: continuedHere, openEnded: false });
          doubleStart = -1;
          nestedStart = -1;
          continuedHere = false;
        }
        continue;
      }
      if (code === 39 || code === 0x2018 || code === 0x201a || code === 0x2019) {
        const facing = singleFacing(code, prev, next);
        if (facing === 'open') {
          if (doubleStart !== -1) nestedStart = nestedStart === -1 ? i : nestedStart;
          else if (singleStart === -1) singleStart = i;
        } else if (facing === 'close') {
          if (doubleStart !== -1 && nestedStart !== -1) {
            quotes.push({ start: nestedStart, end: i + 1, kind: 'nested', group, continued: false, openEnded: false });
            nestedStart = -1;
          } else if (doubleStart === -1 && singleStart !== -1) {
            group++;
            quotes.push({ start: singleStart, end: i + 1, kind: 'single', group, continued: false, openEnded: false });
            singleStart = -1;
          }
        }
      }
    }
    if (doubleStart !== -1) {
      quotes.push({ start: doubleStart, end: paragraph.end, kind: 'double', group, continued: continuedHere, openEnded: true });
      carried = true;
    }
  }
  // Nested quotes are found before the quote that holds them closes; keep the list in text order.
  return quotes.sort((a, b) => a.start - b.start || b.end - a.end);
}

function startsWithOpeningDouble(text: string, paragraph: Span): boolean {
  const at = paragraph.start;
  const code = text.charCodeAt(at);
  const after = at + 1 < text.length ? text.charCodeAt(at + 1) : NONE;
  if (code === 96 && after === 96) return true;
  if (code === 39 && after === 39) return !isSpace(at + 2 < text.length ? text.charCodeAt(at + 2) : NONE);
  return isDoubleOpen(code) || (code === 34 && !isSpace(after));
}

function straightFacing(prev: number, next: number, inside: boolean): 'open' | 'close' | 'none' {
  const canOpen = opensAfter(prev) && !isSpace(next);
  const canClose = !isSpace(prev) && (next === NONE || !isWordChar(next));
  if (canOpen && !canClose) return 'open';
  if (canClose && !canOpen) return 'close';
  if (canOpen && canClose) return inside ? 'close' : 'open';
  // `... a flight to quality,' " he said`: a mark spaced on both sides closes the quote it is in.
  return inside && isSpace(prev) && isSpace(next) ? 'close' : 'none';
}

// An opening curly mark typed where a closing one belongs (`"... leader,“ said Holt`): inside a quote,
// after a word or a stop and before no word, it closes.
function curlyOpenFacing(prev: number, next: number, inside: boolean): 'open' | 'close' {
  return inside && !isSpace(prev) && !isWordChar(next) ? 'close' : 'open';
}

// An apostrophe sits between letters (don't, Kremlin's); a quote mark has space or punctuation on one side.
function singleFacing(code: number, prev: number, next: number): 'open' | 'close' | 'none' {
  if (isWordChar(prev) && isWordChar(next)) return 'none';
  if (code === 0x2018 || code === 0x201a) return isWordChar(next) || next === 34 ? 'open' : 'none';
  const canOpen = opensAfter(prev) && isWordChar(next);
  const canClose = !isSpace(prev) && !opensAfter(prev) && !isWordChar(next);
  if (canOpen) return 'open';
  if (canClose) return 'close';
  return 'none';
}
