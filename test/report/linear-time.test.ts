/**
 * Analysis time grows linearly with the input for the shapes that once grew quadratically (one-word
 * paragraphs, nested HTML, a repeated cue, a repeated anonymous quote, speakers resolved against everything
 * before them, a run-on sentence of asides, captioned figures): 1 MB may take at most 30 times as long as
 * 100 KB. Linear time gives about x10 and the quadratic paths gave x30-x105, so the bound catches a
 * regression without flaking on a busy machine: time is the process's CPU time (waiting for a busy core
 * adds none), each size keeps its fastest run (noise only adds time), and the large one is measured again
 * before failing. The x13 target is printed by `npm run bench:linear`.
 */
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.ts';
import { SHAPES } from '../../scripts/bench/shapes.ts';
import { lexicons } from '../helpers.ts';

const SMALL = 100 * 1024;
const LARGE = 1024 * 1024;
const BOUND = 30;

function fastest(runs: number, fn: () => unknown): number {
  let best = Infinity;
  for (let run = 0; run < runs; run++) {
    const start = process.cpuUsage();
    fn();
    const used = process.cpuUsage(start);
    best = Math.min(best, (used.user + used.system) / 1000);
  }
  return best;
}

describe('analysis time is linear in the input', () => {
  for (const shape of SHAPES) {
    it(`${shape.name}: 1 MB takes under x${BOUND} the time of 100 KB`, { timeout: 600_000 }, () => {
      const small = shape.make(SMALL);
      const large = shape.make(LARGE);
      const run = (input: typeof small) => () => JSON.stringify(analyze(input, { lexicons }));
      const smallMs = fastest(3, run(small));
      let largeMs = fastest(1, run(large));
      if (largeMs / smallMs >= BOUND) largeMs = Math.min(largeMs, fastest(1, run(large)));
      expect(largeMs / smallMs, `${shape.name}: 100 KB ${smallMs.toFixed(0)} ms, 1 MB ${largeMs.toFixed(0)} ms`).toBeLessThan(BOUND);
    });
  }
});
