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
    // with repeated letters (counted, not only present), lengths past 13 and on both sides of 40 (longer ones are read
    // one by one), and 4 and 5 (whose look-up cannot tell: read one by one); half of them an earlier name with a
    // letter or two after the opening changed, added or dropped, so that many reach the similarity.
    const letter = fc.constantFrom('a', 'n', 's', 'k', 'e', 'r', 't');
    const rest = (minLength: number, maxLength: number) => fc.array(letter, { minLength, maxLength });
    const surname = fc.tuple(fc.constantFrom('Smi', 'Smo'), fc.oneof(rest(1, 2), rest(3, 6), rest(9, 11), rest(36, 38))).map(([opening, letters]) => opening + letters.join(''));
    const edit = fc.record({ at: fc.nat(), letter, kind: fc.constantFrom('change', 'add', 'drop') });
    const entry = fc.record({ fresh: surname, variant: fc.boolean(), of: fc.nat(), edits: fc.array(edit, { minLength: 1, maxLength: 2 }) });
    fc.assert(
      fc.property(fc.array(entry, { minLength: 300, maxLength: 600 }), (entries) => {
        const names: string[] = [];
        for (const { fresh, variant, of, edits } of entries) {
          let name: string | undefined = names[of % Math.max(1, names.length)];
          if (!variant || name === undefined) name = fresh;
          else {
            for (const { at, letter, kind } of edits) {
              const p: number = 3 + (at % (name.length - 2));
              name = name.slice(0, p) + (kind === 'drop' ? '' : letter) + name.slice(kind === 'add' ? p : p + 1);
            }
          }
          names.push(name);
        }
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

  it('reads a large bucket whose names reach a word with one character in common beyond their opening', () => {
    // "Smit" and "Smi?t" reach the similarity with four matches: too few to share a pair of characters after "Smi".
    const names = [...'ansker'].flatMap((first) => [...'anskert'].map((second) => `Smi${first}${second}`));
    const memory = { people: new Map<string, NamedPerson[]>(), spellings: undefined } as unknown as SpeakerMemory;
    names.forEach((name, at) => memory.people.set(name, [{ names: [name], at, id: undefined }]));
    expect(closestSurname(memory, 'Smit', names.length)?.names[0]).toBe(closestByReading(names, 'Smit'));
  });
});
