/**
 * A second reference spelled a little differently ("Zelenskiy" after "Volodymyr Zelensky"): the surname
 * indexed earlier that is most like it by Jaro-Winkler. Only surnames sharing the first three letters and of
 * about the same length are compared, so the cost does not grow with the number of people in the article;
 * and of those only the ones whose characters leave the score a chance (`mayReachSimilarity`). A bucket of
 * many made-up names ("Smiaab", "Smiaac", ...) cost a score per name and speaker: 1 MB took 32 times as long
 * as 100 KB. A large bucket finds those by pairs of their rarest characters (`byPairs`) instead of reading every
 * name.
 */
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import type { NamedPerson, SpeakerMemory, SpellingBucket, SpellingPairs } from './speaker-memory.ts';

// Jaro-Winkler similarity at which two surnames name the same person.
const SURNAME_SIMILARITY = 0.94;
// A spelling variant differs in length by at most this much ("Zelensky", "Zelenskiy").
const SPELLING_LENGTH_SLACK = 2;
// ...and shares its first letters ("Lop-ez", "Lop-es"): variants are compared only within such a bucket.
const SPELLING_PREFIX = 3;
// A bucket this large is read through its look-up by characters: news articles' buckets hold a name or two,
// read one by one as before (the look-up costs a few keys per name to make).
const INDEXED_BUCKET = 32;
// ...and holds names this long at most: a name is kept under 6 pairs at 7 to 13 characters, 10 to 20, 28 at 40
// (mostLacking + 2 tokens, two at a time).
const INDEXED_LENGTH = 40;
// Imported, not required at run time: bundled, it is compiled with the rest (and in the CLI's code cache) instead
// of being found, read and compiled from node_modules at every start.
const jaroWinkler: (a: string, b: string) => number = JaroWinklerDistance;

/** The last of a surname's names (kept in text order) named before token `at`, found by a binary search, or null. */
export function latestBefore(entries: readonly NamedPerson[] | undefined, at: number): NamedPerson | null {
  // A walk back from the last one read every name after `at` for each speaker.
  if (entries === undefined) return null;
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((entries[mid] as NamedPerson).at < at) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? (entries[lo - 1] as NamedPerson) : null;
}

/** Adds a surname to its spelling bucket (its first letters, then its length: keyed in two steps, so that looking one up makes no key string per length tried). */
export function addSpelling(spellings: Map<string, Map<number, SpellingBucket>>, surname: string): void {
  const prefix = surname.slice(0, SPELLING_PREFIX);
  let byLength = spellings.get(prefix);
  if (byLength === undefined) spellings.set(prefix, (byLength = new Map()));
  let bucket = byLength.get(surname.length);
  if (bucket === undefined) byLength.set(surname.length, (bucket = { surnames: [], counts: [], byPairs: undefined }));
  bucket.surnames.push(surname);
  const counts = characterCounts(surname);
  for (let i = 0; i < COUNT_INTS; i++) bucket.counts.push(counts[i] as number);
  if (bucket.byPairs !== undefined) addPairs(bucket.byPairs, surname, bucket.surnames.length - 1);
}

// The surnames by spelling bucket, made from the index when a variant is first looked for (most articles never
// look for one); surnames go in the order they were first indexed, as if each had been added then.
function spellingsOf(memory: SpeakerMemory): Map<string, Map<number, SpellingBucket>> {
  if (memory.spellings === undefined) {
    const spellings = new Map<string, Map<number, SpellingBucket>>();
    for (const surname of memory.people.keys()) addSpelling(spellings, surname);
    memory.spellings = spellings;
  }
  return memory.spellings;
}

/** The person whose surname, indexed before token `at`, is the closest spelling of `surname` at SURNAME_SIMILARITY or more (the later of equals), or null. */
export function closestSurname(memory: SpeakerMemory, surname: string, at: number): NamedPerson | null {
  let best: NamedPerson | null = null;
  let bestScore = SURNAME_SIMILARITY;
  const byLength = spellingsOf(memory).get(surname.slice(0, SPELLING_PREFIX));
  if (byLength === undefined) return null;
  const counts = characterCounts(surname);
  // Made when a look-up is first read (most words never read one).
  let tokens: number[] | undefined;
  for (let length = surname.length - SPELLING_LENGTH_SLACK; length <= surname.length + SPELLING_LENGTH_SLACK; length++) {
    const bucket = byLength.get(length);
    const least = leastShared(length, surname.length);
    if (bucket === undefined || least > Math.min(length, surname.length)) continue;
    // The same names in the same order either way: the look-up only leaves out names that cannot reach the similarity.
    const candidates = bucket.surnames.length < INDEXED_BUCKET || length > INDEXED_LENGTH ? undefined : namesSharingPairs(bucket, surname.length, (tokens ??= tokensOf(surname)), counts, least);
    const count = candidates === undefined ? bucket.surnames.length : candidates.length;
    for (let c = 0; c < count; c++) {
      const k = candidates === undefined ? c : (candidates[c] as number);
      // The look-up's names have passed this test already.
      if (candidates === undefined && !mayReachSimilarity(bucket.counts, k, counts, least)) continue;
      const known = bucket.surnames[k] as string;
      const person = latestBefore(memory.people.get(known), at);
      if (person === null) continue;
      const score = jaroWinkler(known, surname);
      if (score >= bestScore) {
        best = person;
        bestScore = score;
      }
    }
  }
  return best;
}

// A word's characters counted by class (a code's last five bits): three bits a class, in the low three of a
// four-bit lane, eight classes to an int. A word with eight or more of one class is not counted (UNCOUNTED).
const COUNT_INTS = 4;
const LANE_TOPS = 0x88888888 | 0;
const UNCOUNTED = -1;

function characterCounts(word: string): Int32Array {
  const counts = new Int32Array(COUNT_INTS);
  for (let i = 0; i < word.length; i++) {
    const cls = word.charCodeAt(i) & 31;
    const shift = (cls & 7) << 2;
    const lanes = counts[cls >>> 3] as number;
    if (((lanes >>> shift) & 15) === 7) return counts.fill(UNCOUNTED);
    counts[cls >>> 3] = lanes + (1 << shift);
  }
  return counts;
}

// The sum over eight lanes of the smaller of two counts, all lanes at once: 8 + a - b keeps its lane's top bit
// exactly when a >= b, and borrows nothing from the next lane.
function sharedInLanes(a: number, b: number): number {
  const aNotBelow = (((a | LANE_TOPS) - b) & LANE_TOPS) >>> 3;
  const takeB = Math.imul(aNotBelow, 15);
  const smaller = (b & takeB) | (a & ~takeB);
  const pairs = (smaller & 0x0f0f0f0f) + ((smaller >>> 4) & 0x0f0f0f0f);
  return Math.imul(pairs, 0x01010101) >>> 24;
}

/**
 * Whether name `k` of a bucket (its counts four ints from `4k` of `counts`) and a word of counts `bCounts` can
 * score SURNAME_SIMILARITY, which takes `least` matches for their lengths (leastShared). Jaro-Winkler is
 * (m/a + m/b + (m - t)/m) / 3 over m matched characters and t transpositions, raised by at most 4 x 0.1 of what
 * it lacks of 1 for a shared opening; a match pairs two equal characters, one to one, so m is at most the sum
 * over classes of the smaller count, and the score at most that of m such matches and no transposition. Counted,
 * not only present or absent (a bit per class, as before), since names made of the same few letters differ in how
 * many of each. A margin far above rounding keeps every pair that could tie or pass.
 */
function mayReachSimilarity(counts: readonly number[], k: number, bCounts: Int32Array, least: number): boolean {
  const at = COUNT_INTS * k;
  if (counts[at] === UNCOUNTED || bCounts[0] === UNCOUNTED) return true;
  let shared = 0;
  for (let i = 0; i < COUNT_INTS; i++) shared += sharedInLanes(counts[at + i] as number, bCounts[i] as number);
  return shared >= least;
}

// Whether words of lengths `a` and `b` with at most `m` matched characters can score SURNAME_SIMILARITY.
function mayReach(a: number, b: number, m: number): boolean {
  if (m <= 0) return false;
  const jaro = (m / a + m / b + 1) / 3;
  return jaro + 0.4 * (1 - jaro) >= SURNAME_SIMILARITY - 1e-9;
}

// The fewest matched characters with which words of lengths `a` and `b` can reach the similarity (mayReach holds
// from there up; more than the shorter length: they cannot). Near 1.7ab / (a + b), mayReach solved for m; found from
// two below it, where mayReach fails by far more than rounding for any length a string can have.
function leastShared(a: number, b: number): number {
  let m = Math.max(1, Math.ceil((1.7 * a * b) / (a + b)) - 2);
  while (!mayReach(a, b, m)) m++;
  return m;
}

// The most characters a word of `length` can lack of another's and still reach the similarity with it
// (the other within SPELLING_LENGTH_SLACK of its length).
function mostLacking(length: number): number {
  let most = 0;
  for (let other = Math.max(1, length - SPELLING_LENGTH_SLACK); other <= length + SPELLING_LENGTH_SLACK; other++) {
    const least = leastShared(length, other);
    if (least <= Math.min(length, other)) most = Math.max(most, length - least);
  }
  return most;
}

/**
 * The indices, ascending, of the names in `bucket` that may reach the similarity with a word of `length` (its
 * tokens `tokens`, its counts `counts`), which takes `least` matched characters (leastShared); or undefined where
 * the look-up cannot tell (read every name). A bucket's names share their opening (SPELLING_PREFIX characters) with
 * the word, so the characters two of them hold in common, counted (Jaro's matches pair equal characters one to
 * one), are the opening's and the tokens both hold after it (I): m <= opening + |I|. Where least is opening + 2 or
 * more, I holds two tokens at least. Order tokens rarest first (by `held`, fixed when the look-up is made) and let
 * i0, i1 be I's first two: the tokens a name holds before i1, but for i0, are not in I. A name of length n that
 * reaches lacks n - opening - |I| <= n - least <= mostLacking(n) of I's tokens, so i1 is among its first
 * mostLacking(n) + 2; the word lacks at most length - least, so i1 is among its first length - least + 2. Both make
 * the key of the pair (i0, i1). On many made-up names of a few syllables, keys of all the characters less a few
 * (92 a name at 13 characters, the look-up before) cost more than the reading they saved below hundreds of names.
 */
function namesSharingPairs(bucket: SpellingBucket, length: number, tokens: readonly number[], counts: Int32Array, least: number): number[] | undefined {
  if (least <= Math.min(SPELLING_PREFIX, length) + 1) return undefined;
  const pairs = pairsOf(bucket);
  const rarest = rarestFirst(tokens, pairs.held, length - least + 2);
  const found: number[] = [];
  for (let i = 1; i < rarest.length; i++) {
    for (let j = 0; j < i; j++) {
      const names = pairs.byPair.get(pairKey(rarest[j] as number, rarest[i] as number));
      // Keys collide: the counts still leave out a name that cannot reach the similarity.
      if (names !== undefined) for (const k of names) if (mayReachSimilarity(bucket.counts, k, counts, least)) found.push(k);
    }
  }
  found.sort((x, y) => x - y);
  // A name is found under each pair both words make: kept once.
  let kept = 0;
  for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) found[kept++] = found[i] as number;
  found.length = kept;
  return found;
}

// The bucket's look-up, made when first read: tokens ordered by how many of its names hold them then, which later
// names do not change (the order must be the same for every name and word).
function pairsOf(bucket: SpellingBucket): SpellingPairs {
  if (bucket.byPairs === undefined) {
    const held = new Map<number, number>();
    for (const surname of bucket.surnames) for (const token of tokensOf(surname)) held.set(token, (held.get(token) ?? 0) + 1);
    const pairs: SpellingPairs = { held, byPair: new Map() };
    for (let k = 0; k < bucket.surnames.length; k++) addPairs(pairs, bucket.surnames[k] as string, k);
    bucket.byPairs = pairs;
  }
  return bucket.byPairs;
}

function addPairs(pairs: SpellingPairs, surname: string, k: number): void {
  const rarest = rarestFirst(tokensOf(surname), pairs.held, mostLacking(surname.length) + 2);
  for (let i = 1; i < rarest.length; i++) {
    for (let j = 0; j < i; j++) {
      const key = pairKey(rarest[j] as number, rarest[i] as number);
      const names = pairs.byPair.get(key);
      if (names === undefined) pairs.byPair.set(key, [k]);
      else if (names[names.length - 1] !== k) names.push(k);
    }
  }
}

// A word's characters after the opening, each told from the word's earlier copies of it (the second "a" of
// "Smiaab" is a token of its own): two words hold as many tokens in common as characters, counted.
const TOKEN_COPIES = 64;

function tokensOf(word: string): number[] {
  const tokens: number[] = [];
  for (let i = SPELLING_PREFIX; i < word.length; i++) {
    const code = word.charCodeAt(i);
    let copies = 0;
    for (let j = SPELLING_PREFIX; j < i; j++) if (word.charCodeAt(j) === code) copies++;
    // Fewer copies than TOKEN_COPIES: a look-up holds names of INDEXED_LENGTH at most, read by words
    // SPELLING_LENGTH_SLACK longer.
    tokens.push(code * TOKEN_COPIES + copies);
  }
  return tokens;
}

// The first `most` of `tokens` rarest first (fewest names holding them, then the lowest token): each as its rank
// (held times TOKEN_SPAN) plus the token.
const TOKEN_SPAN = 0x10000 * TOKEN_COPIES;

function rarestFirst(tokens: readonly number[], held: Map<number, number>, most: number): number[] {
  const rarest: number[] = [];
  for (const token of tokens) {
    const ranked = (held.get(token) ?? 0) * TOKEN_SPAN + token;
    // Inserted in order, the rarer kept once `most` are (a word's few tokens: a sort with a comparator cost more).
    let i = rarest.length;
    if (i === most) {
      if (ranked > (rarest[most - 1] as number)) continue;
      i--;
    }
    for (; i > 0 && (rarest[i - 1] as number) > ranked; i--) rarest[i] = rarest[i - 1] as number;
    rarest[i] = ranked;
  }
  return rarest;
}

// A hash of two tokens (ranked, their ranks fixed by the token): collisions only add names the counts test.
function pairKey(a: number, b: number): number {
  return (Math.imul(a % TOKEN_SPAN, 0x9e3779b1) ^ Math.imul(b % TOKEN_SPAN, 0x85ebca6b)) >>> 2;
}
