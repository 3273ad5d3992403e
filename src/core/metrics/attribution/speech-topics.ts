/**
 * Speech topics: a verb of speaking that takes no clause ("speak") reports a statement only when it says what
 * was spoken of ("spoke of the attacks", "spoke warmly about her father"). Elsewhere it names an appearance or a
 * skill ("spoke at the White House on Tuesday", "spoke to reporters", "spoke up", "speaks fluent Spanish",
 * "speaking fees"), and reading the words after it as its content gives the subject a statement they did not
 * make; a participle between commas ("Holt, speaking at a rally, warned that...") leaves the statement to the
 * verb after it. Entries with `needs` topic (reporting-verbs.jsonl); the prepositions are topic-words.jsonl.
 */
import type { Scan } from './context.ts';
import { isMannerAdverb } from './noun-phrase-speakers.ts';
import { WORD_CLASS } from './word-classes.ts';

// How many adverbs may stand between the verb and its topic: "spoke only briefly of", "speaks often and warmly about" is left out.
const ADVERB_REACH = 2;

/** Whether the speaking verb ending at token `last`, in a sentence ending at token `end`, has a topic after it (adverbs between). */
export function topicFollows(scan: Scan, last: number, end: number): boolean {
  const { tokens } = scan.article;
  let t = last + 1;
  for (let skipped = 0; t < end && skipped < ADVERB_REACH && tokens.breakBefore[t] !== 1; skipped++, t++) {
    if (((scan.classes[t] as number) & WORD_CLASS.verbSkip) === 0 && !isMannerAdverb(scan, t)) break;
  }
  return t < end && tokens.breakBefore[t] !== 1 && scan.words.topicWords.has(tokens.norm[t] as string);
}
