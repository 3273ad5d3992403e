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
// ...and holds names this long at most: a name is kept under up to 92 keys at 13 characters, 470 at 14 (mostLacking).
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
  if (bucket === undefined) byLength.set(surname.length, (bucket = { surnames: [], letters: [], byLetters: undefined }));
  const bits = letterBits(surname);
  bucket.surnames.push(surname);
  bucket.letters.push(bits);
  if (bucket.byLetters !== undefined) addKeys(bucket.byLetters, bits, mostLacking(surname.length), bucket.surnames.length - 1);
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
  const letters = letterBits(surname);
  for (let length = surname.length - SPELLING_LENGTH_SLACK; length <= surname.length + SPELLING_LENGTH_SLACK; length++) {
    const bucket = byLength.get(length);
    if (bucket === undefined) continue;
    // The same names in the same order either way: the look-up only leaves out names that cannot reach the similarity.
    const candidates = bucket.surnames.length < INDEXED_BUCKET || length > INDEXED_LENGTH ? undefined : namesSharingLetters(bucket, letters, surname.length, length);
    const count = candidates === undefined ? bucket.surnames.length : candidates.length;
    for (let c = 0; c < count; c++) {
      const k = candidates === undefined ? c : (candidates[c] as number);
      // The look-up's names have passed this test already.
      if (candidates === undefined && !mayReachSimilarity(length, bucket.letters[k] as number, surname.length, letters)) continue;
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

// One bit per character, by its code's last five bits: a bit one word has and the other lacks stands for at
// least one of its characters that the other word does not hold.
function letterBits(word: string): number {
  let bits = 0;
  for (let i = 0; i < word.length; i++) bits |= 1 << (word.charCodeAt(i) & 31);
  return bits;
}

/**
 * Whether two words of these lengths and character bits can score SURNAME_SIMILARITY. Jaro-Winkler is
 * (m/a + m/b + (m - t)/m) / 3 over m matched characters and t transpositions, raised by at most 4 x 0.1 of
 * what it lacks of 1 for a shared opening; m is at most each word's length less its characters the other
 * lacks, so the score is at most that of m such matches and no transposition. A margin far above rounding
 * keeps every pair that could tie or pass.
 */
function mayReachSimilarity(a: number, aBits: number, b: number, bBits: number): boolean {
  return mayReach(a, b, Math.min(a - bitCount(aBits & ~bBits), b - bitCount(bBits & ~aBits)));
}

// Whether words of lengths `a` and `b` with at most `m` matched characters can score SURNAME_SIMILARITY.
function mayReach(a: number, b: number, m: number): boolean {
  if (m <= 0) return false;
  const jaro = (m / a + m / b + 1) / 3;
  return jaro + 0.4 * (1 - jaro) >= SURNAME_SIMILARITY - 1e-9;
}

function bitCount(bits: number): number {
  let n = bits - ((bits >>> 1) & 0x55555555);
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

// The most character bits a word of `length` can lack of another's and still reach the similarity with it
// (the other within SPELLING_LENGTH_SLACK of its length).
function mostLacking(length: number): number {
  let most = 0;
  for (let other = Math.max(1, length - SPELLING_LENGTH_SLACK); other <= length + SPELLING_LENGTH_SLACK; other++) most = Math.max(most, mostLackingOf(length, other));
  return most;
}

// The most character bits a word of `length` can lack of one of `other`'s length and still reach the similarity with it.
function mostLackingOf(length: number, other: number): number {
  let most = 0;
  while (most + 1 < length && mayReach(length, other, Math.min(other, length - most - 1))) most++;
  return most;
}

/**
 * The indices, ascending, of the names in the bucket of `bucketLength` that may reach the similarity with a
 * word of `length` and character bits `bits`. Each name is kept under its bits less up to mostLacking of
 * them, listed by how many it holds beyond the key; two words that may reach it share every key made of the
 * bits both hold, which each makes.
 */
function namesSharingLetters(bucket: SpellingBucket, bits: number, length: number, bucketLength: number): number[] {
  if (bucket.byLetters === undefined) {
    const byLetters = new Map<number, number[][]>();
    for (let k = 0; k < bucket.surnames.length; k++) addKeys(byLetters, bucket.letters[k] as number, mostLacking((bucket.surnames[k] as string).length), k);
    bucket.byLetters = byLetters;
  }
  const byLetters = bucket.byLetters;
  const found: number[] = [];
  const held = bitCount(bits);
  forEachKey(bits, mostLackingOf(length, bucketLength), (key) => {
    const lists = byLetters.get(key);
    if (lists === undefined) return;
    // Names with more bits beyond the key match fewer of this word's characters: the lists stop where none can reach the similarity.
    const lacked = held - bitCount(key);
    for (let beyond = 0; beyond < lists.length && mayReach(length, bucketLength, Math.min(length - lacked, bucketLength - beyond)); beyond++) {
      for (const k of lists[beyond] as number[]) if (mayReachSimilarity(bucketLength, bucket.letters[k] as number, length, bits)) found.push(k);
    }
  });
  found.sort((x, y) => x - y);
  // A name is found under each key both words make: kept once.
  let kept = 0;
  for (let i = 0; i < found.length; i++) if (i === 0 || found[i] !== found[i - 1]) found[kept++] = found[i] as number;
  found.length = kept;
  return found;
}

function addKeys(byLetters: Map<number, number[][]>, bits: number, most: number, k: number): void {
  const held = bitCount(bits);
  forEachKey(bits, most, (key) => {
    let lists = byLetters.get(key);
    if (lists === undefined) byLetters.set(key, (lists = []));
    const beyond = held - bitCount(key);
    while (lists.length <= beyond) lists.push([]);
    (lists[beyond] as number[]).push(k);
  });
}

// Calls `visit` with `bits` and with each of its subsets lacking at most `most` of its bits, once each.
function forEachKey(bits: number, most: number, visit: (key: number) => void): void {
  visit(bits);
  if (most > 0) forEachKeyLacking(bits, bits, most, visit);
}

// The subsets of `key` lacking one more bit, taken from `droppable` (the bits above the last one dropped), and so on.
function forEachKeyLacking(key: number, droppable: number, most: number, visit: (key: number) => void): void {
  for (let rest = droppable; rest !== 0; rest &= rest - 1) {
    const without = key & ~(rest & -rest);
    visit(without);
    if (most > 1) forEachKeyLacking(without, rest & (rest - 1), most - 1, visit);
  }
}
