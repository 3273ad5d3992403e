/**
 * What resolving earlier speakers established about an article's people and titles: the state speaker
 * resolution reads and extends, one finding at a time in text order.
 */
import type { RawAttribution } from './types.ts';

/** What resolving earlier speakers established about the article's people and titles. */
export type SpeakerMemory = {
  /** surname -> `person:` id of a named person not in the gazetteer ("Lopez" -> "Maria Lopez") */
  readonly people: Map<string, string>;
  /** `person:` id -> the side the article gave them */
  readonly personSide: Map<string, string>;
  /** `person:` id -> the titles they were named with */
  readonly personTitles: Map<string, readonly string[]>;
  /** title -> the country of its latest unnamed holder ("Britain's fisheries minister") and where */
  readonly titleSides: Map<string, { side: string; paragraph: number }>;
  /** every attribution resolved so far, in order */
  readonly history: RawAttribution[];
};

/** An empty memory, for the start of an article. */
export function newSpeakerMemory(): SpeakerMemory {
  return { people: new Map(), personSide: new Map(), personTitles: new Map(), titleSides: new Map(), history: [] };
}
