/**
 * How the data snapshot stores a phrase trie by word id (phrase-index.ts): its ints as they are, and each
 * node's best phrase made when a walk first reaches the node. The tries' phrases and their lexicon entries are
 * some 23,000 objects, two fifths of the lexicons' restore time at every start, and an article reaches a few
 * hundred nodes. Each phrase, entry and word list is made once, so phrases that shared an entry still do.
 */
import type { SnapshotForm } from './files.ts';
import { jsonLine, latin1, lineReader } from './packed-lines.ts';

type Phrase = { readonly rest: readonly string[]; readonly value: unknown; readonly explicit: boolean; readonly priority: number };
/** The parts of a trie this form reads: `best` by node (null: not made yet, by `makeBest`). */
type TrieWithBest = { best: (Phrase | undefined | null)[]; makeBest?: ((node: number) => Phrase | undefined) | undefined };
/**
 * A trie's phrases as stored: by node, the phrase's number or -1 (`at`); by phrase, the numbers of its word
 * list and of its entry, whether it is explicit (1) or not (0), and its priority (`parts`, four per phrase);
 * the word lists (words separated by spaces) and the entries (JSON), one a line; an entry JSON would not give
 * back exactly (one with a Set) is kept as it is, its line `#` and its place in `kept`.
 */
type StoredPhrases = { readonly at: Int32Array; readonly parts: Float64Array; readonly rests: string; readonly values: string; readonly kept: readonly unknown[] };
type Stored<T> = Omit<T, 'best' | 'makeBest'> & { readonly best: null; readonly phrases: StoredPhrases };

/** The snapshot form of a trie; a trie whose phrases would not come back exactly is stored as it is. */
export function phraseTrieForm<T extends TrieWithBest>(): SnapshotForm<T> {
  return { pack: packTrie, unpack: (stored) => unpackTrie(stored as T | Stored<T>) };
}

function packTrie<T extends TrieWithBest>(trie: T): T | Stored<T> {
  const at = new Int32Array(trie.best.length).fill(-1);
  const phrases = new Map<Phrase, number>();
  const rests = new Map<readonly string[], number>();
  const values = new Map<unknown, number>();
  const parts: number[] = [];
  const restLines: string[] = [];
  const valueLines: string[] = [];
  const kept: unknown[] = [];
  for (let node = 0; node < trie.best.length; node++) {
    const phrase = trie.best[node];
    if (phrase === undefined) continue;
    if (phrase === null || !isPlainPhrase(phrase)) return trie;
    let number = phrases.get(phrase);
    if (number === undefined) {
      number = phrases.size;
      phrases.set(phrase, number);
      let rest = rests.get(phrase.rest);
      if (rest === undefined) {
        if (phrase.rest.some((word) => word === '' || /\s/.test(word))) return trie;
        rest = rests.size;
        rests.set(phrase.rest, rest);
        restLines.push(phrase.rest.join(' '));
      }
      let value = values.get(phrase.value);
      if (value === undefined) {
        value = values.size;
        values.set(phrase.value, value);
        const line = jsonLine(phrase.value);
        if (line === undefined) kept.push(phrase.value);
        valueLines.push(line ?? `#${kept.length - 1}`);
      }
      parts.push(rest, value, phrase.explicit ? 1 : 0, phrase.priority);
    }
    at[node] = number;
  }
  const { best: _best, makeBest: _makeBest, ...ints } = trie;
  return { ...ints, best: null, phrases: { at, parts: Float64Array.from(parts), rests: latin1(restLines.join('\n')), values: latin1(valueLines.join('\n')), kept } };
}

// A phrase as addToPhraseIndex makes it: these four properties in this order, a plain list of words.
function isPlainPhrase(phrase: Phrase): boolean {
  const keys = Object.keys(phrase);
  return (
    Object.getPrototypeOf(phrase) === Object.prototype &&
    keys.length === 4 && keys[0] === 'rest' && keys[1] === 'value' && keys[2] === 'explicit' && keys[3] === 'priority' &&
    Array.isArray(phrase.rest) && Object.getPrototypeOf(phrase.rest) === Array.prototype && phrase.rest.every((word) => typeof word === 'string') &&
    typeof phrase.explicit === 'boolean' && typeof phrase.priority === 'number' && !Object.is(phrase.priority, -0)
  );
}

function unpackTrie<T extends TrieWithBest>(stored: T | Stored<T>): T {
  if (stored.best !== null) return stored as T;
  const { phrases, ...trie } = stored as Stored<T>;
  const { at, parts } = phrases;
  const count = parts.length / 4;
  const madePhrases = new Array<Phrase | undefined>(count);
  const rests = new Array<readonly string[] | undefined>(count);
  const values = new Array<unknown>(count);
  const readRest = lineReader(phrases.rests, (line) => (line === '' ? [] : line.split(' ')));
  const readValue = lineReader(phrases.values, (line) => (line.startsWith('#') ? phrases.kept[Number(line.slice(1))] : (JSON.parse(line) as unknown)));
  const phraseAt = (p: number): Phrase => {
    let phrase = madePhrases[p];
    if (phrase === undefined) {
      const rest = parts[p * 4] as number;
      const value = parts[p * 4 + 1] as number;
      phrase = { rest: (rests[rest] ??= readRest(rest)), value: (values[value] ??= readValue(value)), explicit: parts[p * 4 + 2] === 1, priority: parts[p * 4 + 3] as number };
      madePhrases[p] = phrase;
    }
    return phrase;
  };
  const best = new Array<Phrase | undefined | null>(at.length).fill(null);
  const restored = trie as unknown as T;
  restored.best = best;
  restored.makeBest = (node) => {
    const p = at[node] as number;
    const phrase = p === -1 ? undefined : phraseAt(p);
    best[node] = phrase;
    return phrase;
  };
  return restored;
}
