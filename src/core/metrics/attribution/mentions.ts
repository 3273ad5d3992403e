/**
 * Actor mentions: gazetteer actors named in the text, the first thing attribution reads. A match must hold
 * a capitalised word, so "turkey" the bird is not Turkey.
 */
import { FIRST_WORD, matchAt, type ActorRef, type Lexicons } from '../../data/index.ts';
import type { SegmentedArticle } from '../../text/index.ts';
import type { ActorMention } from './types.ts';
import type { AttributionWords } from '../../data/attribution-words.ts';
import { filledInts, reusedInts } from './reused-arrays.ts';

// The mention index by token, reused from article to article like the scan that holds it (context.ts).
const actorAtStore = reusedInts();

/** Every actor mention in text order, and per token the index of the mention holding it (or -1); dateline tokens (`excluded` 1) are skipped. */
export function findActorMentions(article: SegmentedArticle, lexicons: Lexicons, masks: Uint16Array, excluded: Uint8Array, capital: Uint8Array): { mentions: ActorMention[]; actorAt: Int32Array } {
  const { tokens } = article;
  const mentions: ActorMention[] = [];
  const actorAt = filledInts(actorAtStore, tokens.count, -1);
  const scratch: ActorRef[] = [];
  article.paragraphs.forEach((paragraph, p) => {
    let t = paragraph.tokenStart;
    while (t < paragraph.tokenEnd) {
      const words = ((masks[t] as number) & FIRST_WORD.actor) === 0 || excluded[t] === 1 ? 0 : matchAt(lexicons.actorIndex, tokens, t, paragraph.tokenEnd, scratch);
      if (words === 0) {
        t++;
        continue;
      }
      const actor = scratch[0] as ActorRef;
      const end = t + words;
      let capitalised = false;
      for (let k = t; k < end; k++) if (capital[k] === 1) capitalised = true;
      if (capitalised) {
        for (let k = t; k < end; k++) actorAt[k] = mentions.length;
        mentions.push({ start: tokens.start[t] as number, end: tokens.end[end - 1] as number, tokenStart: t, tokenEnd: end, actor: actor.id, paragraph: p });
      }
      t = end;
    }
  });
  return { mentions, actorAt };
}

/** True when token `t` follows a locating preposition, perhaps with "the" between ("talks in Geneva", "in the United States"). */
export function precededByLocative(article: SegmentedArticle, words: AttributionWords, t: number): boolean {
  let k = t - 1;
  if (k < 0) return false;
  if (words.determiners.get(article.tokens.norm[k] as string) === 'definite') k--;
  const word = k < 0 ? undefined : article.tokens.norm[k];
  return word !== undefined && words.locatives.has(word);
}
