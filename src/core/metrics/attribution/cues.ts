/**
 * Cues: where someone is reported as speaking or as holding a view. Outside quotations, sentence by sentence,
 * the longest of a non-response ("declined to comment"), a sourcing phrase ("according to"), or a reporting
 * verb, an attitude verb ("wants", "believes") or vague attribution from the lexicons.
 */
import { FIRST_WORD, matchAt, type CueRef, type PhraseCandidate, type PhraseRef } from '../../data/index.ts';
import type { Scan } from './context.ts';
import type { AttributionMode, Cue, CueSource } from './types.ts';

/** The mode of speech found at a cue: an attitude verb's finding is an attitude whatever its grammar, else `grammar`. */
export function cueMode(ref: CueSource, grammar: AttributionMode): AttributionMode {
  return ref.kind === 'verb' && ref.family === 'attitude' ? 'attitude' : grammar;
}

/** Every cue outside quotations and datelines, in text order; cues never overlap. */
export function findCues(scan: Scan): Cue[] {
  const { article, lexicons, masks } = scan;
  const { tokens } = article;
  const cues: Cue[] = [];
  const cueScratch: PhraseCandidate<CueRef>[] = [];
  const phraseScratch: PhraseCandidate<PhraseRef>[] = [];
  for (const sentence of scan.sentences) {
    const at = { sentence: sentence.index, paragraph: sentence.paragraph };
    // "She said she supports the bill": an attitude inside what a speaker said is part of that speech.
    let speechBefore = false;
    let t = sentence.tokenStart;
    while (t < sentence.tokenEnd) {
      if (article.quotedToken[t] === 1 || scan.excluded[t] === 1) {
        t++;
        continue;
      }
      const mask = masks[t] as number;
      if ((mask & FIRST_WORD.nonResponse) !== 0 && matchAt(lexicons.nonResponses, tokens, t, sentence.tokenEnd, phraseScratch) > 0) {
        const best = phraseScratch[0] as PhraseCandidate<PhraseRef>;
        cues.push({ t0: t, t1: t + best.rest.length + 1, ref: { kind: 'non-response', lemma: best.value.term, stance: 'neutral', act: false, lexicon: best.value.lexicon }, ...at });
        t += best.rest.length + 1;
        continue;
      }
      const sourcing = sourcingPhraseAt(scan, t, sentence.tokenEnd);
      if (sourcing > 0) {
        const lemma = (tokens.norm.slice(t, t + sourcing) as string[]).join(' ');
        cues.push({ t0: t, t1: t + sourcing, ref: { kind: 'according', lemma, stance: 'neutral', act: false, lexicon: scan.rulesSource }, ...at });
        speechBefore = true;
        t += sourcing;
        continue;
      }
      if ((mask & FIRST_WORD.cue) !== 0 && matchAt(lexicons.cues, tokens, t, sentence.tokenEnd, cueScratch) > 0) {
        const best = cueScratch[0] as PhraseCandidate<CueRef>;
        // "on condition of anonymity" marks a source; it does not stand for one.
        const anonymityMarker = best.value.kind === 'vague' && (mask & FIRST_WORD.anonymity) !== 0 && matchAt(lexicons.anonymity, tokens, t, sentence.tokenEnd, phraseScratch) > 0;
        const attitude = best.value.family === 'attitude';
        if (!anonymityMarker && !(attitude && speechBefore)) cues.push({ t0: t, t1: t + best.rest.length + 1, ref: best.value, ...at });
        if (!attitude) speechBefore = true;
        t += best.rest.length + 1;
        continue;
      }
      t++;
    }
  }
  return cues;
}

// The length in tokens of a sourcing phrase ("according to") starting at `t` and ending by `end`, or 0.
function sourcingPhraseAt(scan: Scan, t: number, end: number): number {
  const { norm } = scan.article.tokens;
  for (const phrase of scan.words.sourcingPhrases) {
    if (t + phrase.length <= end && phrase.every((word, k) => norm[t + k] === word)) return phrase.length;
  }
  return 0;
}
