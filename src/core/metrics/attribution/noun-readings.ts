/**
 * A reporting or attitude verb's word used as a noun: "The October report exceeded forecasts", "One tweet
 * said", "The derogatory comments had an effect", "a new report compares". A verb never follows its own
 * determiner, so a word in its base or -s form after one, directly or past the words of a noun phrase, names
 * a thing, not a speech act; the cue is dropped and the noun may be read as a speaker. After a possessive
 * ("his comments", "her remarks") the noun keeps its cue: the possessive names who spoke. Likewise an -ed
 * form after an object is a participle ("formed a group called the Harbour Friends").
 */
import { FIRST_WORD, matchAt, type CueRef } from '../../data/index.ts';
import { commaBefore, type Scan } from './context.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// Words that end a run of modifiers before a noun ("some of the people say"), and words no object phrase holds.
const NO_MODIFIER = WORD_CLASS.quantifier | WORD_CLASS.clauseWord | WORD_CLASS.beForm | WORD_CLASS.pronoun | WORD_CLASS.adjunct | WORD_CLASS.verbSkip;
const NO_OBJECT_WORD = WORD_CLASS.clauseWord | WORD_CLASS.beForm | WORD_CLASS.pronoun | WORD_CLASS.adjunct | WORD_CLASS.determiner | WORD_CLASS.possessive;

// Most words between a determiner and the noun ("The strong monthly jobs report", "a new Pew Research report").
const MODIFIER_MAX = 4;

// Verbs of the cue lists whose past is their base form ("as a diplomat put it"): English grammar, like the suffixes above.
const PAST_AS_BASE = new Set(['put', 'read']);

/** Whether the verb cue starting at `t` (its lemma `lemma`, "report", "call for") is a noun after a determiner. */
export function isNounAfterDeterminer(scan: Scan, t: number, lemma: string, sentenceStart: number, sentenceEnd: number): boolean {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  const form = norm[t] as string;
  // The lemma's first word (its length, compared in place) and the plural test without building strings: this runs at every verb cue.
  const space = lemma.indexOf(' ');
  const baseLength = space < 0 ? lemma.length : space;
  const prefixed = form.length >= baseLength && startsWithPrefix(form, lemma, baseLength);
  const plural = prefixed && ((form.length === baseLength + 1 && form.endsWith('s')) || (form.length === baseLength + 2 && form.endsWith('es')));
  const ed = form.endsWith('ed');
  // "270 pledged delegates", "the accused": an -ed form right after an article or a count is an adjective (a
  // year is when: "in 2012 warned").
  const joined = t > sentenceStart && breakBefore[t] !== 1;
  const before = joined ? (norm[t - 1] as string) : '';
  if (ed && ((joined && inClass(scan.classes, t - 1, WORD_CLASS.determiner)) || (startsWithDigit(before) && !/^(?:19|20)\d\d$/.test(before)))) return true;
  // "called", "calling": a participle after a noun is a verb ("a group called"); "put" and "read" are pasts too.
  if (!((prefixed && form.length === baseLength) || plural) || ed || form.endsWith('ing') || PAST_AS_BASE.has(form)) return false;
  for (let k = t - 1; k >= sentenceStart && k >= t - 1 - MODIFIER_MAX; k--) {
    if (breakBefore[k + 1] === 1 || article.quotedToken[k] === 1) return false;
    const word = norm[k] as string;
    // "his comments", "her remarks": a possessive names the speaker of the noun, and stays an attribution.
    if (inClass(scan.classes, k, WORD_CLASS.possessive)) return false;
    if (inClass(scan.classes, k, WORD_CLASS.determiner)) {
      // "Nearly a third say", "about a dozen say": a graded count before the article is a plural subject.
      if (k > sentenceStart && inClass(scan.classes, k - 1, WORD_CLASS.quantifier)) return false;
      if (k === t - 1) return true;
      // "polls conducted by a Dover firm show": a phrase after a preposition is its object; the verb may be the clause's.
      if (k > sentenceStart && inClass(scan.classes, k - 1, WORD_CLASS.adjunct)) return false;
      // "a new report", "The October report", "the AP report"; "the women say", "the officials report that"
      // stay verbs: after "the" only a capital or a time word that is no plural is read as a modifier.
      if (!plural) {
        const before = norm[t - 1] as string;
        if (before.endsWith('s')) return false;
        return words.determiners.get(word) !== 'definite' || scan.capital[t - 1] === 1 || words.timeWords.has(before);
      }
      // An -s form there is a noun only before an auxiliary ("the derogatory comments had").
      const next = t + 1 < sentenceEnd ? (norm[t + 1] as string) : '';
      return words.beForms.has(next) || (words.verbSkips.has(next) && !next.endsWith('ly'));
    }
    // "a mere 9 percent say", "some of the people say": a count makes the subject plural.
    if (startsWithDigit(word) || inClass(scan.classes, k, NO_MODIFIER)) return false;
  }
  return false;
}

// Whether `form` opens with the first `length` units of `lemma` (read in place, no slice).
function startsWithPrefix(form: string, lemma: string, length: number): boolean {
  for (let i = 0; i < length; i++) if (form.charCodeAt(i) !== lemma.charCodeAt(i)) return false;
  return true;
}

// /^\d/ by its char code: an ASCII digit first.
function startsWithDigit(word: string): boolean {
  // An empty word is tested, not read past its end (V8 deoptimises the caller the first time a read falls there).
  if (word.length === 0) return false;
  const code = word.charCodeAt(0);
  return code >= 48 && code <= 57;
}

/**
 * "formed a group called the Harbour Friends", "hired a consultant called Anna Berg": whether the -ed verb cue
 * at `t` is a participle after an object, an indefinite noun phrase right after another verb (not at the
 * clause's start, not after a preposition, comma or clause word). The phrase names or describes a thing;
 * no one speaks ("A senator called the plan a disgrace" opens its clause and keeps its cue).
 */
export function isParticipleAfterObject(scan: Scan, t: number, sentenceStart: number): boolean {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  if (!(norm[t] as string).endsWith('ed')) return false;
  for (let k = t - 1; k > sentenceStart && k >= t - 1 - MODIFIER_MAX; k--) {
    if (breakBefore[k + 1] === 1 || article.quotedToken[k] === 1) return false;
    const word = norm[k] as string;
    if (inClass(scan.classes, k, WORD_CLASS.determiner) && words.determiners.get(word) === 'indefinite') {
      const before = norm[k - 1] as string;
      // "She said a fisherman warned": after a verb of speech the phrase is the subject of what was said.
      return breakBefore[k] !== 1 && scan.capital[k - 1] === 0 && !verbWordAt(scan, k - 1) && !words.adjuncts.has(before) && !words.clauseWords.has(before) && !words.determiners.has(before) && !words.quantifiers.has(before) && !/^\d/.test(before);
    }
    if (inClass(scan.classes, k, NO_OBJECT_WORD)) return false;
  }
  return false;
}

const scratch: CueRef[] = [];

/** Whether a one-word reporting or attitude verb of the lexicons stands at `t` ("say" in "critics say"). */
export function verbWordAt(scan: Scan, t: number): boolean {
  return ((scan.masks[t] as number) & FIRST_WORD.cue) !== 0 && matchAt(scan.lexicons.cues, scan.article.tokens, t, t + 1, scratch) > 0 && (scratch[0] as CueRef).kind === 'verb';
}

// The forms of the naming verbs: English grammar, like the pasts above. "named" follows its own rule below.
const NAMING_FORMS = new Set(['called', 'calls', 'named']);

/**
 * "a group called Harbour Votes Matter, led by ...", "a website called Pier News": whether the naming verb
 * of the cue `t0..t1` follows a common noun and has a name after it (a run of capitals) with no label after
 * the name: it names a thing, and nobody characterises anything. "The mayor called Holt a liar" (a subject
 * before the verb), "a senator called Holt weak" (a label) and "what Holt called \"a disgrace\"" (a
 * quotation, the object put first) keep their cue. "named" is a participle only after an indefinite phrase ("a
 * ferry named Gull Star sank"); "The president named Holt as her deputy" chooses someone.
 */
export function isNamingParticiple(scan: Scan, t0: number, t1: number, sentenceStart: number, sentenceEnd: number): boolean {
  const { article, words, capital } = scan;
  const { norm, breakBefore } = article.tokens;
  if (t1 - t0 !== 1 || t0 <= sentenceStart || t1 >= sentenceEnd || !NAMING_FORMS.has(norm[t0] as string) || capital[t0] === 1) return false;
  if (breakBefore[t0] === 1) return namingBetweenCommas(scan, t0, t1, sentenceEnd);
  const before = norm[t0 - 1] as string;
  // The lists by word class (word-classes.ts), not by string.
  if (capital[t0 - 1] === 1 || article.quotedToken[t0 - 1] === 1 || !/^\p{Ll}+$/u.test(before) || inClass(scan.classes, t0 - 1, WORD_CLASS.pronoun | WORD_CLASS.clauseWord | WORD_CLASS.verbSkip | WORD_CLASS.beForm | WORD_CLASS.determiner)) return false;
  let k = t1;
  while (k < sentenceEnd && capital[k] === 1 && article.quotedToken[k] === 0 && !inClass(scan.classes, k, WORD_CLASS.timeWord) && (k === t1 || breakBefore[k] !== 1)) k++;
  if (k === t1) return false;
  // "named" reads as a participle only after an indefinite phrase: "The president named Holt as her deputy" chooses.
  if (norm[t0] === 'named') return afterIndefinitePhrase(scan, t0, sentenceStart);
  if (k >= sentenceEnd || breakBefore[k] === 1) return true;
  return inClass(scan.classes, k, WORD_CLASS.adjunct | WORD_CLASS.clauseWord | WORD_CLASS.beForm | WORD_CLASS.timeWord | WORD_CLASS.verbSkip);
}

// "The storm, named Gull, hit the coast": a naming verb after a comma with only a name after it, closed by a
// comma or the sentence's end, is a participle set off like an apposition; nobody speaks.
function namingBetweenCommas(scan: Scan, t0: number, t1: number, sentenceEnd: number): boolean {
  const { article, capital } = scan;
  if (!commaBefore(scan, t0)) return false;
  let k = t1;
  while (k < sentenceEnd && capital[k] === 1 && article.quotedToken[k] === 0 && (k === t1 || article.tokens.breakBefore[k] !== 1)) k++;
  return k > t1 && (k >= sentenceEnd || commaBefore(scan, k));
}

// "A ferry named Gull Star sank in May": whether the words before `t` are a noun phrase opened by
// an indefinite article, a few words back with nothing but lower-case words between. Such a phrase introduces
// what the name is given to; "The president named Holt" (a definite subject) chooses someone.
function afterIndefinitePhrase(scan: Scan, t: number, sentenceStart: number): boolean {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  for (let k = t - 1; k >= sentenceStart && k >= t - 1 - MODIFIER_MAX; k--) {
    if (breakBefore[k + 1] === 1 || article.quotedToken[k] === 1) return false;
    const word = norm[k] as string;
    if (words.determiners.get(word) === 'indefinite') return true;
    if (scan.capital[k] === 1 || !/^\p{Ll}/u.test(word) || words.determiners.has(word) || words.clauseWords.has(word) || words.beForms.has(word) || words.pronouns.has(word) || words.adjuncts.has(word)) return false;
  }
  return false;
}
