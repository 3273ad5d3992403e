/**
 * Subjects that a reporting verb does not have beside it: the antecedent of a relative clause ("an
 * architect who said"), the subject of the main clause for a participle after it ("The council voted on
 * Monday, saying") and for a second coordinated verb ("She praised the crew and said"), and the short
 * phrase of a postposed attribution that the speaker phrases do not know ("..., another source said.").
 */
import type { Scan } from './context.ts';
import { nounPhraseAfter, nounPhraseBefore } from './noun-phrase-speakers.ts';
import type { Cue, SentenceRef, Speaker } from './types.ts';

/** How a verb finds its subject: beside it, through a relative pronoun, from the main clause, or from the verb it is coordinated with. */
export type VerbShape = { kind: 'finite' | 'relative' | 'participle' | 'coordinated'; at: number };

// Longest subject phrase taken without knowing its words ("another senior source", "an architect").
const LOOSE_PHRASE_MAX = 4;

/** The shape of the verb at `cue`: `at` is the relative pronoun or the "and" before it (skipping auxiliaries and adverbs), else the cue. */
export function verbShape(scan: Scan, cue: Cue, sentence: SentenceRef): VerbShape {
  const { tokens } = scan.article;
  let k = cue.t0 - 1;
  while (k >= sentence.tokenStart && tokens.breakBefore[k + 1] !== 1 && scan.words.verbSkips.has(tokens.norm[k] as string)) k--;
  if (k >= sentence.tokenStart && tokens.breakBefore[k + 1] !== 1 && scan.article.quotedToken[k] === 0) {
    const role = scan.words.clauseWords.get(tokens.norm[k] as string);
    if (role === 'relative' && k > sentence.tokenStart) return { kind: 'relative', at: k };
    if (role === 'coordinator' && k > sentence.tokenStart) return { kind: 'coordinated', at: k };
  }
  if (isParticiple(scan, cue) && cue.t0 > sentence.tokenStart && commaBefore(scan, cue.t0)) return { kind: 'participle', at: cue.t0 };
  return { kind: 'finite', at: cue.t0 };
}

/** The antecedent of the relative pronoun at `at` ("Mayor Jane Holt, who", "an architect who"), or null. */
export function antecedent(scan: Scan, at: number, limit: number): Speaker {
  return nounPhraseBefore(scan, at, limit) ?? loosePhraseBefore(scan, at, limit, true);
}

/**
 * The subject of the sentence's main clause, read from its start after an introductory phrase ("On Monday,
 * the council voted"): a pronoun, a speaker phrase, or a determiner and up to three words before a verb
 * that looks finite (an auxiliary or a word in -ed); null when the sentence opens with a quotation.
 */
export function mainSubject(scan: Scan, sentence: SentenceRef, before: number): Speaker {
  const { article, words } = scan;
  const { tokens } = article;
  let t = sentence.tokenStart;
  if (words.introductions.has(tokens.norm[t] as string) || words.adjuncts.has(tokens.norm[t] as string)) {
    let k = t + 1;
    while (k < before && !commaBefore(scan, k)) k++;
    if (k >= before) return null;
    t = k;
  }
  if (t >= before || article.quotedToken[t] === 1) return null;
  if (words.pronouns.has(tokens.norm[t] as string)) return { t0: t, t1: t + 1 };
  const phrase = nounPhraseAfter(scan, t, before);
  if (phrase !== null) return phrase;
  if (!words.determiners.has(tokens.norm[t] as string)) return null;
  for (let k = t + 1; k < Math.min(before, t + LOOSE_PHRASE_MAX); k++) {
    if (tokens.breakBefore[k] === 1 || article.quotedToken[k] === 1 || words.adjuncts.has(tokens.norm[k] as string)) return null;
    if (k > t + 1 && looksFinite(scan, k)) return { t0: t, t1: k };
  }
  return null;
}

/** "..., another source said": the few words between the comma and the verb at `cue`, when the speaker phrases find none. */
export function postposedPhrase(scan: Scan, cue: number, limit: number): Speaker {
  const phrase = loosePhraseBefore(scan, cue, limit, false);
  return phrase !== null && phrase.t0 > limit && commaBefore(scan, phrase.t0) ? phrase : null;
}

/** True when a comma separates token `t` from the one before it. */
export function commaBefore(scan: Scan, t: number): boolean {
  const { tokens, text } = scan.article;
  return t > 0 && tokens.breakBefore[t] === 1 && text.slice(tokens.end[t - 1] as number, tokens.start[t] as number).includes(',');
}

function isParticiple(scan: Scan, cue: Cue): boolean {
  return (scan.article.tokens.norm[cue.t0] as string).endsWith('ing');
}

// An auxiliary ("has", "will") or a word in -ed ("voted"): the verb after a subject we could not name.
function looksFinite(scan: Scan, t: number): boolean {
  const word = scan.article.tokens.norm[t] as string;
  return scan.words.beForms.has(word) || scan.words.verbSkips.has(word) || (word.length > 3 && word.endsWith('ed'));
}

// Up to four unquoted words back from `at`, stopping after a determiner or at a comma, a preposition or a
// function word: "an architect" (who), "another source" (said), "voters" (who). `acrossComma` steps over a
// comma just before `at` ("the architect, who").
function loosePhraseBefore(scan: Scan, at: number, limit: number, acrossComma: boolean): Speaker {
  const { article, words } = scan;
  const { tokens } = article;
  let t = at;
  while (t - 1 >= limit && at - t < LOOSE_PHRASE_MAX && (tokens.breakBefore[t] !== 1 || (t === at && acrossComma && commaBefore(scan, t)))) {
    const word = tokens.norm[t - 1] as string;
    if (article.quotedToken[t - 1] === 1 || words.adjuncts.has(word) || words.clauseWords.has(word) || words.beForms.has(word) || words.verbSkips.has(word) || !/^[\p{L}\p{N}]/u.test(word)) break;
    t--;
    if (words.determiners.has(word)) break;
  }
  return t < at ? { t0: t, t1: at } : null;
}
