/**
 * Which words are reported speech: loaded language inside them is charged to their speaker, not the outlet.
 */
import type { SegmentedArticle } from '../../text/index.ts';
import { firstTokenAtOrAfter } from '../../text/tokens.ts';
import { isCause, isUnheld } from './attitudes.ts';
import { filledInts, reusedInts } from './reused-arrays.ts';
import type { RawAttribution } from './types.ts';

// The column is reused from article to article (a new one per article was an off-heap buffer, 3 KB on a news
// article). Its life ends when the report is built: loaded language and scare quotes read it inside runMetrics,
// and neither the report nor anything the pipeline returns holds it. It keeps the size of the largest article
// seen: 4 bytes a token, 0.7 MB after a megabyte of one-word paragraphs (~2 MB after a megabyte of one-letter words, the most tokens a megabyte holds).
const voicedStore = reusedInts();

/** Per token: the index into `attributions` of the first quotation or reported speech whose content holds it, or -1; valid until the next call. */
export function voicedBy(article: SegmentedArticle, attributions: readonly RawAttribution[]): Int32Array {
  const { tokens } = article;
  const voiced = filledInts(voicedStore, tokens.count, -1);
  attributions.forEach((attribution, index) => {
    // A view held by no one named ("The pier is expected to open") is reported in the writer's own words, and so
    // is the cause of a feeling ("were shaken by the corrupt mayor").
    if (attribution.contentStart < 0 || attribution.mode === 'vague' || attribution.mode === 'non-response' || isUnheld(attribution) || isCause(attribution)) return;
    const end = attribution.contentEnd;
    // The reporting verb itself ("slammed", "accused") is the outlet's word for the act, not the speaker's.
    // Without a cue, no token is in it: an empty range.
    const cueStart = attribution.cue === null ? 1 : attribution.cueStart;
    const cueEnd = attribution.cue === null ? 0 : attribution.cueEnd;
    for (let t = firstTokenAtOrAfter(tokens, attribution.contentStart); t < tokens.count && (tokens.end[t] as number) <= end; t++) {
      const inCue = (tokens.start[t] as number) >= cueStart && (tokens.end[t] as number) <= cueEnd;
      if (voiced[t] === -1 && !inCue) voiced[t] = index;
    }
  });
  return voiced;
}
