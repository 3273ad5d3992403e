/**
 * Word tokens as flat arrays (offsets, folded forms, break flags) rather than objects, so that a lexicon
 * scan touches contiguous memory. Punctuation is not a token; it sets `breakBefore` on the next word so
 * that phrases never match across it.
 */
import { CACHED_UNITS, formOfWord, HASH_START, hashFinish, hashStep, NO_WORD, tableByWordId, vocabularyGeneration, vocabularySize, wordFormPacked, wordIdIn, wordIdOf, wordIdPacked } from './vocabulary.ts';

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
  /** CASE bits of the word as written: how its first letter is cased, whether it is all ASCII */
  readonly shape: Uint8Array;
  /** letters in the word as written, and how many of them are capitals (code points) */
  readonly letters: Int32Array;
  readonly capitals: Int32Array;
  /** word id (vocabulary.ts) of `norm` and of `bare`, NO_WORD for a word no table registered; read through `tokenIds` */
  readonly ids: Int32Array;
  readonly bareIds: Int32Array;
  /** the vocabulary generation `ids` were read in, and the vocabulary's size then: a NO_WORD may be any word with a higher id */
  idGeneration: number;
  idsReadAt: number;
};

/** Bits of `TokenTable.shape`. */
export const CASE = { upperStart: 1, lowerStart: 2, ascii: 4 } as const;

// Words, numbers and their inner joiners (don't, so-called, U.S, 3.5, S&P): a joiner counts only when a
// letter or digit follows it. A hand-written scan over char codes: ASCII is decided by a table, anything
// else by one Unicode property test per character; linear whatever the input.
const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
// Tested on one character at a time, outside ASCII only.
const UPPER_CHAR = /\p{Lu}/u;
const LOWER_CHAR = /\p{Ll}/u;
const LETTER_CHAR = /\p{L}/u;
const ASCII_WORD = new Uint8Array(128);
for (let c = 48; c <= 57; c++) ASCII_WORD[c] = 1;
for (let c = 65; c <= 90; c++) ASCII_WORD[c] = 1;
for (let c = 97; c <= 122; c++) ASCII_WORD[c] = 1;

/** Length in UTF-16 units of the word character at `i` (2 for an astral letter), or 0 when it is none. */
function wordCharAt(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code < 128) return ASCII_WORD[code] as number;
  if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
    const pair = text.slice(i, i + 2);
    return WORD_CHAR.test(pair) ? 2 : 0;
  }
  return WORD_CHAR.test(text[i] as string) ? 1 : 0;
}

// A period right after a token that is an abbreviation: dotted (u.s), a single letter, or listed (read by
// the token's word id, `ids`). Whether the token is dotted or one unit long comes from the scan (`plain`: it
// is neither), not from its form: the form is a string elsewhere in memory, read for nothing else here.
function isAbbreviationPeriod(folded: string, count: number, ends: Int32Array, plain: boolean, ids: Int32Array, i: number, listed: readonly boolean[] | undefined): boolean {
  if (count === 0 || ends[count - 1] !== i) return false;
  if (!plain) return true;
  const id = ids[count - 1] as number;
  // A period at the text's end is tested, not read past (V8 deoptimises tokenize the first time a read falls there).
  return listed !== undefined && id >= 0 && id < listed.length && listed[id] === true && (i + 1 === folded.length || folded.charCodeAt(i + 1) !== 46);
}

// The listed abbreviations without their final period (`mr` for `mr.`), by word id, so that a token is
// looked up by the id it already has, with no string hashed or built per period; once per table (ids are
// process-local, so this is never stored with the table).
const withoutPeriodCache = new WeakMap<ReadonlyMap<string, unknown>, readonly boolean[]>();
function withoutFinalPeriod(abbreviations: ReadonlyMap<string, unknown>): readonly boolean[] {
  let byId = withoutPeriodCache.get(abbreviations);
  if (byId === undefined) {
    const forms = [...abbreviations.keys()].filter((key) => key.endsWith('.')).map((key): [string, boolean] => [key.slice(0, -1), true]);
    byId = tableByWordId(new Map(forms), false, { source: abbreviations, kind: 'without final period' });
    withoutPeriodCache.set(abbreviations, byId);
  }
  return byId;
}

function isJoiner(code: number): boolean {
  // ' U+2019 - U+2010 U+2011 . &
  return code === 39 || code === 0x2019 || code === 45 || code === 0x2010 || code === 0x2011 || code === 46 || code === 38;
}

// Reused between calls (tokenize never re-enters), for texts of up to twice SCRATCH_KEPT units.
const SCRATCH_KEPT = 1 << 16;
let scratchInts = new Int32Array(0);
let scratchBytes = new Uint8Array(0);
// The exact-size columns of a text of up to REUSED_TOKENS tokens, for a caller that asks to reuse them
// (`tokenize`'s `reuse`: the pipeline, which reads an article only until its report is built). A new pair per
// text was ~17 KB of zeroed off-heap memory a news article, ~6 us to make. Below RELEASED_FROM bytes
// (release-buffers.ts), so that releasing an article never detaches them; they hold ~200 KB at most.
const REUSED_TOKENS = 8192;
let reusedInts = new Int32Array(0);
let reusedBytes = new Uint8Array(0);
// The forms column the same way (filled with '' by push, so that the array stays packed), then copied out by
// slice: stores into room already there instead of an array grown by push from empty. Emptied after each text
// (a form sliced from the folded text would keep that whole text alive until the next). The forms without a
// possessive ending are a copy of the forms with the possessives' entries changed (the same array when there
// is none): most tokens have none, and a second column pushed token by token cost as much as the first.
let scratchForms: string[] = [];
const possessiveAt: number[] = [];
const possessiveForm: string[] = [];
// Where the scratch column holds a form sliced from this text (a word no table has and the cache does not
// keep): only those are emptied after the text, not the whole column (most forms are registered or cached
// strings, which hold no text).
const slicedAt: number[] = [];

// The number of places a token can start in `text`, an upper bound of its tokens: a word character (ASCII, or
// any unit past ASCII) with no ASCII word character before it (one would have carried the token on). A long
// text's columns are made at it rather than at the worst case of a word per two units: V8 counts a typed
// array's whole length as memory held, untouched pages and all, and a megabyte's ~13 MB of worst-case token
// buffers brought full collections that a text of that length did not need; its forms column at a word per
// four units was 2 MB of holes written for a run of `!` with two words. The count reads the text once more
// (~2 ms a megabyte), and only texts too long for the scratch buffers pay it.
function tokenStarts(text: string): number {
  let starts = 0;
  let previousWord = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const word = code < 128 && ASCII_WORD[code] === 1;
    if (!previousWord && (word || code >= 128)) starts++;
    previousWord = word;
  }
  return starts;
}

/**
 * Tokenizes `text` (using `folded`, its same-length folded copy, for the normalised forms). The period
 * of an abbreviation ("Mr.", "U.S.", or any form in `abbreviations`) does not break a phrase, so that
 * "Mr. Putin" and "U.S. officials" match as phrases. With `reuse`, a short text's number columns are valid
 * only until the next call with `reuse`.
 */
export function tokenize(text: string, folded: string, abbreviations?: ReadonlyMap<string, unknown>, reuse = false): TokenTable {
  const length = text.length;
  const listed = abbreviations === undefined ? undefined : withoutFinalPeriod(abbreviations);
  // A word takes at least one unit and a separator follows it, so there are at most (length + 1) / 2 words.
  const worstCase = (length + 1) >>> 1;
  // Columns are written into scratch buffers sized for the worst case (a word per two units), then copied
  // into two buffers of the exact size: a new zeroed worst-case buffer per text cost more than the scan,
  // and a word takes about six units of news text.
  // A longer text gets buffers of its own, made at the places a token can start (tokenStarts), and its
  // columns are views of them, not copies: the exact-size copies (4.5 MB on a megabyte of one-word
  // paragraphs) were memory touched a second time, alive beside the buffers until a full collection.
  const ownBuffers = worstCase > SCRATCH_KEPT;
  const capacity = ownBuffers ? tokenStarts(text) : worstCase;
  if (!ownBuffers && scratchInts.length < capacity * 6) {
    scratchInts = new Int32Array(capacity * 6);
    scratchBytes = new Uint8Array(capacity * 2);
  }
  const ints = ownBuffers ? new Int32Array(capacity * 6) : scratchInts;
  const bytes = ownBuffers ? new Uint8Array(capacity * 2) : scratchBytes;
  const starts = ints.subarray(0, capacity);
  const ends = ints.subarray(capacity, 2 * capacity);
  const letterCounts = ints.subarray(2 * capacity, 3 * capacity);
  const capitalCounts = ints.subarray(3 * capacity, 4 * capacity);
  const ids = ints.subarray(4 * capacity, 5 * capacity);
  const bareIds = ints.subarray(5 * capacity, 6 * capacity);
  const breaks = bytes.subarray(0, capacity);
  const shapes = bytes.subarray(capacity, 2 * capacity);
  if (!ownBuffers) while (scratchForms.length < capacity) scratchForms.push('');
  // (A long text's forms column is holey, as an array made at a length is; read only by index.)
  const norm: string[] = ownBuffers ? new Array<string>(capacity) : scratchForms;
  possessiveAt.length = 0;
  possessiveForm.length = 0;
  let count = 0;
  let gapHasPunctuation = false;
  // The last token holds no period and is longer than one unit (isAbbreviationPeriod).
  let plain = true;
  let i = 0;
  while (i < length) {
    const code = text.charCodeAt(i);
    const step = code < 128 ? (ASCII_WORD[code] as number) : wordCharAt(text, i);
    if (step === 0) {
      // Space, tab, CR, LF and no-break space separate words; anything else also breaks phrases.
      if (code !== 32 && code !== 10 && code !== 13 && code !== 9 && code !== 160 && !(code === 46 && isAbbreviationPeriod(folded, count, ends, plain, ids, i, listed))) gapHasPunctuation = true;
      i++;
      continue;
    }
    const start = i;
    // The case of an ASCII word is measured during the scan; a word with any other character is measured again.
    let letters = 0;
    let capitals = 0;
    let ascii = code < 128;
    // An ASCII word's folded form is its lower case: hashed for the vocabulary during the scan, so that
    // the look-up reads the word once (other words are hashed where they lie in `folded`).
    let hash = HASH_START;
    // And packed for the vocabulary's cache as it goes (wordIdPacked: the last four units in `low`, the four
    // before in `mid`, the four before those in `high`), so that a cached word is not read again where it lies
    // in `folded`.
    let low = 0;
    let mid = 0;
    let high = 0;
    let dotted = false;
    if (ascii) {
      if (code >= 97) letters = 1;
      else if (code >= 65) letters = capitals = 1;
      low = code >= 65 && code <= 90 ? code + 32 : code;
      hash = hashStep(hash, low);
    }
    i += step;
    while (i < length) {
      const c = text.charCodeAt(i);
      if (c < 128 && ASCII_WORD[c] === 1) {
        i++;
        let unit = c;
        if (c >= 97) letters++;
        else if (c >= 65) {
          letters++;
          capitals++;
          unit = c + 32;
        }
        hash = hashStep(hash, unit);
        high = (high << 8) | (mid >>> 24);
        mid = (mid << 8) | (low >>> 24);
        low = (low << 8) | unit;
        continue;
      }
      const inner = c < 128 ? 0 : wordCharAt(text, i);
      if (inner > 0) {
        ascii = false;
        i += inner;
      } else if (isJoiner(c) && i + 1 < length && wordCharAt(text, i + 1) > 0) {
        if (c === 46) dotted = true;
        if (c >= 128) ascii = false;
        else {
          hash = hashStep(hash, c);
          high = (high << 8) | (mid >>> 24);
          mid = (mid << 8) | (low >>> 24);
          low = (low << 8) | c;
        }
        i += 1;
      } else {
        break;
      }
    }
    const n = i - start;
    starts[count] = start;
    ends[count] = i;
    breaks[count] = count > 0 && gapHasPunctuation ? 1 : 0;
    // Looked up where the word lies in `folded`, and a known word's form is the registered string: most
    // tokens hash and allocate no string of their own.
    let id: number;
    let form: string;
    // A possessive ends in 's, read in the folded text for every word: a test of its own for words with a unit
    // outside ASCII, first met after tokenize was optimised (a curly apostrophe), deoptimised it, ~70 ms a compile.
    const possessive = n > 2 && folded.charCodeAt(i - 1) === 115 && folded.charCodeAt(i - 2) === 39;
    plain = !dotted && n > 1;
    if (ascii) {
      const finished = hashFinish(hash);
      // A longer word's packing holds only its end: such a word is not cached.
      if (n > CACHED_UNITS) low = 0;
      id = wordIdPacked(folded, start, i, finished, low, mid, high);
      form = wordFormPacked(folded, start, i, finished, low, id);
      if (low === 0 && id === NO_WORD && !ownBuffers) slicedAt.push(count);
    } else {
      id = wordIdIn(folded, start, i);
      form = id === NO_WORD ? folded.slice(start, i) : formOfWord(id);
      if (id === NO_WORD && !ownBuffers) slicedAt.push(count);
    }
    ids[count] = id;
    norm[count] = form;
    if (possessive) {
      const bareId = wordIdIn(folded, start, i - 2);
      bareIds[count] = bareId;
      possessiveAt.push(count);
      possessiveForm.push(bareId === NO_WORD ? folded.slice(start, i - 2) : formOfWord(bareId));
    } else {
      bareIds[count] = id;
    }
    if (ascii) {
      shapes[count] = code >= 97 ? CASE.lowerStart | CASE.ascii : code >= 65 && code <= 90 ? CASE.upperStart | CASE.ascii : CASE.ascii;
      letterCounts[count] = letters;
      capitalCounts[count] = capitals;
    } else {
      measureCase(text, start, i, count, shapes, letterCounts, capitalCounts);
    }
    count++;
    gapHasPunctuation = false;
  }
  const reused = reuse && !ownBuffers && count <= REUSED_TOKENS;
  if (reused && reusedBytes.length < count * 2) {
    const room = Math.min(REUSED_TOKENS, Math.max(count, reusedBytes.length));
    reusedInts = new Int32Array(room * 6);
    reusedBytes = new Uint8Array(room * 2);
  }
  // Every slot of the exact columns is copied into below, so reused ones need no clearing.
  const exactInts = ownBuffers ? ints : reused ? reusedInts : new Int32Array(count * 6);
  const exactBytes = ownBuffers ? bytes : reused ? reusedBytes : new Uint8Array(count * 2);
  const column = <A extends Int32Array | Uint8Array>(into: A, from: A, k: number): A => {
    if (ownBuffers) return from.subarray(0, count) as A;
    const out = into.subarray(k * count, (k + 1) * count) as A;
    out.set(from.subarray(0, count));
    return out;
  };
  // A text's own forms column is cut to its tokens where it stands (shortening an array frees its tail in place).
  if (ownBuffers && norm.length > count) norm.length = count;
  const exactNorm = ownBuffers ? norm : norm.slice(0, count);
  let bare = exactNorm;
  if (possessiveAt.length > 0) {
    bare = exactNorm.slice();
    for (let k = 0; k < possessiveAt.length; k++) bare[possessiveAt[k] as number] = possessiveForm[k] as string;
    // Slices of this text's folded form are among them, and a slice keeps the whole text alive.
    possessiveForm.length = 0;
  }
  // The scratch column lets go of this text's sliced forms for the same reason (still packed: '' in their slots).
  for (let k = 0; k < slicedAt.length; k++) scratchForms[slicedAt[k] as number] = '';
  slicedAt.length = 0;
  return {
    count,
    start: column(exactInts, starts, 0),
    end: column(exactInts, ends, 1),
    norm: exactNorm,
    bare,
    breakBefore: column(exactBytes, breaks, 0),
    shape: column(exactBytes, shapes, 1),
    letters: column(exactInts, letterCounts, 2),
    capitals: column(exactInts, capitalCounts, 3),
    ids: column(exactInts, ids, 4),
    bareIds: column(exactInts, bareIds, 5),
    idGeneration: vocabularyGeneration(),
    idsReadAt: vocabularySize(),
  };
}

// The case of the word at [start, end) as written: its first letter's case, its letters and capitals.
function measureCase(text: string, start: number, end: number, t: number, shapes: Uint8Array, letterCounts: Int32Array, capitalCounts: Int32Array): void {
  let letters = 0;
  let capitals = 0;
  let ascii = true;
  for (let i = start; i < end; ) {
    const unit = text.charCodeAt(i);
    if (unit < 128) {
      if (unit >= 65 && unit <= 90) {
        capitals++;
        letters++;
      } else if (unit >= 97 && unit <= 122) {
        letters++;
      }
      i++;
      continue;
    }
    const code = text.codePointAt(i) as number;
    const char = String.fromCodePoint(code);
    ascii = false;
    if (UPPER_CHAR.test(char)) capitals++;
    if (LETTER_CHAR.test(char)) letters++;
    i += code > 0xffff ? 2 : 1;
  }
  const first = text.codePointAt(start) as number;
  let shape = 0;
  if (first < 128) {
    if (first >= 65 && first <= 90) shape = CASE.upperStart;
    else if (first >= 97 && first <= 122) shape = CASE.lowerStart;
  } else {
    const char = String.fromCodePoint(first);
    if (UPPER_CHAR.test(char)) shape = CASE.upperStart;
    else if (LOWER_CHAR.test(char)) shape = CASE.lowerStart;
  }
  shapes[t] = ascii ? shape | CASE.ascii : shape;
  letterCounts[t] = letters;
  capitalCounts[t] = capitals;
}

/**
 * `tokens` with ids current: words registered since the table was made (a lexicon's id table built after
 * the text was tokenized) are read again. Call it after building the id tables a scan reads.
 */
export function tokenIds(tokens: TokenTable): TokenTable {
  const generation = vocabularyGeneration();
  if (tokens.idGeneration === generation) return tokens;
  const { ids, bareIds, norm, bare } = tokens;
  for (let t = 0; t < tokens.count; t++) {
    if (ids[t] === NO_WORD) ids[t] = wordIdOf(norm[t] as string);
    if (bareIds[t] === NO_WORD) bareIds[t] = wordIdOf(bare[t] as string);
  }
  tokens.idGeneration = generation;
  tokens.idsReadAt = vocabularySize();
  return tokens;
}

// Where the last search ended, as the next one's first guess: nearly every caller asks in text order, near the
// offset before (on a megabyte of `"Yes," he said.` 850,000 searches, each within 200 units of the last), and
// halving from the whole column took 17 reads a search over 1.4 MB of starts, most of them cache misses that a
// 100 KB text's column, small enough for the cache, never had. Only the index is kept, never the table: any
// guess gives the same answer (the search widens from it until the answer is bracketed), a wrong one costs
// only reads.
let lastAnswer = 0;

/** Index of the first token whose start is >= `offset` (tokens.count when none); `from`/`to` bound the search to tokens known to hold the answer (`to` when none there). */
export function firstTokenAtOrAfter(tokens: TokenTable, offset: number, from = 0, to = tokens.count): number {
  const starts = tokens.start;
  let lo = from;
  let hi = to;
  // The answer lies in [lo, hi]. Written as `< offset` throughout, as the plain halving reads: past the column's
  // end a read is undefined, which counts as at or after `offset`.
  const guess = lastAnswer;
  if (guess >= lo && guess <= hi && lo < hi) {
    if (guess < hi && (starts[guess] as number) < offset) {
      // After the guess: widen forward by doubling steps until a start at or after `offset` (or `hi`).
      lo = guess + 1;
      let bound = lo;
      let step = 1;
      while (bound < hi && (starts[bound] as number) < offset) {
        lo = bound + 1;
        bound += step;
        step *= 2;
      }
      if (bound < hi) hi = bound;
    } else if (guess > lo && !((starts[guess - 1] as number) < offset)) {
      // Before the guess: widen backward the same way until a start before `offset` (or `lo`).
      hi = guess - 1;
      let bound = hi - 1;
      let step = 1;
      while (bound >= lo && !((starts[bound] as number) < offset)) {
        hi = bound;
        bound -= step;
        step *= 2;
      }
      if (bound >= lo) lo = bound + 1;
    } else {
      // The guess is the answer: the token before it starts before `offset` and its own start does not.
      lo = hi = guess;
    }
  }
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((starts[mid] as number) < offset) lo = mid + 1;
    else hi = mid;
  }
  lastAnswer = lo;
  return lo;
}
