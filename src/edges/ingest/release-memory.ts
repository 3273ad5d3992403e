/**
 * Step 7's last act for a very large page: collect its DOM, dead once the text is out, before the analysis
 * starts allocating. V8 runs a full collection only when the old generation reaches its limit, so the dead
 * DOM (linkedom's nodes and Readability's copies: ~170 MB for 1 MB of nested markup, against ~3 MB of text)
 * stayed in the heap while the analysis of its text grew on top of it. Peak RSS of 1 MB pages in a fresh
 * process as bench:linear measures it (3 each, load ~15): <br> lines 237-239 -> 194-198 MB; nested
 * <p><div><span> 260-274 -> 250-252 MB (what is left is the DOM itself with Readability's garbage while it
 * runs, which no collection can reach).
 * A full collection costs tens of milliseconds, against seconds for such a page: only pages past
 * LARGE_DOM_ELEMENTS pay it; news pages walk a few thousand elements.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Elements walked on a page past which its DOM is collected as soon as the text is out (real pages: 1,000-5,000). */
export const LARGE_DOM_ELEMENTS = 20_000;

let collect: (() => void) | null | undefined;

/** Runs a full garbage collection now, if the engine lets a program ask for one (it does in Node). */
export function collectGarbage(): void {
  collect ??= findCollector();
  collect?.();
}

function findCollector(): (() => void) | null {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === 'function') return exposed as () => void;
  try {
    // The flag only adds `gc` to contexts made after it is set: a fresh one hands it over.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as unknown;
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  }
}
