import { describe, expect, it } from 'vitest';
import { analyze, segmentArticle } from '../../src/index.ts';
import { releaseBuffers } from '../../src/core/text/index.ts';
import { lexicons } from '../helpers.ts';

describe('releasing column buffers', () => {
  it('detaches each large buffer once and leaves small ones', () => {
    const large = new Int32Array(1 << 17);
    const sameBuffer = large.subarray(10, 20);
    const small = new Int32Array(16);
    releaseBuffers([large, sameBuffer, small]);
    expect(large.buffer.byteLength).toBe(0);
    expect(small.length).toBe(16);
    expect(() => releaseBuffers([large])).not.toThrow();
  });

  it('reaches a buffer through its long views only (a view of 64 bytes or less is not read)', () => {
    const large = new Int32Array(1 << 17);
    releaseBuffers([large.subarray(0, 16)]);
    expect(large.length).toBe(1 << 17);
    releaseBuffers([large.subarray(0, 17)]);
    expect(large.length).toBe(0);
  });

  it('leaves the next analysis as it would have been: a long text, a short one, the long one again', () => {
    // Long enough for the token columns' own buffers and for every released buffer (256 KB or more).
    const long = 'The minister said the plan was "a disaster" for farmers.\n\nword\n\n'.repeat(3000);
    const short = 'Critics say the plan failed. "It is a scandal," she said.';
    const first = JSON.stringify(analyze(long, { lexicons }));
    const between = JSON.stringify(analyze(short, { lexicons }));
    expect(JSON.stringify(analyze(long, { lexicons }))).toBe(first);
    expect(JSON.stringify(analyze(short, { lexicons }))).toBe(between);
  });
});

describe('a long text', () => {
  it('has the tokens of its parts, with offsets moved along (its columns are views of buffers of its own)', () => {
    const unit = "Mr. O'Neil's U.S. trip, \u201Cso-called\u201D, cost 3.5 million \u00E9tudes.\n\n";
    const part = segmentArticle(unit, lexicons.abbreviations).tokens;
    const times = 3000; // past the length up to which tokenize reuses its scratch buffers
    const whole = segmentArticle(unit.repeat(times), lexicons.abbreviations).tokens;
    expect(whole.count).toBe(part.count * times);
    for (const k of [0, 1, times - 1]) {
      for (let t = 0; t < part.count; t++) {
        const w = k * part.count + t;
        expect([whole.start[w], whole.end[w], whole.norm[w], whole.bare[w], whole.ids[w], whole.shape[w], whole.letters[w], whole.capitals[w]]).toEqual([
          (part.start[t] as number) + k * unit.length,
          (part.end[t] as number) + k * unit.length,
          part.norm[t],
          part.bare[t],
          part.ids[t],
          part.shape[t],
          part.letters[t],
          part.capitals[t],
        ]);
        // The unit ends in a period, which breaks a phrase across the join.
        expect(whole.breakBefore[w]).toBe(t > 0 ? part.breakBefore[t] : w === 0 ? 0 : 1);
      }
    }
    expect(whole.start.length).toBe(whole.count);
    expect(whole.norm.length).toBe(whole.count);
  });
});
