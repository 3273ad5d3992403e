/**
 * Participle cues: a reporting verb in -ing after a comma or a dash inside its sentence is an attribution of
 * its own, spoken by the subject of the clause it hangs on ("Holt cut into Berg, calling him a stiff"; "Holt
 * changed her pick on the spot – saying she backs the Gulls"). verb-subjects.ts gives such a verb its shape and
 * reads that subject; this module says where a participle's clause opens, and where the main clause starts
 * when the sentence opens with words that are no subject: a connective, an adverb of sequence or an opening
 * phrase closed by its comma ("And then Holt went on the attack, saying ..."; "But a few days later, Holt
 * reversed herself, telling ...").
 */
import { commaBefore, type Scan } from './context.ts';
import { isConnective, isLyNoun } from './noun-phrase-speakers.ts';
import { verbCueAt } from './speech-frames.ts';
import type { SentenceRef } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// A dash between words: an en or em dash, a double hyphen, or a hyphen with spaces around it ("on the spot - saying").
const DASH = /[\u2013\u2014]|\s-\s|--/;

/** Whether a participle at token `t` opens a clause of its own: a comma or a dash right before it ("..., saying", "... – saying"). */
export function participleBreakBefore(scan: Scan, t: number): boolean {
  return commaBefore(scan, t) || participleDashBefore(scan, t);
}

/** Whether a dash stands right before the participle at token `t` ("on the spot – saying"). */
export function participleDashBefore(scan: Scan, t: number): boolean {
  const { tokens, text } = scan.article;
  if (t <= 0 || t >= tokens.count || tokens.breakBefore[t] !== 1) return false;
  return DASH.test(text.slice(tokens.end[t - 1] as number, tokens.start[t] as number));
}

// Most words read after a participle for what its frame holds ("saying the new harbour board would").
const FRAME_REACH = 6;

/**
 * Whether the words after a participle ending at `from` hold speech: a quotation, a that-clause, a speech
 * object ("citing a survey"), "X as Y" ("describing it as"), an infinitive ("hoping to avoid", "vowing to
 * say"), a person addressed ("calling him a stiff", "telling them"), or a clause (a subject and a finite
 * verb: "saying the ferry would run"), a topic ("about"); for an act (`act`), any object but an
 * indefinite thing ("calling a taxi"). "claiming the title", "adding a third goal" hold none: narrative.
 * `finite` says whether a word looks like a finite verb.
 */
export function participleFrameHoldsSpeech(scan: Scan, from: number, end: number, act: boolean, finite: (t: number) => boolean): boolean {
  const { tokens, quotedToken } = scan.article;
  const { words } = scan;
  if (from >= end) return false;
  const first = tokens.norm[from] as string;
  // An act names what was done to its object ("slamming the insurers", "endorsing eight candidates"); "calling a taxi": a thing, not a person or a view.
  if (act) return words.determiners.get(first) !== 'indefinite';
  // "hoping to avoid a misstep": the cue took its "to", a view's infinitive; "calling him a stiff", "telling them": a person addressed.
  if (tokens.norm[from - 1] === 'to' || tokens.norm[from - 1] === 'that' || (words.addressees.has(first) && !words.determiners.has(first))) return true;
  for (let k = from; k < end && k - from < FRAME_REACH; k++) {
    const word = tokens.norm[k] as string;
    if (quotedToken[k] === 1 || words.clauseWords.get(word) === 'complementiser' || words.speechObjects.has(word) || word === 'as' || word === 'about') return true;
    if (tokens.breakBefore[k] === 1 && k > from) return false;
    if (word === 'to' && k + 1 < end && !inClass(scan.classes, k + 1, WORD_CLASS.determiner)) return true;
    if (k > from && finite(k)) return true;
  }
  return false;
}

// Most words in a participle's aside between a subject and its verb ("Berg, citing a survey by the harbour trust, said").
const ASIDE_MAX = 16;

/**
 * "Berg, citing a survey, said": where the participle opening an aside between commas starts, when it is a
 * reporting verb (so its subject is already read) and the aside ends right before the verb at `t`; else -1. "according
 * to" opens a source, not an aside of the subject's ("Holt, according to aides, said").
 */
export function participleAsideBefore(scan: Scan, t: number, sentenceStart: number): number {
  const { tokens, quotedToken } = scan.article;
  if (!commaBefore(scan, t)) return -1;
  for (let k = t - 1; k > sentenceStart && t - k <= ASIDE_MAX; k--) {
    if (quotedToken[k] === 1) return -1;
    if (tokens.breakBefore[k] !== 1) continue;
    const word = tokens.norm[k] as string;
    return commaBefore(scan, k) && word.endsWith('ing') && word !== 'according' && verbCueAt(scan, k, t) ? k : -1;
  }
  return -1;
}

// Most words in an opening phrase closed by its comma ("But a few days later,", "At the same time, however,").
const OPENING_MAX = 8;
// Most openers stepped over before the subject: "And then", "But a few days later, however,".
const OPENERS_MAX = 4;

/**
 * Where the main clause of `sentence` starts, before token `before`: past a connective ("And", "But"), an
 * adverb ("then", "now", "instead", "Ultimately") and a short opening phrase closed by a comma that starts with
 * one of those or a preposition ("At the same time,") or ends with a word of time ("a few days later,"); the
 * sentence's first token (after a dateline) when none opens it.
 */
export function pastOpeners(scan: Scan, sentence: SentenceRef, before: number): number {
  let t = sentence.tokenStart;
  while (t < before && scan.excluded[t] === 1) t++;
  for (let steps = 0; steps < OPENERS_MAX && t < before; steps++) {
    const next = pastOpener(scan, t, before);
    if (next === t) break;
    t = next;
  }
  return t;
}

// The token after the opener at `t` (a connective, an adverb, or a short phrase up to its comma), else `t`.
function pastOpener(scan: Scan, t: number, before: number): number {
  const { tokens, quotedToken } = scan.article;
  if (quotedToken[t] === 1) return t;
  const adverb = isAdverb(scan, t);
  const preposition = inClass(scan.classes, t, WORD_CLASS.adjunct);
  // "At the same time, however, Holt", "But a few days later, Holt": a phrase closed by its comma.
  for (let k = t + 1; k < before && k - t <= OPENING_MAX; k++) {
    if (quotedToken[k] === 1) break;
    if (tokens.breakBefore[k] !== 1) continue;
    if (commaBefore(scan, k) && (adverb || preposition || inClass(scan.classes, k - 1, WORD_CLASS.timeWord))) return k;
    break;
  }
  // "And then Holt", "Now Mr. Berg": a connective or an adverb of sequence standing alone.
  if (tokens.breakBefore[t + 1] === 1 && !commaBefore(scan, t + 1)) return t;
  return isConnective(scan, t) || (adverb && !preposition) ? t + 1 : t;
}

// "then", "now", "instead", "meanwhile", "later", "ultimately": words that open a sentence before its subject
// (introductory-words.jsonl without its prepositions and participles, the skip list's words of time, -ly adverbs).
function isAdverb(scan: Scan, t: number): boolean {
  const { words } = scan;
  const word = scan.article.tokens.norm[t] as string;
  if (word.endsWith('ly')) return !isLyNoun(scan, t);
  if (words.introductions.has(word)) return !words.adjuncts.has(word) && !word.endsWith('ing');
  return words.timeWords.has(word) && words.verbSkips.has(word);
}
