/**
 * Whether a slanted reporting verb is used as a verb of saying. The same words name other things: a noun
 * ("his claim", "the pastor's claims", "making the rounds on"), a modifier ("the bragging rights"), and, per
 * entry (`otherSense` in reporting-verbs.jsonl), a passive or an object that gives another sense ("was
 * confirmed 92 to 0", "claim the nomination", "admit refugees"). On PolNeAR these were most of the outlet-voice
 * reporting-verb findings that sat on no annotated source or cue; "Holt claimed the vote was rigged" is speech.
 */
import type { Lexicons, LexiconRef } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';

// How far after the verb an entry's other-sense object may stand ("assure her of the party's nomination").
const OBJECT_WINDOW = 5;

/** Whether tokens first..last, a reporting-verb match in the sentence sentenceStart..sentenceEnd (token indexes), read as speech. */
export function usedAsSpeech(article: SegmentedArticle, lexicons: Lexicons, ref: LexiconRef, first: number, last: number, sentenceStart: number, sentenceEnd: number): boolean {
  const { tokens } = article;
  const words = lexicons.attributionWords;
  const head = tokens.norm[first] as string;
  const joined = first > sentenceStart && tokens.breakBefore[first] === 0;
  const before = joined ? (tokens.norm[first - 1] as string) : undefined;
  const next = last + 1 < sentenceEnd && tokens.breakBefore[last + 1] === 0 ? (tokens.norm[last + 1] as string) : undefined;
  // A that-clause after the word introduces what was said, as a verb or a noun ("his claim that the vote was rigged").
  const isComplementiser = (word: string | undefined): boolean => word !== undefined && words.clauseWords.get(word) === 'complementiser';
  // An entry may end in its that ("fear that"): the clause is then part of the match.
  const thatClause = isComplementiser(tokens.norm[last]) || isComplementiser(next);
  // A past participle keeps the verb's sense wherever it stands: "his threatened run", "the debunked claim".
  if (before !== undefined && !thatClause && !head.endsWith('ed')) {
    // After an article the word is a noun or a modifier ("a claim", "the bragging rights", "a revealing dress");
    // after a possessive pronoun, a noun unless it is a gerund ("his rant", but "her slamming his remarks").
    // Not a numeral: "no one admits" is a verb.
    const role = words.determiners.get(before);
    if (role === 'definite' || role === 'indefinite') return false;
    const ing = head.endsWith('ing');
    if (words.possessives.has(before) && !ing) return false;
    // A possessive name before a base or -s form: "the pastor's claims" (but "Trump's claiming" is "Trump is").
    if (tokens.bare[first - 1] !== before && !ing) return false;
  }
  const other = ref.otherSense;
  if (other === undefined) return true;
  // A passive with its agent named ("was confirmed by the family") is still speech unless the agent is a listed object.
  if (other.passive === true && before !== undefined && head.endsWith('ed') && words.beForms.has(before) && !thatClause && next !== 'by') return false;
  if (other.objects !== undefined) {
    for (let t = last + 1; t < sentenceEnd && t <= last + OBJECT_WINDOW; t++) {
      if (tokens.breakBefore[t] === 1) break;
      const word = tokens.norm[t] as string;
      // A clause begins: "claimed he would win" is speech whatever its object.
      if (words.clauseWords.get(word) === 'complementiser' || words.pronouns.has(word)) break;
      if (other.objects.has(word) || other.objects.has(tokens.bare[t] as string)) return false;
    }
  }
  return true;
}
