/**
 * Vague sources that are only a noun phrase ("insiders", "many people", "a source familiar with"): the
 * phrase is the subject of the verb after it ("A source familiar with the talks said", "Insiders say"), and
 * where no verb can follow ("The plan angered insiders and many people in town") it attributes nothing.
 */
import type { Scan } from './context.ts';
import { verbWordAt } from './noun-readings.ts';
import type { Cue } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// Most words between a vague source and its verb: "people familiar with the harbour board's plans have said".
const SOURCE_TO_VERB_MAX = 8;

/** Whether the vague cue holds no verb, form of be or adverb: a noun phrase that needs a verb to attribute anything ("insiders", "a source close to"). */
export function isSourcePhraseOnly(scan: Scan, cue: Pick<Cue, 't0' | 't1'>): boolean {
  const { norm } = scan.article.tokens;
  // "by all accounts", "in the words of": a phrase of manner, not a subject.
  if (inClass(scan.classes, cue.t0, WORD_CLASS.adjunct | WORD_CLASS.introduction)) return false;
  for (let t = cue.t0; t < cue.t1; t++) {
    const word = norm[t] as string;
    if (inClass(scan.classes, t, WORD_CLASS.beForm | WORD_CLASS.verbSkip) || /(?:ed|ly)$/.test(word) || verbWordAt(scan, t) || word === 'it') return false;
  }
  return true;
}

/**
 * The verb cue `next` when the vague source phrase `cue` is its subject: in the same sentence, after at most a
 * few unquoted words with no comma, clause word or form of be ("A source familiar with the talks said",
 * "Insiders also say"); else null.
 */
export function verbOfVagueSource(scan: Scan, cue: Cue, next: Cue | undefined): Cue | null {
  if (next === undefined || next.sentence !== cue.sentence || next.ref.kind !== 'verb' || next.t0 - cue.t1 > SOURCE_TO_VERB_MAX || !isSourcePhraseOnly(scan, cue)) return null;
  const { article } = scan;
  for (let t = cue.t1; t < next.t0; t++) {
    if (article.quotedToken[t] === 1 || article.tokens.breakBefore[t] === 1 || inClass(scan.classes, t, WORD_CLASS.clauseWord | WORD_CLASS.beForm)) return null;
  }
  return article.tokens.breakBefore[next.t0] === 1 ? null : next;
}

/**
 * Whether the vague source phrase `cue`, with no verb cue after it, stands where no verb of speech or thought
 * follows it: at its sentence's end, before a comma, a preposition, a clause word, an auxiliary or a participle
 * ("angered insiders and many people in town", "many people had used the tool").
 * A word the lexicons lack may still be its verb ("Foreign observers worry the pier will close"): kept.
 */
export function hasNoVerbAfter(scan: Scan, cue: Cue, sentenceEnd: number): boolean {
  const t = cue.t1;
  if (t >= sentenceEnd || scan.article.tokens.breakBefore[t] === 1 || scan.article.quotedToken[t] === 1) return true;
  const word = scan.article.tokens.norm[t] as string;
  // "many people had used the tool", "many people reading this": an auxiliary or a participle after the phrase
  // opens a verb the lists lack, and none of them is speech (a speech verb after an auxiliary is a cue).
  return inClass(scan.classes, t, WORD_CLASS.adjunct | WORD_CLASS.clauseWord | WORD_CLASS.beForm | WORD_CLASS.verbSkip) || word.endsWith('ing');
}
