/**
 * Direct-quotation spans. Curly marks say which way they face; straight marks are read from their
 * neighbours. Two apostrophes ('') are a straight double mark (the New York Times' house style, and
 * typewriter text), two backticks (``) an opening one. A quote left open at the end of a paragraph continues when the next paragraph opens with a
 * quote mark (the news convention: only the last paragraph of a long quote closes it).
 */
import { isSpaceUnit } from './space.ts';
import { moveColumns } from './lists.ts';
import type { Span } from './span.ts';

/** How a quotation is marked: `double` marks, `single` marks used as quotation marks at top level (headline style), or `nested` inside a double quote. */
export const QUOTE_KINDS = ['double', 'single', 'nested'] as const;
export type QuoteKind = (typeof QUOTE_KINDS)[number];
const DOUBLE = 0;
const SINGLE = 1;
/** A quotation's `kind` in QuoteColumns: its index in QUOTE_KINDS. */
export const NESTED = 2;

/** One quotation as an object (quoteAt). */
export type QuoteSpan = Span & {
  kind: QuoteKind;
  /** quotes that continue one another across paragraphs share a group; otherwise each quote has its own */
  group: number;
  /** true when this part continues a quote opened in an earlier paragraph */
  continued: boolean;
  /** true when the paragraph ended before a closing mark */
  openEnded: boolean;
};

/**
 * An article's quotations in text order (nested ones after the quote that holds them), as columns: quotation q
 * spans start[q]..end[q], is marked as QUOTE_KINDS[kind[q]], belongs to group[q], and has continued[q] and
 * openEnded[q] 1 when true. An object per quotation was 72 bytes alive from segmentation to the report: 4.7 MB
 * on a megabyte of `"Yes," he said.`, copied by young-generation collections and promoted; `quoteAt` makes
 * one quotation's object for code that wants one.
 */
export type QuoteColumns = {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly group: Int32Array;
  readonly kind: Uint8Array;
  readonly continued: Uint8Array;
  readonly openEnded: Uint8Array;
};

/** Quotation `q` of `quotes` as an object (a new one each call; 0 <= q < quotes.count). */
export function quoteAt(quotes: QuoteColumns, q: number): QuoteSpan {
  return { start: quotes.start[q] as number, end: quotes.end[q] as number, kind: QUOTE_KINDS[quotes.kind[q] as number] as QuoteKind, group: quotes.group[q] as number, continued: quotes.continued[q] === 1, openEnded: quotes.openEnded[q] === 1 };
}

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
export function findQuotes(text: string, paragraphs: readonly Span[]): QuoteColumns {
  // Room for a quotation per 256 characters at first, doubled as needed.
  const quotes = quoteColumns(16 + (text.length >> 8));
  let nested = false;
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
          addQuote(quotes, doubleStart, i + length, DOUBLE, group, continuedHere, false);
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
            addQuote(quotes, nestedStart, i + 1, NESTED, group, false, false);
            nested = true;
            nestedStart = -1;
          } else if (doubleStart === -1 && singleStart !== -1) {
            group++;
            addQuote(quotes, singleStart, i + 1, SINGLE, group, false, false);
            singleStart = -1;
          }
        }
      }
    }
    if (doubleStart !== -1) {
      addQuote(quotes, doubleStart, paragraph.end, DOUBLE, group, continuedHere, true);
      carried = true;
    }
  }
  // Nested quotes are found before the quote that holds them closes; the others come in text order (a single
  // quote never holds a double one), so only a text with nested quotes is reordered.
  return nested ? inTextOrder(quotes) : exactColumns(quotes);
}

// The columns being filled are an object of another shape than the readers' (`capacity` first): growing writes
// their fields again, and code optimised on an object of the readers' shape relied on its fields staying as made
// (V8's field constness), so a first article with more quotes than room deoptimised every reader of quotes at
// once (PolNeAR: ten functions at its 314th article, reportParagraph and findVoicedQuotes among them).
type GrowingQuotes = { capacity: number } & { -readonly [K in keyof QuoteColumns]: QuoteColumns[K] };

// The six columns share one buffer, as the sentences' do: a typed array of its own each was six off-heap allocations.
function quoteColumns(capacity: number): GrowingQuotes {
  const buffer = new ArrayBuffer(15 * capacity);
  const ints = (k: number): Int32Array => new Int32Array(buffer, 4 * k * capacity, capacity);
  const bytes = (k: number): Uint8Array => new Uint8Array(buffer, 12 * capacity + k * capacity, capacity);
  return { capacity, count: 0, start: ints(0), end: ints(1), group: ints(2), kind: bytes(0), continued: bytes(1), openEnded: bytes(2) };
}

function addQuote(quotes: GrowingQuotes, start: number, end: number, kind: number, group: number, continued: boolean, openEnded: boolean): void {
  if (quotes.count === quotes.capacity) growQuotes(quotes, 2 * quotes.count);
  const q = quotes.count++;
  quotes.start[q] = start;
  quotes.end[q] = end;
  quotes.group[q] = group;
  quotes.kind[q] = kind;
  quotes.continued[q] = continued ? 1 : 0;
  quotes.openEnded[q] = openEnded ? 1 : 0;
}

function growQuotes(quotes: GrowingQuotes, capacity: number): void {
  moveColumns(quotes, quoteColumns(capacity), QUOTE_COLUMNS);
  quotes.capacity = capacity;
}

const QUOTE_COLUMNS = ['start', 'end', 'group', 'kind', 'continued', 'openEnded'] as const;

// The columns as long as their count (views of the room they were filled in, nothing copied), so that a reader
// that walks a column to its length sees no unused slots.
function exactColumns(quotes: GrowingQuotes): QuoteColumns {
  const { count } = quotes;
  return { count, start: quotes.start.subarray(0, count), end: quotes.end.subarray(0, count), group: quotes.group.subarray(0, count), kind: quotes.kind.subarray(0, count), continued: quotes.continued.subarray(0, count), openEnded: quotes.openEnded.subarray(0, count) };
}

// The quotations by start, a quote before the ones nested in it (a longer span first at the same start).
function inTextOrder(quotes: GrowingQuotes): QuoteColumns {
  const { count, start, end } = quotes;
  const order = Array.from({ length: count }, (_, q) => q).sort((a, b) => (start[a] as number) - (start[b] as number) || (end[b] as number) - (end[a] as number));
  const sorted = quoteColumns(count);
  for (const q of order) addQuote(sorted, start[q] as number, end[q] as number, quotes.kind[q] as number, quotes.group[q] as number, quotes.continued[q] === 1, quotes.openEnded[q] === 1);
  return exactColumns(sorted);
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
