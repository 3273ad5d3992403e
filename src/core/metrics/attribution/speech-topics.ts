/**
 * Speech about a matter: "Holt boasted about the deal", "the board commented on the vote", "Berg spoke
 * against the plan". A verb of speech followed by a preposition of its topic reports the speaker's words about
 * that matter (a summary, not a clause), so the content is the phrase after the preposition up to the clause's
 * end. The prepositions are lexicon data (speech-topics.jsonl); a preposition may take only some verbs
 * ("commented on the vote", not "wrote on Twitter") or refuse some ("things Holt said about us").
 *
 * The same prepositions are the frame of a verb of speaking that takes no clause (`needs` topic in
 * reporting-verbs.jsonl: "speak"): it reports a statement only when it says what was spoken of ("spoke of the
 * attacks", "spoke warmly about her father"). Elsewhere it names an appearance or a skill ("spoke at the White
 * House on Tuesday", "spoke to reporters", "spoke up", "speaks fluent Spanish", "speaking fees"), and a
 * participle between commas ("Holt, speaking at a rally, warned that...") leaves the statement to the verb after it.
 */
import type { Scan } from './context.ts';
import { countOpensAt, onlyTimeWords, trimmedSpan } from './content-spans.ts';
import { isMannerAdverb } from './noun-phrase-speakers.ts';
import type { Cue, Range } from './types.ts';
import { WORD_CLASS } from './word-classes.ts';

/**
 * The topic phrase after a verb of speech ending at `from` ("about the deal" -> "the deal"), up to the clause's
 * `end`; null when no topic preposition follows, it grades a count ("about $40") or the phrase only says when ("on Monday").
 */
export function speechTopic(scan: Scan, cue: Cue, from: number, end: number): Range | null {
  const { norm, breakBefore } = scan.article.tokens;
  if (cue.ref.kind !== 'verb' || (cue.ref.family ?? 'speech') !== 'speech') return null;
  const p = from;
  // "his comments on the tax", "the claims of fraud": after a possessive or a determiner the cue is a noun.
  const before = cue.t0 > 0 ? (norm[cue.t0 - 1] as string) : '';
  if (scan.words.possessives.has(before) || scan.words.determiners.has(before)) return null;
  // "the change adds about $42 a year": a count, not a topic (after "$" the number's token opens a new stretch).
  if (p + 1 >= end || breakBefore[p] === 1 || scan.article.quotedToken[p] === 1 || countOpensAt(scan, p, end) || /^\d/.test(norm[p + 1] as string)) return null;
  if (!takesTopic(scan, norm[p] as string, cue.ref.lemma)) return null;
  const content = trimmedSpan(scan.article, p + 1, end);
  return content === null || onlyTimeWords(scan, content) ? null : content;
}

// How many adverbs may stand between the verb and its topic: "spoke only briefly of", "speaks often and warmly about" is left out.
const ADVERB_REACH = 2;

/** Whether the speaking verb `lemma` ending at token `last`, in a sentence ending at token `end`, has a topic after it (adverbs between). */
export function topicFollows(scan: Scan, lemma: string, last: number, end: number): boolean {
  const { tokens } = scan.article;
  let t = last + 1;
  for (let skipped = 0; t < end && skipped < ADVERB_REACH && tokens.breakBefore[t] !== 1; skipped++, t++) {
    if (((scan.classes[t] as number) & WORD_CLASS.verbSkip) === 0 && !isMannerAdverb(scan, t)) break;
  }
  return t < end && tokens.breakBefore[t] !== 1 && takesTopic(scan, tokens.norm[t] as string, lemma);
}

// Whether `word` is a topic preposition the verb `lemma` takes (speech-topics.jsonl: only some verbs, or all but some).
function takesTopic(scan: Scan, word: string, lemma: string): boolean {
  const topic = scan.words.speechTopics.get(word);
  return topic !== undefined && topic.verbs.has(lemma) === topic.only;
}
