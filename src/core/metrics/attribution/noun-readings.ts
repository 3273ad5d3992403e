/**
 * A reporting or attitude verb's word used as a noun: "The October report exceeded forecasts", "One tweet
 * said", "The derogatory comments had an effect", "a new report compares". A verb never follows its own
 * determiner, so a word in its base or -s form after one, directly or past the words of a noun phrase, names
 * a thing, not a speech act; the cue is dropped and the noun may be read as a speaker. After a possessive
 * ("his comments", "her remarks") the noun keeps its cue: the possessive names who spoke.
 */
import type { Scan } from './context.ts';

// Most words between a determiner and the noun ("The strong monthly jobs report", "a new Pew Research report").
const MODIFIER_MAX = 4;

// Verbs of the cue lists whose past is their base form ("as a diplomat put it"): English grammar, like the suffixes above.
const PAST_AS_BASE = new Set(['put', 'read']);

/** Whether the verb cue starting at `t` (its lemma `lemma`, "report", "call for") is a noun after a determiner. */
export function isNounAfterDeterminer(scan: Scan, t: number, lemma: string, sentenceStart: number, sentenceEnd: number): boolean {
  const { article, words } = scan;
  const { norm, breakBefore } = article.tokens;
  const form = norm[t] as string;
  const base = lemma.split(' ')[0] as string;
  const plural = form === `${base}s` || form === `${base}es`;
  // "called", "calling": a participle after a noun is a verb ("a group called"); "put" and "read" are pasts too.
  if ((form !== base && !plural) || /(?:ed|ing)$/.test(form) || PAST_AS_BASE.has(form)) return false;
  for (let k = t - 1; k >= sentenceStart && k >= t - 1 - MODIFIER_MAX; k--) {
    if (breakBefore[k + 1] === 1 || article.quotedToken[k] === 1) return false;
    const word = norm[k] as string;
    // "his comments", "her remarks": a possessive names the speaker of the noun, and stays an attribution.
    if (words.possessives.has(word)) return false;
    if (words.determiners.has(word)) {
      // "Nearly a third say", "about a dozen say": a graded count before the article is a plural subject.
      if (k > sentenceStart && words.quantifiers.has(norm[k - 1] as string)) return false;
      if (k === t - 1) return true;
      // "polls conducted by a Dover firm show": a phrase after a preposition is its object; the verb may be the clause's.
      if (k > sentenceStart && words.adjuncts.has(norm[k - 1] as string)) return false;
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
    if (/^\d/.test(word) || words.quantifiers.has(word) || words.clauseWords.has(word) || words.beForms.has(word) || words.pronouns.has(word) || words.adjuncts.has(word) || words.verbSkips.has(word)) return false;
  }
  return false;
}
