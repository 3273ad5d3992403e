/**
 * Token masks: one array read per token (by word id) says which tables (loaded language, opinion markers,
 * evaluative words, domain cues, AFINN, reporting cues, actors, titles, demonyms, anonymity, non-responses)
 * can match an entry starting with that word, so each later scan skips the tokens its table cannot match.
 * A phrase table's bit stays on a token only when the word is an entry on its own or the next word can be
 * the phrase's second: "the", "of" or "a" start phrases in several tables, but are mostly followed by a word
 * none of them continues with (on PolNeAR this leaves 1 in 5 of the loaded-language look-ups, 1 in 4 of the cues').
 */
import { FIRST_WORD, type Lexicons, type PhraseIndex } from '../data/index.ts';
import { madeByWordId } from '../data/files.ts';
import type { SegmentedArticle } from '../text/index.ts';
import { tokenIds } from '../text/tokens.ts';
import { NO_WORD, tableByWordId, wordIdOf } from '../text/vocabulary.ts';

// The phrase tables behind FIRST_WORD bits. A bit not listed here (AFINN, read a word at a time) is kept
// whenever the word has it, so a table added to FIRST_WORD without an entry here is only never narrowed.
function phraseTables(lexicons: Lexicons): readonly (readonly [number, PhraseIndex<unknown>])[] {
  return [
    [FIRST_WORD.loaded, lexicons.loaded],
    [FIRST_WORD.opinion, lexicons.opinion],
    [FIRST_WORD.subjective, lexicons.subjective],
    [FIRST_WORD.domains, lexicons.domains],
    [FIRST_WORD.cue, lexicons.cues],
    [FIRST_WORD.actor, lexicons.actorIndex],
    [FIRST_WORD.title, lexicons.titles],
    [FIRST_WORD.demonym, lexicons.demonymIndex],
    [FIRST_WORD.anonymity, lexicons.anonymity],
    [FIRST_WORD.nonResponse, lexicons.nonResponses],
  ];
}

// By word id, in one int (one memory read per token): the FIRST_WORD bits of the tables with an entry starting
// with the word, and 16 bits up those of them where the word is a whole entry (every bit of a table read a word
// at a time). `pairs`, by a hash of
// a first and a second word's ids: the bits of the tables with a phrase starting with those two words. A
// collision only keeps a bit that could have gone, so a mask never hides a match. Built once per lexicon set
// (ids are process-local: only the data snapshot stores them, with its vocabulary; see madeByWordId).
type MaskTables = { byId: Uint32Array; pairs: Uint16Array; pairShift: number; newestSecond: number };
const tablesByLexicons = new WeakMap<ReadonlyMap<string, number>, MaskTables>();

function pairSlot(first: number, second: number, shift: number): number {
  return (Math.imul(first, 0x9e3779b1) ^ Math.imul(second + 1, 0x85ebca77)) >>> shift;
}

function maskTables(lexicons: Lexicons): MaskTables {
  let tables = tablesByLexicons.get(lexicons.firstWords);
  if (tables === undefined) {
    tables = madeByWordId('token masks', lexicons.firstWords, () => buildMaskTables(lexicons));
    tablesByLexicons.set(lexicons.firstWords, tables);
  }
  return tables;
}

function buildMaskTables(lexicons: Lexicons): MaskTables {
  const first = Uint16Array.from(tableByWordId(lexicons.firstWords, 0));
  const phrases = phraseTables(lexicons);
  let phraseBits = 0;
  // The second words, registered as a table so that tokens read before read them again (tokenIds).
  const seconds = new Map<string, boolean>();
  let pairCount = 0;
  for (const [bit, index] of phrases) {
    phraseBits |= bit;
    for (const node of index.values()) {
      if (node.next === undefined) continue;
      for (const word of node.next.keys()) seconds.set(word, true);
      pairCount += node.next.size;
    }
  }
  tableByWordId(seconds, false);
  let newestSecond = NO_WORD;
  for (const word of seconds.keys()) newestSecond = Math.max(newestSecond, wordIdOf(word));
  const alone = new Uint16Array(first.length);
  for (let id = 0; id < first.length; id++) alone[id] = (first[id] as number) & ~phraseBits;
  // At most one pair in eight slots: a collision keeps a bit in about one token in eight that has a first word.
  let bits = 10;
  while (1 << bits < pairCount * 8) bits++;
  const shift = 32 - bits;
  const pairs = new Uint16Array(1 << bits);
  for (const [bit, index] of phrases) {
    for (const [word, node] of index) {
      const id = wordIdOf(word);
      if (id === NO_WORD) continue;
      if (node.values.length > 0) alone[id] = (alone[id] as number) | bit;
      if (node.next === undefined) continue;
      for (const second of node.next.keys()) {
        const slot = pairSlot(id, wordIdOf(second), shift);
        pairs[slot] = (pairs[slot] as number) | bit;
      }
    }
  }
  const byId = new Uint32Array(first.length);
  for (let id = 0; id < first.length; id++) byId[id] = (first[id] as number) | ((alone[id] as number) << 16);
  return { byId, pairs, pairShift: shift, newestSecond };
}

/** Per token, the FIRST_WORD bits of the tables that can match there (by its folded form or its form without a possessive). */
export function maskTokens(article: SegmentedArticle, lexicons: Lexicons): Uint16Array {
  const { byId, pairs, pairShift, newestSecond } = maskTables(lexicons);
  // After the tables: a word they registered is read again in a text tokenized before.
  const tokens = tokenIds(article.tokens);
  const { ids, bareIds, breakBefore, count } = tokens;
  // A second word registered on its own (by a trie's walk) after the text was read is a NO_WORD here: such a
  // word may follow any first word.
  const lateSeconds = newestSecond >= tokens.idsReadAt;
  const known = byId.length;
  const masks = new Uint16Array(count);
  for (let t = 0; t < count; t++) {
    const id = ids[t] as number;
    const bare = bareIds[t] as number;
    const ownKnown = id >= 0 && id < known;
    const bareKnown = bare !== id && bare >= 0 && bare < known;
    let entry = ownKnown ? (byId[id] as number) : 0;
    if (bareKnown) entry |= byId[bare] as number;
    if (entry === 0) continue;
    const mask = entry & 0xffff;
    const keep = entry >>> 16;
    // The phrase tables where the word is no entry of its own: a match needs the next word to be a second word.
    let open = mask & ~keep;
    if (open !== 0) {
      const next = t + 1;
      if (next < count && breakBefore[next] === 0) {
        const nextId = ids[next] as number;
        const nextBare = bareIds[next] as number;
        let follow = lateSeconds && (nextId === NO_WORD || nextBare === NO_WORD) ? open : 0;
        if (ownKnown) {
          follow |= pairs[pairSlot(id, nextId, pairShift)] as number;
          if (nextBare !== nextId) follow |= pairs[pairSlot(id, nextBare, pairShift)] as number;
        }
        if (bareKnown) {
          follow |= pairs[pairSlot(bare, nextId, pairShift)] as number;
          if (nextBare !== nextId) follow |= pairs[pairSlot(bare, nextBare, pairShift)] as number;
        }
        open &= follow;
      } else open = 0;
    }
    masks[t] = (mask & keep) | open;
  }
  return masks;
}
