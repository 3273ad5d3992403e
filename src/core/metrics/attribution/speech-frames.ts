/**
 * Speech frames: some reporting verbs name an act of speech only with a speech object or complement after
 * them. "The ministry released a statement", "Holt posted on Twitter that...", "police named him as the
 * driver", "she shared: \"...\"" report speech; "the company posted a loss", "the police released the
 * suspect", "two families shared a meal", "sirens sounded across the city" are acts in the world, and
 * reading them as speech gives their subject a voice. Such entries carry `needs` (reporting-verbs.jsonl).
 */
import type { CueRef } from '../../data/index.ts';
import type { Scan } from './context.ts';
import { infinitiveAt } from './content-spans.ts';

// How many words after the verb its speech object may stand: "released a brief written statement",
// "posted a short video on Facebook".
const FRAME_REACH = 6;

/** Whether the cue `ref` matched at tokens ..last ("to" for `infinitive`), in a sentence ending at token `end`, stands in the frame its entry needs (always, without `needs`). */
export function inSpeechFrame(scan: Scan, ref: CueRef, last: number, end: number): boolean {
  if (ref.needs === undefined) return true;
  // "is looking to cut taxes" is an intention; "investors look to the bank for guidance" is reliance.
  if (ref.needs === 'infinitive') return infinitiveAt(scan, last, end);
  const { tokens, quotedToken, text } = scan.article;
  const words = scan.words;
  // "posted: \"...\"", "shared, \"...\"": the quotation is what was given out.
  if (last + 1 < end && tokens.breakBefore[last + 1] === 1) {
    const between = text.slice(tokens.end[last], tokens.start[last + 1]).trim();
    return between.startsWith(':') || quotedToken[last + 1] === 1;
  }
  // "sounded across the city as the missiles fell": after a place, "as" opens a clause of time, not "X as Y".
  let placed = false;
  for (let t = last + 1; t < end && t <= last + FRAME_REACH; t++) {
    if (quotedToken[t] === 1) return true;
    // A comma or other break ends the clause: "sounded across the city, as sirens wailed".
    if (t > last + 1 && tokens.breakBefore[t] === 1) return false;
    const word = tokens.norm[t] as string;
    if (words.locatives.has(word)) placed = true;
    if ((word === 'as' && !placed) || words.clauseWords.get(word) === 'complementiser') return true;
    if (words.speechObjects.has(word) || words.speechObjects.has(tokens.bare[t] as string)) return true;
  }
  return false;
}
