/**
 * Sentences inside one paragraph. A terminal mark (. ! ? … or ...) followed by closing quotes or brackets
 * and white space ends a sentence unless the evidence says otherwise: a lower-case continuation, an initial,
 * a title abbreviation, or another abbreviation not followed by a sentence starter.
 */
import type { Span } from './span.ts';

/** What the splitter needs to know about abbreviations; built from `lexicons/en/abbreviations.jsonl`. */
export type AbbreviationTable = {
  /** folded abbreviation with its final period (`mr.`, `u.s.`) -> kind */
  kinds: ReadonlyMap<string, 'title' | 'month' | 'other'>;
  /** folded words that often open a sentence (`the`, `he`, `but`), from `lexicons/en/sentence-starters.jsonl` */
  starters: ReadonlySet<string>;
};

// Linear: each alternative consumes distinct characters and the closers run is a simple class.
const TERMINAL = /(?:\.{3}|\u2026|[.!?]+)["'\u201D\u2019)\]]*(?=\s|$)/g;
const WORD_BEFORE_PERIOD = /[\p{L}\p{N}.\-']+$/u;
const LOWER_START = /^[\p{Ll}]/u;
const DIGIT_START = /^\p{N}/u;
const NEXT_WORD = /^[\p{L}\p{N}][\p{L}\p{N}'\u2019.\-]*/u;
const INITIAL = /^\p{Lu}$/u;
// How far back to look for the word before a period; abbreviations are short.
const LOOKBEHIND = 24;

/** Splits `paragraph` of `text` into sentence spans (trimmed, non-empty, in order, covering all words). */
export function splitSentences(text: string, folded: string, paragraph: Span, abbreviations: AbbreviationTable): Span[] {
  const sentences: Span[] = [];
  const body = text.slice(paragraph.start, paragraph.end);
  let sentenceStart = 0;
  TERMINAL.lastIndex = 0;
  for (let match = TERMINAL.exec(body); match !== null; match = TERMINAL.exec(body)) {
    const markEnd = match.index + match[0].length;
    let nextStart = markEnd;
    while (nextStart < body.length && /\s/.test(body[nextStart] as string)) nextStart++;
    if (nextStart >= body.length) break;
    if (!endsSentence(body, folded, paragraph.start, match.index, match[0], nextStart, abbreviations)) continue;
    pushSentence(sentences, paragraph.start + sentenceStart, paragraph.start + markEnd);
    sentenceStart = nextStart;
  }
  pushSentence(sentences, paragraph.start + sentenceStart, paragraph.end);
  return sentences;
}

function endsSentence(
  body: string,
  folded: string,
  offset: number,
  markIndex: number,
  mark: string,
  nextStart: number,
  abbreviations: AbbreviationTable,
): boolean {
  const rest = body.slice(nextStart, nextStart + 40);
  // "Why?" he asked. / a lower-case word after any mark continues the sentence.
  if (LOWER_START.test(rest)) return false;
  const first = mark[0];
  if (first !== '.' || mark.startsWith('...')) return true;
  // A closing quote after the period ("We are ready." The next ...) ends the sentence.
  if (mark.length > 1) return true;
  const before = WORD_BEFORE_PERIOD.exec(body.slice(Math.max(0, markIndex - LOOKBEHIND), markIndex))?.[0] ?? '';
  const word = before.replace(/^[.\-']+/, '');
  if (word === '') return true;
  if (INITIAL.test(word)) return false;
  const foldedWord = folded.slice(offset + markIndex - word.length, offset + markIndex + 1);
  let kind = abbreviations.kinds.get(foldedWord);
  // Dotted forms not in the list (A.B.C.) behave like "U.S.".
  if (kind === undefined && /^(?:\p{L}\.)+\p{L}$/u.test(word)) kind = 'other';
  if (kind === undefined) return true;
  if (kind === 'title') return false;
  if (DIGIT_START.test(rest)) return false;
  if (kind === 'month') return true;
  const nextWord = NEXT_WORD.exec(rest)?.[0] ?? '';
  return abbreviations.starters.has(foldWord(nextWord));
}

function foldWord(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

function pushSentence(into: Span[], start: number, end: number): void {
  if (end > start) into.push({ start, end });
}
