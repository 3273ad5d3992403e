/**
 * Sentences inside one paragraph. A terminal mark (. ! ? … or ...) followed by closing quotes or brackets
 * and white space ends a sentence unless the evidence says otherwise: a lower-case continuation, an initial,
 * a title abbreviation, or another abbreviation not followed by a sentence starter.
 */
import { isSpaceUnit } from './space.ts';
import type { Span } from './span.ts';
import { NO_WORD, tableByWordIdOnce, wordIdIn } from './vocabulary.ts';

/** What the splitter needs to know about abbreviations; built from `lexicons/en/abbreviations.jsonl`. */
export type AbbreviationTable = {
  /** folded abbreviation with its final period (`mr.`, `u.s.`) -> kind */
  kinds: ReadonlyMap<string, 'title' | 'month' | 'other'>;
  /** folded words that often open a sentence (`the`, `he`, `but`), from `lexicons/en/sentence-starters.jsonl` */
  starters: ReadonlySet<string>;
};

// Linear: a match starts only at the first mark of a run (the look-behind), so a run of marks with no space
// after it ("!" x 80k + "x") is read once, not once from each of its marks; a start inside a run could
// match nothing the run's first mark does not.
const TERMINAL = /(?:\u2026|(?<![.!?])(?:\.{3}|[.!?]+))["'\u201D\u2019)\]]*(?=\s|$)/g;
// A letter or digit (one code point, tested outside ASCII only).
const LETTER_OR_DIGIT = /^[\p{L}\p{N}]$/u;
const LOWER_START = /^[\p{Ll}]/u;
const DIGIT_START = /^\p{N}/u;
const NEXT_WORD = /^[\p{L}\p{N}][\p{L}\p{N}'\u2019.\-]*/u;
const INITIAL = /^\p{Lu}$/u;
// How far back to look for the word before a period; abbreviations are short.
const LOOKBEHIND = 24;

/** Splits `paragraph` of `text` into sentence spans (trimmed, non-empty, in order, covering all words). */
export function splitSentences(text: string, folded: string, paragraph: Span, abbreviations: AbbreviationTable): Span[] {
  const pairs: SentencePairs = { list: [], count: 0 };
  sentenceBounds(text, folded, paragraph.start, paragraph.end, abbreviations, terminalFinder(text), pairs);
  const sentences: Span[] = [];
  for (let k = 0; k < pairs.count; k += 2) sentences.push({ start: pairs.list[k] as number, end: pairs.list[k + 1] as number });
  return sentences;
}

/**
 * Sentences as offset pairs: list[0..count) holds [start, end] pairs; entries past `count` are left over from
 * an earlier paragraph and mean nothing (a long list is overwritten, not emptied: see segmented in index.ts).
 */
export type SentencePairs = { list: number[]; count: number };

/** Where the terminal marks of one text are, read forward: see `terminalFinder`. */
export type TerminalFinder = { at: number; length: number; readonly text: string };

/**
 * A reader of `text`'s terminal marks for `sentenceBounds`, made once per text: one search of the whole text
 * from mark to mark, where a search per paragraph sliced the paragraph out first. A mark found past the
 * paragraph being read is kept for the next one, so a stretch without marks is searched once: linear.
 */
export function terminalFinder(text: string): TerminalFinder {
  return { at: -1, length: 0, text };
}

// The first mark at or after `offset` (its index in finder.at, text.length when none).
function nextMark(finder: TerminalFinder, offset: number): void {
  if (finder.at >= offset) return;
  const text = finder.text;
  TERMINAL.lastIndex = offset;
  // `test`, not `exec`: no match array per sentence end (~4 MB per pass of news). Where the match began is
  // read back from its end: the closers, then one ellipsis character or the whole run of marks (the
  // look-behind lets a match start only where a run of marks does, and the look-ahead makes it end where the
  // run does).
  if (!TERMINAL.test(text)) {
    finder.at = text.length;
    finder.length = 0;
    return;
  }
  const end = TERMINAL.lastIndex;
  let start = end;
  while (isCloser(text.charCodeAt(start - 1))) start--;
  if (text.charCodeAt(start - 1) === 0x2026) start--;
  else while (start > 0 && isStop(text.charCodeAt(start - 1))) start--;
  finder.at = start;
  finder.length = end - start;
}

// The pattern's closers: ["'\u201D\u2019)\]].
function isCloser(code: number): boolean {
  return code === 34 || code === 39 || code === 0x201d || code === 0x2019 || code === 41 || code === 93;
}
// The pattern's marks: [.!?].
function isStop(code: number): boolean {
  return code === 46 || code === 33 || code === 63;
}

/**
 * Appends the sentences of the paragraph [start, end) of `text` to `pairs` from pairs.count on, as [start, end] pairs (trimmed,
 * non-empty, in order, covering all words); `finder` is the text's, read with paragraphs in order.
 */
export function sentenceBounds(text: string, folded: string, start: number, end: number, abbreviations: AbbreviationTable, finder: TerminalFinder, pairs: SentencePairs): void {
  // A mark ends no later than the paragraph, and the white space after the paragraph's end satisfies the
  // pattern's look-ahead as the end of a sliced paragraph did: the marks are those of the paragraph alone.
  let sentenceStart = start;
  for (nextMark(finder, start); finder.at < end; nextMark(finder, finder.at + finder.length)) {
    const markIndex = finder.at;
    const markEnd = markIndex + finder.length;
    let nextStart = markEnd;
    while (nextStart < end && isSpaceUnit(text.charCodeAt(nextStart))) nextStart++;
    if (nextStart >= end) break;
    if (!endsSentence(text, folded, start, end, markIndex, markEnd, nextStart, abbreviations)) continue;
    pushSentence(pairs, sentenceStart, markEnd);
    sentenceStart = nextStart;
  }
  pushSentence(pairs, sentenceStart, end);
}

// Offsets are into the whole text; the paragraph is [start, end): nothing is read outside it.
function endsSentence(text: string, folded: string, start: number, end: number, markIndex: number, markEnd: number, nextStart: number, abbreviations: AbbreviationTable): boolean {
  // What follows the mark, read by its first unit when that is ASCII (most marks), else sliced and tested.
  const next = text.charCodeAt(nextStart);
  const rest = next < 128 ? '' : text.slice(nextStart, Math.min(end, nextStart + 40));
  // "Why?" he asked. / a lower-case word after any mark continues the sentence.
  if (next < 128 ? next >= 97 && next <= 122 : LOWER_START.test(rest)) return false;
  const first = text.charCodeAt(markIndex);
  if (first !== 46 || (markEnd - markIndex >= 3 && text.charCodeAt(markIndex + 1) === 46 && text.charCodeAt(markIndex + 2) === 46)) return true;
  // A closing quote after the period ("We are ready." The next ...) ends the sentence.
  if (markEnd - markIndex > 1) return true;
  // The word before the period, without leading marks, as offsets: most sentence ends read it by id alone, and
  // the patterns run only on a word they can match (one code point for an initial, a dotted form has a period).
  let from = wordStartBefore(text, markIndex, start);
  while (from < markIndex && isLeadingMark(text.charCodeAt(from))) from++;
  const length = markIndex - from;
  if (length === 0) return true;
  if (length <= 2 && INITIAL.test(text.slice(from, markIndex))) return false;
  // The folded word with its period, read by word id where it lies in `folded` (no string built per period).
  // (The table first: making it registers the abbreviations, which the look-up must see.)
  const kinds = tableByWordIdOnce(abbreviations.kinds, undefined);
  const id = wordIdIn(folded, from, markIndex + 1);
  let kind = id === NO_WORD || id >= kinds.length ? undefined : kinds[id];
  // Dotted forms not in the list (A.B.C.) behave like "U.S.".
  if (kind === undefined && text.indexOf('.', from) < markIndex && /^(?:\p{L}\.)+\p{L}$/u.test(text.slice(from, markIndex))) kind = 'other';
  if (kind === undefined) return true;
  if (kind === 'title') return false;
  if (next < 128 ? next >= 48 && next <= 57 : DIGIT_START.test(rest)) return false;
  if (kind === 'month') return true;
  const nextWord = NEXT_WORD.exec(text.slice(nextStart, Math.min(end, nextStart + 40)))?.[0] ?? '';
  return abbreviations.starters.has(foldWord(nextWord));
}

/**
 * Where the run of letters, digits, periods, hyphens and apostrophes that ends at `end` starts, looking back at
 * most LOOKBEHIND units (the word before a period). A scan back over code units rather than an end-anchored
 * regex over a slice, which tried every start position; a surrogate pair counts only when both halves are
 * inside the window, as in a slice of it.
 */
function wordStartBefore(body: string, end: number, from: number): number {
  const limit = Math.max(from, end - LOOKBEHIND);
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

// The marks a word before a period may start with and that are not part of it: . - '
function isLeadingMark(code: number): boolean {
  return code === 46 || code === 45 || code === 39;
}

function foldWord(word: string): string {
  return word.toLowerCase().replace(/\u2019/g, "'");
}

function pushSentence(into: SentencePairs, start: number, end: number): void {
  if (end <= start) return;
  // At count === list.length each write appends, as push does.
  into.list[into.count++] = start;
  into.list[into.count++] = end;
}
