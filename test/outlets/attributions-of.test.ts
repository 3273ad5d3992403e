import { describe, expect, it } from 'vitest';
import { attributionsOf, type SpeechSpans } from '../../src/core/outlets/assess.ts';

type Span = { start: number; end: number };

/** The rule written plainly, one pass over every attribution per source: what the sweep must agree with. */
function plainly(sources: readonly Span[], attributions: readonly SpeechSpans[]): number[][] {
  return sources.map((source) =>
    attributions.flatMap((a, index) => {
      const speaks = a.speaker !== null && a.speaker.start < source.end && source.start < a.speaker.end;
      const after = a.cue?.class === 'according' && a.content !== null && source.start >= a.cue.end && source.start - a.cue.end <= 8;
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
      { speaker: { start: 0, end: 7 }, cue: { end: 12, class: 'say' }, content: { start: 13, end: 30 } },
      { speaker: null, cue: { end: 44, class: 'according' }, content: { start: 55, end: 70 } },
      { speaker: null, cue: { end: 90, class: 'according' }, content: null },
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
      const attributions: SpeechSpans[] = Array.from({ length: int(25) }, () => ({
        speaker: next() < 0.7 ? span() : null,
        cue: next() < 0.8 ? { end: int(width), class: next() < 0.5 ? 'according' : 'say' } : null,
        content: next() < 0.8 ? span() : null,
      }));
      const sources = Array.from({ length: int(12) }, span);
      expect(attributionsOf(sources, attributions)).toEqual(plainly(sources, attributions));
    }
  });
});
