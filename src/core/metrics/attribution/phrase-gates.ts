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
import type { SegmentedArticle } from '../../text/index.ts';
import { tokenIds } from '../../text/tokens.ts';
import { NO_WORD, tableByWordId, wordIdOf } from '../../text/vocabulary.ts';

/** The indexes gated, each with its WHOLE bit (`bit`) and FOLLOW bit (`bit << 1`). */
export const GATE = { actor: 1, title: 4, demonym: 16, anonymity: 64, nonResponse: 256, cue: 1024 } as const;

// The bits by word id, built once per lexicons, as word-classes.ts builds the classes (and for the same
// reason with the bits by form and the highest id of a gated word).
type GateTable = { readonly byId: Uint16Array; readonly byForm: ReadonlyMap<string, number>; readonly newest: number };
const gatesByLexicons = new WeakMap<Lexicons, GateTable>();

function gateTable(lexicons: Lexicons): GateTable {
  let table = gatesByLexicons.get(lexicons);
  if (table === undefined) {
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
    const byId = Uint16Array.from(tableByWordId(bits, 0));
    let newest = NO_WORD;
    for (const form of bits.keys()) newest = Math.max(newest, wordIdOf(form));
    table = { byId, byForm: bits, newest };
    gatesByLexicons.set(lexicons, table);
  }
  return table;
}

/** Per token of `article`: the GATE bits of its folded form and of its form without a possessive (`bare`). */
export function phraseGates(article: SegmentedArticle, lexicons: Lexicons): Uint16Array {
  const { byId, byForm, newest } = gateTable(lexicons);
  const { ids, bareIds, count, norm, bare, idsReadAt } = tokenIds(article.tokens);
  const known = byId.length;
  const late = newest >= idsReadAt;
  const gates = new Uint16Array(count);
  for (let t = 0; t < count; t++) {
    const id = ids[t] as number;
    const bareId = bareIds[t] as number;
    let bits = id >= 0 && id < known ? (byId[id] as number) : 0;
    if (bareId !== id && bareId >= 0 && bareId < known) bits |= byId[bareId] as number;
    // A word registered after the text was read (a trie's further words) reads NO_WORD: looked up by form.
    if (late && (id < 0 || bareId < 0)) bits |= (byForm.get(norm[t] as string) ?? 0) | (byForm.get(bare[t] as string) ?? 0);
    gates[t] = bits;
  }
  return gates;
}

/**
 * False when the index of `bit` (a GATE value) cannot match at token `t` within `limit`: the token is no
 * whole phrase and the next token, before any break, is no phrase's second word.
 */
export function mayMatchAt(gates: Uint16Array, breakBefore: Uint8Array, bit: number, t: number, limit: number): boolean {
  return ((gates[t] as number) & bit) !== 0 || (t + 1 < limit && breakBefore[t + 1] === 0 && ((gates[t + 1] as number) & (bit << 1)) !== 0);
}
