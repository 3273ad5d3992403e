/**
 * A second reference spelled a little differently ("Zelenskiy" after "Volodymyr Zelensky"): the surname
 * indexed earlier that is most like it by Jaro-Winkler. Only surnames sharing the first three letters and of
 * about the same length are compared, so the cost does not grow with the number of people in the article;
 * and of those only the ones whose characters leave the score a chance (`mayReachSimilarity`). A bucket of
 * many made-up names ("Smiaab", "Smiaac", ...) cost a score per name and speaker: 1 MB took 32 times as long
 * as 100 KB. A large bucket finds those by their characters (`byLetters`) instead of reading every name.
 */
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import type { NamedPerson, SpeakerMemory, SpellingBucket } from './speaker-memory.ts';

// Jaro-Winkler similarity at which two surnames name the same person.
const SURNAME_SIMILARITY = 0.94;
// A spelling variant differs in length by at most this much ("Zelensky", "Zelenskiy").
const SPELLING_LENGTH_SLACK = 2;
// ...and shares its first letters ("Lop-ez", "Lop-es"): variants are compared only within such a bucket.
const SPELLING_PREFIX = 3;
// A bucket this large is read through its look-up by characters: news articles' buckets hold a name or two,
// read one by one as before (the look-up costs a few keys per name to make).
const INDEXED_BUCKET = 32;
// ...and holds names this long at most: a name is kept under up to 92 keys at 13 characters, 470 at 14 (mostLacking;
// fewer when a character repeats).
const INDEXED_LENGTH = 13;
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
  if (bucket === undefined) byLength.set(surname.length, (bucket = { surnames: [], counts: [], byLetters: undefined }));
  bucket.surnames.push(surname);
  const counts = characterCounts(surname);
  for (let i = 0; i < COUNT_INTS; i++) bucket.counts.push(counts[i] as number);
  if (bucket.byLetters !== undefined) addKeys(bucket.byLetters, surname, bucket.surnames.length - 1);
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
  for (let length = surname.length - SPELLING_LENGTH_SLACK; length <= surname.length + SPELLING_LENGTH_SLACK; length++) {
    const bucket = byLength.get(length);
    if (bucket === undefined) continue;
    // The same names in the same order either way: the look-up only leaves out names that cannot reach the similarity.
    const candidates = bucket.surnames.length < INDEXED_BUCKET || length > INDEXED_LENGTH ? undefined : namesSharingLetters(bucket, surname, counts, length);
    const count = candidates === undefined ? bucket.surnames.length : candidates.length;
    for (let c = 0; c < count; c++) {
      const k = candidates === undefined ? c : (candidates[c] as number);
      // The look-up's names have passed this test already.
      if (candidates === undefined && !mayReachSimilarity(length, bucket.counts, k, surname.length, counts)) continue;
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
 * Whether name `k` of a bucket of length `a` (its counts four ints from `4k` of `counts`) and a word of length
 * `b` and counts `bCounts` can score SURNAME_SIMILARITY. Jaro-Winkler is (m/a + m/b + (m - t)/m) / 3 over m
 * matched characters and t transpositions, raised by at most 4 x 0.1 of what it lacks of 1 for a shared
 * opening; a match pairs two equal characters, one to one, so m is at most the sum over classes of the smaller
 * count, and the score at most that of m such matches and no transposition. Counted, not only present or
 * absent (a bit per class, as before), since names made of the same few letters differ in how many of each. A margin
 * far above rounding keeps every pair that could tie or pass.
 */
function mayReachSimilarity(a: number, counts: readonly number[], k: number, b: number, bCounts: Int32Array): boolean {
  const at = COUNT_INTS * k;
  if (counts[at] === UNCOUNTED || bCounts[0] === UNCOUNTED) return true;
  let shared = 0;
  for (let i = 0; i < COUNT_INTS; i++) shared += sharedInLanes(counts[at + i] as number, bCounts[i] as number);
  return mayReach(a, b, shared);
}

// Whether words of lengths `a` and `b` with at most `m` matched characters can score SURNAME_SIMILARITY.
function mayReach(a: number, b: number, m: number): boolean {
  if (m <= 0) return false;
  const jaro = (m / a + m / b + 1) / 3;
  return jaro + 0.4 * (1 - jaro) >= SURNAME_SIMILARITY - 1e-9;
}

// The most characters a word of `length` can lack of another's and still reach the similarity with it
// (the other within SPELLING_LENGTH_SLACK of its length).
function mostLacking(length: number): number {
  let most = 0;
  for (let other = Math.max(1, length - SPELLING_LENGTH_SLACK); other <= length + SPELLING_LENGTH_SLACK; other++) most = Math.max(most, mostLackingOf(length, other));
  return most;
}

// The most characters a word of `length` can lack of one of `other`'s length and still reach the similarity with it.
function mostLackingOf(length: number, other: number): number {
  let most = 0;
  while (most + 1 < length && mayReach(length, other, Math.min(other, length - most - 1))) most++;
  return most;
}

/**
 * The indices, ascending, of the names in the bucket of `bucketLength` that may reach the similarity with
 * `word` (character counts `counts`). Each name is kept under its characters, as a multiset, less up to mostLacking
 * of them (a key is the multiset's hash); two words that may reach it share the key of the characters both
 * hold, counted (Jaro's matches pair equal characters one to one), which each makes. Counting repeated
 * characters, not only which ones a word has, leaves out most names made of the same few letters: on many
 * made-up names of a few syllables the bits alone kept four times the names that can reach.
 */
function namesSharingLetters(bucket: SpellingBucket, word: string, counts: Int32Array, bucketLength: number): number[] {
  if (bucket.byLetters === undefined) {
    const byLetters = new Map<number, number[]>();
    for (let k = 0; k < bucket.surnames.length; k++) addKeys(byLetters, bucket.surnames[k] as string, k);
    bucket.byLetters = byLetters;
  }
  const byLetters = bucket.byLetters;
  const found: number[] = [];
  forEachKey(word, mostLackingOf(word.length, bucketLength), (key) => {
    const names = byLetters.get(key);
    // Keys collide: the counts still leave out a name that cannot reach the similarity.
    if (names !== undefined) for (const k of names) if (mayReachSimilarity(bucketLength, bucket.counts, k, word.length, counts)) found.push(k);
  });
  found.sort((x, y) => x - y);
  // A name is found under each key both words make: kept once.
  let kept = 0;
  for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) found[kept++] = found[i] as number;
  found.length = kept;
  return found;
}

function addKeys(byLetters: Map<number, number[]>, surname: string, k: number): void {
  forEachKey(surname, mostLacking(surname.length), (key) => {
    const names = byLetters.get(key);
    if (names === undefined) byLetters.set(key, [k]);
    else names.push(k);
  });
}

// A character's share of a multiset's hash: the hash of a multiset is the sum of its characters' (mod 2^32), so
// that leaving one out is a subtraction.
function characterHash(c: number): number {
  const mixed = Math.imul(c ^ 0x5bd1e995, 0x9e3779b1);
  return mixed ^ (mixed >>> 15);
}

// Calls `visit` with the hash of `word`'s characters and of each multiset of them lacking at most `most`
// characters, once per multiset (a repeated character is left out once, twice, ..., not per place).
function forEachKey(word: string, most: number, visit: (key: number) => void): void {
  const codes: number[] = [];
  for (let i = 0; i < word.length; i++) codes.push(word.charCodeAt(i));
  codes.sort((x, y) => x - y);
  let whole = 0;
  const distinct: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < codes.length; i++) {
    const c = codes[i] as number;
    whole = (whole + characterHash(c)) | 0;
    if (i > 0 && c === codes[i - 1]) counts[counts.length - 1] = (counts[counts.length - 1] as number) + 1;
    else {
      distinct.push(characterHash(c));
      counts.push(1);
    }
  }
  forEachKeyLacking(whole, distinct, counts, 0, most, visit);
}

// `key`, then the multisets lacking further characters of `distinct[from...]` (each at most its count), `most` in all.
function forEachKeyLacking(key: number, distinct: readonly number[], counts: readonly number[], from: number, most: number, visit: (key: number) => void): void {
  visit(key);
  if (most === 0) return;
  for (let d = from; d < distinct.length; d++) {
    let without = key;
    for (let n = 1; n <= Math.min(most, counts[d] as number); n++) {
      without = (without - (distinct[d] as number)) | 0;
      forEachKeyLacking(without, distinct, counts, d + 1, most - n, visit);
    }
  }
}
