/**
 * What resolving earlier speakers established about an article's people, organisations and titles: the
 * state speaker resolution reads and extends, one finding at a time in text order. People and
 * organisations named anywhere in the article are indexed once before resolution starts (people.ts), each
 * with the token where it was named, so a surname finds a person named earlier even when they never spoke.
 */
import type { SpeakerKind } from '../../data/attribution-words.ts';
import type { RawAttribution } from './types.ts';

/** A person or organisation the gazetteer lacks, as the article names it, and the token where it does. */
export type NamedEntry = { readonly id: string; readonly at: number };
/** An organisation named in the article: its id, its kind, the folded words of its name, where it was named. */
export type NamedOrganisation = NamedEntry & { readonly kind: SpeakerKind; readonly words: readonly string[] };

/** What resolving earlier speakers established about the article's people and titles. */
export type SpeakerMemory = {
  /** surname -> every full name with that surname (`person:` ids), in text order ("Lopez" -> "Maria Lopez") */
  readonly people: Map<string, NamedEntry[]>;
  /** first three letters and length of a surname -> the surnames indexed under it, for spelling variants */
  readonly spellings: Map<string, string[]>;
  /** organisations named in the article, in text order */
  readonly organisations: NamedOrganisation[];
  /** `person:`, `org:` or `name:` id -> the kind of speaker it is, where its form tells */
  readonly kinds: Map<string, 'person' | SpeakerKind>;
  /** `person:` or `org:` id -> the side the article gave them */
  readonly personSide: Map<string, string>;
  /** `person:` id -> the titles they were named with */
  readonly personTitles: Map<string, readonly string[]>;
  /** title -> the country of its latest unnamed holder ("Britain's fisheries minister") and where */
  readonly titleSides: Map<string, { side: string; paragraph: number }>;
  /** every attribution resolved so far, in order */
  readonly history: RawAttribution[];
  /** the latest attribution in `history` with an actor: any, a person, anything else (kept by `remember`) */
  readonly latest: { any?: RawAttribution; person?: RawAttribution; other?: RawAttribution };
};

/** An empty memory, for the start of an article. */
export function newSpeakerMemory(): SpeakerMemory {
  return { people: new Map(), spellings: new Map(), organisations: [], kinds: new Map(), personSide: new Map(), personTitles: new Map(), titleSides: new Map(), history: [], latest: {} };
}
