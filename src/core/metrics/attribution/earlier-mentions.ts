/**
 * What the actor mentions before a speaker hold, read without walking back through all of them: the latest
 * gazetteer person named ("Dmitry Peskov spoke on Monday. He said ...") and the bodies whose names hold a
 * word ("the ministry" after "the Foreign Ministry"). Mentions are in text order, so those before a point
 * are a prefix of the list, found by a binary search; what the prefixes hold is worked out once an article,
 * when first asked. A walk back through the mentions per speaker made long texts quadratic: a megabyte of
 * "Russia and NATO met in Geneva. He said ..." took 50 times as long as 100 KB of it, with "The ministry
 * said" 26 times.
 */
import type { Actor } from '../../data/index.ts';
import type { Scan } from './context.ts';
import { filledInts, reusedInts } from './reused-arrays.ts';

/** What the prefixes of one article's mentions hold, made as they are asked about. */
export type EarlierMentions = {
  /** `latest[k]`: the index of the last gazetteer person's mention among the first k mentions, or -1; set up to `filled`; made when first asked */
  latest: Int32Array | undefined;
  filled: number;
  /** folded word -> the first two bodies whose names hold it, with the index of each one's first mention */
  readonly bodies: Map<string, NamingBodies>;
};

// Two are enough: a speaker is taken to be a body only when exactly one fits.
type NamingBodies = { readonly first: string | undefined; readonly firstAt: number; readonly second: string | undefined; readonly secondAt: number };

// The latest-person column, reused from article to article (reused-arrays.ts); one more entry than the mentions.
const latestStore = reusedInts();

/** Nothing asked yet about an article's mentions. */
export function earlierMentions(): EarlierMentions {
  return { latest: undefined, filled: 0, bodies: new Map() };
}

/** How many of the article's mentions start before `at`: a text offset (`start`) or a token (`tokenStart`). */
export function mentionsBefore(scan: Scan, at: number, by: 'start' | 'tokenStart'): number {
  const { mentions } = scan;
  let lo = 0;
  let hi = mentions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((mentions[mid] as (typeof mentions)[number])[by] < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// How many mentions back from a pronoun are read one by one: a pronoun is most often near the last speaker,
// and the table of latest persons would read every mention before it the first time.
const NEAR_MENTIONS = 32;

/**
 * The gazetteer person of the latest mention among the first `count` mentions, when it starts after text
 * offset `after` (where the last speaker was named; -1 for none); else undefined.
 */
export function personMentionedSince(scan: Scan, earlier: EarlierMentions, count: number, after: number): string | undefined {
  const { mentions, lexicons } = scan;
  const near = Math.max(0, count - NEAR_MENTIONS);
  for (let m = count - 1; m >= near; m--) {
    const mention = mentions[m] as (typeof mentions)[number];
    if (mention.start <= after) return undefined;
    if (lexicons.actors.get(mention.actor)?.kind === 'person') return mention.actor;
  }
  if (near === 0) return undefined;
  // Mentions are in text order: every one read above started after `after`, so only the latest person's mention before them is left to test.
  const latest = latestPersonMention(scan, earlier, near);
  const mention = latest < 0 ? undefined : mentions[latest];
  return mention !== undefined && mention.start > after ? mention.actor : undefined;
}

// The index of the latest mention of a gazetteer person among the first `count` mentions, or -1.
function latestPersonMention(scan: Scan, earlier: EarlierMentions, count: number): number {
  const { mentions, lexicons } = scan;
  const latest = (earlier.latest ??= filledInts(latestStore, mentions.length + 1, -1));
  // Extended only as far as asked.
  for (let m = earlier.filled; m < count; m++) {
    const mention = mentions[m] as (typeof mentions)[number];
    latest[m + 1] = lexicons.actors.get(mention.actor)?.kind === 'person' ? m : (latest[m] as number);
  }
  if (count > earlier.filled) earlier.filled = count;
  return latest[count] as number;
}

/**
 * Adds to `into` the gazetteer bodies (no person, no place) mentioned among the first `count` mentions whose
 * names hold the folded `word`, in the order first mentioned: at most two, which tells whether one fits.
 */
export function addBodiesNamed(scan: Scan, earlier: EarlierMentions, word: string, count: number, into: Set<string>): void {
  let found = earlier.bodies.get(word);
  if (found === undefined) {
    found = bodiesNaming(scan, word);
    earlier.bodies.set(word, found);
  }
  if (found.first !== undefined && found.firstAt < count) into.add(found.first);
  if (found.second !== undefined && found.secondAt < count) into.add(found.second);
}

// The first two bodies whose names hold `word`, in the order the article first mentions them.
function bodiesNaming(scan: Scan, word: string): NamingBodies {
  const { mentions, lexicons } = scan;
  let first: string | undefined;
  let firstAt = -1;
  for (let m = 0; m < mentions.length; m++) {
    const actor = lexicons.actors.get((mentions[m] as (typeof mentions)[number]).actor);
    if (actor === undefined || actor.kind === 'person' || actor.kind === 'place' || actor.id === first || !nameWords(actor).includes(word)) continue;
    if (first !== undefined) return { first, firstAt, second: actor.id, secondAt: m };
    first = actor.id;
    firstAt = m;
  }
  return { first, firstAt, second: undefined, secondAt: -1 };
}

// An actor's name in lower-case words, split once per actor rather than per speaker phrase that looks back at it.
const nameWordsOf = new WeakMap<Actor, readonly string[]>();
function nameWords(actor: Actor): readonly string[] {
  let words = nameWordsOf.get(actor);
  if (words === undefined) {
    words = actor.name.toLowerCase().split(/\s+/);
    nameWordsOf.set(actor, words);
  }
  return words;
}
