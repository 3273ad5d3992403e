/**
 * Word tokens as flat arrays (offsets, folded forms, break flags) rather than objects, so that a lexicon
 * scan touches contiguous memory. Punctuation is not a token; it sets `breakBefore` on the next word so
 * that phrases never match across it.
 */

export type TokenTable = {
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** folded form (`kremlin's`) */
  readonly norm: readonly string[];
  /** folded form without a possessive ending (`kremlin`); equal to `norm` when there is none */
  readonly bare: readonly string[];
  /** 1 when anything but white space separates this token from the previous one */
  readonly breakBefore: Uint8Array;
};

// Words, numbers and their inner joiners (don't, so-called, U.S, 3.5, S&P). Each joiner must be followed by
// a letter or digit, so the pattern stays linear.
const WORD = /[\p{L}\p{M}\p{N}]+(?:['\u2019\-\u2010\u2011.&][\p{L}\p{M}\p{N}]+)*/gu;

/** Tokenizes `text` (using `folded`, its same-length folded copy, for the normalised forms). */
export function tokenize(text: string, folded: string): TokenTable {
  const starts: number[] = [];
  const ends: number[] = [];
  const norm: string[] = [];
  const bare: string[] = [];
  const breaks: number[] = [];
  let previousEnd = 0;
  WORD.lastIndex = 0;
  for (let match = WORD.exec(text); match !== null; match = WORD.exec(text)) {
    const start = match.index;
    const end = start + match[0].length;
    const form = folded.slice(start, end);
    starts.push(start);
    ends.push(end);
    norm.push(form);
    bare.push(form.length > 2 && form.endsWith("'s") ? form.slice(0, -2) : form);
    breaks.push(starts.length > 1 && !isBlank(text, previousEnd, start) ? 1 : 0);
    previousEnd = end;
  }
  return {
    count: starts.length,
    start: Int32Array.from(starts),
    end: Int32Array.from(ends),
    norm,
    bare,
    breakBefore: Uint8Array.from(breaks),
  };
}

function isBlank(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code !== 32 && code !== 10 && code !== 13 && code !== 9 && code !== 160) return false;
  }
  return true;
}

/** Index of the first token whose start is >= `offset` (tokens.count when none). */
export function firstTokenAtOrAfter(tokens: TokenTable, offset: number): number {
  let lo = 0;
  let hi = tokens.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((tokens.start[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
