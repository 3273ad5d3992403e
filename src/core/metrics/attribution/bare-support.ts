/**
 * Bare "support" as the verb: "Two-thirds support reducing the sentences", "Many Republicans support the
 * bill", "I support him". The word is far more often the noun ("support for",
 * "40 percent support", "their support"), so attitude-verbs.jsonl lists only its verb forms and the bare
 * form after a modal; this pass reads it as the verb only between a subject that can only be one (a plural
 * or a subject pronoun; after a relative pronoun the content would run on into the main clause: "The riders
 * who support Holt left early") and an object that opens a noun phrase. It makes cues for
 * attribution alone, so nothing else that counts the lexicon's cues sees them.
 */
import type { Scan } from './context.ts';
import { isMannerAdverb } from './noun-phrase-speakers.ts';
import type { Cue } from './types.ts';
import { tokenIds } from '../../text/tokens.ts';
import { NO_WORD, wordIdOf } from '../../text/vocabulary.ts';

// A plural noun or a fraction: "voters", "Republicans", "two-thirds" (not "its", "this", "us", "was").
const PLURAL = /^[\p{L}][\p{L}-]*[^su'\u2019]s$/u;

/** Attitude cues at each bare "support" read as the verb, in text order (rule-made, `scan.rulesSource`). */
export function findBareSupportCues(scan: Scan): Cue[] {
  const { article, words, capital } = scan;
  const { norm, breakBefore } = article.tokens;
  const cues: Cue[] = [];
  // Found by word id, one int compare per token, when 'support' was registered before the text's ids were
  // read (the attitude cues hold it); else by its folded form.
  const { ids, idsReadAt } = tokenIds(article.tokens);
  const support = wordIdOf('support');
  const byId = support !== NO_WORD && support < idsReadAt;
  for (const sentence of scan.sentences) {
    for (let t = sentence.tokenStart + 1; t + 1 < sentence.tokenEnd; t++) {
      if ((byId ? ids[t] !== support : norm[t] !== 'support') || article.quotedToken[t] === 1 || scan.excluded[t] === 1 || breakBefore[t] === 1 || breakBefore[t + 1] === 1) continue;
      if (!subjectBefore(scan, t, sentence.tokenStart) || !objectAt(scan, t + 1)) continue;
      cues.push({ t0: t, t1: t + 1, ref: { kind: 'verb', lemma: 'support', stance: 'cognitive', act: false, lexicon: scan.rulesSource, family: 'attitude' }, sentence: sentence.index, paragraph: sentence.paragraph });
    }
  }
  return cues;

  // "Republicans support", "they strongly support", "they all support": the word before (past a manner adverb
  // or the skip list's words) is a plural or a subject pronoun.
  function subjectBefore(scan: Scan, t: number, start: number): boolean {
    let k = t - 1;
    while (k > start && breakBefore[k + 1] !== 1 && (isMannerAdverb(scan, k) || (words.verbSkips.has(norm[k] as string) && !words.beForms.has(norm[k] as string)))) k--;
    if (breakBefore[k + 1] === 1 || article.quotedToken[k] === 1) return false;
    const word = norm[k] as string;
    const role = words.pronouns.get(word);
    if (role !== undefined) return role === 'group' || role === 'self' || role === 'own-group' || word === 'you';
    if (words.determiners.has(word) || words.possessives.has(word) || words.verbSkips.has(word) || words.beForms.has(word) || words.clauseWords.has(word)) return false;
    return PLURAL.test(word);
  }

  // What opens the object: a name, a determiner, a possessive, a pronoun, a quantifier or an -ing form.
  function objectAt(scan: Scan, k: number): boolean {
    if (article.quotedToken[k] === 1) return true;
    const word = norm[k] as string;
    if (capital[k] === 1 || words.determiners.has(word) || words.possessives.has(word) || words.quantifiers.has(word)) return true;
    if (words.pronouns.has(word)) return word !== 'i' && word !== 'we' && word !== 'they' && word !== 'he' && word !== 'she';
    return /^\p{L}{3,}ing$/u.test(word);
  }
}
