/**
 * The text model: an article segmented losslessly into paragraphs, sentences, word tokens and quotation
 * spans, all as offsets into the text exactly as submitted. Passes run in the order of the file names.
 */
import { foldForMatching } from './fold.ts';
import { paragraphBounds } from './paragraphs.ts';
import { sentenceBounds, terminalFinder, type AbbreviationTable, type SentencePairs } from './sentences.ts';
import { LARGE_ENTRIES, moveColumns } from './lists.ts';
import { tokenize, firstTokenAtOrAfter, type TokenTable } from './tokens.ts';
import { findQuotes, NESTED, type QuoteColumns } from './quotes.ts';
import type { Span } from './span.ts';
import { releaseBuffers } from './release-buffers.ts';

export type { Span } from './span.ts';
export type { TokenTable } from './tokens.ts';
export { NESTED, QUOTE_KINDS, quoteAt, type QuoteColumns, type QuoteSpan } from './quotes.ts';
export type { AbbreviationTable } from './sentences.ts';
export { foldForMatching } from './fold.ts';
export { notAnArticle, notAnArticleBytes, type NotAnArticle } from './article-check.ts';
export { releaseBuffers } from './release-buffers.ts';

/** A sentence: its span and the half-open range of token indices it holds. */
export type SentenceSpan = Span & { tokenStart: number; tokenEnd: number };
/**
 * Every sentence of an article in text order, as columns: sentence s spans start[s]..end[s], holds the tokens
 * tokenStart[s]..tokenEnd[s] and lies in paragraph paragraph[s]. An object per sentence and a list of them per
 * paragraph were ~19 MB on a megabyte of one-word paragraphs (175,000 of each), alive until the report was
 * serialised; `sentenceAt` makes one sentence's object for code that wants one.
 */
export type SentenceColumns = {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly tokenStart: Int32Array;
  readonly tokenEnd: Int32Array;
  readonly paragraph: Int32Array;
};
/** A paragraph: its span, the tokens it holds, and its sentences, sentenceStart..sentenceEnd (half-open) of the article's. */
export type ParagraphSpan = Span & { tokenStart: number; tokenEnd: number; sentenceStart: number; sentenceEnd: number };

export type SegmentedArticle = {
  readonly text: string;
  /** same length as `text`: lower-cased, typographic quotes and hyphens folded to ASCII */
  readonly folded: string;
  readonly paragraphs: readonly ParagraphSpan[];
  readonly sentences: SentenceColumns;
  readonly tokens: TokenTable;
  readonly quotes: QuoteColumns;
  /** per token: 1 when the token sits inside a direct quotation */
  readonly quotedToken: Uint8Array;
};

/** Segments `text`; never throws, and every span satisfies 0 <= start < end <= text.length. */
export function segmentArticle(text: string, abbreviations: AbbreviationTable): SegmentedArticle {
  return segmented(text, abbreviations, false);
}

/**
 * segmentArticle for one analysis: a short text's token columns are reused from call to call (tokens.ts), so
 * the article is valid only until the next call; the pipeline reads it only until its report is built.
 */
export function segmentArticleForAnalysis(text: string, abbreviations: AbbreviationTable): SegmentedArticle {
  return segmented(text, abbreviations, true);
}

function segmented(text: string, abbreviations: AbbreviationTable, reuseTokens: boolean): SegmentedArticle {
  const folded = foldForMatching(text);
  const tokens = tokenize(text, folded, abbreviations.kinds, reuseTokens);
  const bounds = paragraphBounds(text);
  // Paragraph and sentence offsets only grow, so one forward cursor finds every token index.
  const starts = tokens.start;
  const count = tokens.count;
  let cursor = 0;
  const tokenAt = (offset: number): number => {
    while (cursor < count && (starts[cursor] as number) < offset) cursor++;
    return cursor;
  };
  const finder = terminalFinder(text);
  const pairs = sentencePairs;
  // Made at its length (known from the bounds) and filled in order: grown by push from empty, its outgrown
  // copies were ~3 MB of large objects at 175,000 paragraphs, left to the next full collection.
  const paragraphs: ParagraphSpan[] = new Array<ParagraphSpan>(bounds.length >> 1);
  // Room for a sentence per paragraph and one per 64 characters at first, doubled as needed.
  const sentences = sentenceColumns(bounds.length / 2 + (text.length >> 6) + 16);
  for (let k = 0; k < bounds.length; k += 2) {
    const start = bounds[k] as number;
    const end = bounds[k + 1] as number;
    const tokenStart = tokenAt(start);
    const sentenceStart = sentences.count;
    // A short list is emptied, which gives its store back, as it always was: without that garbage a megabyte of
    // one-word paragraphs peaked ~13 MB higher (3dd07b2). A long one is kept, between calls too, and
    // overwritten: emptied, a paragraph of 65,000 sentences regrew it in V8's large-object space on every
    // analysis (kept, it holds 8 bytes a sentence of the longest paragraph seen: 1 MB after 65,000).
    pairs.count = 0;
    if (pairs.list.length < LARGE_ENTRIES) pairs.list.length = 0;
    sentenceBounds(text, folded, start, end, abbreviations, finder, pairs);
    const list = pairs.list;
    for (let p = 0; p < pairs.count; p += 2) {
      const s = sentences.count === sentences.capacity ? growSentences(sentences) : sentences.count;
      sentences.start[s] = list[p] as number;
      sentences.end[s] = list[p + 1] as number;
      sentences.tokenStart[s] = tokenAt(list[p] as number);
      sentences.tokenEnd[s] = tokenAt(list[p + 1] as number);
      sentences.paragraph[s] = k >> 1;
      sentences.count = s + 1;
    }
    paragraphs[k >> 1] = { start, end, tokenStart, tokenEnd: tokenAt(end), sentenceStart, sentenceEnd: sentences.count };
  }
  const quotes = findQuotes(text, paragraphs);
  return { text, folded, paragraphs, sentences: exactColumns(sentences), tokens, quotes, quotedToken: markQuotedTokens(tokens, quotes) };
}

/**
 * Frees the memory of `article`'s token and sentence columns now (see release-buffers.ts): for the pipeline once
 * the report is built; the article must not be read after.
 */
export function releaseArticle(article: SegmentedArticle): void {
  const { tokens, sentences } = article;
  releaseBuffers([tokens.start, tokens.end, tokens.letters, tokens.capitals, tokens.ids, tokens.bareIds, tokens.breakBefore, tokens.shape, sentences.start, sentences.end, sentences.tokenStart, sentences.tokenEnd, sentences.paragraph, article.quotedToken, article.quotes.start]);
}

/** Sentence `s` of `sentences` as an object (a new one each call; 0 <= s < sentences.count). */
export function sentenceAt(sentences: SentenceColumns, s: number): SentenceSpan {
  return { start: sentences.start[s] as number, end: sentences.end[s] as number, tokenStart: sentences.tokenStart[s] as number, tokenEnd: sentences.tokenEnd[s] as number };
}

// Of another shape than the readers' columns (`capacity` first), as the quotes' are (see quotes.ts): growing
// writes the fields again, and when they were of the readers' shape a first text with more sentences than room
// (short ones: `Yes. No.`) deoptimised every reader of sentences at once (ten functions, findLoadedLanguage among them).
type GrowingColumns = { capacity: number } & { -readonly [K in keyof SentenceColumns]: SentenceColumns[K] };

// The columns as long as their count (views of the room they were filled in, nothing copied), so that a reader
// that walks a column to its length sees no unused slots.
function exactColumns(columns: GrowingColumns): SentenceColumns {
  const { count } = columns;
  return { count, start: columns.start.subarray(0, count), end: columns.end.subarray(0, count), tokenStart: columns.tokenStart.subarray(0, count), tokenEnd: columns.tokenEnd.subarray(0, count), paragraph: columns.paragraph.subarray(0, count) };
}

// The five columns share one buffer: a typed array of its own each was five off-heap allocations an article.
function sentenceColumns(capacity: number): GrowingColumns {
  const buffer = new ArrayBuffer(20 * capacity);
  const column = (k: number): Int32Array => new Int32Array(buffer, 4 * k * capacity, capacity);
  return { capacity, count: 0, start: column(0), end: column(1), tokenStart: column(2), tokenEnd: column(3), paragraph: column(4) };
}

// Doubles the columns' room; returns the index of the next sentence.
function growSentences(columns: GrowingColumns): number {
  columns.capacity *= 2;
  moveColumns(columns, sentenceColumns(columns.capacity), SENTENCE_COLUMNS);
  return columns.count;
}

const SENTENCE_COLUMNS = ['start', 'end', 'tokenStart', 'tokenEnd', 'paragraph'] as const;

// Kept between calls (segmentation never re-enters): a paragraph's sentences as offset pairs.
const sentencePairs: SentencePairs = { list: [], count: 0 };

function markQuotedTokens(tokens: TokenTable, quotes: QuoteColumns): Uint8Array {
  const quoted = new Uint8Array(tokens.count);
  for (let q = 0; q < quotes.count; q++) {
    if (quotes.kind[q] === NESTED) continue; // already inside its double quote
    const end = quotes.end[q] as number;
    for (let t = firstTokenAtOrAfter(tokens, quotes.start[q] as number); t < tokens.count && (tokens.end[t] as number) <= end; t++) {
      quoted[t] = 1;
    }
  }
  return quoted;
}
