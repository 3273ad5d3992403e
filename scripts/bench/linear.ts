/**
 * npm run bench:linear: for each pathological shape (scripts/bench/shapes.ts), the time to analyse 1 MB
 * over the time for 100 KB, in one process on one core, interleaved: the median of the rounds' ratios. Linear time gives
 * about x10; the target is <= x13. Prints figures; asserts nothing (the test bounds the ratio at x30).
 * Each round times the 100 KB input ten times over (the figure is the mean of the ten) against the 1 MB input
 * once, so that both sides of the ratio take about as long: a single 100 KB run (50-100 ms) is short enough
 * for one garbage collection or one recompilation to swing it by a third, and with it the ratio.
 * Under each shape a second line says where an excess over x10 comes from, per run of each size: minor page
 * faults (memory touched for the first time: a 1 MB run's lists of over 16,000 entries go to V8's large-object
 * space, fresh pages every time), the main thread's CPU, the process's CPU net of its faults (priced at what a
 * fresh page costs on this machine, measured at the start), and the CPU of the other threads (V8's collector and
 * compiler, which share the pinned core).
 *
 *   BENCH_ROUNDS=9   rounds per shape (default 7); the ratio printed is the median of the rounds' own ratios
 *   BENCH_MEMORY_RUNS=5   fresh processes per shape for peak RSS (default 3; the median is printed)
 *   BENCH_SHAPES=survey   the survey of further shapes (shapes-more.ts: linear ones, and the ones still known not to be)
 *                         instead of the shapes `npm test` bounds
 *   BENCH_ONLY=critics,Yes   only the shapes whose names hold one of these texts
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Library from '../../src/index.ts';
import { NEWS_SHAPE, SHAPES } from './shapes.ts';
import { MORE_SHAPES } from './shapes-more.ts';
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
const only = (process.env.BENCH_ONLY ?? '').split(',').filter((part) => part !== '');
const shapes = (process.env.BENCH_SHAPES === 'survey' ? MORE_SHAPES : SHAPES).filter((shape) => only.length === 0 || only.some((part) => shape.name.includes(part)));
if (shapes.length === 0) throw new Error(`bench:linear: no shape's name holds ${only.map((part) => `"${part}"`).join(' or ')} (BENCH_ONLY)`);


/**
 * Per run of `fn`, over `runs` runs: wall seconds, the process's CPU seconds (on a busy machine the steadier
 * figure), and what tells a ratio's excess apart: minor page faults (memory touched for the first time), and CPU
 * seconds of the main thread and of the others (V8's collector and compiler threads, which share the pinned core).
 */
type Sample = { wall: number; cpu: number; faults: number; main: number; others: number };
function seconds(fn: () => unknown, runs = 1): Sample {
  const threadsBefore = threadSeconds();
  const faultsBefore = process.resourceUsage().minorPageFault;
  const start = process.hrtime.bigint();
  const cpuStart = process.cpuUsage();
  for (let run = 0; run < runs; run++) fn();
  const cpu = process.cpuUsage(cpuStart);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const faults = process.resourceUsage().minorPageFault - faultsBefore;
  const threadsAfter = threadSeconds();
  return {
    wall: wall / runs,
    cpu: (cpu.user + cpu.system) / 1e6 / runs,
    faults: faults / runs,
    main: (threadsAfter.main - threadsBefore.main) / runs,
    others: (threadsAfter.others - threadsBefore.others) / runs,
  };
}

// CPU seconds so far of this process's main thread and of all its other threads, from Linux's
// /proc/self/task/<id>/schedstat (NaN elsewhere: the figures that need them print as such).
function threadSeconds(): { main: number; others: number } {
  let main = Number.NaN;
  let others = 0;
  try {
    for (const id of readdirSync('/proc/self/task')) {
      const ns = Number(readFileSync(`/proc/self/task/${id}/schedstat`, 'utf8').split(' ')[0]);
      if (id === String(process.pid)) main = ns / 1e9;
      else others += ns / 1e9;
    }
  } catch {
    return { main: Number.NaN, others: Number.NaN };
  }
  return { main, others };
}

// What a page touched for the first time costs here, in seconds: 32 MB made outside V8's heap and touched a page
// at a time, timed against the faults it took (the median of three). On the machines slant is measured on this is
// ~11 us, against well under 1 us on most hardware, and a 1 MB run takes tens of thousands of them where ten
// 100 KB runs take a few thousand, so the ratio net of faults shows what the code itself does.
function faultSeconds(): number {
  const costs: number[] = [];
  for (let round = 0; round < 3; round++) {
    const before = process.resourceUsage().minorPageFault;
    const start = process.hrtime.bigint();
    const block = Buffer.allocUnsafeSlow(32 * 1024 * 1024);
    for (let at = 0; at < block.length; at += 4096) block[at] = 1;
    const faults = process.resourceUsage().minorPageFault - before;
    if (faults > 0) costs.push(Number(process.hrtime.bigint() - start) / 1e9 / faults);
  }
  return costs.length > 0 ? median(costs) : 0;
}

console.log(`bench:linear  node ${process.version}, ${pinning}, ${built ? 'dist/index.js' : 'src through tsx'}, ${rounds} rounds of 100 KB x${SMALL_RUNS} against 1 MB, load ${loadAverage()}`);
const faultCost = faultSeconds();
console.log(`a page touched for the first time costs ${(faultCost * 1e6).toFixed(1)} us here`);
for (const shape of shapes) {
  const small = shape.make(SMALL);
  const large = shape.make(LARGE);
  // Warm-up at both sizes: the first runs of a shape are still compiling (a first 100 KB run takes 3-6 times a
  // warm one), which would put the start-up of the JIT into the first round's ratio.
  for (let run = 0; run < 3; run++) JSON.stringify(analyze(small, { lexicons }));
  JSON.stringify(analyze(large, { lexicons }));
  const smallTimes: Sample[] = [];
  const largeTimes: Sample[] = [];
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
  // Where the excess over x10 comes from, as medians of the rounds' own ratios (the same pairing as above).
  // (A round whose 100 KB side took no fault, or a thread figure Linux did not give, has no ratio: left out.)
  const perRound = (of: (t: Sample) => number): string => {
    const ratios = largeTimes.map((t, round) => of(t) / of(smallTimes[round] as Sample)).filter(Number.isFinite);
    return ratios.length === 0 ? 'n/a' : median(ratios).toFixed(1);
  };
  // Faults are counted for the whole process (the collector's threads take some), so they come off its whole CPU time.
  const net = (t: Sample): number => t.cpu - t.faults * faultCost;
  const mid = (times: Sample[], of: (t: Sample) => number): number => median(times.map(of));
  console.log(
    `${''.padEnd(30)} per run, 100 KB against 1 MB: faults ${mid(smallTimes, (t) => t.faults).toFixed(0)} against ${mid(largeTimes, (t) => t.faults).toFixed(0)} (x${perRound((t) => t.faults)}); ` +
      `main thread x${perRound((t) => t.main)}; CPU net of faults x${perRound(net)}; ` +
      `other threads ${(mid(smallTimes, (t) => t.others) * 1000).toFixed(1)} against ${(mid(largeTimes, (t) => t.others) * 1000).toFixed(0)} ms (x${perRound((t) => t.others)})`,
  );
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
for (const shape of [NEWS_SHAPE, ...shapes]) {
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
