/**
 * The text model: an article segmented losslessly into paragraphs, sentences, word tokens and quotation
 * spans, all as offsets into the text exactly as submitted. Passes run in the order of the file names.
 */
import { foldForMatching } from './fold.ts';
import { splitParagraphs } from './paragraphs.ts';
import { splitSentences, type AbbreviationTable } from './sentences.ts';
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
  const paragraphSpans = splitParagraphs(text);
  // Paragraph and sentence offsets only grow, so one forward cursor finds every token index.
  const starts = tokens.start;
  const count = tokens.count;
  let cursor = 0;
  const tokenAt = (offset: number): number => {
    while (cursor < count && (starts[cursor] as number) < offset) cursor++;
    return cursor;
  };
  const paragraphs: ParagraphSpan[] = paragraphSpans.map((paragraph) => {
    const tokenStart = tokenAt(paragraph.start);
    const sentences: SentenceSpan[] = [];
    for (const sentence of splitSentences(text, folded, paragraph, abbreviations)) {
      const sentenceStart = tokenAt(sentence.start);
      sentences.push({ start: sentence.start, end: sentence.end, tokenStart: sentenceStart, tokenEnd: tokenAt(sentence.end) });
    }
    return { start: paragraph.start, end: paragraph.end, sentences, tokenStart, tokenEnd: tokenAt(paragraph.end) };
  });
  const quotes = findQuotes(text, paragraphSpans);
  return { text, folded, paragraphs, tokens, quotes, quotedToken: markQuotedTokens(tokens, quotes) };
}

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
