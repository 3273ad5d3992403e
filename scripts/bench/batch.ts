/**
 * npm run bench:batch (after npm run build): throughput and memory of the real `slant batch` on a large
 * generated corpus. Builds at least 200 MB of JSON lines in the system's temp folder from the project's own
 * corpus/ articles (shuffled paragraphs, articles recombined, fresh ids; seeded, so the same on every run),
 * runs `slant batch` on it with 1 and with 2 workers, and prints MB/s, records/s, the speed-up and the peak
 * resident memory of the process tree (sampled from /proc), and the load average. Prints figures; asserts nothing.
 *
 * Also the CPU time of each kind of thread (from /proc/<pid>/task/<tid>/schedstat): the pool's workers, the
 * main thread, and V8's and libuv's helper threads (optimizing compiler, garbage collector, file system). On a
 * shared machine the wall-clock speed-up says little; the CPU a run's threads used does not depend on the
 * machine's load as much, and shows what competes with the workers for the cores.
 *
 * Two more ways to read the speed-up, printed beside the plain one:
 * - after warm-up: each run's rate over the second half of its output (sampled from the output file's size),
 *   which leaves out the start and each worker's compiler warm-up (about 2-3 s of CPU per worker, paid again by
 *   every worker: with two, twice); reported in input MB/s (output bytes scaled by the run's input/output ratio).
 * - BENCH_PIN=1: a run with N workers is pinned to the first N cores (taskset), so that one worker's V8 helper
 *   threads and main thread compete with it as they do with two; unpinned, a run with one worker has them on the
 *   second core for free, which bounds the plain speed-up on two cores (about 1.3x) whatever the workers do.
 * - from CPU time: the one-worker run's worker-thread CPU over the N-worker run's total CPU per core, the
 *   speed-up a quiet machine would show; and the worker thread's share of the one-worker run's CPU, which
 *   caps it (x N cores) as long as N workers need as much CPU in all as one (helpers and main thread ~30% now).
 *
 *   BENCH_MB=50 npm run bench:batch      a smaller corpus
 *   BENCH_WORKERS=1,2,4                  other worker counts
 *   BENCH_ROUNDS=3                       rounds, worker counts interleaved; speed-ups are medians of the rounds' ratios
 *   BENCH_FORMAT=csv                     CSV output instead of full reports
 *   BENCH_PIN=1                          N workers on the first N cores (taskset)
 *   BENCH_NODE_FLAGS="--flag ..."        V8 or Node flags for the runs, for trying them out; with
 *                                        BENCH_FLAGS_BOTH=1, each worker count runs without and with them,
 *                                        interleaved, and the speed-ups are printed for both
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, loadAverage, median, processTree, statusField } from './corpus.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'bin', 'slant.js');
const targetMb = Number(process.env.BENCH_MB ?? 200);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const format = process.env.BENCH_FORMAT ?? 'jsonl';
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const pinned = process.env.BENCH_PIN === '1';
const MB = 1024 * 1024;

if (!existsSync(join(root, 'dist', 'slant.js')) || !existsSync(join(root, 'dist', 'pool-worker.js'))) {
  console.error('bench:batch measures the bundle: run npm run build first');
  process.exit(1);
}

/** CPU seconds of the threads of process `pid` by role: the `workers` busiest threads but the main one are the pool's workers. */
type ThreadCpu = { workers: number[]; main: number; helpers: number };

// The CPU each thread of `pid` has used so far, in seconds, by thread id (a thread that ended keeps its last reading).
function sampleThreads(pid: number, into: Map<number, number>): void {
  try {
    for (const tid of readdirSync(`/proc/${pid}/task`)) {
      into.set(Number(tid), Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0]) / 1e9);
    }
  } catch {
    // the process ended meanwhile
  }
}

function byRole(pid: number, cpu: ReadonlyMap<number, number>, workers: number): ThreadCpu {
  const others = [...cpu].filter(([tid]) => tid !== pid).map(([, seconds]) => seconds).sort((a, b) => b - a);
  return { workers: others.slice(0, workers), main: cpu.get(pid) ?? 0, helpers: others.slice(workers).reduce((sum, seconds) => sum + seconds, 0) };
}

/** Seconds from the time the output reached half its final size to the end (the second half's time), from (seconds, bytes) samples. */
function secondHalfSeconds(samples: readonly [number, number][], total: number, seconds: number): number {
  const half = samples.find(([, bytes]) => bytes >= total / 2);
  return half === undefined ? seconds : seconds - half[0];
}

async function run(
  input: string,
  workers: number,
  flags: readonly string[],
): Promise<{ seconds: number; steadySeconds: number; peakRssMb: number; outputBytes: number; cpu: ThreadCpu }> {
  const out = join(tmpdir(), `slant-bench-batch-out-${process.pid}.${format === 'csv' ? 'csv' : 'jsonl'}`);
  rmSync(out, { force: true });
  const started = performance.now();
  const stats = join(tmpdir(), `slant-bench-batch-stats-${process.pid}.json`);
  const command = [process.execPath, ...flags, bin, 'batch', input, '--out', out, '--format', format, '--workers', String(workers), '--quiet', '--stats', stats];
  const pin = pinned ? ['taskset', '-c', `0-${workers - 1}`] : [];
  const child = spawn(pin[0] ?? (command[0] as string), [...pin.slice(1), ...(pinned ? command : command.slice(1))], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const written: [number, number][] = [];
  let peak = 0;
  const threads = new Map<number, number>();
  const sample = () => {
    sampleThreads(child.pid as number, threads);
    const tree = processTree(child.pid as number);
    const rss = tree.reduce((sum, pid) => sum + statusField(pid, 'VmRSS'), 0);
    const hwm = tree.reduce((sum, pid) => sum + statusField(pid, 'VmHWM'), 0);
    peak = Math.max(peak, rss, hwm);
    if (existsSync(out)) written.push([(performance.now() - started) / 1000, statSync(out).size]);
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exit) => resolve(exit)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`slant batch exited with ${code}`);
  const outputBytes = statSync(out).size;
  rmSync(out, { force: true });
  rmSync(stats, { force: true });
  return { seconds, steadySeconds: secondHalfSeconds(written, outputBytes, seconds), peakRssMb: peak / 1024, outputBytes, cpu: byRole(child.pid as number, threads, workers) };
}

const corpus = await generateCorpus(root, targetMb);
console.log(`corpus: ${corpus.file}, ${(corpus.bytes / MB).toFixed(0)} MB, ${corpus.records} records (${(corpus.bytes / corpus.records / 1024).toFixed(1)} KB each); output ${format}`);
console.log(`load before: ${loadAverage()}${pinned ? '; N workers pinned to N cores (BENCH_PIN=1)' : ''}`);
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
const variants: { name: string; flags: string[] }[] = process.env.BENCH_FLAGS_BOTH === '1' ? [{ name: 'without flags', flags: [] }, { name: nodeFlags.join(' '), flags: nodeFlags }] : [{ name: nodeFlags.join(' '), flags: nodeFlags }];
/** CPU seconds of a run: its pool workers' threads, and every thread of the process. */
type Cpu = { workers: number; total: number };
const results: { round: number; variant: string; workers: number; mbps: number; steadyMbps: number; cpu: Cpu }[] = [];
for (let round = 0; round < rounds; round++) {
  for (const workers of workerCounts) {
    for (const variant of variants) {
      const { seconds, steadySeconds, peakRssMb, outputBytes, cpu } = await run(corpus.file, workers, variant.flags);
      const mbps = corpus.bytes / MB / seconds;
      // The second half of the output stands for about the second half of the input.
      const steadyMbps = corpus.bytes / 2 / MB / steadySeconds;
      const workerCpu = cpu.workers.reduce((sum, s) => sum + s, 0);
      const total = workerCpu + cpu.main + cpu.helpers;
      results.push({ round, variant: variant.name, workers, mbps, steadyMbps, cpu: { workers: workerCpu, total } });
      console.log(
        `${workers} worker${workers === 1 ? ' ' : 's'}${variant.name === '' ? '' : ` (${variant.name})`}: ${seconds.toFixed(1)} s, ${mbps.toFixed(2)} MB/s (${steadyMbps.toFixed(2)} after warm-up), ${(corpus.records / seconds).toFixed(0)} records/s, peak RSS ${peakRssMb.toFixed(0)} MB (process tree), output ${(outputBytes / MB).toFixed(0)} MB`,
      );
      console.log(
        `  CPU s: workers ${cpu.workers.map((s) => s.toFixed(1)).join(' + ')}, main thread ${cpu.main.toFixed(1)}, V8/libuv helper threads ${cpu.helpers.toFixed(1)}; ${(total / (corpus.bytes / MB)).toFixed(2)} CPU s per MB; ${(total / seconds).toFixed(2)} cores used on average`,
      );
    }
  }
}
for (const variant of variants) {
  for (const workers of workerCounts) {
    if (workers === 1 || !workerCounts.includes(1)) continue;
    const ratios = (key: 'mbps' | 'steadyMbps') =>
      [...Array(rounds).keys()].map((round) => {
        const of = (count: number) => results.find((result) => result.round === round && result.variant === variant.name && result.workers === count)?.[key] as number;
        return of(workers) / of(1);
      });
    const whole = ratios('mbps');
    const steady = ratios('steadyMbps');
    console.log(
      `speed-up with ${workers} workers${pinned ? ` on ${workers} cores vs 1 on 1` : ''}${variant.name === '' ? '' : ` (${variant.name})`}: ${median(whole).toFixed(2)}x (median of ${rounds} round${rounds === 1 ? '' : 's'}: ${whole.map((r) => r.toFixed(2)).join(', ')}); after warm-up ${median(steady).toFixed(2)}x (${steady.map((r) => r.toFixed(2)).join(', ')})`,
    );
    // From CPU time, which a busy machine disturbs less than wall time: a run with one worker lasts at least its
    // worker thread's CPU time, one with N workers on C cores at least its total CPU time over min(N, C). Their
    // ratio is the speed-up a quiet machine shows when the one-worker run keeps its worker busy; it stays under
    // min(N, C) x the worker thread's share of the one-worker run's CPU unless N workers need less CPU in all.
    const cores = pinned ? workers : Math.min(workers, availableParallelism());
    const cpuOf = (round: number, count: number) => results.find((result) => result.round === round && result.variant === variant.name && result.workers === count)?.cpu;
    const byCpu = [...Array(rounds).keys()].map((round) => (cpuOf(round, 1) as Cpu).workers / ((cpuOf(round, workers) as Cpu).total / cores));
    const share = [...Array(rounds).keys()].map((round) => (cpuOf(round, 1) as Cpu).workers / (cpuOf(round, 1) as Cpu).total);
    console.log(
      `  from CPU time: ${median(byCpu).toFixed(2)}x (${byCpu.map((r) => r.toFixed(2)).join(', ')}): one worker's thread CPU over ${workers} workers' total CPU / ${cores} cores; the one-worker run's worker thread used ${share.map((r) => `${(100 * r).toFixed(0)}%`).join(', ')} of its CPU`,
    );
  }
}
console.log(`load after: ${loadAverage()}`);
