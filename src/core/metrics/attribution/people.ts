/**
 * Named people the gazetteer does not know: "Maria Lopez" becomes a `person:` id, found again as
 * "Lopez" or, spelt a little differently, as "Lopes".
 */
import { createRequire } from 'node:module';
import type { Scan } from './context.ts';
import type { SpeakerMemory } from './speaker-memory.ts';
import type { TokenSpan } from './types.ts';

// Jaro-Winkler similarity at which two surnames name the same person.
const SURNAME_SIMILARITY = 0.94;
const jaroWinkler = createRequire(import.meta.url)('natural/lib/natural/distance/jaro-winkler_distance.js') as (a: string, b: string) => number;

/** The `person:` id of a name in the phrase that the gazetteer does not know: a new full name (remembered by surname), or a known surname; else null. */
export function unknownPerson(scan: Scan, memory: SpeakerMemory, speaker: TokenSpan): string | null {
  const { tokens } = scan.article;
  const names: string[] = [];
  for (let t = speaker.t0; t < speaker.t1; t++) {
    const word = tokens.norm[t] as string;
    const nameLike = scan.capital[t] === 1 && scan.titleAt[t] === undefined && scan.countryAt[t] === undefined && scan.actorAt[t] === -1 && !scan.lexicons.abbreviations.starters.has(word) && !scan.words.speakerWords.has(word);
    if (nameLike && (names.length === 0 || tokens.breakBefore[t] === 0)) names.push(tokens.bare[t] as string);
    else if (names.length >= 2) break;
    else names.length = 0;
  }
  while (names.length > 0 && scan.words.honorifics.has(names[0] as string)) names.shift();
  // "Finance Director Karen Whitlow": a role not in the titles list comes first; a name is its last words.
  if (names.length > 3) names.splice(0, names.length - 2);
  if (names.length === 0) return null;
  const surname = names[names.length - 1] as string;
  if (names.length === 1) return memory.people.get(surname) ?? closestSurname(memory, surname);
  const id = `person:${names.join('-')}`;
  memory.people.set(surname, id);
  return id;
}

// A second reference spelled a little differently ("Zelenskiy" after "Volodymyr Zelensky").
function closestSurname(memory: SpeakerMemory, surname: string): string | null {
  let best: string | null = null;
  let bestScore = SURNAME_SIMILARITY;
  for (const [known, id] of memory.people) {
    const score = jaroWinkler(known, surname);
    if (score >= bestScore) {
      best = id;
      bestScore = score;
    }
  }
  return best;
}
