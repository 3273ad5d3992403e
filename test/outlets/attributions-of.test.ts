import { describe, expect, it } from 'vitest';
import { attributionsOf, type SpeechSpans } from '../../src/core/outlets/assess.ts';

type Span = { start: number; end: number };

// An attribution's spans as the sources step reads them: numbers, -1 for none.
function spans(speaker: Span | null, cue: { end: number; class: string } | null, content: Span | null): SpeechSpans {
  return { speakerStart: speaker?.start ?? -1, speakerEnd: speaker?.end ?? -1, cue: cue === null ? null : { class: cue.class }, cueEnd: cue?.end ?? -1, contentStart: content?.start ?? -1 };
}

/** The rule written plainly, one pass over every attribution per source: what the sweep must agree with. */
function plainly(sources: readonly Span[], attributions: readonly SpeechSpans[]): number[][] {
  return sources.map((source) =>
    attributions.flatMap((a, index) => {
      const speaks = a.speakerStart >= 0 && a.speakerStart < source.end && source.start < a.speakerEnd;
      const after = a.cue?.class === 'according' && a.contentStart >= 0 && source.start >= a.cueEnd && source.start - a.cueEnd <= 8;
      return speaks || after ? [index] : [];
    }),
  );
}

/** A small deterministic generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('which attributions a cited source speaks in (attributionsOf)', () => {
  it('ties a source to the speaker it names and to the "according to" cue just before it', () => {
    // "Reuters said ... according to the BBC, ... the BBC reported"
    const attributions: SpeechSpans[] = [
      spans({ start: 0, end: 7 }, { end: 12, class: 'say' }, { start: 13, end: 30 }),
      spans(null, { end: 44, class: 'according' }, { start: 55, end: 70 }),
      spans(null, { end: 90, class: 'according' }, null),
    ];
    const sources = [
      { start: 0, end: 7 },
      { start: 45, end: 52 },
      { start: 99, end: 106 },
    ];
    expect(attributionsOf(sources, attributions)).toEqual([[0], [1], []]);
  });

  it('agrees with the plain rule on random overlapping, nested, empty and unsorted spans', () => {
    const next = random(14);
    const int = (n: number): number => Math.floor(next() * n);
    for (let round = 0; round < 300; round++) {
      const width = 20 + int(200);
      const span = (): Span => {
        const start = int(width);
        return { start, end: start + int(12) };
      };
      const attributions: SpeechSpans[] = Array.from({ length: int(25) }, () => {
        const speaker = next() < 0.7 ? span() : null;
        const cue = next() < 0.8 ? { end: int(width), class: next() < 0.5 ? 'according' : 'say' } : null;
        return spans(speaker, cue, next() < 0.8 ? span() : null);
      });
      const sources = Array.from({ length: int(12) }, span);
      expect(attributionsOf(sources, attributions)).toEqual(plainly(sources, attributions));
    }
  });
});
