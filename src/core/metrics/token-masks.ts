/**
 * Token masks: one map lookup per token says which tables (loaded language, opinion markers, evaluative
 * words, domain cues, AFINN, reporting cues, actors, titles, demonyms, anonymity, non-responses) hold an
 * entry starting with that word, so each later scan skips the tokens its table cannot match.
 */
import type { Lexicons } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';

/** Per token, the FIRST_WORD bits of its folded form and of its form without a possessive. */
export function maskTokens(article: SegmentedArticle, lexicons: Lexicons): Uint16Array {
  const { tokens } = article;
  const masks = new Uint16Array(tokens.count);
  for (let t = 0; t < tokens.count; t++) {
    const norm = tokens.norm[t] as string;
    const bare = tokens.bare[t] as string;
    let mask = lexicons.firstWords.get(norm) ?? 0;
    if (bare !== norm) mask |= lexicons.firstWords.get(bare) ?? 0;
    masks[t] = mask;
  }
  return masks;
}
