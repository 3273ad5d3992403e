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

/** Detaches each distinct buffer of `views` of RELEASED_FROM bytes or more; the views must not be read after. */
export function releaseBuffers(views: readonly ArrayBufferView[]): void {
  let released: ArrayBufferLike[] | undefined;
  for (let i = 0; i < views.length; i++) {
    const buffer = (views[i] as ArrayBufferView).buffer;
    if (buffer.byteLength < RELEASED_FROM || !(buffer instanceof ArrayBuffer) || released?.includes(buffer)) continue;
    try {
      structuredClone(buffer, { transfer: [buffer] });
    } catch {
      continue; // a buffer that cannot be transferred is left to the collector
    }
    (released ??= []).push(buffer);
  }
}
