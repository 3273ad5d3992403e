/**
 * Purpose frames around speech: "Holt took to Twitter to say", "used her speech to call for", "was quick to
 * blame". The subject of the frame does what its infinitive says, so a verb of speech or a document's verb
 * after the frame's "to" has that subject for its speaker; the cue starts at the frame (or at its form of be)
 * so that the subject is read there, as for a raising verb (attitudes.ts). The frames are lexicon data
 * (purpose-frames.jsonl).
 */
import type { Scan } from './context.ts';
import type { Cue } from './types.ts';
import { mapped } from '../../text/lists.ts';

// The most words between a frame verb and its "to" ("took to social media to", "used the last debate to").
const FRAME_GAP_MAX = 4;

/**
 * `cues` with each verb cue of speech or of a document after a purpose frame and "to" starting at the frame
 * ("took to Twitter to say" from "took", "was quick to blame" from "was"). Attitudes after a frame are left
 * as they are ("took steps to support" is no view stated). Same order, same count.
 */
export function withPurposeFrames(scan: Scan, cues: readonly Cue[]): Cue[] {
  const { norm, breakBefore } = scan.article.tokens;
  const { words } = scan;
  const quoted = scan.article.quotedToken;
  return mapped(cues, (cue) => {
    const to = cue.t0 - 1;
    if (cue.ref.kind !== 'verb' || cue.ref.family === 'attitude' || to < 1 || norm[to] !== 'to' || breakBefore[cue.t0] === 1 || breakBefore[to] === 1) return cue;
    // "was quick to blame", "were not quick to say": the adjective right before "to", its form of be before it.
    let k = to - 1;
    if (words.purposeFrames.get(norm[k] as string) === 'adjective') {
      let b = k - 1;
      while (b > 0 && breakBefore[b + 1] !== 1 && words.verbSkips.has(norm[b] as string) && !words.beForms.has(norm[b] as string)) b--;
      return b >= 0 && breakBefore[b + 1] !== 1 && words.beForms.has(norm[b] as string) && quoted[b] === 0 ? { t0: b, t1: cue.t1, ref: cue.ref, sentence: cue.sentence, paragraph: cue.paragraph } : cue;
    }
    // "took to Twitter to say", "used his speech to call for": a frame verb a few plain words before "to".
    for (; k >= 0 && to - 1 - k <= FRAME_GAP_MAX; k--) {
      if (breakBefore[k + 1] === 1 || quoted[k] === 1) return cue;
      // Cues written out, not spread: one hidden class for every cue keeps the passes reading them fast.
      if (words.purposeFrames.get(norm[k] as string) === 'verb') return { t0: k, t1: cue.t1, ref: cue.ref, sentence: cue.sentence, paragraph: cue.paragraph };
    }
    return cue;
  });
}
