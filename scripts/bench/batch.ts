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
 *   BENCH_MB=50 npm run bench:batch      a smaller corpus
 *   BENCH_WORKERS=1,2,4                  other worker counts
 *   BENCH_ROUNDS=3                       rounds, worker counts interleaved; speed-ups are medians of the rounds' ratios
 *   BENCH_FORMAT=csv                     CSV output instead of full reports
 *   BENCH_NODE_FLAGS="--flag ..."        V8 or Node flags for the runs, for trying them out; with
 *                                        BENCH_FLAGS_BOTH=1, each worker count runs without and with them,
 *                                        interleaved, and the speed-ups are printed for both
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, loadAverage, median, processTree, statusField } from './corpus.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'bin', 'slant.js');
const targetMb = Number(process.env.BENCH_MB ?? 200);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const format = process.env.BENCH_FORMAT ?? 'jsonl';
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
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

async function run(input: string, workers: number, flags: readonly string[]): Promise<{ seconds: number; peakRssMb: number; outputBytes: number; cpu: ThreadCpu }> {
  const out = join(tmpdir(), `slant-bench-batch-out-${process.pid}.${format === 'csv' ? 'csv' : 'jsonl'}`);
  rmSync(out, { force: true });
  const started = performance.now();
  const stats = join(tmpdir(), `slant-bench-batch-stats-${process.pid}.json`);
  const child = spawn(process.execPath, [...flags, bin, 'batch', input, '--out', out, '--format', format, '--workers', String(workers), '--quiet', '--stats', stats], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const threads = new Map<number, number>();
  const sample = () => {
    sampleThreads(child.pid as number, threads);
    const tree = processTree(child.pid as number);
    const rss = tree.reduce((sum, pid) => sum + statusField(pid, 'VmRSS'), 0);
    const hwm = tree.reduce((sum, pid) => sum + statusField(pid, 'VmHWM'), 0);
    peak = Math.max(peak, rss, hwm);
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exit) => resolve(exit)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`slant batch exited with ${code}`);
  const outputBytes = statSync(out).size;
  rmSync(out, { force: true });
  rmSync(stats, { force: true });
  return { seconds, peakRssMb: peak / 1024, outputBytes, cpu: byRole(child.pid as number, threads, workers) };
}

const corpus = await generateCorpus(root, targetMb);
console.log(`corpus: ${corpus.file}, ${(corpus.bytes / MB).toFixed(0)} MB, ${corpus.records} records (${(corpus.bytes / corpus.records / 1024).toFixed(1)} KB each); output ${format}`);
console.log(`load before: ${loadAverage()}`);
const nodeFlags = (process.env.BENCH_NODE_FLAGS ?? '').split(' ').filter((flag) => flag !== '');
const variants: { name: string; flags: string[] }[] = process.env.BENCH_FLAGS_BOTH === '1' ? [{ name: 'without flags', flags: [] }, { name: nodeFlags.join(' '), flags: nodeFlags }] : [{ name: nodeFlags.join(' '), flags: nodeFlags }];
const results: { round: number; variant: string; workers: number; mbps: number }[] = [];
for (let round = 0; round < rounds; round++) {
  for (const workers of workerCounts) {
    for (const variant of variants) {
      const { seconds, peakRssMb, outputBytes, cpu } = await run(corpus.file, workers, variant.flags);
      const mbps = corpus.bytes / MB / seconds;
      results.push({ round, variant: variant.name, workers, mbps });
      const total = cpu.workers.reduce((sum, s) => sum + s, 0) + cpu.main + cpu.helpers;
      console.log(
        `${workers} worker${workers === 1 ? ' ' : 's'}${variant.name === '' ? '' : ` (${variant.name})`}: ${seconds.toFixed(1)} s, ${mbps.toFixed(2)} MB/s, ${(corpus.records / seconds).toFixed(0)} records/s, peak RSS ${peakRssMb.toFixed(0)} MB (process tree), output ${(outputBytes / MB).toFixed(0)} MB`,
      );
      console.log(
        `  CPU s: workers ${cpu.workers.map((s) => s.toFixed(1)).join(' + ')}, main thread ${cpu.main.toFixed(1)}, V8/libuv helper threads ${cpu.helpers.toFixed(1)}; ${(total / (corpus.bytes / MB)).toFixed(2)} CPU s per MB`,
      );
    }
  }
}
for (const variant of variants) {
  for (const workers of workerCounts) {
    if (workers === 1 || !workerCounts.includes(1)) continue;
    const ratios = [...Array(rounds).keys()].map((round) => {
      const of = (count: number) => results.find((result) => result.round === round && result.variant === variant.name && result.workers === count)?.mbps as number;
      return of(workers) / of(1);
    });
    console.log(`speed-up with ${workers} workers${variant.name === '' ? '' : ` (${variant.name})`}: ${median(ratios).toFixed(2)}x (median of ${rounds} round${rounds === 1 ? '' : 's'}: ${ratios.map((r) => r.toFixed(2)).join(', ')})`);
  }
}
console.log(`load after: ${loadAverage()}`);
