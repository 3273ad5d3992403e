/**
 * Phrase gates: a cheap test, before a phrase index is walked at a token, that a match is possible at all.
 * A first word's FIRST_WORD bit says a phrase may start there; most such tokens ("the", "to", "a", "is")
 * start none, because the next word is no second word of any phrase that opens with them. Per token, for
 * each index the passes walk, two bits: the token's form is a whole phrase on its own (WHOLE), and it is
 * the second word of some phrase (FOLLOW). A match at `t` needs token `t` WHOLE or token `t + 1` FOLLOW
 * (unbroken, before the limit); the gate never refuses a match the index would make, it only spares the
 * walks that find nothing (about four in five at the first-word tokens of news text).
 */
import type { Lexicons, PhraseNode } from '../../data/index.ts';

/** The indexes gated, each with its WHOLE bit (`bit`) and FOLLOW bit (`bit << 1`). */
export const GATE = { actor: 1, title: 4, demonym: 16, anonymity: 64, nonResponse: 256, cue: 1024 } as const;

/**
 * The GATE bits of every word the gated indexes hold, by form: read per token with the word classes, from
 * one table by word id (word-classes.ts: `readWords`), so that a token costs one look-up for both.
 */
export function gateBitsByForm(lexicons: Lexicons): Map<string, number> {
  const bits = new Map<string, number>();
  const mark = (index: ReadonlyMap<string, PhraseNode<unknown>>, bit: number): void => {
    for (const [first, node] of index) {
      if (node.values.length > 0) bits.set(first, (bits.get(first) ?? 0) | bit);
      if (node.next !== undefined) for (const second of node.next.keys()) bits.set(second, (bits.get(second) ?? 0) | (bit << 1));
    }
  };
  mark(lexicons.actorIndex, GATE.actor);
  mark(lexicons.titles, GATE.title);
  mark(lexicons.demonymIndex, GATE.demonym);
  mark(lexicons.anonymity, GATE.anonymity);
  mark(lexicons.nonResponses, GATE.nonResponse);
  mark(lexicons.cues, GATE.cue);
  return bits;
}

/**
 * False when the index of `bit` (a GATE value) cannot match at token `t` within `limit`: the token is no
 * whole phrase and the next token, before any break, is no phrase's second word.
 */
export function mayMatchAt(gates: Uint16Array, breakBefore: Uint8Array, bit: number, t: number, limit: number): boolean {
  return ((gates[t] as number) & bit) !== 0 || (t + 1 < limit && breakBefore[t + 1] === 0 && ((gates[t + 1] as number) & (bit << 1)) !== 0);
}
