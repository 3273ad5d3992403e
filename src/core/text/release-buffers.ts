/**
 * Handing an analysis's large column buffers back to the system as soon as the report is built, rather than at
 * the next full collection. The columns live through the whole analysis, so the young generation promotes them,
 * and an old-generation buffer is freed only when a full collection finds it dead: on a megabyte of one-word
 * paragraphs ~20 MB of dead columns (tokens, sentences, subjectivity) were still mapped while the caller
 * serialised the report, at the process's peak. A transferred buffer's memory moves to a new, young buffer that
 * nothing holds, which the next scavenge frees; the old views read as empty from then on.
 */

// Buffers smaller than this are left to the collector: transferring one costs a few microseconds, more than a
// news article's buffers are worth, and the peak that matters is a long text's.
const RELEASED_FROM = 256 * 1024;
// V8 keeps a typed array of this many bytes or fewer inside its heap, and reading its `.buffer` moves it out
// (~0.2 us, some 26 times on a short text). Such a view is skipped: the large buffers this is for are reached
// through their large views (every list here holds a column as long as its buffer's others).
const IN_HEAP_AT_MOST = 64;

/** Detaches each distinct buffer of RELEASED_FROM bytes or more behind `views` longer than 64 bytes; the views must not be read after. */
export function releaseBuffers(views: readonly ArrayBufferView[]): void {
  let released: ArrayBufferLike[] | undefined;
  for (let i = 0; i < views.length; i++) {
    const view = views[i] as ArrayBufferView;
    if (view.byteLength <= IN_HEAP_AT_MOST) continue;
    const buffer = view.buffer;
    if (buffer.byteLength < RELEASED_FROM || !(buffer instanceof ArrayBuffer) || released?.includes(buffer)) continue;
    try {
      structuredClone(buffer, { transfer: [buffer] });
    } catch {
      continue; // a buffer that cannot be transferred is left to the collector
    }
    (released ??= []).push(buffer);
  }
}
