/**
 * Attitudes and the verbs around them: what an attitude cue ("supports", "opposes", "wants", "backed") may
 * report that speech may not, a position on someone named in one word ("voters supported Holt"; a verb of
 * speaking needs two words of content, "said so" reports nothing); the passive across adverbs ("is not
 * expected to"), which names nobody; and a raising verb before a verb of speech ("appeared to concede"),
 * whose subject is that verb's speaker.
 */
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import type { Scan } from './context.ts';
import type { Cue, Range } from './types.ts';

/** Whether `content` is one capitalised word (a name) after an attitude cue: "supported Holt". */
export function isNamedObject(scan: Scan, cue: Cue, content: Range): boolean {
  // A light verb's noun takes a name as well: "took aim at Holt".
  if (cue.ref.kind !== 'verb' || (cue.ref.family !== 'attitude' && cue.ref.lexicon !== scan.words.nounCueSource)) return false;
  const { tokens } = scan.article;
  const t = firstTokenAtOrAfter(tokens, content.start);
  return t < tokens.count && scan.capital[t] === 1 && firstTokenAtOrAfter(tokens, content.end) === t + 1 && !scan.sentenceStarts.has(t);
}

/**
 * Whether the verb at `t` is passive: a form of be before it, across adverbs and "not" ("is not expected
 * to", "are also expected to", "was widely seen"). The passive names nobody as holding the view; "is
 * telling" (an -ing form) is active.
 */
export function isPassive(scan: Scan, t: number, sentenceStart: number): boolean {
  const { norm, breakBefore } = scan.article.tokens;
  if ((norm[t] as string).endsWith('ing')) return false;
  let k = t - 1;
  while (k > sentenceStart && breakBefore[k + 1] !== 1 && scan.words.verbSkips.has(norm[k] as string) && !scan.words.beForms.has(norm[k] as string)) k--;
  return k >= sentenceStart && breakBefore[k + 1] !== 1 && scan.words.beForms.has(norm[k] as string);
}

/**
 * `cues` with each verb cue of speech or of a document after a raising verb and "to" ("Holt appeared to
 * concede that", "seemed not to blame") starting at the raising verb, so that the subject before it is read
 * as the speaker. An attitude after it ("seemed to recognize") stays the writer's hedge, as a raising verb
 * alone does (raising-verbs.jsonl). Same order, same count.
 */
export function withRaisingVerbs(scan: Scan, cues: readonly Cue[]): Cue[] {
  const { norm, breakBefore } = scan.article.tokens;
  return cues.map((cue) => {
    if (cue.ref.kind !== 'verb' || cue.ref.family === 'attitude' || cue.t0 < 2 || norm[cue.t0 - 1] !== 'to' || breakBefore[cue.t0] === 1 || breakBefore[cue.t0 - 1] === 1) return cue;
    let k = cue.t0 - 2;
    while (k > 0 && breakBefore[k + 1] !== 1 && scan.words.verbSkips.has(norm[k] as string) && !scan.words.beForms.has(norm[k] as string)) k--;
    return breakBefore[k + 1] !== 1 && scan.words.raisingVerbs.has(norm[k] as string) && scan.article.quotedToken[k] === 0 ? { ...cue, t0: k } : cue;
  });
}
