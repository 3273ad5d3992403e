/**
 * What resolving earlier speakers established about an article's people, organisations and titles: the
 * state speaker resolution reads and extends, one finding at a time in text order. People and
 * organisations named anywhere in the article are indexed once before resolution starts (people.ts), each
 * with the token where it was named, so a surname finds a person named earlier even when they never spoke.
 */
import type { SpeakerKind } from '../../data/attribution-words.ts';
import type { EarlierMentions } from './earlier-mentions.ts';
import type { RawAttribution } from './types.ts';

/** A full name the gazetteer lacks, as the article names it, and the token where it does; its `person:` id is made when first asked for (`personId`): most names indexed are never a speaker's. */
export type NamedPerson = { readonly names: readonly string[]; readonly at: number; id: string | undefined };
/** An organisation named in the article: its id, its kind, the folded words of its name, where it was named. */
export type NamedOrganisation = { readonly id: string; readonly at: number; readonly kind: SpeakerKind; readonly words: readonly string[] };

/** Organisations by the words of their names, as indices into the list, in list order; made when first asked (organisation-lookups.ts). */
export type OrganisationLookups = {
  /** how many of the list's organisations are in the look-ups */
  read: number;
  /** `reach[i]`: the furthest token among where the first i + 1 organisations were named (never falls) */
  readonly reach: number[];
  /** folded word -> the organisations whose names hold it */
  readonly byWord: Map<string, number[]>;
  /** folded first word -> the organisations whose names open with it */
  readonly byFirstWord: Map<string, number[]>;
  /** the organisations named as companies */
  readonly companies: number[];
};

/** Surnames of one first three letters and one length, in the order indexed, each with its characters counted by class (four ints from `counts[4 * i]` for `surnames[i]`; spelling-variants.ts). */
export type SpellingBucket = {
  readonly surnames: string[];
  readonly counts: number[];
  /** the surnames by pairs of their rarest characters; made when the bucket grows large */
  byPairs: SpellingPairs | undefined;
};

/** A large spelling bucket's look-up: the bucket's characters (tokens) by how many of its names held them when it was made, which orders them rarest first, and a hash of two tokens -> the surnames (indices, ascending) holding both among their rarest (spelling-variants.ts). */
export type SpellingPairs = { readonly held: Map<number, number>; readonly byPair: Map<number, number[]> };

/** What resolving earlier speakers established about the article's people and titles. */
export type SpeakerMemory = {
  /** surname -> every full name with that surname, in text order ("Lopez" -> "Maria Lopez") */
  readonly people: Map<string, NamedPerson[]>;
  /** surname -> its full names by their words joined ("-"), for a surname many names share; made when they reach SHARED_SURNAME (people.ts) */
  sharedSurnames: Map<string, Map<string, NamedPerson>> | undefined;
  /** first three letters, then length of a surname -> the surnames indexed under them, for spelling variants; made when the first variant is looked for (spelling-variants.ts) */
  spellings: Map<string, Map<number, SpellingBucket>> | undefined;
  /** organisations named in the article, in text order, then as speakers name new ones */
  readonly organisations: NamedOrganisation[];
  /** the organisations by the words of their names; made when first asked (organisation-lookups.ts) */
  organisationLookups: OrganisationLookups | undefined;
  /** `org:` id -> the kind of organisation its name tells (a `person:` id is a person: `kindOf`) */
  readonly kinds: Map<string, SpeakerKind>;
  /** `person:` or `org:` id -> the side the article gave them */
  readonly personSide: Map<string, string>;
  /** `person:` id -> the titles they were named with */
  readonly personTitles: Map<string, readonly string[]>;
  /** title -> the country of its latest unnamed holder ("Britain's fisheries minister") and where */
  readonly titleSides: Map<string, { side: string; paragraph: number }>;
  /** how many attributions have been resolved so far */
  made: number;
  /** the latest of them (TITLE_HISTORY in resolve.ts), a ring: the n-th made at recent[n % TITLE_HISTORY] */
  readonly recent: RawAttribution[];
  /**
   * those resolved as anonymous unnamed sources with a speaker phrase, in order: the only ones a definite role
   * takes up (unnamedSource in resolve.ts). A list of every attribution, read whole there, regrew to 65,000
   * entries in V8's large-object space on a megabyte of quotations.
   */
  readonly unnamed: RawAttribution[];
  /** title -> how many of `unnamed` were read for it, and whether one of their speakers' texts holds it; made when first asked, so that each is read once a title (unnamedSource in resolve.ts) */
  unnamedTitles: Map<string, { read: number; found: boolean }> | undefined;
  /** the latest attribution resolved with an actor: any, a person, anything else (kept by `remember`) */
  readonly latest: { any: RawAttribution | undefined; person: RawAttribution | undefined; other: RawAttribution | undefined };
  /** sentence openers asked about, by folded form: whether the article also writes them in lower case; made when first asked (people.ts) */
  lowerCase: LowerCaseAnswers | undefined;
  /** what the actor mentions before a speaker hold; made when first asked (earlier-mentions.ts) */
  earlierMentions: EarlierMentions | undefined;
};

/** Whether a sentence opener is also written in lower case: each word asked so far, then (past a few) every such form at once. */
export type LowerCaseAnswers = { readonly asked: Map<string, boolean>; forms: Set<string> | undefined };

/** An empty memory, for the start of an article. */
export function newSpeakerMemory(): SpeakerMemory {
  return { people: new Map(), sharedSurnames: undefined, spellings: undefined, organisations: [], organisationLookups: undefined, kinds: new Map(), personSide: new Map(), personTitles: new Map(), titleSides: new Map(), made: 0, recent: [], unnamed: [], unnamedTitles: undefined, latest: { any: undefined, person: undefined, other: undefined }, lowerCase: undefined, earlierMentions: undefined };
}

/** The kind of speaker a name the gazetteer lacks is, where its form tells: a `person:` id is a person, an `org:` id as remembered; undefined for others. */
export function kindOf(memory: SpeakerMemory, id: string): 'person' | SpeakerKind | undefined {
  return id.startsWith('person:') ? 'person' : memory.kinds.get(id);
}

/** The `person:` id of a name indexed (its words joined), made once. */
export function personId(person: NamedPerson): string {
  if (person.id === undefined) person.id = `person:${person.names.join('-')}`;
  return person.id;
}
