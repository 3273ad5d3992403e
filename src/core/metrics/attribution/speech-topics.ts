/**
 * Speech about a matter: "Holt boasted about the deal", "the board commented on the vote", "Berg spoke
 * against the plan". A verb of speech followed by a preposition of its topic reports
 * the speaker's words about that matter (a summary, not a clause), so the content is the phrase after the
 * preposition up to the clause's end. The prepositions are lexicon data (speech-topics.jsonl); a preposition may
 * take only some verbs ("commented on the vote", not "wrote on Twitter") or refuse some ("things Holt said about us").
 */
import type { Scan } from './context.ts';
import { countOpensAt, onlyTimeWords, trimmedSpan } from './content-spans.ts';
import type { Cue, Range } from './types.ts';

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
  const topic = scan.words.speechTopics.get(norm[p] as string);
  if (topic === undefined || topic.verbs.has(cue.ref.lemma) !== topic.only) return null;
  const content = trimmedSpan(scan.article, p + 1, end);
  return content === null || onlyTimeWords(scan, content) ? null : content;
}
