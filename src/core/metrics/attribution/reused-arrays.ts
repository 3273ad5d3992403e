/**
 * Per-token arrays reused from article to article. A typed array longer than a few dozen bytes is memory
 * outside V8's heap: making one per article and pass (cue ends, taken tokens, the cues a pass skips) cost
 * more than all the reads the pass made of it (~5% of the finding passes on PolNeAR). Each array belongs
 * to one pass and is valid until that pass asks for it again: attribution runs one article at a time, and
 * no array outlives `findAttributions`, but `voicedBy`'s, which lives until the report is built (voiced-by.ts).
 * Arrays keep the size of the largest article seen.
 */

/** A reusable array of one byte per token; owned by one pass. */
export type ReusedBytes = { buffer: Uint8Array };
/** A reusable array of one int per token; owned by one pass. */
export type ReusedInts = { buffer: Int32Array };
/** A reusable array of one unsigned 32-bit word per token; owned by one pass. */
export type ReusedWords = { buffer: Uint32Array };

/** A store for `zeroedBytes`, empty until first use. */
export function reusedBytes(): ReusedBytes {
  return { buffer: new Uint8Array(0) };
}

/** A store for `zeroedInts`, empty until first use. */
export function reusedInts(): ReusedInts {
  return { buffer: new Int32Array(0) };
}

/** A store for `zeroedWords`, empty until first use. */
export function reusedWords(): ReusedWords {
  return { buffer: new Uint32Array(0) };
}

/** `count` zeroed bytes from `store`, exactly `count` long (a read past the end is undefined, as in a new array); the last one it gave is overwritten. */
export function zeroedBytes(store: ReusedBytes, count: number): Uint8Array {
  return filled(store, count, 0, (length) => new Uint8Array(length));
}

/** `count` zeroed ints from `store`, exactly `count` long; the last one it gave is overwritten. */
export function zeroedInts(store: ReusedInts, count: number): Int32Array {
  return filled(store, count, 0, (length) => new Int32Array(length));
}

/** `count` ints from `store`, each `value`; the last one it gave is overwritten. */
export function filledInts(store: ReusedInts, count: number, value: number): Int32Array {
  return filled(store, count, value, (length) => new Int32Array(length));
}

/** `count` zeroed unsigned words from `store`; the last one it gave is overwritten. */
export function zeroedWords(store: ReusedWords, count: number): Uint32Array {
  return filled(store, count, 0, (length) => new Uint32Array(length));
}

// The store's first `count` entries set to `value`, its buffer grown first when it is shorter (to twice its
// length at least, so that a run of growing articles makes few buffers). A new buffer is zeroed already.
function filled<A extends Uint8Array | Int32Array | Uint32Array>(store: { buffer: A }, count: number, value: number, make: (length: number) => A): A {
  if (store.buffer.length < count) {
    store.buffer = make(Math.max(count, store.buffer.length * 2));
    if (value === 0) return store.buffer.subarray(0, count) as A;
  }
  store.buffer.fill(value, 0, count);
  return store.buffer.subarray(0, count) as A;
}
