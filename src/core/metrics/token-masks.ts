/**
 * Token masks: one array read per token (by word id) says which tables (loaded language, opinion markers,
 * evaluative words, domain cues, AFINN, reporting cues, actors, titles, demonyms, anonymity, non-responses)
 * hold an entry starting with that word, so each later scan skips the tokens its table cannot match.
 */
import type { Lexicons } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import { tokenIds } from '../text/tokens.ts';
import { tableByWordId } from '../text/vocabulary.ts';

// `firstWords` by word id, built once per lexicon set (ids are process-local, so never stored with it).
const masksById = new WeakMap<ReadonlyMap<string, number>, Uint16Array>();

/** Per token, the FIRST_WORD bits of its folded form and of its form without a possessive. */
export function maskTokens(article: SegmentedArticle, lexicons: Lexicons): Uint16Array {
  let table = masksById.get(lexicons.firstWords);
  if (table === undefined) {
    table = Uint16Array.from(tableByWordId(lexicons.firstWords, 0));
    masksById.set(lexicons.firstWords, table);
  }
  const tokens = tokenIds(article.tokens);
  const { ids, bareIds } = tokens;
  const known = table.length;
  const masks = new Uint16Array(tokens.count);
  for (let t = 0; t < tokens.count; t++) {
    const id = ids[t] as number;
    const bare = bareIds[t] as number;
    let mask = id >= 0 && id < known ? (table[id] as number) : 0;
    if (bare !== id && bare >= 0 && bare < known) mask |= table[bare] as number;
    masks[t] = mask;
  }
  return masks;
}
