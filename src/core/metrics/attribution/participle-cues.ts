/**
 * Participle cues: a reporting verb in -ing after a comma or a dash inside its sentence is an attribution of
 * its own, spoken by the subject of the clause it hangs on ("Holt cut into Berg, calling him a stiff"; "Holt
 * changed her pick on the spot – saying she backs the Gulls"). verb-subjects.ts gives such a verb its shape
 * (participleBreakBefore); this module reads the main clause's subject when the sentence does not open with it: after a connective, an adverb of sequence or an opening phrase closed by its comma
 * ("And then Holt went on the attack, saying ..."; "But a few days later, Holt reversed herself, telling ...").
 */
import { commaBefore, type Scan } from './context.ts';
import { isConnective, isLyNoun } from './noun-phrase-speakers.ts';
import { plausibleSubject } from './speech-forms.ts';
import type { SentenceRef, Speaker } from './types.ts';
import { mainSubject } from './verb-subjects.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// Most words in an opening phrase closed by its comma ("But a few days later,", "At the same time, however,").
const OPENING_MAX = 8;
// Most openers stepped over before the subject: "And then", "But a few days later, however,".
const OPENERS_MAX = 4;

/**
 * The subject of the main clause a participle at token `at` hangs on, when the sentence opens with words that
 * are no subject: a connective ("And", "But"), an adverb ("then", "now", "instead", "Ultimately"), or a short
 * opening phrase closed by a comma that starts with one of those, a preposition ("At the same time,") or ends
 * with a word of time ("a few days later,"); null when no plausible subject follows them.
 */
export function participleSubject(scan: Scan, sentence: SentenceRef, at: number): Speaker {
  let t = sentence.tokenStart;
  while (t < at && scan.excluded[t] === 1) t++;
  const first = t;
  for (let steps = 0; steps < OPENERS_MAX && t < at; steps++) {
    const next = pastOpener(scan, t, at);
    if (next === t) break;
    t = next;
  }
  if (t === first || t >= at) return null;
  return plausibleSubject(scan, mainSubject(scan, { ...sentence, tokenStart: t }, at));
}

// The token after the opener at `t` (a connective, an adverb, or a short phrase up to its comma), else `t`.
function pastOpener(scan: Scan, t: number, at: number): number {
  const { tokens, quotedToken } = scan.article;
  const { words } = scan;
  if (quotedToken[t] === 1) return t;
  const word = tokens.norm[t] as string;
  const adverb = isAdverb(scan, t);
  const preposition = words.adjuncts.has(word);
  // "At the same time, however, Holt", "But a few days later, Holt": a phrase closed by its comma.
  for (let k = t + 1; k < at && k - t <= OPENING_MAX; k++) {
    if (quotedToken[k] === 1) break;
    if (tokens.breakBefore[k] !== 1) continue;
    if (!commaBefore(scan, k)) break;
    const last = k - 1;
    if (adverb || preposition || inClass(scan.classes, last, WORD_CLASS.timeWord)) return k;
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
