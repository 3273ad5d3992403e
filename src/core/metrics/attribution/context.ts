/**
 * What every attribution pass reads and none changes: the sentences, the dateline, which tokens are
 * capitalised, the actors, titles and demonyms named, and which sentences mark a source as anonymous.
 */
import type { AttributionWords } from '../../data/attribution-words.ts';
import { FIRST_WORD, matchAt, type Lexicons, type PhraseRef } from '../../data/index.ts';
import type { SegmentedArticle } from '../../text/index.ts';
import { isSpaceUnit } from '../../text/space.ts';
import { CASE } from '../../text/tokens.ts';
import { LARGE_ENTRIES, listOf } from '../../text/lists.ts';
import { findActorMentions } from './mentions.ts';
import type { ActorMention, SentenceRef } from './types.ts';
import { filledInts, reusedBytes, reusedInts, zeroedBytes } from './reused-arrays.ts';
import { readWords, WORD_CLASS } from './word-classes.ts';

/** Per sentence: bit 1 when it marks a source as anonymous, bit 2 when it gives a reason. */
export const ANONYMITY_MARKER = 1;
export const ANONYMITY_REASON = 2;

/** What the passes read of one article. Its per-token arrays are reused from article to article (reused-arrays.ts): a scan is valid until the next article is scanned. */
export type Scan = {
  readonly article: SegmentedArticle;
  readonly lexicons: Lexicons;
  /** per token: FIRST_WORD bits of the tables a word can start an entry in */
  readonly masks: Uint16Array;
  readonly words: AttributionWords;
  /** `name@version` cited for cues found by rule rather than by lexicon ("according to") */
  readonly rulesSource: string;
  readonly sentences: readonly SentenceRef[];
  /** per token: index into `sentences`, or -1 */
  readonly sentenceOf: Int32Array;
  /** token indexes that start a sentence */
  readonly sentenceStarts: TokenSet;
  /** per token: 1 inside a dateline ("MOSCOW (Reuters) -"), which never holds a speaker or a cue */
  readonly excluded: Uint8Array;
  /** per token: 1 when it starts with a capital letter */
  readonly capital: Uint8Array;
  readonly mentions: readonly ActorMention[];
  /** per token: index into `mentions`, or -1 */
  readonly actorAt: Int32Array;
  /** per token: the title it is part of ("press secretary"), if any */
  readonly titleAt: readonly (string | undefined)[];
  /** per token: the country of the demonym it is part of ("north korean" -> KP), if any */
  readonly countryAt: readonly (string | undefined)[];
  /** per sentence: ANONYMITY_MARKER and ANONYMITY_REASON bits */
  readonly anonymity: Uint8Array;
  /** per token: WORD_CLASS bits of its folded form (word-classes.ts), read instead of the lists' strings in hot loops */
  readonly classes: Uint32Array;
};

/** A set of token indexes, read by membership only. */
export type TokenSet = { has(t: number): boolean };

// The scan's per-token arrays, one store each, reused from article to article: a typed array of the token
// count is a buffer outside the heap, and six of them per article cost more to make than to fill.
const sentenceStartStore = reusedBytes();
const sentenceOfStore = reusedInts();
const capitalStore = reusedBytes();
const excludedStore = reusedBytes();

// Sentence starts by token, one byte each: a Set of numbers cost a hash insert per sentence and a look-up per question.
function tokenSet(count: number, members: readonly SentenceRef[]): TokenSet {
  // One past the last token too: a sentence with no tokens at the text's end starts there.
  const marked = zeroedBytes(sentenceStartStore, count + 1);
  for (let s = 0; s < members.length; s++) marked[(members[s] as SentenceRef).tokenStart] = 1;
  return { has: (t: number): boolean => marked[t] === 1 };
}

// A dateline's shape ("MOSCOW, Russia (Reuters) --"), not a list of words: it stays a pattern.
const DATELINE = /^[A-Z][A-Z .'\u2019-]{1,40}(?:,\s*[A-Z][A-Za-z. ]{1,30})?\s*(?:\([^)]{1,40}\))?\s*[-\u2013\u2014]{1,2}\s/;

/** Reads once what the passes share; `masks` holds one FIRST_WORD value per token. */
export function scanArticle(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array, rulesSource: string): Scan {
  const { tokens, text } = article;
  const columns = article.sentences;
  // Made at its length past a large object's size (listOf): grown by push, a megabyte's 175,000 sentences
  // regrew the list in V8's large-object space, on fresh pages each time.
  const sentences: SentenceRef[] = listOf(columns.count, (s) => ({ start: columns.start[s] as number, end: columns.end[s] as number, tokenStart: columns.tokenStart[s] as number, tokenEnd: columns.tokenEnd[s] as number, paragraph: columns.paragraph[s] as number, index: s }));
  const sentenceOf = filledInts(sentenceOfStore, tokens.count, -1);
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s] as SentenceRef;
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) sentenceOf[t] = sentence.index;
  }
  const capital = zeroedBytes(capitalStore, tokens.count);
  for (let t = 0; t < tokens.count; t++) {
    const shape = tokens.shape[t] as number;
    // An ASCII word's shape tells its first letter's case as the test below would, without reading the text.
    if ((shape & CASE.ascii) !== 0) {
      capital[t] = (shape & CASE.upperStart) !== 0 ? 1 : 0;
      continue;
    }
    const start = tokens.start[t] as number;
    const code = text.charCodeAt(start);
    capital[t] = (code >= 65 && code <= 90) || (code > 127 && text[start] !== (text[start] as string).toLowerCase()) ? 1 : 0;
  }
  const excluded = datelineTokens(article);
  const classes = readWords(article, lexicons);
  const { mentions, actorAt } = findActorMentions(article, lexicons, masks, excluded, capital);
  const { titleAt, countryAt } = titlesAndDemonyms(article, lexicons, masks);
  return {
    article,
    lexicons,
    masks,
    words: lexicons.attributionWords,
    rulesSource,
    sentences,
    sentenceOf,
    sentenceStarts: tokenSet(tokens.count, sentences),
    excluded,
    capital,
    mentions,
    actorAt,
    titleAt,
    countryAt,
    anonymity: anonymityBySentence(article, lexicons, masks, sentences),
    classes,
  };
}

function datelineTokens(article: SegmentedArticle): Uint8Array {
  const excluded = zeroedBytes(excludedStore, article.tokens.count);
  const { text } = article;
  for (const paragraph of article.paragraphs) {
    // The pattern's first two characters, tested in place: most paragraphs open otherwise and are not sliced.
    if (!opensLikeDateline(text.charCodeAt(paragraph.start), paragraph.start + 1 < paragraph.end ? text.charCodeAt(paragraph.start + 1) : -1)) continue;
    const match = DATELINE.exec(text.slice(paragraph.start, Math.min(paragraph.end, paragraph.start + 120)));
    if (match === null) continue;
    const end = paragraph.start + match[0].length;
    for (let t = paragraph.tokenStart; t < paragraph.tokenEnd && (article.tokens.end[t] as number) <= end; t++) excluded[t] = 1;
  }
  return excluded;
}

// Whether two characters can open DATELINE: a capital, then a capital, space, period, apostrophe or hyphen.
function opensLikeDateline(first: number, second: number): boolean {
  return first >= 65 && first <= 90 && ((second >= 65 && second <= 90) || second === 32 || second === 46 || second === 39 || second === 0x2019 || second === 45);
}

// A per-token list with nothing marked: every index reads undefined, as in a list of the article's length.
// An article with no title or demonym reads a list of undefined entries at least as long as its tokens, holey as a
// marked list is (new Array, then strings): the empty list it had was a second map, read past its end, and the first
// such article after the readers were optimised deoptimised them (indexNames, unnamedSource, isReducedRelative...).
// Made once, by the first article, at LARGE_ENTRIES (128 KB): grown to each longer article, its growth, first met
// after this was optimised, deoptimised it. A longer text reads the empty list.
let noneMarked: readonly (string | undefined)[] = [];
function unmarked(length: number): readonly (string | undefined)[] {
  if (length > LARGE_ENTRIES) return [];
  if (noneMarked.length === 0) noneMarked = new Array<string | undefined>(LARGE_ENTRIES).fill(undefined);
  return noneMarked;
}

// Titles and demonyms may span several words ("press secretary", "north korean"): mark their tokens once. A
// list is made only when a first one is found: two empty lists of the article's length were 3 MB of pointers
// alive through attribution on 1 MB of text that names no title.
function titlesAndDemonyms(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array): { titleAt: readonly (string | undefined)[]; countryAt: readonly (string | undefined)[] } {
  const { tokens } = article;
  let titleAt: (string | undefined)[] | undefined;
  let countryAt: (string | undefined)[] | undefined;
  const titleScratch: (PhraseRef & { role: string })[] = [];
  const demonymScratch: { country: string }[] = [];
  for (let t = 0; t < tokens.count; t++) {
    const mask = masks[t] as number;
    const titleWords = (mask & FIRST_WORD.title) === 0 ? 0 : matchAt(lexicons.titles, tokens, t, tokens.count, titleScratch);
    if (titleWords > 0) {
      const title = titleScratch[0] as PhraseRef & { role: string };
      titleAt ??= new Array<string | undefined>(tokens.count);
      for (let k = t; k < t + titleWords; k++) titleAt[k] = title.term;
    }
    const demonymWords = (mask & FIRST_WORD.demonym) === 0 ? 0 : matchAt(lexicons.demonymIndex, tokens, t, tokens.count, demonymScratch);
    if (demonymWords > 0) {
      const demonym = demonymScratch[0] as { country: string };
      countryAt ??= new Array<string | undefined>(tokens.count);
      for (let k = t; k < t + demonymWords; k++) countryAt[k] = demonym.country;
    }
  }
  // (Asked for every article: a call first made by an article with none deoptimised this function.)
  const none = unmarked(tokens.count);
  return { titleAt: titleAt ?? none, countryAt: countryAt ?? none };
}

// Does a sentence mark a source as anonymous ("on condition of anonymity"), and does it give a reason?
function anonymityBySentence(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array, sentences: readonly SentenceRef[]): Uint8Array {
  const { tokens } = article;
  const found = new Uint8Array(sentences.length);
  const scratch: PhraseRef[] = [];
  for (let s = 0; s < sentences.length; s++) {
    const sentence = sentences[s] as SentenceRef;
    for (let t = sentence.tokenStart; t < sentence.tokenEnd; t++) {
      if (((masks[t] as number) & FIRST_WORD.anonymity) === 0 || matchAt(lexicons.anonymity, tokens, t, sentence.tokenEnd, scratch) === 0) continue;
      const note = (scratch[0] as PhraseRef).note ?? '';
      found[sentence.index] = (found[sentence.index] as number) | (note.startsWith('reason') ? ANONYMITY_REASON : ANONYMITY_MARKER);
    }
  }
  return found;
}

/** Only an unnamed source can be anonymous: marks `attribution` from its sentence's anonymity markers. */
export function markAnonymity(scan: Scan, attribution: { actor: string | null; anonymous: boolean; anonymityReason?: boolean | undefined }, sentence: number): void {
  if (!attribution.anonymous && attribution.actor !== null) return;
  const bits = scan.anonymity[sentence] as number;
  if ((bits & ANONYMITY_MARKER) !== 0) attribution.anonymous = true;
  if (attribution.anonymous) attribution.anonymityReason = (bits & ANONYMITY_REASON) !== 0;
}

/** True when a comma separates token `t` from the one before it (with or without other marks: `," `). */
export function commaBefore(scan: Scan, t: number): boolean {
  const { tokens, text } = scan.article;
  // Past the last token: no gap, tested rather than read past the column's end (see inClass).
  if (t <= 0 || t >= tokens.count || tokens.breakBefore[t] !== 1) return false;
  // Read in place: the passes ask this of the same gaps many times, and a slice per question was a string each.
  const end = tokens.start[t] as number;
  for (let i = tokens.end[t - 1] as number; i < end; i++) if (text.charCodeAt(i) === 44) return true;
  return false;
}

/** The first unquoted token after `from` with a comma before it, or `end` when none comes before it. */
export function nextComma(scan: Scan, from: number, end: number): number {
  for (let t = from + 1; t < end; t++) if (scan.article.quotedToken[t] === 0 && commaBefore(scan, t)) return t;
  return end;
}

/**
 * Where a subject ends before the verb at `t`: back past the words skipped before a verb ("also", "has"),
 * never to `start` or across a break.
 */
export function skipBack(scan: Scan, t: number, start: number): number {
  let k = t;
  while (k - 1 > start && scan.article.tokens.breakBefore[k] !== 1 && ((scan.classes[k - 1] as number) & WORD_CLASS.verbSkip) !== 0) k--;
  return k;
}

/** True when only a comma and spaces separate token `t` from the one before it (", Russia's foreign minister"). */
export function bareCommaBefore(scan: Scan, t: number): boolean {
  const { tokens, text } = scan.article;
  if (t <= 0 || t >= tokens.count || tokens.breakBefore[t] !== 1) return false;
  // /^,\s*$/ read in place, as commaBefore reads its gap: a slice and a match per question were a string each.
  const from = tokens.end[t - 1] as number;
  const end = tokens.start[t] as number;
  if (from >= end || text.charCodeAt(from) !== 44) return false;
  for (let i = from + 1; i < end; i++) if (!isSpaceUnit(text.charCodeAt(i))) return false;
  return true;
}
