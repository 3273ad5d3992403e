/**
 * Analysis time grows linearly with the input for the shapes that once grew quadratically (one-word
 * paragraphs, nested HTML, a repeated cue, a repeated anonymous quote, speakers resolved against everything
 * before them, a run-on sentence of asides, captioned figures, deeply nested HTML, paragraphs that are only a
 * quotation, many made-up surnames that speak): 1 MB may take at most 30 times as long as 100 KB. Linear time
 * gives about x10 and the quadratic paths gave x30-x160, so the bound catches a
 * regression without flaking on a busy machine: time is the process's CPU time (waiting for a busy core
 * adds none), each size keeps its fastest run (noise only adds time), and the large one is measured again,
 * up to four times in all, before failing: a process's first 1 MB runs are slow while it warms up (a run of `!`
 * took 115-127 ms in its first two 1 MB runs and 25 ms from the fourth, against 3 ms for 100 KB; --trace-gc
 * showed one scavenge in them, so it is not collection). The x13 target is printed by `npm run bench:linear`.
 */
import { describe, expect, it } from 'vitest';
import { analyze, compareReports } from '../../src/index.ts';
import { numbered, SHAPES } from '../../scripts/bench/shapes.ts';
import { lexicons } from '../helpers.ts';

const SMALL = 100 * 1024;
const LARGE = 1024 * 1024;
const BOUND = 30;
const LARGE_RUNS = 4;

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

// The large run's time over the small one's, each its fastest, the large one measured again while over the bound.
function expectLinear(label: string, small: () => unknown, large: () => unknown): void {
  const smallMs = fastest(3, small);
  let largeMs = fastest(1, large);
  for (let runs = 1; runs < LARGE_RUNS && largeMs / smallMs >= BOUND; runs++) largeMs = Math.min(largeMs, fastest(1, large));
  expect(largeMs / smallMs, `${label}100 KB ${smallMs.toFixed(0)} ms, 1 MB ${largeMs.toFixed(0)} ms`).toBeLessThan(BOUND);
}

describe('analysis time is linear in the input', () => {
  for (const shape of SHAPES) {
    it(`${shape.name}: 1 MB takes under x${BOUND} the time of 100 KB`, { timeout: 600_000 }, () => {
      const small = shape.make(SMALL);
      const large = shape.make(LARGE);
      const run = (input: typeof small) => () => JSON.stringify(analyze(input, { lexicons }));
      expectLinear(`${shape.name}: `, run(small), run(large));
    });
  }
});

// Comparing two articles: each statement's content words were read from the article's first token, and each
// flagged word of one article was searched for through the whole of the other (two 1 MB articles took x57 the
// time of two of 100 KB, 10.6 s).
describe('comparison time is linear in the articles', () => {
  const story = (verb: string) => (i: number) => `Critics say the regime ${verb} the so-called reform ${i}, a very aggressive move. "It is deplorable," Mr. Smith${i % 97} said. Officials in Moscow claimed the talks failed.\n\n`;
  const reportsOf = (bytes: number) => [story('slammed'), story('criticised')].map((paragraph, i) => ({ name: `outlet ${i}`, report: analyze(numbered(paragraph, bytes), { lexicons }) }));
  it(`two 1 MB articles take under x${BOUND} the time of two of 100 KB`, { timeout: 600_000 }, () => {
    const small = reportsOf(SMALL);
    const large = reportsOf(LARGE);
    const run = (reports: typeof small) => () => JSON.stringify(compareReports(reports, { lexicons }));
    expectLinear('', run(small), run(large));
  });
});
