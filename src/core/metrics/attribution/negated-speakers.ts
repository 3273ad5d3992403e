/**
 * Negated subjects: "Nobody in Westminster calls this what it is", "No one at the ministry said", "None of the
 * senators said", "Not a single witness said". The sentence reports a speech act that did not happen, so it
 * is no attribution, and the words after the verb stay the writer's. The negators are lexicon data
 * (negative-subjects.jsonl); "not" negates a subject only before "a" or "one" ("Not all senators said" is partial).
 */
import { commaBefore, type Scan } from './context.ts';
import type { TokenSpan } from './types.ts';
import { inClass, WORD_CLASS } from './word-classes.ts';

// How many adjuncts may stand between a negator and the speaker phrase found after it ("None of the senators": one).
const ADJUNCT_REACH = 1;

/** Whether the speaker phrase `speaker` is negated: it opens with a negator, or one stands right before it or before its "of"/"in"/"at". */
export function isNegatedSpeaker(scan: Scan, speaker: TokenSpan, sentenceStart: number): boolean {
  const { norm } = scan.article.tokens;
  if (negatesAt(scan, speaker.t0, speaker.t1)) return true;
  let t = speaker.t0 - 1;
  for (let k = 0; k < ADJUNCT_REACH && t >= sentenceStart && !commaBefore(scan, t + 1) && inClass(scan.classes, t, WORD_CLASS.adjunct); k++) t--;
  if (t < sentenceStart || commaBefore(scan, t + 1)) return false;
  // "No one at the ministry": the negator stands before "one".
  if (t > sentenceStart && inClass(scan.classes, t, WORD_CLASS.determiner) && scan.words.determiners.get(norm[t] as string) === 'numeral' && negatesAt(scan, t - 1, t + 1)) return true;
  return negatesAt(scan, t, t + 2);
}

// Whether the word at `t` negates the phrase it opens; "not" only before an article or "one" ("not a single", not "not all").
function negatesAt(scan: Scan, t: number, end: number): boolean {
  const { norm } = scan.article.tokens;
  const word = norm[t] as string;
  if (!inClass(scan.classes, t, WORD_CLASS.negativeSubject)) return false;
  return word !== 'not' || (t + 1 < end && scan.words.determiners.get(norm[t + 1] as string) !== 'definite' && scan.words.determiners.has(norm[t + 1] as string));
}
