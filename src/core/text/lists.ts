/**
 * Lists that can pass a large object's size on a long text: made at their length when it is known before they
 * are filled (one entry a sentence or a paragraph), joined and grouped without copies past that size.
 */

// Past ~16,000 entries a list's store (8 bytes an entry) is over 128 KB, a large object in V8: a list grown by
// push past it regrows there, each copy on freshly mapped pages (~11 us a 4 KB page on the machine measured),
// which a megabyte of one-word paragraphs paid for several lists of 170,000 entries.
export const LARGE_ENTRIES = 16_000;

/**
 * [at(0), ..., at(length - 1)], `at` called in that order: a packed list (never holey, as `new Array(n)` is),
 * filled as `listToFill` says: appended to while it stays small (Array.from costs ~30 ns more an entry), made at
 * its length past that.
 */
export function listOf<T>(length: number, at: (index: number) => T): T[] {
  const list = listToFill<T>(length);
  for (let i = 0; i < length; i++) list[i] = at(i);
  return list;
}

/** How many entries of the ascending `sorted` are below `value`: where `value` would go, by a binary search. */
export function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * list.map(f), as a list of one kind whichever tier of V8 runs it: the builtin map makes a packed list, map
 * inlined into optimised code a holey one, and a reader compiled while its producer ran unoptimised was
 * deoptimised when the producer was optimised (every fresh process, a pass or two into a batch: a recompile each).
 */
export function mapped<T, U>(list: readonly T[], f: (item: T, index: number) => U): U[] {
  const out = listToFill<U>(list.length);
  for (let i = 0; i < list.length; i++) out[i] = f(list[i] as T, i);
  return out;
}

/**
 * An empty list to be filled in order (list[0], list[1], ... each written once) up to `length` entries: [] while
 * short (each write appends, as push does), and past a large object's size a packed list of `length` undefined
 * entries made at once, each write replacing one. For the hot makers, where listOf's call of a maker handed
 * by many callers is a call V8 cannot inline.
 */
export function listToFill<T>(length: number): T[] {
  if (length < LARGE_ENTRIES) return [];
  if (length > MOST_UNDEFINED) return Array.from({ length }) as T[];
  if (undefinedRun.length < length) undefinedRun = Array.from({ length: Math.min(MOST_UNDEFINED, Math.max(length, 2 * undefinedRun.length)) });
  return undefinedRun.slice(0, length) as T[];
}

// A packed run of undefined entries that listToFill copies the start of: Array.from({ length }) reads each
// index of its array-like through a property look-up, ~90 ns an entry (a megabyte of `critics say` made lists
// of 36,000-72,000 entries a dozen times, 64 ms in all against none for ten 100 KB runs), where a slice of a
// packed list is one copy. Made once at the longest length asked for up to MOST_UNDEFINED (2 MB held for good
// at most); never handed out, so no caller can write to it. A longer list is made as before.
const MOST_UNDEFINED = 262_144;
let undefinedRun: undefined[] = [];

/**
 * The lists' entries one after another, as a new packed list; past a large object's size, the one list that
 * has entries when the others are empty is returned itself, not copied (callers only read the result). Spread
 * into a literal, each join copied even a megabyte's 65,000 findings, several times a pass, in V8's
 * large-object space. A short join is still a copy: handed back as they were, lists of several element kinds
 * (a map's holey result, a filter's) reached the passes after, which measured ~1% slower on news.
 */
export function joined<T>(...lists: readonly (readonly T[])[]): readonly T[] {
  let length = 0;
  let only: readonly T[] = [];
  let nonEmpty = 0;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as readonly T[];
    if (list.length === 0) continue;
    length += list.length;
    only = list;
    nonEmpty++;
  }
  if (length < LARGE_ENTRIES) {
    const out: T[] = [];
    for (let i = 0; i < lists.length; i++) {
      const list = lists[i] as readonly T[];
      for (let k = 0; k < list.length; k++) out.push(list[k] as T);
    }
    return out;
  }
  if (nonEmpty === 1) return only;
  const out = listToFill<T>(length);
  let at = 0;
  for (let i = 0; i < lists.length; i++) {
    const list = lists[i] as readonly T[];
    for (let k = 0; k < list.length; k++) out[at++] = list[k] as T;
  }
  return out;
}

/**
 * Entries 0..length-1 grouped by key (0 <= key < count; any other key is left out): groups[key] holds
 * item(i) for each i of that key, in order, and is undefined for a key with none. Grown by push while the
 * entries are few; past a large object's size each group is counted first and a long one made at its length
 * (a megabyte's 36,000 findings of one paragraph regrew a pushed group in V8's large-object space).
 */
export function groupedBy<T>(length: number, count: number, keyOf: (index: number) => number, item: (index: number) => T): (T[] | undefined)[] {
  const groups: (T[] | undefined)[] = new Array(count);
  if (length < LARGE_ENTRIES) {
    for (let i = 0; i < length; i++) {
      const key = keyOf(i);
      if (key >= 0 && key < count) (groups[key] ??= []).push(item(i));
    }
    return groups;
  }
  const sizes = new Int32Array(count);
  for (let i = 0; i < length; i++) {
    const key = keyOf(i);
    if (key >= 0 && key < count) sizes[key] = (sizes[key] as number) + 1;
  }
  for (let i = 0; i < length; i++) {
    const key = keyOf(i);
    if (key < 0 || key >= count) continue;
    const size = sizes[key] as number;
    if (size < LARGE_ENTRIES) {
      (groups[key] ??= []).push(item(i));
    } else if (groups[key] === undefined) {
      // The whole group at once, from its first entry on.
      const group = listToFill<T>(size);
      for (let next = i, at = 0; at < size; next++) if (keyOf(next) === key) group[at++] = item(next);
      groups[key] = group;
    }
  }
  return groups;
}

/**
 * Moves columns into a larger room: copies each named column of `columns` into the same column of `grown` and
 * makes `columns` use `grown`'s (the sentence and quotation columns grow this way as they are found).
 */
export function moveColumns<K extends string>(columns: Record<K, Int32Array | Uint8Array>, grown: Readonly<Record<K, Int32Array | Uint8Array>>, keys: readonly K[]): void {
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k] as K;
    grown[key].set(columns[key]);
    columns[key] = grown[key];
  }
}
