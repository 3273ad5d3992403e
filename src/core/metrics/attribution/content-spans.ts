/**
 * Where reported content starts and ends, and how token spans become text ranges: shared by the passes
 * that find direct quotations and reported speech.
 */
import type { SegmentedArticle } from '../../text/index.ts';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import type { Scan } from './context.ts';
import { reusedInts, zeroedInts } from './reused-arrays.ts';
import type { Cue, CueLabel, CueSource, CueSpan, Range } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

/** The text range of tokens [t0, t1); t1 > t0. */
export function charSpan(article: SegmentedArticle, t0: number, t1: number): Range {
  return { start: article.tokens.start[t0] as number, end: article.tokens.end[t1 - 1] as number };
}

/** A cue as an attribution cites it: its text range and its label (cueLabel). */
export function cueRange(article: SegmentedArticle, cue: Cue): CueSpan {
  // Fields written out rather than spread: this runs for every cue an attribution pass looks at.
  return { start: article.tokens.start[cue.t0] as number, end: article.tokens.end[cue.t1 - 1] as number, label: cueLabel(cue.ref) };
}

// One label per cue source: the attributions of a long text share a few dozen instead of holding one each.
const labels = new WeakMap<CueSource, CueLabel>();

/** A cue source's label: its lemma, class (a verb's stance, else its kind) and lexicon; the same object on every call. */
export function cueLabel(ref: CueSource): CueLabel {
  let label = labels.get(ref);
  if (label === undefined) {
    label = { lemma: ref.lemma, class: ref.kind === 'verb' ? ref.stance : ref.kind, source: ref.lexicon };
    labels.set(ref, label);
  }
  return label;
}

/** True when a token in [t0, t1) is inside a quotation. */
export function hasQuoteBetween(article: SegmentedArticle, t0: number, t1: number): boolean {
  const near = Math.min(t1, t0 + NEAR_TOKENS);
  for (let t = t0; t < near; t++) if (article.quotedToken[t] === 1) return true;
  return near < t1 && (nextQuotedTokens(article)[near] as number) < t1;
}

// How many tokens of a range are read one by one for a quoted token: past them the table of next quoted
// tokens is read, made once an article. Reading each range through made a long sentence of asides ("the
// ferry was late, said Holt, ...") quadratic: every report in it asks about the whole sentence.
const NEAR_TOKENS = 64;

// Per article: `next[t]`, the first quoted token at or after `t`, or the token count.
const quotedTokensAhead = new WeakMap<SegmentedArticle, Int32Array>();

function nextQuotedTokens(article: SegmentedArticle): Int32Array {
  let next = quotedTokensAhead.get(article);
  if (next === undefined) {
    const count = article.tokens.count;
    next = new Int32Array(count + 1);
    next[count] = count;
    for (let t = count - 1; t >= 0; t--) next[t] = article.quotedToken[t] === 1 ? t : (next[t + 1] as number);
    quotedTokensAhead.set(article, next);
  }
  return next;
}

/** The first token of the reported clause: after "that", also when a short time phrase comes first ("said a day earlier that"); else `from`. */
export function skipThat(scan: Scan, from: number, end: number): number {
  for (let t = from; t < Math.min(end, from + 5); t++) {
    if (inClass(scan.classes, t, WORD_CLASS.complementiser)) return t + 1;
    if (((scan.classes[t] as number) & (WORD_CLASS.timeWord | WORD_CLASS.timePhraseWord | WORD_CLASS.verbSkip)) === 0) break;
  }
  return from;
}

/** Per token: the end (exclusive) of the cue starting there, or 0; lets `clauseEnd` see where another verb's clause starts. */
export function cueEnds(count: number, cues: readonly Cue[]): Int32Array {
  // Five passes ask for the same article's cues: made once per list (read only; a list that grew is read again).
  if (cues === endsOf.cues && endsOf.count === count && endsOf.length === cues.length) return endsOf.ends;
  const ends = zeroedInts(endsStore, count);
  for (let c = 0; c < cues.length; c++) ends[(cues[c] as Cue).t0] = (cues[c] as Cue).t1;
  endsOf = { cues, count, length: cues.length, ends };
  return ends;
}

/** Lets go of the last list `cueEnds` read (its cues would otherwise live on until the next article's attribution). */
export function forgetCueEnds(): void {
  endsOf = NO_ENDS;
}

// The last list's ends, in one array reused from article to article (reused-arrays.ts): every pass of an
// article reads the same list of cues.
type CueEnds = { cues: readonly Cue[] | undefined; count: number; length: number; ends: Int32Array };
const endsStore = reusedInts();
const NO_ENDS: CueEnds = { cues: undefined, count: 0, length: 0, ends: new Int32Array(0) };
let endsOf: CueEnds = NO_ENDS;

// The longest clause reported content may have, in tokens; real sentences are far shorter.
const CLAUSE_SEARCH_TOKENS = 400;

/**
 * Where reported content ends: the sentence end (`end`), or ", but" / ";" where another clause starts; with
 * `cueEnd` (from `cueEnds`) also before a second verb's own clause: "and said ...", ", adding ...", or an
 * attribution tag inside the sentence (", he said,"), or "and" before a clause with a subject and a cue of its own
 * (", and one in five say", "and one in four said"), or a relative clause with a cue of its own (", which she said ...").
 */
export function clauseEnd(scan: Scan, from: number, end: number, cueEnd?: Int32Array): number {
  const { article } = scan;
  const { tokens, text } = article;
  // A sentence with no end (a list, a run of text without stops) would be searched again from every cue in
  // it, and every content would run over the rest of it: quadratic in its length. A clause stops here.
  const limit = Math.min(end, from + 1 + CLAUSE_SEARCH_TOKENS);
  for (let t = from + 1; t < limit; t++) {
    if (article.quotedToken[t] === 1) continue;
    if (cueEnd !== undefined && (cueEnd[t] as number) > 0) {
      let k = t - 1;
      while (k > from && tokens.breakBefore[k + 1] !== 1 && inClass(scan.classes, k, WORD_CLASS.verbSkip)) k--;
      const joiner = inClass(scan.classes, k, WORD_CLASS.clauseWord) ? scan.words.clauseWords.get(tokens.norm[k] as string) : undefined;
      // "... and said", "... but said": a second verb of the same subject starts its own clause.
      if (k > from && tokens.breakBefore[k + 1] !== 1 && (joiner === 'coordinator' || joiner === 'contrast')) return k;
      // "backed the plan while noting that ...": a participle after a subordinator opens a clause of its own
      // (one that takes something: "shut without warning." is a noun's phrase and stays in the clause).
      if (k === t - 1 && tokens.breakBefore[t] !== 1 && scan.words.participleSubordinators.has(tokens.norm[k] as string) && (tokens.norm[t] as string).endsWith('ing') && t + 1 < end && tokens.breakBefore[t + 1] !== 1) return k;
      // "... and one in four said ...": a subject of its own between "and" and the verb.
      const subjectStart = k;
      while (k > from && subjectStart - k < SECOND_SUBJECT_MAX && tokens.breakBefore[k + 1] !== 1 && article.quotedToken[k] === 0 && !inClass(scan.classes, k, WORD_CLASS.clauseWord)) k--;
      if (k > from && k < subjectStart && tokens.breakBefore[k + 1] !== 1 && inClass(scan.classes, k, WORD_CLASS.coordinator)) return k;
    }
    if (tokens.breakBefore[t] !== 1) continue;
    // The gap before the token, read in place (a slice per break was a string each).
    let semicolon = false;
    let comma = false;
    for (let i = tokens.end[t - 1] as number, gapEnd = tokens.start[t] as number; i < gapEnd; i++) {
      const code = text.charCodeAt(i);
      if (code === 59) semicolon = true;
      else if (code === 44) comma = true;
    }
    if (semicolon || (comma && inClass(scan.classes, t, WORD_CLASS.contrast) && subjectAt(scan, t + 1, end))) return t;
    if (cueEnd !== undefined && comma && attributionTagAt(scan, t, end, cueEnd)) return t;
    if (cueEnd !== undefined && comma && secondSpeakerAt(scan, t, end, cueEnd)) return t;
    if (cueEnd !== undefined && comma && relativeSpeechAt(scan, t, end, cueEnd)) return t;
  }
  return limit;
}

/**
 * Whether a clause's subject may start at token `t` (true at the end): a pronoun, a determiner, a quantifier,
 * a negative subject ("no", "nobody"), a number or a capital. After ", but" it opens a clause of its own
 * ("..., but the board refused"); "but that ...", "but also ...", "but only ...", "but couldn't ..." go on
 * with the reported clause.
 */
export function subjectAt(scan: Scan, t: number, end: number): boolean {
  if (t >= end || scan.article.tokens.breakBefore[t] === 1) return true;
  const word = scan.article.tokens.norm[t] as string;
  return scan.capital[t] === 1 || /^\d/.test(word) || inClass(scan.classes, t, SUBJECT_OPENER);
}

// The words a clause's subject may open with, besides capitals and numbers.
const SUBJECT_OPENER = WORD_CLASS.pronoun | WORD_CLASS.determiner | WORD_CLASS.quantifier | WORD_CLASS.possessive | WORD_CLASS.negativeSubject;

// After a comma at `t`: a participle cue (", adding that"), or a short tag closed by a comma or the sentence
// end (", he said,", ", officials said.").
function attributionTagAt(scan: Scan, t: number, end: number, cueEnd: Int32Array): boolean {
  const { tokens } = scan.article;
  if ((cueEnd[t] as number) > 0 && (tokens.norm[t] as string).endsWith('ing')) return true;
  for (let c = t; c < Math.min(end, t + 5); c++) {
    if (c > t && tokens.breakBefore[c] === 1) return false;
    const stop = cueEnd[c] as number;
    if (stop > 0 && c > t) return stop >= end || tokens.breakBefore[stop] === 1;
  }
  return false;
}

// Words a clause's subject may have between ", and" and its cue ("one in five say").
const SECOND_SUBJECT_MAX = 7;

// After a comma at `t`: "and" or "but" opening a clause with a cue of its own (", and one in five say").
function secondSpeakerAt(scan: Scan, t: number, end: number, cueEnd: Int32Array): boolean {
  const { tokens } = scan.article;
  if (!inClass(scan.classes, t, WORD_CLASS.coordinator)) return false;
  for (let c = t + 2; c < Math.min(end, t + 1 + SECOND_SUBJECT_MAX); c++) {
    if (tokens.breakBefore[c] === 1 || scan.article.quotedToken[c] === 1) return false;
    if ((cueEnd[c] as number) > 0) return true;
  }
  return false;
}

// Words between a relative word and the cue of its clause ("which critics in the party say"): its subject.
const RELATIVE_SUBJECT_MAX = 5;

// After a comma at `t`: a relative clause whose verb is a cue of its own, with or without a subject of its own
// (", which she said would save money", ", which critics say will cost jobs", ", who said ..."): what the
// clause reports is that speaker's, not the main verb's.
function relativeSpeechAt(scan: Scan, t: number, end: number, cueEnd: Int32Array): boolean {
  const { tokens } = scan.article;
  if (!inClass(scan.classes, t, WORD_CLASS.relative)) return false;
  for (let c = t + 1; c < Math.min(end, t + 1 + RELATIVE_SUBJECT_MAX); c++) {
    if (tokens.breakBefore[c] === 1 || scan.article.quotedToken[c] === 1) return false;
    if ((cueEnd[c] as number) > 0) return true;
  }
  return false;
}

/**
 * The first token after a leading time phrase ("said on Friday morning that", "said Friday the"), else
 * `from`; with `adverbs` also past the words skipped before a verb ("said yesterday"), which include
 * auxiliaries and so never start reported content. A phrase before a form of be or "of" is no time phrase
 * but the reported clause's subject ("said the days of easy wins are gone", "said last week was hard"): `from`.
 */
export function skipTimePhrase(scan: Scan, from: number, end: number, adverbs = false): number {
  const { norm } = scan.article.tokens;
  const { classes } = scan;
  let t = from;
  for (;;) {
    if (t < end && ((adverbs && inClass(classes, t, WORD_CLASS.verbSkip)) || inClass(classes, t, WORD_CLASS.timeWord))) {
      t++;
      continue;
    }
    let k = t;
    while (k < end && k < t + 4 && inClass(classes, k, WORD_CLASS.timePhraseWord)) k++;
    if (k > t && k < end && inClass(classes, k, WORD_CLASS.timeWord)) {
      t = k + 1;
      continue;
    }
    return t > from && t < end && scan.article.tokens.breakBefore[t] !== 1 && (inClass(classes, t, WORD_CLASS.beForm) || norm[t] === 'of') ? from : t;
  }
}

/**
 * Whether "to" at `t` opens an infinitive ("vowed to go", "asked to question"): "to" before a lower-case word
 * that is no determiner, pronoun, quantifier, addressee, time word or number ("spoke to reporters", "to
 * the council", "to his aides", "to 2,000 people" are where or to whom).
 */
export function infinitiveAt(scan: Scan, t: number, end: number): boolean {
  const { tokens } = scan.article;
  const { words } = scan;
  if (tokens.norm[t] !== 'to' || t + 1 >= end || tokens.breakBefore[t + 1] === 1 || scan.capital[t + 1] === 1 || scan.article.quotedToken[t + 1] === 1) return false;
  const next = tokens.norm[t + 1] as string;
  return /^[a-z]+$/.test(next) && !words.determiners.has(next) && !words.pronouns.has(next) && !words.possessives.has(next) && !words.quantifiers.has(next) && !words.addressees.has(next) && !words.timeWords.has(next) && !words.adjuncts.has(next);
}

/** True when tokens [from, end) say only when, where or to whom something was said ("on Friday", "in a statement"), not what. */
export function onlyAdjuncts(scan: Scan, from: number, end: number): boolean {
  const t = skipTimePhrase(scan, from, end, true);
  if (t >= end) return true;
  for (let k = t; k < end; k++) if (inClass(scan.classes, k, WORD_CLASS.complementiser)) return false;
  return inClass(scan.classes, t, WORD_CLASS.adjunct);
}

/** Words that may stand between a cue and its quotation when they say only where, when or how it was said. */
export const ADJUNCT_GAP_MAX_TOKENS = 14;

/**
 * Whether a quotation starting at token `quoteStart` follows its cue (ending at `cueEnd`) past at most
 * `ADJUNCT_GAP_MAX_TOKENS` words that say only where, when or how it was said, then a comma or colon
 * (`said, "No."`, `said on Monday, from the studio, "..."`); opening marks may follow the comma.
 */
export function adjunctGapBeforeQuote(scan: Scan, cueEnd: number, quoteStart: number): boolean {
  const { tokens, text } = scan.article;
  if (cueEnd > quoteStart || quoteStart - cueEnd > ADJUNCT_GAP_MAX_TOKENS || hasQuoteBetween(scan.article, cueEnd, quoteStart)) return false;
  return /[,:]\s*["'\u201C\u2018`]*$/u.test(text.slice(tokens.end[quoteStart - 1] as number, tokens.start[quoteStart] as number)) && onlyAdjuncts(scan, cueEnd, quoteStart);
}

/** Content of tokens [t0, t1), ending at the last word with a closing quote mark when the quotation closes there; null when empty. */
export function trimmedSpan(article: SegmentedArticle, t0: number, t1: number): Range | null {
  if (t1 <= t0) return null;
  const { tokens, text } = article;
  // Marks read as char codes: this runs for every content found, and text[i] makes a string of one character.
  let end = tokens.end[t1 - 1] as number;
  if (article.quotedToken[t1 - 1] === 1) while (end < text.length && isClosingMark(text.charCodeAt(end))) end++;
  // A closing mark after the sentence's stop: `."`, `.”`, and the two apostrophes of `.''` (NYT style).
  // Only where a unit follows the stop: read past the text's end, both would deoptimise this the first time.
  if (end + 1 < text.length && isStop(text.charCodeAt(end))) {
    const after = text.charCodeAt(end + 1);
    if (after === 34 || after === 0x201d || text.startsWith("''", end + 1)) end += after === 39 ? 3 : 2;
  }
  // An opening mark right before a quoted first word belongs to the quotation the content holds.
  let start = tokens.start[t0] as number;
  if (article.quotedToken[t0] === 1) while (start > 0 && isOpeningMark(text.charCodeAt(start - 1)) && (start < 2 || !/[\p{L}\p{N}]/u.test(text[start - 2] as string))) start--;
  return { start, end };
}

// " ” ' ’
function isClosingMark(code: number): boolean {
  return code === 34 || code === 0x201d || code === 39 || code === 0x2019;
}

// " “ ' ‘ `
function isOpeningMark(code: number): boolean {
  return code === 34 || code === 0x201c || code === 39 || code === 0x2018 || code === 96;
}

// . , ; : ! ?
function isStop(code: number): boolean {
  return code === 46 || code === 44 || code === 59 || code === 58 || code === 33 || code === 63;
}

/** How many tokens start inside `content`; `near` (the sentence it lies in, if known) narrows the search. */
export function contentTokens(article: SegmentedArticle, content: Range, near?: TokenBounds): number {
  return tokenAtOrAfter(article.tokens, content.end, near) - tokenAtOrAfter(article.tokens, content.start, near);
}

/** True when `content` holds only a time phrase ("on Monday"): nothing was reported. */
export function onlyTimeWords(scan: Scan, content: Range, near?: TokenBounds): boolean {
  const { tokens } = scan.article;
  for (let t = tokenAtOrAfter(tokens, content.start, near); t < tokens.count && (tokens.start[t] as number) < content.end; t++) {
    if (!inClass(scan.classes, t, WORD_CLASS.timeWord | WORD_CLASS.timePhraseWord)) return false;
  }
  return true;
}

/** Token bounds a range most likely lies in: a sentence's. */
export type TokenBounds = { readonly tokenStart: number; readonly tokenEnd: number };

// firstTokenAtOrAfter, searched among the tokens of `near` first (a few steps in memory just read), and over the
// whole article when the answer is not there.
function tokenAtOrAfter(tokens: SegmentedArticle['tokens'], offset: number, near: TokenBounds | undefined): number {
  if (near === undefined) return firstTokenAtOrAfter(tokens, offset);
  const { start, count } = tokens;
  const lo = firstTokenAtOrAfter(tokens, offset, near.tokenStart, Math.min(near.tokenEnd, count));
  const exact = (lo === 0 || (start[lo - 1] as number) < offset) && (lo >= count || (start[lo] as number) >= offset);
  return exact ? lo : firstTokenAtOrAfter(tokens, offset);
}

// The adjuncts that also grade a count ("about half", "over 200", "under a third"); "at" does with "least".
// English grammar, like the time phrases above; "for 77 minutes" and "in 2004" are when, not counts.
const COUNT_GRADERS = new Set(['about', 'around', 'over', 'under']);

/**
 * "reported at least six boats", "said about half of the riders", "said over 200 people": whether the adjunct
 * at `t` grades a number or a quantifier and so opens a count, the subject of the reported clause.
 */
export function countOpensAt(scan: Scan, t: number, end: number): boolean {
  const { tokens } = scan.article;
  const k = t + 1;
  if (k >= end || tokens.breakBefore[k] === 1) return false;
  const adjunct = tokens.norm[t] as string;
  const word = tokens.norm[k] as string;
  if (adjunct === 'at') return word === 'least';
  return COUNT_GRADERS.has(adjunct) && (/^[$\d]/.test(word) || (scan.words.quantifiers.has(word) && word !== 'all' && word !== 'other'));
}
