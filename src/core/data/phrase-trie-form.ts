/**
 * How the data snapshot stores a phrase trie by word id (phrase-index.ts): its ints as they are, and the entry
 * of each node's best phrase made when a walk first reaches the node. Restoring every entry (with the phrase
 * objects the tries held before they held entries, some 23,000 objects) was two fifths of the lexicons' restore
 * time at every start, and an article reaches a few hundred nodes. Each entry is made once, so nodes that shared
 * an entry still do.
 */
import type { SnapshotForm } from './files.ts';
import { jsonLine, latin1, lineReader } from './packed-lines.ts';

/** The parts of a trie this form reads: `best` by node, the entry of its best phrase (null: not made yet, by `makeBest`). */
type TrieWithBest = { best: unknown[]; makeBest?: ((node: number) => unknown) | undefined };
/**
 * A trie's entries as stored: by node, the entry's number or -1 (`at`); the entries (JSON), one a line; an entry
 * JSON would not give back exactly (one with a Set) is kept as it is, its line `#` and its place in `kept`.
 * `fields`: the keys every entry has, in their order, when all have the same (null otherwise).
 */
type StoredEntries = { readonly at: Int32Array; readonly values: string; readonly kept: readonly unknown[]; readonly fields: readonly string[] | null };
type Stored<T> = Omit<T, 'best' | 'makeBest'> & { readonly best: null; readonly entries: StoredEntries };

/** The snapshot form of a trie; a trie with an entry of null (the mark of one not made yet) is stored as it is. */
export function phraseTrieForm<T extends TrieWithBest>(): SnapshotForm<T> {
  return { pack: packTrie, unpack: (stored) => unpackTrie(stored as T | Stored<T>) };
}

function packTrie<T extends TrieWithBest>(trie: T): T | Stored<T> {
  const at = new Int32Array(trie.best.length).fill(-1);
  const values = new Map<unknown, number>();
  const valueLines: string[] = [];
  const kept: unknown[] = [];
  const fields = sharedFields(trie.best);
  const reshape = fields === null ? undefined : reshaper(fields);
  for (let node = 0; node < trie.best.length; node++) {
    const value = trie.best[node];
    if (value === undefined) continue;
    if (value === null) return trie;
    let number = values.get(value);
    if (number === undefined) {
      number = values.size;
      values.set(value, number);
      const line = jsonLine(value, reshape);
      if (line === undefined) kept.push(value);
      valueLines.push(line ?? `#${kept.length - 1}`);
    }
    at[node] = number;
  }
  const { best: _best, makeBest: _makeBest, ...ints } = trie;
  return { ...ints, best: null, entries: { at, values: latin1(valueLines.join('\n')), kept, fields } };
}

function unpackTrie<T extends TrieWithBest>(stored: T | Stored<T>): T {
  if (stored.best !== null) return stored as T;
  const { entries, ...trie } = stored as Stored<T>;
  const { at } = entries;
  // By entry number (there are no more entries than nodes).
  const made = new Array<unknown>(at.length);
  const reshape = entries.fields === null ? (value: unknown) => value : reshaper(entries.fields);
  const readValue = lineReader(entries.values, (line) => reshape(line.startsWith('#') ? entries.kept[Number(line.slice(1))] : (JSON.parse(line) as unknown)));
  const best = new Array<unknown>(at.length).fill(null);
  const restored = trie as unknown as T;
  restored.best = best;
  restored.makeBest = (node) => {
    const number = at[node] as number;
    const value = number === -1 ? undefined : (made[number] ??= readValue(number));
    best[node] = value;
    return value;
  };
  return restored;
}

// The keys every entry has, in one order (an absent field set to undefined, as the lexicon's refs are), or null.
function sharedFields(values: readonly unknown[]): string[] | null {
  let fields: string[] | null = null;
  for (const value of values) {
    if (value === undefined || value === null) continue;
    if (typeof value !== 'object' || Array.isArray(value)) return null;
    const keys = Object.keys(value);
    if (fields === null) fields = keys;
    else if (keys.length !== fields.length || keys.some((key, i) => key !== (fields as string[])[i])) return null;
  }
  return fields;
}

// Each entry made with every field in one order, as the loader made it: JSON leaves out the undefined ones and the
// kept entries come back from V8's deserializer, so read as they are the entries of one table came in as many hidden
// classes as they had sets of keys, and every site reading them was a slow generic look-up. Each is made from
// a parsed template holding every key: V8 gives an object from JSON.parse room inside itself for all its keys,
// where one grown from {} keeps 4 there and the rest in a separate array, one more cache miss a read of a later
// field (a lexicon ref's `exempt`, `alt`, `stance`; a cue's `lexicon`, `family`).
function reshaper(fields: readonly string[]): (value: unknown) => unknown {
  const template = JSON.stringify(Object.fromEntries(fields.map((field) => [field, null])));
  return (value) => {
    const made = JSON.parse(template) as Record<string, unknown>;
    for (const field of fields) made[field] = (value as Record<string, unknown>)[field];
    return made;
  };
}
