/**
 * npm run bench:linear: for each pathological shape (scripts/bench/shapes.ts), the time to analyse 1 MB
 * over the time for 100 KB, in one process on one core, median of rounds, interleaved. Linear time gives
 * about x10; the target is <= x13. Prints figures; asserts nothing (the test bounds the ratio at x30).
 *
 *   BENCH_ROUNDS=5   rounds per size (default 3)
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Library from '../../src/index.ts';
import { SHAPES } from './shapes.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
pinToOneCore();
const bundle = join(root, 'dist', 'index.js');
const built = existsSync(bundle);
const { analyze, loadLexicons } = (await import(built ? bundle : '../../src/index.ts')) as typeof Library;
const lexicons = loadLexicons();
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const SMALL = 100 * 1024;
const LARGE = 1024 * 1024;

function pinToOneCore(): void {
  if (process.env.SLANT_BENCH_PINNED === '1' || process.platform !== 'linux') return;
  try {
    execFileSync('taskset', ['-cp', '0', String(process.pid)], { stdio: 'ignore' });
    process.env.SLANT_BENCH_PINNED = '1';
  } catch {
    console.log('(taskset not available: not pinned to one core)');
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function seconds(fn: () => unknown): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

console.log(`bench:linear  node ${process.version}, pinned to core 0, ${built ? 'dist/index.js' : 'src through tsx'}, load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
for (const shape of SHAPES) {
  const small = shape.make(SMALL);
  const large = shape.make(LARGE);
  analyze(small, { lexicons }); // warm-up
  const smallTimes: number[] = [];
  const largeTimes: number[] = [];
  for (let round = 0; round < rounds; round++) {
    smallTimes.push(seconds(() => JSON.stringify(analyze(small, { lexicons }))));
    largeTimes.push(seconds(() => JSON.stringify(analyze(large, { lexicons }))));
  }
  const ratio = median(largeTimes) / median(smallTimes);
  console.log(`${shape.name.padEnd(30)} 100 KB ${(median(smallTimes) * 1000).toFixed(0).padStart(6)} ms   1 MB ${(median(largeTimes) * 1000).toFixed(0).padStart(7)} ms   x${ratio.toFixed(1)}${ratio > 13 ? '  (over the x13 target)' : ''}`);
}
console.log(`load after: ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
