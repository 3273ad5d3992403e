/**
 * Scare quotes: a short quoted phrase in the writer's own voice, with no speaker given for it, by which the
 * writer keeps the words at a distance ("the council's "reform""). Called by loaded language, whose
 * findings these are.
 */
import { CATEGORY, type Lexicons } from '../data/index.ts';
import type { SegmentedArticle, QuoteSpan, ParagraphSpan, SentenceSpan } from '../text/index.ts';
import { firstTokenAtOrAfter } from '../text/tokens.ts';

/** A scare-quote finding, in the shape of loaded language's findings. */
export type ScareQuoteFinding = {
  start: number;
  end: number;
  paragraph: number;
  category: 'scare-quote';
  rule: string;
  source: string;
  voice: 'author';
  weight: number;
  suggestion: string;
  message: string;
};

// Scare quotes: a quotation this short, with no speaker in its sentence, is the writer's own distancing.
const SCARE_QUOTE_MAX_WORDS = 4;
// A reporting cue after a quotation attributes it only when it follows closely ("...," Peskov said); a cue
// before it attributes it anywhere later in the sentence (Peskov said relations were "deplorable").
const CUE_AFTER_QUOTE_MAX_TOKENS = 6;
const SCARE_QUOTE_WEIGHT = 0.5;
/**
 * A short quotation (at most SCARE_QUOTE_MAX_WORDS words) that no speech cue attributes (no reporting verb
 * or "according to" before it in its sentence or just after it, no colon before it), and whose words are
 * not an echo of a quotation attributed elsewhere ("no breakthroughs" in a headline when the body quotes
 * the speaker saying it).
 */
export function findScareQuotes(article: SegmentedArticle, lexicons: Lexicons, speechCues: readonly number[], rulesSource: string): ScareQuoteFinding[] {
  const { tokens, text, quotes, paragraphs } = article;
  if (quotes.length === 0) return [];
  const attributedWords = new Set<string>();
  const candidates: { quote: QuoteSpan; paragraph: number; words: string[] }[] = [];
  // Quotes come in text order, so paragraph and sentence cursors only move forward.
  let p = 0;
  let s = 0;
  for (const quote of quotes) {
    if (quote.kind === 'nested') continue;
    while (p < paragraphs.length && (paragraphs[p] as ParagraphSpan).end <= quote.start) {
      p++;
      s = 0;
    }
    const paragraph = paragraphs[p];
    if (paragraph === undefined) break;
    while (s < paragraph.sentences.length && (paragraph.sentences[s] as SentenceSpan).end <= quote.start) s++;
    const sentence = paragraph.sentences[s];
    const firstWord = firstTokenAtOrAfter(tokens, quote.start);
    const words: string[] = [];
    for (let t = firstWord; t < tokens.count && (tokens.end[t] as number) <= quote.end; t++) words.push(tokens.bare[t] as string);
    const lastWord = firstWord + words.length - 1;
    const short = words.length > 0 && words.length <= SCARE_QUOTE_MAX_WORDS && !quote.continued && !quote.openEnded;
    const colonBefore = /:\s*$/.test(text.slice(Math.max(0, quote.start - 3), quote.start));
    const attributed =
      sentence === undefined ||
      sentence.start === quote.start ||
      colonBefore ||
      hasCueIn(speechCues, sentence.tokenStart, firstWord) ||
      hasCueIn(speechCues, lastWord + 1, Math.min(sentence.tokenEnd, lastWord + 1 + CUE_AFTER_QUOTE_MAX_TOKENS));
    if (short && !attributed) candidates.push({ quote, paragraph: p, words });
    else for (const word of words) attributedWords.add(word);
  }
  const findings: ScareQuoteFinding[] = [];
  for (const { quote, paragraph, words } of candidates) {
    if (words.every((word) => attributedWords.has(word))) continue;
    const surface = text.slice(quote.start, quote.end);
    findings.push({
      start: quote.start,
      end: quote.end,
      paragraph,
      category: 'scare-quote',
      rule: 'scare-quote/short-unattributed-quote',
      source: rulesSource,
      voice: 'author',
      weight: SCARE_QUOTE_WEIGHT * CATEGORY['scare-quote'].weight,
      suggestion: 'name who uses the phrase, or drop the quotation marks',
      message: `${lexicons.categories.get('scare-quote')?.name ?? 'scare-quote'} ${surface}: a short quoted phrase with no speaker distances the writer from the words`,
    });
  }
  return findings;
}

// True when sorted `cues` holds a token index in [from, to).
function hasCueIn(cues: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = cues.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cues[mid] as number) < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < cues.length && (cues[lo] as number) < to;
}
