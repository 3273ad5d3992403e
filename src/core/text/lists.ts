/**
 * Lists whose length is known before they are filled (one entry a sentence or a paragraph).
 */

// Past ~16,000 entries a list's store (8 bytes an entry) is over 128 KB, a large object in V8: a list grown by
// push past it regrows there, each copy on freshly mapped pages (~11 us a 4 KB page on the machine measured),
// which a megabyte of one-word paragraphs paid for several lists of 170,000 entries.
const LARGE_ENTRIES = 16_000;

/**
 * [at(0), ..., at(length - 1)], `at` called in that order: a packed list (never holey, as `new Array(n)` is).
 * Grown by push while it stays small (Array.from costs ~30 ns more an entry), made at its length past that.
 */
export function listOf<T>(length: number, at: (index: number) => T): T[] {
  if (length < LARGE_ENTRIES) {
    const list: T[] = [];
    for (let i = 0; i < length; i++) list.push(at(i));
    return list;
  }
  return Array.from({ length }, (_, i) => at(i));
}
