/**
 * npm run bench:linear: for each pathological shape (scripts/bench/shapes.ts), the time to analyse 1 MB
 * over the time for 100 KB, in one process on one core, interleaved: the median of the rounds' ratios. Linear time gives
 * about x10; the target is <= x13. Prints figures; asserts nothing (the test bounds the ratio at x30).
 * Each round times the 100 KB input ten times over (the figure is the mean of the ten) against the 1 MB input
 * once, so that both sides of the ratio take about as long: a single 100 KB run (50-100 ms) is short enough
 * for one garbage collection or one recompilation to swing it by a third, and with it the ratio.
 *
 *   BENCH_ROUNDS=9   rounds per shape (default 7); the ratio printed is the median of the rounds' own ratios
 *   BENCH_MEMORY_RUNS=5   fresh processes per shape for peak RSS (default 3; the median is printed)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Library from '../../src/index.ts';
import { NEWS_SHAPE, SHAPES } from './shapes.ts';
import { loadAverage, median, pinToOneCore } from './corpus.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pinning = pinToOneCore();
const bundle = join(root, 'dist', 'index.js');
const built = existsSync(bundle);
const { analyze, loadLexicons } = (await import(built ? bundle : '../../src/index.ts')) as typeof Library;
const lexicons = loadLexicons();
const rounds = Number(process.env.BENCH_ROUNDS ?? 7);
const SMALL = 100 * 1024;
const LARGE = 1024 * 1024;
// How many times a round runs the small input: as many as make up the large one.
const SMALL_RUNS = Math.round(LARGE / SMALL);


// Wall seconds and the process's CPU seconds per run of `fn`, over `runs` runs (on a busy machine the CPU
// figure is the steadier one).
function seconds(fn: () => unknown, runs = 1): { wall: number; cpu: number } {
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let run = 0; run < runs; run++) fn();
  const cpu = process.cpuUsage(cpuStart);
  return { wall: Number(process.hrtime.bigint() - start) / 1e9 / runs, cpu: (cpu.user + cpu.system) / 1e6 / runs };
}

console.log(`bench:linear  node ${process.version}, ${pinning}, ${built ? 'dist/index.js' : 'src through tsx'}, ${rounds} rounds of 100 KB x${SMALL_RUNS} against 1 MB, load ${loadAverage()}`);
for (const shape of SHAPES) {
  const small = shape.make(SMALL);
  const large = shape.make(LARGE);
  // Warm-up at both sizes: the first runs of a shape are still compiling (a first 100 KB run takes 3-6 times a
  // warm one), which would put the start-up of the JIT into the first round's ratio.
  for (let run = 0; run < 3; run++) JSON.stringify(analyze(small, { lexicons }));
  JSON.stringify(analyze(large, { lexicons }));
  const smallTimes: { wall: number; cpu: number }[] = [];
  const largeTimes: { wall: number; cpu: number }[] = [];
  for (let round = 0; round < rounds; round++) {
    smallTimes.push(seconds(() => JSON.stringify(analyze(small, { lexicons })), SMALL_RUNS));
    largeTimes.push(seconds(() => JSON.stringify(analyze(large, { lexicons }))));
  }
  const smallWall = median(smallTimes.map((t) => t.wall));
  const largeWall = median(largeTimes.map((t) => t.wall));
  // The ratio is each round's own (its 1 MB run against the 100 KB runs just before it), then the median of
  // the rounds': this machine's speed drifts by a third within minutes, and a ratio of two medians taken
  // from different rounds mixes a fast moment's runs with a slow one's, as `npm run bench` avoids too.
  const roundRatios = largeTimes.map((t, round) => t.wall / (smallTimes[round] as { wall: number }).wall);
  const ratio = median(roundRatios);
  const cpuRatio = median(largeTimes.map((t, round) => t.cpu / (smallTimes[round] as { cpu: number }).cpu));
  const range = `${Math.min(...roundRatios).toFixed(1)}-${Math.max(...roundRatios).toFixed(1)}`;
  console.log(`${shape.name.padEnd(30)} 100 KB ${(smallWall * 1000).toFixed(0).padStart(6)} ms (mean of ${SMALL_RUNS})   1 MB ${(largeWall * 1000).toFixed(0).padStart(7)} ms   x${ratio.toFixed(1)} (rounds ${range}; CPU time x${cpuRatio.toFixed(1)})${ratio > 13 ? '  (over the x13 target)' : ''}`);
}

// Peak memory is a property of one run, so each shape runs alone in a fresh process: load, analyse 1 MB,
// serialise, report ru_maxrss (kilobytes on Linux). The input is written to a file first, so that with the
// bundle the measured process is plain Node running slant, as a user's would be: loading the shapes through
// tsx would add its own ~60-90 MB to the figure. Without a bundle the sources need tsx, and the figure says so.
// The peak depends on when V8's last full collection falls (everything allocated after it stays until the
// process ends), so one process can read 30 MB above the next for the same code: the median of several
// fresh processes is printed, with their range.
const memoryRuns = Math.max(1, Number(process.env.BENCH_MEMORY_RUNS ?? 3));
const memoryScript = `
  const { readFileSync } = await import('node:fs');
  const { analyze, loadLexicons } = await import(process.env.SLANT_BENCH_MODULE);
  const input = JSON.parse(readFileSync(process.env.SLANT_BENCH_INPUT, 'utf8'));
  const bytes = JSON.stringify(analyze(input, { lexicons: loadLexicons() })).length;
  process.stdout.write(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS, bytes }));
`;
const inputFolder = mkdtempSync(join(tmpdir(), 'slant-bench-linear-'));
for (const shape of [NEWS_SHAPE, ...SHAPES]) {
  const inputFile = join(inputFolder, 'input.json');
  writeFileSync(inputFile, JSON.stringify(shape.make(LARGE)));
  const peaks: number[] = [];
  let bytes = 0;
  let failure: string | undefined;
  for (let run = 0; run < memoryRuns && failure === undefined; run++) {
    const child = spawnSync(process.execPath, [...(built ? [] : ['--import', 'tsx']), '--input-type=module', '-e', memoryScript], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, SLANT_BENCH_MODULE: built ? bundle : join(root, 'src', 'index.ts'), SLANT_BENCH_INPUT: inputFile },
    });
    if (child.status !== 0) {
      failure = child.stderr.trim().split('\n').at(-1);
      break;
    }
    const measured = JSON.parse(child.stdout) as { maxRssKb: number; bytes: number };
    peaks.push(measured.maxRssKb / 1024);
    bytes = measured.bytes;
  }
  if (failure !== undefined) {
    console.log(`${shape.name.padEnd(30)} peak RSS: the measuring process failed: ${failure}`);
    continue;
  }
  const mb = median(peaks);
  const how = built ? 'plain node, bundle' : 'through tsx, sources';
  const range = peaks.length > 1 ? ` (${Math.min(...peaks).toFixed(0)}-${Math.max(...peaks).toFixed(0)} over ${peaks.length} processes)` : '';
  console.log(`${shape.name.padEnd(30)} 1 MB in a fresh process (${how}): peak RSS ${mb.toFixed(0)} MB${range}, report ${(bytes / 1e6).toFixed(1)} MB${mb >= 250 ? '  (over the 250 MB target)' : ''}`);
}
rmSync(inputFolder, { recursive: true, force: true });
console.log(`load after: ${loadAverage()}`);
