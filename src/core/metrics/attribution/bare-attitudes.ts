/**
 * Bare attitude verbs: words far more often nouns ("support for", "fears of a war", "their worries") read as
 * the verb of a view: "Two-thirds support reducing the sentences", "Many Republicans support the bill",
 * "Democrats fear the split will hurt her", "he worries the deal will fail". attitude-verbs.jsonl lists only
 * their unambiguous forms ("supported", "fear that"); this pass reads a word of bare-attitude-verbs.jsonl as
 * the verb only between a subject that can only be one (a plural or a subject pronoun, or he, she or a name
 * for a singular form; after a relative pronoun the content would run on into the main clause: "The riders
 * who support Holt left early") and what opens a noun phrase or, for a verb that takes one, a clause. It
 * makes cues for attribution alone, so nothing else that counts the lexicon's cues sees them.
 */
import { BARE_ATTITUDE_ROLES, type BareAttitudeRole } from '../../data/attribution-words.ts';
import { tokenIds } from '../../text/tokens.ts';
import { codesByWordIdOnce } from '../../text/vocabulary.ts';
import { commaBefore, type Scan } from './context.ts';
import { isMannerAdverb } from './noun-phrase-speakers.ts';
import { ruleVerbCue, type Cue, type SentenceRef } from './types.ts';
import { WORD_CLASS } from './word-classes.ts';

// A plural noun or a fraction: "voters", "Republicans", "two-thirds" (not "its", "this", "us", "was").
const PLURAL = /^[\p{L}][\p{L}-]*[^su'\u2019]s$/u;

/** Attitude cues at each bare attitude verb read as the verb, in text order (rule-made, `scan.rulesSource`). */
export function findBareAttitudeCues(scan: Scan): Cue[] {
  const { article, words, capital, classes } = scan;
  const { norm, breakBefore } = article.tokens;
  const cues: Cue[] = [];
  // By word id, 1 + the role's index: one byte read per token, no string (a plain array by id was 8 bytes a
  // slot). Its words are registered before the ids are read (tokenIds reads the text's unknown words again
  // when a word was registered since), so a token's id finds its entry exactly when its folded form is a key.
  const roles = codesByWordIdOnce(words.bareAttitudeVerbs, BARE_ATTITUDE_ROLES);
  const { ids } = tokenIds(article.tokens);
  for (let s = 0; s < scan.sentences.length; s++) {
    const sentence = scan.sentences[s] as SentenceRef;
    for (let t = sentence.tokenStart + 1; t + 1 < sentence.tokenEnd; t++) {
      // The word's class first, read in token order: the table by id, as large as the vocabulary, is read
      // only for the words of the list (a read per token there missed the cache: ~0.4% of a PolNeAR pass).
      if (((classes[t] as number) & WORD_CLASS.bareAttitudeVerb) === 0) continue;
      const id = ids[t] as number;
      const code = id >= 0 && id < roles.length ? (roles[id] as number) : 0;
      if (code === 0 || article.quotedToken[t] === 1 || scan.excluded[t] === 1 || breakBefore[t] === 1 || breakBefore[t + 1] === 1) continue;
      // "worry about", "fear that": the lexicon's phrase holds the word after, and is matched first.
      if (norm[t + 1] === 'about' || norm[t + 1] === 'that') continue;
      const role = BARE_ATTITUDE_ROLES[code - 1] as BareAttitudeRole;
      if (!subjectBefore(scan, t, sentence.tokenStart, role) || !objectAt(scan, t + 1, role !== 'plural-object')) continue;
      cues.push({ t0: t, t1: t + 1, ref: ruleVerbCue(norm[t] as string, 'cognitive', scan.rulesSource, 'attitude'), sentence: sentence.index, paragraph: sentence.paragraph });
    }
  }
  return cues;

  // "Republicans support", "they strongly support", "they all support", "he fears": the word before (past a
  // manner adverb or the skip list's words) is a subject the verb's role allows.
  function subjectBefore(scan: Scan, t: number, start: number, role: BareAttitudeRole): boolean {
    let k = t - 1;
    while (k > start && breakBefore[k + 1] !== 1 && (isMannerAdverb(scan, k) || (words.verbSkips.has(norm[k] as string) && !words.beForms.has(norm[k] as string)))) k--;
    if (breakBefore[k + 1] === 1 || article.quotedToken[k] === 1) return false;
    const word = norm[k] as string;
    const pronoun = words.pronouns.get(word);
    if (role === 'pronoun-clause') return pronoun === 'person';
    if (role === 'singular-clause') return pronoun !== undefined ? pronoun === 'person' || pronoun === 'body' : capital[k] === 1 && k > start && !words.determiners.has(word) && !words.clauseWords.has(word);
    if (pronoun !== undefined) return pronoun === 'group' || pronoun === 'self' || pronoun === 'own-group' || word === 'you';
    // "Older voters, who strongly support Holt, ...": a relative clause set off by commas ends at its comma.
    if (word === 'who' && commaBefore(scan, k)) return true;
    if (words.determiners.has(word) || words.possessives.has(word) || words.verbSkips.has(word) || words.beForms.has(word) || words.clauseWords.has(word)) return false;
    return PLURAL.test(word);
  }

  // What opens the object: a name, a determiner, a possessive, a quantifier, an -ing form, an object pronoun,
  // or with `clause` a subject pronoun ("Many fear they will be unable to").
  function objectAt(scan: Scan, k: number, clause: boolean): boolean {
    if (article.quotedToken[k] === 1) return true;
    const word = norm[k] as string;
    if (capital[k] === 1 || words.determiners.has(word) || words.possessives.has(word) || words.quantifiers.has(word)) return true;
    if (words.pronouns.has(word)) return clause || (word !== 'i' && word !== 'we' && word !== 'they' && word !== 'he' && word !== 'she');
    return /^\p{L}{3,}ing$/u.test(word);
  }
}
