/**
 * The text model: an article segmented losslessly into paragraphs, sentences, word tokens and quotation
 * spans, all as offsets into the text exactly as submitted. Passes run in the order of the file names.
 */
import { foldForMatching } from './fold.ts';
import { paragraphBounds } from './paragraphs.ts';
import { sentenceBounds, terminalFinder, type AbbreviationTable } from './sentences.ts';
import { tokenize, firstTokenAtOrAfter, type TokenTable } from './tokens.ts';
import { findQuotes, type QuoteSpan } from './quotes.ts';
import type { Span } from './span.ts';

export type { Span } from './span.ts';
export type { TokenTable } from './tokens.ts';
export type { QuoteSpan } from './quotes.ts';
export type { AbbreviationTable } from './sentences.ts';
export { foldForMatching } from './fold.ts';
export { notAnArticle, notAnArticleBytes, type NotAnArticle } from './article-check.ts';

/** A sentence with the half-open range of token indices it holds. */
export type SentenceSpan = Span & { tokenStart: number; tokenEnd: number };
export type ParagraphSpan = Span & { sentences: SentenceSpan[]; tokenStart: number; tokenEnd: number };

export type SegmentedArticle = {
  readonly text: string;
  /** same length as `text`: lower-cased, typographic quotes and hyphens folded to ASCII */
  readonly folded: string;
  readonly paragraphs: readonly ParagraphSpan[];
  readonly tokens: TokenTable;
  readonly quotes: readonly QuoteSpan[];
  /** per token: 1 when the token sits inside a direct quotation */
  readonly quotedToken: Uint8Array;
};

/** Segments `text`; never throws, and every span satisfies 0 <= start < end <= text.length. */
export function segmentArticle(text: string, abbreviations: AbbreviationTable): SegmentedArticle {
  const folded = foldForMatching(text);
  const tokens = tokenize(text, folded, abbreviations.kinds);
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
  const paragraphs: ParagraphSpan[] = [];
  for (let k = 0; k < bounds.length; k += 2) {
    const start = bounds[k] as number;
    const end = bounds[k + 1] as number;
    const tokenStart = tokenAt(start);
    pairs.length = 0;
    sentenceBounds(text, folded, start, end, abbreviations, finder, pairs);
    // An array literal of one, or a copy of the kept one: exactly as long as its sentences (an empty array
    // grown by push reserves room for 17).
    let sentences: SentenceSpan[];
    if (pairs.length === 2) {
      const sentenceStart = tokenAt(pairs[0] as number);
      sentences = [{ start: pairs[0] as number, end: pairs[1] as number, tokenStart: sentenceStart, tokenEnd: tokenAt(pairs[1] as number) }];
    } else {
      sentenceSpans.length = 0;
      for (let p = 0; p < pairs.length; p += 2) {
        const sentenceStart = tokenAt(pairs[p] as number);
        sentenceSpans.push({ start: pairs[p] as number, end: pairs[p + 1] as number, tokenStart: sentenceStart, tokenEnd: tokenAt(pairs[p + 1] as number) });
      }
      sentences = sentenceSpans.slice();
    }
    paragraphs.push({ start, end, sentences, tokenStart, tokenEnd: tokenAt(end) });
  }
  sentenceSpans.length = 0;
  const quotes = findQuotes(text, paragraphs);
  return { text, folded, paragraphs, tokens, quotes, quotedToken: markQuotedTokens(tokens, quotes) };
}

// Kept between calls (segmentation never re-enters): a paragraph's sentences as offset pairs, then as spans.
const sentencePairs: number[] = [];
const sentenceSpans: SentenceSpan[] = [];

function markQuotedTokens(tokens: TokenTable, quotes: readonly QuoteSpan[]): Uint8Array {
  const quoted = new Uint8Array(tokens.count);
  for (const quote of quotes) {
    if (quote.kind === 'nested') continue; // already inside its double quote
    for (let t = firstTokenAtOrAfter(tokens, quote.start); t < tokens.count && (tokens.end[t] as number) <= quote.end; t++) {
      quoted[t] = 1;
    }
  }
  return quoted;
}

/** True when [start, end) lies inside one of `quotes` (nested quotes count through their parent). */
export function isInsideQuote(quotes: readonly QuoteSpan[], start: number, end: number): boolean {
  for (const quote of quotes) {
    if (quote.start > start) break;
    if (quote.start <= start && end <= quote.end) return true;
  }
  return false;
}
