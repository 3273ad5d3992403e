/**
 * Sentences inside one paragraph. A terminal mark (. ! ? … or ...) followed by closing quotes or brackets
 * and white space ends a sentence unless the evidence says otherwise: a lower-case continuation, an initial,
 * a title abbreviation, or another abbreviation not followed by a sentence starter.
 */
import type { Span } from './span.ts';
import { NO_WORD, tableByWordIdOnce, wordIdIn } from './vocabulary.ts';

/** What the splitter needs to know about abbreviations; built from `lexicons/en/abbreviations.jsonl`. */
export type AbbreviationTable = {
  /** folded abbreviation with its final period (`mr.`, `u.s.`) -> kind */
  kinds: ReadonlyMap<string, 'title' | 'month' | 'other'>;
  /** folded words that often open a sentence (`the`, `he`, `but`), from `lexicons/en/sentence-starters.jsonl` */
  starters: ReadonlySet<string>;
};

// Linear: each alternative consumes distinct characters and the closers run is a simple class.
const TERMINAL = /(?:\.{3}|\u2026|[.!?]+)["'\u201D\u2019)\]]*(?=\s|$)/g;
// A letter or digit (one code point, tested outside ASCII only).
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LOWER_START = /^[\p{Ll}]/u;
const DIGIT_START = /^\p{N}/u;
const NEXT_WORD = /^[\p{L}\p{N}][\p{L}\p{N}'\u2019.\-]*/u;
const INITIAL = /^\p{Lu}$/u;
const SPACE = /\s/;
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
    while (nextStart < body.length && SPACE.test(body[nextStart] as string)) nextStart++;
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
  const before = body.slice(wordStartBefore(body, markIndex), markIndex);
  const word = before.replace(/^[.\-']+/, '');
  if (word === '') return true;
  if (INITIAL.test(word)) return false;
  // The folded word with its period, read by word id where it lies in `folded` (no string built per period).
  // (The table first: making it registers the abbreviations, which the look-up must see.)
  const kinds = tableByWordIdOnce(abbreviations.kinds, undefined);
  const id = wordIdIn(folded, offset + markIndex - word.length, offset + markIndex + 1);
  let kind = id === NO_WORD || id >= kinds.length ? undefined : kinds[id];
  // Dotted forms not in the list (A.B.C.) behave like "U.S.".
  if (kind === undefined && /^(?:\p{L}\.)+\p{L}$/u.test(word)) kind = 'other';
  if (kind === undefined) return true;
  if (kind === 'title') return false;
  if (DIGIT_START.test(rest)) return false;
  if (kind === 'month') return true;
  const nextWord = NEXT_WORD.exec(rest)?.[0] ?? '';
  return abbreviations.starters.has(foldWord(nextWord));
}

/**
 * Where the run of letters, digits, periods, hyphens and apostrophes that ends at `end` starts, looking back at
 * most LOOKBEHIND units (the word before a period). A scan back over code units rather than an end-anchored
 * regex over a slice, which tried every start position; a surrogate pair counts only when both halves are
 * inside the window, as in a slice of it.
 */
function wordStartBefore(body: string, end: number): number {
  const limit = Math.max(0, end - LOOKBEHIND);
  let j = end;
  while (j > limit) {
    const c = body.charCodeAt(j - 1);
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 46 || c === 45 || c === 39) j--;
      else break;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      const high = j - 2 >= limit ? body.charCodeAt(j - 2) : 0;
      if (high >= 0xd800 && high <= 0xdbff && LETTER_OR_DIGIT.test(body.slice(j - 2, j))) j -= 2;
      else break;
    } else if (c < 0xd800 || c > 0xdbff) {
      if (LETTER_OR_DIGIT.test(body[j - 1] as string)) j--;
      else break;
    } else {
      break;
    }
  }
  return j;
}

function foldWord(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

function pushSentence(into: Span[], start: number, end: number): void {
  if (end > start) into.push({ start, end });
}
