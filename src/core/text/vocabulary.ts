/**
 * Word ids: a small integer per folded word form that some table registered, so that a table keyed by
 * words can be read as an array indexed by a token's id instead of a string-keyed map. Only the words of
 * tables are registered (the vocabulary stays as small as the lexicons, however many texts are read);
 * every other word reads as NO_WORD. Ids are process-local and assigned on first registration: never
 * store one in a file, except the data snapshot, which stores the whole vocabulary with its tables by id and
 * restores them only into a process that has registered no word yet (`restoreVocabulary`). A token table keeps the generation its ids were read in and reads
 * its unknown words again when a table by id registered more words since (see `tokenIds` in tokens.ts);
 * a word registered on its own (a trie's further words, as a walk first reaches them) starts no new
 * generation, and the token table's `idsReadAt` tells whether its unknown words may include it.
 */

/** The id of a word no table registered. */
export const NO_WORD = -1;

// An open-addressing hash table over the forms, so that the tokenizer can look a word up where it lies in
// the folded text (`wordIdIn`) without first slicing it out: a string-keyed Map would hash a new string per
// token. A slot is four ints, [id + 1 (0 when empty), hash, where the form's units start in `units`, its
// length], and the forms' units are one array: a probe reads one slot and, when hash and length agree, one
// run of units, instead of chasing a string per candidate (the look-ups are bound by memory, not by
// arithmetic). Kept at most half full, so most unknown words stop at the first empty slot.
const SLOT = 4;
let forms: string[] = [];
let slots = new Int32Array((1 << 14) * SLOT);
let units = new Uint16Array(1 << 16);
let unitsUsed = 0;
let generation = 0;
// A bit per hash value's high bits, set for each registered form (eight bits per slot): most words no table
// has (half of the look-ups that reach the table: names, long words) stop at one bit in an array a sixteenth
// of the slots' size, instead of reading a slot and a run of units far apart in memory. Made again with the
// slots when they grow; a restored vocabulary brings its own (made from the slots only if they do not fit).
// Empty as the table is (a walk over its 16k empty slots cost a command-line start ~2 ms, before the JIT).
let knownHashes: Uint32Array<ArrayBuffer> = new Uint32Array(slots.length / SLOT / 4);

// FNV-1a over UTF-16 units, then a final mix so that the low bits (the slot) depend on every unit. The
// steps are exported so that the tokenizer can hash a word while it scans it (`wordIdHashed`).
/** FNV-1a's starting value: fold each unit in with `hashStep`, then finish with `hashFinish`. */
export const HASH_START = 0x811c9dc5;
/** The hash so far with one more UTF-16 unit. */
export function hashStep(hash: number, unit: number): number {
  return Math.imul(hash ^ unit, 0x01000193);
}
/** The final mix of a hash made with `hashStep`. */
export function hashFinish(hash: number): number {
  let mixed = hash ^ (hash >>> 15);
  mixed = Math.imul(mixed, 0x2c1b3c6d);
  return mixed ^ (mixed >>> 12);
}

function hashOf(text: string, start: number, end: number): number {
  let hash = HASH_START;
  for (let i = start; i < end; i++) hash = hashStep(hash, text.charCodeAt(i));
  return hashFinish(hash);
}

/** The id of the word text.slice(start, end), or NO_WORD when no table registered it; slices nothing. */
export function wordIdIn(text: string, start: number, end: number): number {
  let hash = HASH_START;
  let low = 0;
  let mid = 0;
  let high = 0;
  let packable = end - start <= CACHED_UNITS;
  for (let i = start; i < end; i++) {
    const unit = text.charCodeAt(i);
    hash = hashStep(hash, unit);
    // A unit 0 packs as nothing: "\0ab" would read as "ab"'s entry. Words never hold one, other strings may.
    if (unit === 0 || unit > 0xff) packable = false;
    high = (high << 8) | (mid >>> 24);
    mid = (mid << 8) | (low >>> 24);
    low = (low << 8) | unit;
  }
  return wordIdPacked(text, start, end, hashFinish(hash), packable ? low : 0, mid, high);
}

// A direct-mapped cache in front of the table, for the words texts repeat ("the", "said", "minister"): by
// the hash's low bits, CACHE_ENTRY ints [the word's last four units, the four before them, the four before
// those (a byte each, 0 before its start), its id, or for a word no table has, -2 - the vocabulary's size when
// it was cached], for words of up to CACHED_UNITS units below 256 (words of 9 to 12 units, "government",
// "president", are a tenth of news tokens and mostly registered: the table's costliest look-ups). The
// table and the units are a megabyte or more, so a look-up there costs two cache misses; a hit here reads one
// entry of a table small enough to stay in the processor's cache, and compares three ints the tokenizer packed
// while it read the word, without reading the word again where it lies in the folded text (a copy of the text
// the scan does not otherwise touch). No word unit is 0, so the packed ints alone tell words apart, lengths
// included, and an empty entry (0) matches none. Ids never change, so a cached id stays right; a cached
// NO_WORD only while no word was registered since. (A cached word's string is a copy, never a view of the
// text it was read in: V8 makes views of slices of 13 units or more.)
const CACHE_ENTRY = 4;
/** The longest word the cache keeps: its units, if all below 256, pack into three ints (`wordIdPacked`). */
export const CACHED_UNITS = 12;
// 8,192 entries (128 KB) measured ~6% faster segmentation than 4,096 once words of 9-12 units are cached too; 16,384 no faster.
const CACHE_SIZE = 8192;
const cache = new Int32Array(CACHE_SIZE * CACHE_ENTRY);
// Beside each entry, its word's form: the registered string, or for a word no table has, the string made
// when it was cached, so that a word a text repeats is one string, not one per token (`wordFormPacked`).
const cacheForms: string[] = new Array<string>(CACHE_SIZE).fill('');

/**
 * `wordIdIn` for a caller that already hashed the word's units (HASH_START, hashStep, hashFinish) and packed
 * them, a word of at most CACHED_UNITS units below 256, a unit at a time: high = high << 8 | mid >>> 24,
 * mid = mid << 8 | low >>> 24, then low = low << 8 | unit; `low` 0 for any other word (then it is looked up in
 * the table, not cached).
 */
export function wordIdPacked(text: string, start: number, end: number, hash: number, low: number, mid: number, high: number): number {
  if (low === 0) return lookUp(text, start, end, hash);
  const at = (hash & (CACHE_SIZE - 1)) * CACHE_ENTRY;
  if (cache[at] === low && cache[at + 1] === mid && cache[at + 2] === high) {
    const held = cache[at + 3] as number;
    if (held >= 0) return held;
    if (held === -2 - forms.length) return NO_WORD;
  }
  const id = lookUp(text, start, end, hash);
  cache[at] = low;
  cache[at + 1] = mid;
  cache[at + 2] = high;
  cache[at + 3] = id === NO_WORD ? -2 - forms.length : id;
  cacheForms[hash & (CACHE_SIZE - 1)] = id === NO_WORD ? text.slice(start, end) : (forms[id] as string);
  return id;
}

/**
 * text.slice(start, end) for the word `wordIdPacked` has just looked up with `hash` and `low` and found as
 * `id`: the registered string, or an equal one kept from an earlier look-up, so that most words allocate nothing.
 */
export function wordFormPacked(text: string, start: number, end: number, hash: number, low: number, id: number): string {
  if (low !== 0) return cacheForms[hash & (CACHE_SIZE - 1)] as string;
  return id === NO_WORD ? text.slice(start, end) : (forms[id] as string);
}

// The bit of `knownHashes` for `hash`: its high bits, where the slot is its low bits.
function knownBit(bits: Uint32Array, hash: number): boolean {
  const index = hash >>> (Math.clz32(bits.length) - 4);
  return ((bits[index >>> 5] as number) & (1 << (index & 31))) !== 0;
}

function markKnown(bits: Uint32Array, hash: number): void {
  const index = hash >>> (Math.clz32(bits.length) - 4);
  bits[index >>> 5] = (bits[index >>> 5] as number) | (1 << (index & 31));
}

// Eight bits per slot (a power of two: the slots are), each form's bit set from its kept hash.
function knownBitsFor(table: Int32Array): Uint32Array<ArrayBuffer> {
  const bits = new Uint32Array(table.length / SLOT / 4);
  for (let at = 0; at < table.length; at += SLOT) if (table[at] !== 0) markKnown(bits, table[at + 1] as number);
  return bits;
}

function lookUp(text: string, start: number, end: number, hash: number): number {
  if (!knownBit(knownHashes, hash)) return NO_WORD;
  const table = slots;
  const pool = units;
  const mask = table.length / SLOT - 1;
  const length = end - start;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const at = slot * SLOT;
    const entry = table[at] as number;
    if (entry === 0) return NO_WORD;
    if (table[at + 1] !== hash || table[at + 3] !== length) continue;
    const from = (table[at + 2] as number) - start;
    let i = start;
    while (i < end && pool[from + i] === text.charCodeAt(i)) i++;
    if (i === end) return entry - 1;
  }
}

function insert(table: Int32Array, id: number, hash: number, from: number, length: number): void {
  const mask = table.length / SLOT - 1;
  let slot = hash & mask;
  while (table[slot * SLOT] !== 0) slot = (slot + 1) & mask;
  const at = slot * SLOT;
  table[at] = id + 1;
  table[at + 1] = hash;
  table[at + 2] = from;
  table[at + 3] = length;
}

/** The id of `form`, registering it when it is new; ids only grow, so a newer word has a higher id. */
export function registerWord(form: string): number {
  const known = wordIdIn(form, 0, form.length);
  if (known !== NO_WORD) return known;
  const id = forms.length;
  forms.push(form);
  if (forms.length * 2 > slots.length / SLOT) {
    // Doubled, and every slot placed again from its kept hash.
    const grown = new Int32Array(slots.length * 2);
    for (let at = 0; at < slots.length; at += SLOT) {
      const entry = slots[at] as number;
      if (entry !== 0) insert(grown, entry - 1, slots[at + 1] as number, slots[at + 2] as number, slots[at + 3] as number);
    }
    slots = grown;
    knownHashes = knownBitsFor(grown);
  }
  if (unitsUsed + form.length > units.length) {
    const grown = new Uint16Array(Math.max(units.length * 2, unitsUsed + form.length));
    grown.set(units);
    units = grown;
  }
  for (let k = 0; k < form.length; k++) units[unitsUsed + k] = form.charCodeAt(k);
  const hash = hashOf(form, 0, form.length);
  insert(slots, id, hash, unitsUsed, form.length);
  markKnown(knownHashes, hash);
  unitsUsed += form.length;
  // Every new word starts a generation, whoever registers it (a table by id, or a phrase trie's walk one word
  // at a time): a token table whose ids were read before reads its unknown words again (tokenIds), so a test
  // by id alone never misses a word registered after the text was tokenized.
  generation++;
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

/** Grows when a word is registered (registerWord): ids read in an older generation may miss it. */
export function vocabularyGeneration(): number {
  return generation;
}

/**
 * `table`'s values as an array indexed by word id (registering its keys), `empty` for any other id. Ids
 * registered later are above the array's length and read as `empty` too, which is right: they are not keys.
 * A table made at run time from loaded ones names them as `from` (a loaded table or lexicon set, and what was
 * made of it), so that the data snapshot can carry the array made from them (a fresh Map has no identity a
 * snapshot could find it by).
 */
export function tableByWordId<V>(table: ReadonlyMap<string, V>, empty: V, from?: { readonly source: object; readonly kind: string }): V[] {
  const source = from?.source ?? table;
  const kind = from?.kind ?? '';
  const restored = restoredById.get(source)?.get(kind);
  if (restored !== undefined && Object.is(restored.empty, empty)) return restored.array as V[];
  // Plain loops, no pairs: this runs at start-up over every key of every table, mostly before the JIT.
  const ids = new Int32Array(table.size);
  let k = 0;
  for (const form of table.keys()) ids[k++] = registerWord(form);
  const array = new Array<V>(forms.length).fill(empty);
  k = 0;
  for (const value of table.values()) array[ids[k++] as number] = value;
  onTableById?.({ table: source, kind, empty, array });
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

// Word lists by word id made by setByWordIdOnce, by the list they were made from.
const setsByIdOnce = new WeakMap<ReadonlySet<string>, readonly boolean[]>();

/** A word list as tableByWordIdOnce makes a table: true at the id of each of its words, once per list object. */
export function setByWordIdOnce(words: ReadonlySet<string>): readonly boolean[] {
  let byId = setsByIdOnce.get(words);
  if (byId === undefined) {
    byId = tableByWordId(new Map([...words].map((word) => [word, true])), false, { source: words, kind: 'set' });
    setsByIdOnce.set(words, byId);
  }
  return byId;
}

// Word lists read together per token, as one byte per word id whose bit k says the word is in lists[k]: one
// load of a table of a byte an id (19k ids, 19 KB: it stays in the processor's cache) answers every test,
// where a list by id as setByWordIdOnce makes it is a plain array of 8 bytes an id, one per list. Made from
// the lists' own words (registered here when new, so that tokens read before read them again), not from
// their tables by id: a start pays for a look-up per listed word, not a walk over every id, and nothing of it
// goes into the data snapshot (the lists are plain data there; the bytes are made in the process that reads
// them). Sized to the vocabulary when made: a word registered later is in none of the lists, whose words are
// all registered by then, so a reader tests `id < flags.length` before the load (`hasFlag`).
const flagsByIdOnce = new WeakMap<ReadonlySet<string>, { readonly lists: readonly ReadonlySet<string>[]; readonly flags: Uint8Array }[]>();

/** Per word id, bit k set when the word is in lists[k] (at most 8 lists); once per combination of list objects. */
export function flagsByWordIdOnce(lists: readonly ReadonlySet<string>[]): Uint8Array {
  if (lists.length === 0 || lists.length > 8) throw new Error(`flagsByWordIdOnce: ${lists.length} lists, 1 to 8`);
  const first = lists[0] as ReadonlySet<string>;
  let made = flagsByIdOnce.get(first);
  const found = made?.find((entry) => entry.lists.length === lists.length && entry.lists.every((list, k) => list === lists[k]));
  if (found !== undefined) return found.flags;
  const ids = lists.map((list) => Array.from(list, registerWord));
  const flags = new Uint8Array(forms.length);
  ids.forEach((listIds, k) => {
    for (const id of listIds) flags[id] = (flags[id] as number) | (1 << k);
  });
  if (made === undefined) flagsByIdOnce.set(first, (made = []));
  made.push({ lists: lists.slice(), flags });
  return flags;
}

/** Whether word `id` (NO_WORD too) has `bit` in `flags` (made by flagsByWordIdOnce). */
export function hasFlag(flags: Uint8Array, id: number, bit: number): boolean {
  return id >= 0 && id < flags.length && ((flags[id] as number) & bit) !== 0;
}

// Tables made by codesByWordIdOnce, by the table they were made from.
const codesByIdOnce = new WeakMap<ReadonlyMap<string, unknown>, Uint8Array>();

/**
 * Per word id, 1 + the index in `codes` of the word's value in `table` (0 for a word not in it): a table whose
 * values are a few strings read per token as a byte an id, as flagsByWordIdOnce reads lists. Once per table.
 */
export function codesByWordIdOnce<V>(table: ReadonlyMap<string, V>, codes: readonly V[]): Uint8Array {
  let made = codesByIdOnce.get(table);
  if (made === undefined) {
    if (codes.length > 255) throw new Error(`codesByWordIdOnce: ${codes.length} codes, at most 255`);
    const ids = Array.from(table.keys(), registerWord);
    made = new Uint8Array(forms.length);
    let k = 0;
    for (const value of table.values()) {
      const code = codes.indexOf(value);
      if (code < 0) throw new Error(`codesByWordIdOnce: value ${String(value)} is not among the codes`);
      made[ids[k++] as number] = code + 1;
    }
    codesByIdOnce.set(table, made);
  }
  return made;
}

// The vocabulary and the tables by id a data snapshot carries (core/data/snapshot.ts): registering every word
// of every table and filling the arrays costs a command-line start more than restoring them. Ids stay
// process-local: the snapshot's tables are used only in a process whose vocabulary is the snapshot's.

/** The whole vocabulary as data: its forms in id order, its hash table and the table's bits of known hashes. */
export type VocabularyState = { readonly forms: readonly string[]; readonly slots: Int32Array<ArrayBuffer>; readonly units: Uint16Array<ArrayBuffer>; readonly known: Uint32Array<ArrayBuffer> };
/**
 * A table by id as tableByWordId made it, from `table` (or from the loaded table or set `table` it was made
 * of, `kind` saying what: '' for the table itself): valid only with the vocabulary it was made in.
 */
export type TableById = { readonly table: object; readonly kind: string; readonly empty: unknown; readonly array: readonly unknown[] };

// By source, then kind.
const restoredById = new WeakMap<object, Map<string, TableById>>();
let onTableById: ((made: TableById) => void) | undefined;

/** A copy of the vocabulary as it stands. */
export function vocabularyState(): VocabularyState {
  return { forms: forms.slice(), slots: slots.slice(), units: units.slice(0, unitsUsed), known: knownHashes.slice() };
}

/** Makes `state` this process's vocabulary, when no word is registered yet; says whether it did. */
export function restoreVocabulary(state: VocabularyState): boolean {
  if (forms.length !== 0 || state.forms.length === 0) return false;
  // Taken as it is, not copied word by word: the state is the snapshot's, read for this process alone.
  forms = state.forms as string[];
  slots = state.slots;
  // The stored bits when they fit the table: made again, a walk over its 64k slots costs a start ~5 ms.
  knownHashes = state.known.length === slots.length / SLOT / 4 ? state.known : knownBitsFor(slots);
  units = state.units;
  unitsUsed = state.units.length;
  // Tokens read before now read their unknown words again.
  generation++;
  return true;
}

/** Has tableByWordId return `made.array` for `made.table` (with the same `empty`): only for a restored vocabulary's tables. */
export function restoreTableById(made: TableById): void {
  let byKind = restoredById.get(made.table);
  if (byKind === undefined) {
    byKind = new Map();
    restoredById.set(made.table, byKind);
  }
  byKind.set(made.kind, made);
}

/** Calls `hook` with every table tableByWordId makes until called again with undefined: the snapshot's recording. */
export function recordTablesById(hook: ((made: TableById) => void) | undefined): void {
  onTableById = hook;
}
