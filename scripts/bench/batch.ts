/**
 * npm run bench:batch (after npm run build): throughput and memory of the real `slant batch` on a large
 * generated corpus. Builds at least 200 MB of JSON lines in the system's temp folder from the project's own
 * corpus/ articles (shuffled paragraphs, articles recombined, fresh ids; seeded, so the same on every run),
 * runs `slant batch` on it with 1 and with 2 workers, and prints MB/s, records/s, the speed-up and the peak
 * resident memory of the process tree (sampled from /proc). Prints figures; asserts nothing.
 *
 *   BENCH_MB=50 npm run bench:batch      a smaller corpus
 *   BENCH_WORKERS=1,2,4                  other worker counts
 *   BENCH_FORMAT=csv                     CSV output instead of full reports
 */
import { spawn } from 'node:child_process';
import { existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, processTree, statusField } from './corpus.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'bin', 'slant.js');
const targetMb = Number(process.env.BENCH_MB ?? 200);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const format = process.env.BENCH_FORMAT ?? 'jsonl';
const MB = 1024 * 1024;

if (!existsSync(join(root, 'dist', 'slant.js')) || !existsSync(join(root, 'dist', 'pool-worker.js'))) {
  console.error('bench:batch measures the bundle: run npm run build first');
  process.exit(1);
}

async function run(input: string, workers: number): Promise<{ seconds: number; peakRssMb: number; outputBytes: number }> {
  const out = join(tmpdir(), `slant-bench-batch-out-${process.pid}.${format === 'csv' ? 'csv' : 'jsonl'}`);
  rmSync(out, { force: true });
  const started = performance.now();
  const stats = join(tmpdir(), `slant-bench-batch-stats-${process.pid}.json`);
  const child = spawn(process.execPath, [bin, 'batch', input, '--out', out, '--format', format, '--workers', String(workers), '--quiet', '--stats', stats], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const sample = () => {
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
  return { seconds, peakRssMb: peak / 1024, outputBytes };
}

const corpus = await generateCorpus(root, targetMb);
console.log(`corpus: ${corpus.file}, ${(corpus.bytes / MB).toFixed(0)} MB, ${corpus.records} records (${(corpus.bytes / corpus.records / 1024).toFixed(1)} KB each); output ${format}`);
const results: { workers: number; mbps: number }[] = [];
for (const workers of workerCounts) {
  const { seconds, peakRssMb, outputBytes } = await run(corpus.file, workers);
  const mbps = corpus.bytes / MB / seconds;
  results.push({ workers, mbps });
  console.log(
    `${workers} worker${workers === 1 ? ' ' : 's'}: ${seconds.toFixed(1)} s, ${mbps.toFixed(2)} MB/s, ${(corpus.records / seconds).toFixed(0)} records/s, peak RSS ${peakRssMb.toFixed(0)} MB (process tree), output ${(outputBytes / MB).toFixed(0)} MB`,
  );
}
const one = results.find((result) => result.workers === 1);
for (const result of results) if (one !== undefined && result.workers !== 1) console.log(`speed-up with ${result.workers} workers: ${(result.mbps / one.mbps).toFixed(2)}x`);
