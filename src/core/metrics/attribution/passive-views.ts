/**
 * Views in the passive with no holder named: "The mayor is seen as a moderate", "The pier was long
 * known as the Poorhouse", "The town is considered a swing seat". A form of be (across adverbs and "not"),
 * then a participle and its word from passive-views.jsonl: someone unnamed holds the view, as with "is
 * expected to" (attitudes.ts `findUnheldViews`), so the attribution has no speaker and its content is the
 * subject and what it is seen as, up to the clause's end. A participle of two words right after its noun
 * ("the string of contests known as Super Tuesday") reports the same view of that noun.
 */
import { clauseEnd, cueEnds, trimmedSpan } from './content-spans.ts';
import { commaBefore, nextComma } from './context.ts';
import { passiveBe, subjectStart, viewEnd } from './attitudes.ts';
import type { Scan } from './context.ts';
import { reusedBytes, zeroedBytes } from './reused-arrays.ts';
import { draftOf, type ClaimedCues, type Cue, type Finding, type SentenceRef } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

/**
 * Each passive view outside the cues already found, in text order, but for an attitude verb's cue left
 * unclaimed ("is considered a swing seat": the passive names no holder, so no earlier pass took it); its cue
 * cites the rules (`scan.rulesSource`).
 */
export function findPassiveViews(scan: Scan, cues: readonly Cue[], claimed: ClaimedCues): Finding[] {
  const { article } = scan;
  const { norm, breakBefore } = article.tokens;
  const findings: Finding[] = [];
  const cueEnd = cueEnds(article.tokens.count, cues);
  // Marked when a first phrase is met: most articles hold none, and the marks were a pass over every cue.
  let inCue: Uint8Array | undefined;
  for (let s = 0; s < scan.sentences.length; s++) {
    const sentence = scan.sentences[s] as SentenceRef;
    for (let t = sentence.tokenStart + 1; t < sentence.tokenEnd; t++) {
      // Only a phrase's first word can open one: one array read spares the list's walk at every other token.
      if (((scan.classes[t] as number) & WORD_CLASS.passiveViewStart) === 0) continue;
      const length = viewPhraseAt(scan, t, sentence.tokenEnd);
      if (length === 0) continue;
      inCue ??= leftCueTokens(article.tokens.count, cues, claimed);
      if (inCue[t] === 1 || article.quotedToken[t] === 1) continue;
      const be = passiveBeAcrossAdverbs(scan, t, sentence.tokenStart);
      // "on being seen as", "hopes to be seen as": no subject stands before the form of be.
      if (be >= 0 && (norm[be] === 'being' || (be > sentence.tokenStart && norm[be - 1] === 'to' && breakBefore[be] !== 1))) continue;
      // "the string of contests known as Super Tuesday": a participle of two words right after its noun.
      const start = be >= 0 ? subjectStart(scan, be, sentence.tokenStart) : length > 1 ? nounBeforeParticiple(scan, t, sentence.tokenStart) : -1;
      if (start < 0 || start >= (be >= 0 ? be : t)) continue;
      const after = t + length;
      // "the Islamic State, also known as ISIS, claimed": an appositive ends at its comma.
      const opens = be >= 0 ? be : skipAdverbsBack(scan, t, sentence.tokenStart);
      const appositive = be < 0 && commaBefore(scan, opens);
      const end0 = viewEnd(scan, after, clauseEnd(scan, after, sentence.tokenEnd, cueEnd), inClass(scan.classes, start, WORD_CLASS.relative), cueEnd);
      const end = appositive ? Math.min(end0, nextComma(scan, after, sentence.tokenEnd)) : end0;
      // "is seen as a moderate by most riders": the holder is named after all; left to the active's readings.
      if (end <= after || byAgent(scan, after, end)) continue;
      const content = trimmedSpan(article, start, end);
      if (content === null) continue;
      const lemma = (norm.slice(t, after) as string[]).join(' ');
      const cue = { start: article.tokens.start[opens] as number, end: article.tokens.end[after - 1] as number, label: { lemma, class: 'cognitive', source: scan.rulesSource } };
      findings.push(draftOf(content.start, sentence.paragraph, 'attitude', cue, null, content, sentence.index));
    }
  }
  return findings;
}

// The tokens of cues the pass leaves alone, reused from article to article.
const inCueStore = reusedBytes();

// Per token, 1 inside a cue the pass leaves alone: one claimed, or any but an attitude verb's.
function leftCueTokens(count: number, cues: readonly Cue[], claimed: ClaimedCues): Uint8Array {
  const inCue = zeroedBytes(inCueStore, count);
  for (let index = 0; index < cues.length; index++) {
    const cue = cues[index] as Cue;
    if (claimed[index] === 1 || cue.ref.kind !== 'verb' || cue.ref.family !== 'attitude') for (let t = cue.t0; t < cue.t1; t++) inCue[t] = 1;
  }
  return inCue;
}

// The length in tokens of a passive view's phrase at `t` ("seen as": 2), or 0. A phrase of one word needs a
// word after it in its clause that is no preposition ("considered a swing seat", not "considered by").
function viewPhraseAt(scan: Scan, t: number, end: number): number {
  const { norm, breakBefore } = scan.article.tokens;
  for (const phrase of scan.words.passiveViews) {
    if (t + phrase.length > end || !phraseAt(phrase, norm, breakBefore, t)) continue;
    if (phrase.length > 1) return literalAs(scan, t + phrase.length, end) ? 0 : phrase.length;
    const next = t + 1;
    if (next < end && breakBefore[next] !== 1 && scan.article.quotedToken[next] === 0 && !inClass(scan.classes, next, WORD_CLASS.adjunct)) return 1;
  }
  return 0;
}

// Whether the words of `phrase` stand at `t`, unbroken after the first.
function phraseAt(phrase: readonly string[], norm: readonly string[], breakBefore: Uint8Array, t: number): boolean {
  for (let k = 0; k < phrase.length; k++) if (norm[t + k] !== phrase[k] || (k > 0 && breakBefore[t + k] === 1)) return false;
  return true;
}

// The most words from a phrase's last word to its repetition that makes it a comparison ("seen as far south as").
const COMPARISON_AS_MAX = 3;

// Whether a phrase ending before `after` (in "as", "for") is no view but literal sight or time: a clause follows
// ("was seen as he left": a pronoun) or a comparison ("as far south as Texas", "as soon as").
function literalAs(scan: Scan, after: number, end: number): boolean {
  const { norm, breakBefore } = scan.article.tokens;
  const as = norm[after - 1] as string;
  if (after >= end || breakBefore[after] === 1) return false;
  if (inClass(scan.classes, after, WORD_CLASS.pronoun)) return true;
  for (let k = after + 1; k < Math.min(end, after + COMPARISON_AS_MAX); k++) {
    if (breakBefore[k] === 1) return false;
    if (norm[k] === as) return true;
  }
  return false;
}

// The most words read back from a participle to the article of its noun ("the string of contests known as").
const NOUN_BEFORE_MAX = 6;

// Where the noun phrase right before the participle at `t` starts: back over unbroken, unquoted words to its
// article or possessive, or to the word after a preposition; -1 when the word before is no noun's (a form of
// be, a helper or adverb, a pronoun, a clause word: "who, as expected, was known as").
function nounBeforeParticiple(scan: Scan, t: number, sentenceStart: number): number {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  // "the Islamic State, also known as ISIS", "the resort, now known as": adverbs may stand before the
  // participle, and a comma before them.
  const at = skipAdverbsBack(scan, t, sentenceStart);
  const last = at - 1;
  if (last < sentenceStart || (breakBefore[at] === 1 && !commaBefore(scan, at)) || article.quotedToken[last] === 1) return -1;
  const word = norm[last] as string;
  if (words.beForms.has(word) || words.verbSkips.has(word) || words.pronouns.has(word) || words.clauseWords.has(word) || words.adjuncts.has(word) || word.endsWith('ly') || !/^\p{L}/u.test(word)) return -1;
  let k = last;
  while (k > sentenceStart && last - k < NOUN_BEFORE_MAX && breakBefore[k] !== 1 && article.quotedToken[k - 1] === 0) {
    const before = norm[k - 1] as string;
    if (words.determiners.has(before) || words.possessives.has(before)) return k - 1;
    if (words.clauseWords.has(before) || words.beForms.has(before) || words.verbSkips.has(before) || words.pronouns.has(before)) return k;
    k--;
  }
  return k;
}

// The form of be that makes the participle at `t` passive (passiveBe), also across adverbs of degree
// ("is best known for", "is better known as"), or -1.
function passiveBeAcrossAdverbs(scan: Scan, t: number, sentenceStart: number): number {
  const be = passiveBe(scan, t, sentenceStart);
  if (be >= 0) return be;
  const at = skipAdverbsBack(scan, t, sentenceStart);
  return at < t && at - 1 >= sentenceStart && scan.article.tokens.breakBefore[at] !== 1 && inClass(scan.classes, at - 1, WORD_CLASS.beForm) ? at - 1 : -1;
}

// The token after the adverbs standing right before the participle at `t`.
function skipAdverbsBack(scan: Scan, t: number, sentenceStart: number): number {
  let at = t;
  while (at - 1 > sentenceStart && scan.article.tokens.breakBefore[at] !== 1 && isParticipleAdverb(scan, at - 1)) at--;
  return at;
}

// Adverbs of time, manner or degree that may stand between a noun and its participle ("also known as", "now
// known as", "commonly seen as"); not the auxiliaries of the skip list.
function isParticipleAdverb(scan: Scan, t: number): boolean {
  const word = scan.article.tokens.norm[t] as string;
  if (scan.article.quotedToken[t] === 1 || scan.words.beForms.has(word)) return false;
  return word.endsWith('ly') || PARTICIPLE_ADVERBS.has(word);
}

const PARTICIPLE_ADVERBS: ReadonlySet<string> = new Set(['also', 'now', 'once', 'still', 'often', 'sometimes', 'later', 'long', 'better', 'best', 'then', 'previously']);

// Whether "by" stands in tokens [from, end) unquoted: the passive names its agent.
function byAgent(scan: Scan, from: number, end: number): boolean {
  for (let t = from; t < end; t++) if (scan.article.tokens.norm[t] === 'by' && scan.article.quotedToken[t] === 0) return true;
  return false;
}
