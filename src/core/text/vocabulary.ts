/**
 * Word ids: a small integer per folded word form that some table registered, so that a table keyed by
 * words can be read as an array indexed by a token's id instead of a string-keyed map. Only the words of
 * tables are registered (the vocabulary stays as small as the lexicons, however many texts are read);
 * every other word reads as NO_WORD. Ids are process-local and assigned on first registration: never
 * store one in a file or a snapshot. A token table keeps the generation its ids were read in and reads
 * its unknown words again when a table by id registered more words since (see `tokenIds` in tokens.ts);
 * a word registered on its own (a trie's further words, as a walk first reaches them) starts no new
 * generation, and the token table's `idsReadAt` tells whether its unknown words may include it.
 */

/** The id of a word no table registered. */
export const NO_WORD = -1;

const idByForm = new Map<string, number>();
let generation = 0;

/** The id of `form`, registering it when it is new; ids only grow, so a newer word has a higher id. */
export function registerWord(form: string): number {
  let id = idByForm.get(form);
  if (id === undefined) {
    id = idByForm.size;
    idByForm.set(form, id);
  }
  return id;
}

/** The id of `form`, or NO_WORD when no table registered it. */
export function wordIdOf(form: string): number {
  return idByForm.get(form) ?? NO_WORD;
}

/** How many words are registered: every id is below it. */
export function vocabularySize(): number {
  return idByForm.size;
}

/** Grows when a table by id (tableByWordId) registers new words: ids read in an older generation may miss them. */
export function vocabularyGeneration(): number {
  return generation;
}

/**
 * `table`'s values as an array indexed by word id (registering its keys), `empty` for any other id. Ids
 * registered later are above the array's length and read as `empty` too, which is right: they are not keys.
 */
export function tableByWordId<V>(table: ReadonlyMap<string, V>, empty: V): V[] {
  // Plain loops, no pairs: this runs at start-up over every key of every table, mostly before the JIT.
  const ids = new Int32Array(table.size);
  const before = idByForm.size;
  let k = 0;
  for (const form of table.keys()) ids[k++] = registerWord(form);
  const array = new Array<V>(idByForm.size).fill(empty);
  k = 0;
  for (const value of table.values()) array[ids[k++] as number] = value;
  if (idByForm.size !== before) generation++;
  return array;
}

// Tables by word id made by tableByWordIdOnce, by the table they were made from.
const byIdOnce = new WeakMap<ReadonlyMap<string, unknown>, unknown[]>();

/**
 * tableByWordId made once per table object and kept while the table lives (ids are process-local, so never
 * stored with it). For tables that do not change once built; `empty` must be the same at every call.
 */
export function tableByWordIdOnce<V>(table: ReadonlyMap<string, V>, empty: V): V[] {
  let array = byIdOnce.get(table) as V[] | undefined;
  if (array === undefined) {
    array = tableByWordId(table, empty);
    byIdOnce.set(table, array);
  }
  return array;
}
