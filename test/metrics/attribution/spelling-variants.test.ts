import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { JaroWinklerDistance } from 'natural/lib/natural/distance/index.js';
import { addSpelling, closestSurname } from '../../../src/core/metrics/attribution/spelling-variants.ts';
import type { NamedPerson, SpeakerMemory } from '../../../src/core/metrics/attribution/speaker-memory.ts';

const jaroWinkler: (a: string, b: string) => number = JaroWinklerDistance;

// Every earlier surname of the same first three letters and a length within two, read in full: lengths in
// turn, names in the order indexed, the later of equal scores kept.
function closestByReading(surnames: readonly string[], surname: string): string | null {
  let best: string | null = null;
  let bestScore = 0.94;
  for (let length = surname.length - 2; length <= surname.length + 2; length++) {
    for (const known of surnames) {
      if (known.length !== length || known.slice(0, 3) !== surname.slice(0, 3)) continue;
      const score = jaroWinkler(known, surname);
      if (score >= bestScore) {
        best = known;
        bestScore = score;
      }
    }
  }
  return best;
}

describe('spelling variants', () => {
  it('finds the surname the reading of every name finds, through buckets large enough to be looked up by their characters', () => {
    // Names of one opening and a few letters, many per length (buckets of 32 and more are read through the look-up),
    // with repeated letters (counted, not only present) and lengths past 13.
    const rest = (minLength: number, maxLength: number) => fc.array(fc.constantFrom('a', 'n', 's', 'k'), { minLength, maxLength });
    const surname = fc.tuple(fc.constantFrom('Smi', 'Smo'), fc.oneof(rest(3, 6), rest(9, 11))).map(([opening, letters]) => opening + letters.join(''));
    fc.assert(
      fc.property(fc.array(surname, { minLength: 150, maxLength: 300 }), (names) => {
        const memory = { people: new Map<string, NamedPerson[]>(), spellings: undefined } as unknown as SpeakerMemory;
        const indexed: string[] = [];
        names.forEach((name, at) => {
          if (memory.people.has(name)) return;
          expect(closestSurname(memory, name, at)?.names[0] ?? null).toBe(closestByReading(indexed, name));
          memory.people.set(name, [{ names: [name], at, id: undefined }]);
          if (memory.spellings !== undefined) addSpelling(memory.spellings, name);
          indexed.push(name);
        });
      }),
      { numRuns: 150 },
    );
  });
});
