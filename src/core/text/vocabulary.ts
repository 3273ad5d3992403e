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

// An open-addressing hash table over the forms, so that the tokenizer can look a word up where it lies in
// the folded text (`wordIdIn`) without first slicing it out: a string-keyed Map would hash a new string per
// token. `slotIds` holds id + 1 (0 for an empty slot), `slotHashes` the form's hash, so a probe compares
// characters only when the hashes agree. Kept at most half full: most unknown words stop at an empty slot.
const forms: string[] = [];
let slotIds = new Int32Array(1 << 15);
let slotHashes = new Int32Array(1 << 15);
let generation = 0;

// FNV-1a over UTF-16 units, then a final mix so that the low bits (the slot) depend on every unit.
function hashOf(text: string, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash ^= hash >>> 15;
  hash = Math.imul(hash, 0x2c1b3c6d);
  return hash ^ (hash >>> 12);
}

/** The id of the word text.slice(start, end), or NO_WORD when no table registered it; slices nothing. */
export function wordIdIn(text: string, start: number, end: number): number {
  const hash = hashOf(text, start, end);
  const mask = slotIds.length - 1;
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const entry = slotIds[slot] as number;
    if (entry === 0) return NO_WORD;
    if (slotHashes[slot] !== hash) continue;
    const form = forms[entry - 1] as string;
    if (form.length !== length) continue;
    let k = 0;
    while (k < length && form.charCodeAt(k) === text.charCodeAt(start + k)) k++;
    if (k === length) return entry - 1;
  }
}

function insert(ids: Int32Array, hashes: Int32Array, id: number, hash: number): void {
  const mask = ids.length - 1;
  let slot = hash & mask;
  while (ids[slot] !== 0) slot = (slot + 1) & mask;
  ids[slot] = id + 1;
  hashes[slot] = hash;
}

/** The id of `form`, registering it when it is new; ids only grow, so a newer word has a higher id. */
export function registerWord(form: string): number {
  const known = wordIdIn(form, 0, form.length);
  if (known !== NO_WORD) return known;
  const id = forms.length;
  forms.push(form);
  if (forms.length * 2 > slotIds.length) {
    // Doubled, and every slot placed again from its kept hash.
    const ids = new Int32Array(slotIds.length * 2);
    const hashes = new Int32Array(slotIds.length * 2);
    for (let slot = 0; slot < slotIds.length; slot++) {
      const entry = slotIds[slot] as number;
      if (entry !== 0) insert(ids, hashes, entry - 1, slotHashes[slot] as number);
    }
    slotIds = ids;
    slotHashes = hashes;
  }
  insert(slotIds, slotHashes, id, hashOf(form, 0, form.length));
  return id;
}

/** The form registered under `id` (an id that registerWord or a look-up returned). */
export function formOfWord(id: number): string {
  return forms[id] as string;
}

/** The id of `form`, or NO_WORD when no table registered it. */
export function wordIdOf(form: string): number {
  return wordIdIn(form, 0, form.length);
}

/** How many words are registered: every id is below it. */
export function vocabularySize(): number {
  return forms.length;
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
  const before = forms.length;
  let k = 0;
  for (const form of table.keys()) ids[k++] = registerWord(form);
  const array = new Array<V>(forms.length).fill(empty);
  k = 0;
  for (const value of table.values()) array[ids[k++] as number] = value;
  if (forms.length !== before) generation++;
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
