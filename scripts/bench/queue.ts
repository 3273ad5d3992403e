/**
 * npm run bench:queue (after npm run build): the same corpus through the Redis queue and through local threads,
 * in the same run. Local: `slant batch --workers 2`. Queue: a redis-server on a free loopback port (temporary
 * folder, no persistence), two `slant worker --workers 1` processes (started and ready before the clock
 * starts, as a deployment's workers are), and `slant batch --queue`. Prints MB/s of each, their ratio (the
 * issue's target: the queue at >= 0.8 of local), the peak resident memory of each worker process, of the
 * producer and of Redis, and the machine's load average, since other work on the machine moves every figure.
 * Prints figures; asserts nothing.
 *
 *   BENCH_MB=200 npm run bench:queue     the corpus size (default 50 MB, generated as bench:batch's)
 *   BENCH_CHUNK=256KB                    input bytes per job (slant batch --chunk-size)
 *   BENCH_ROUNDS=2                       local, queue, queue, local...: drift in the machine's load evens out
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRedis } from '../../test/queue/redis-server.ts';
import { generateCorpus, loadAverage, processTree, statusField } from './corpus.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'bin', 'slant.js');
const targetMb = Number(process.env.BENCH_MB ?? 50);
const chunk = process.env.BENCH_CHUNK ?? '256KB';
const rounds = Number(process.env.BENCH_ROUNDS ?? 1);
const MB = 1024 * 1024;

if (!existsSync(join(root, 'dist', 'slant.js')) || !existsSync(join(root, 'dist', 'queue-tasks.js'))) {
  console.error('bench:queue measures the bundle: run npm run build first');
  process.exit(1);
}
const redisServer = ['/usr/bin/redis-server', '/usr/local/bin/redis-server'].find((path) => existsSync(path));
if (redisServer === undefined) {
  console.error('bench:queue needs redis-server (apt-get install redis-server)');
  process.exit(1);
}

/** CPU seconds (user + system, all threads) a process has used so far, from /proc/<pid>/stat. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** Peak resident memory (kB) of each process tree, and the CPU seconds each process used, while `sampling` runs. */
function sampler(pids: () => number[]): { peaks: Map<number, number>; cpu: Map<number, number>; stop(): void } {
  const peaks = new Map<number, number>();
  const cpu = new Map<number, number>();
  const timer = setInterval(() => {
    for (const pid of pids()) {
      const tree = processTree(pid);
      const rss = tree.reduce((sum, each) => sum + statusField(each, 'VmRSS'), 0);
      const hwm = tree.reduce((sum, each) => sum + statusField(each, 'VmHWM'), 0);
      peaks.set(pid, Math.max(peaks.get(pid) ?? 0, rss, hwm));
      cpu.set(pid, Math.max(cpu.get(pid) ?? 0, cpuSeconds(pid)));
    }
  }, 100);
  return { peaks, cpu, stop: () => clearInterval(timer) };
}

function exited(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => child.on('exit', (code) => resolve(code)));
}

async function local(input: string): Promise<{ seconds: number; peakMb: number; cpu: number }> {
  const out = join(tmpdir(), `slant-bench-queue-local-${process.pid}.jsonl`);
  rmSync(out, { force: true });
  const started = performance.now();
  const child = spawn(process.execPath, [bin, 'batch', input, '--out', out, '--workers', '2', '--quiet', '--stats', `${out}.stats.json`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const sampling = sampler(() => [child.pid as number]);
  const code = await exited(child);
  sampling.stop();
  if (code !== 0) throw new Error(`slant batch exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  rmSync(out, { force: true });
  rmSync(`${out}.stats.json`, { force: true });
  return { seconds, peakMb: (sampling.peaks.get(child.pid as number) ?? 0) / 1024, cpu: sampling.cpu.get(child.pid as number) ?? 0 };
}

async function queued(input: string, url: string, redisPid: number): Promise<{ seconds: number; workersMb: number[]; producerMb: number; redisMb: number; chunks: string[]; cpu: { workers: number[]; producer: number; redis: number } }> {
  const workers = [0, 1].map(() => spawn(process.execPath, [bin, 'worker', '--queue', url, '--workers', '1'], { stdio: ['ignore', 'ignore', 'pipe'] }));
  const logs = workers.map(() => '');
  // Ready when each has said where it takes chunks from.
  await Promise.all(
    workers.map(
      (worker, index) =>
        new Promise<void>((resolve, reject) => {
          worker.stderr?.on('data', (data: Buffer) => {
            logs[index] += data.toString('utf8');
            if (logs[index]?.includes('taking chunks')) resolve();
          });
          worker.once('exit', (code) => reject(new Error(`slant worker exited with ${code}: ${logs[index]}`)));
        }),
    ),
  );
  const out = join(tmpdir(), `slant-bench-queue-${process.pid}.jsonl`);
  rmSync(out, { force: true });
  const started = performance.now();
  const producer = spawn(process.execPath, [bin, 'batch', input, '--out', out, '--queue', url, '--chunk-size', chunk, '--quiet', '--stats', `${out}.stats.json`], { stdio: ['ignore', 'ignore', 'inherit'] });
  const redisCpuBefore = cpuSeconds(redisPid);
  const workersCpuBefore = workers.map((worker) => cpuSeconds(worker.pid as number));
  const sampling = sampler(() => [producer.pid as number, redisPid, ...workers.map((worker) => worker.pid as number)]);
  const code = await exited(producer);
  const seconds = (performance.now() - started) / 1000;
  sampling.stop();
  if (code !== 0) throw new Error(`slant batch --queue exited with ${code}`);
  await Promise.all(workers.map((worker) => (worker.kill('SIGTERM'), exited(worker))));
  rmSync(out, { force: true });
  rmSync(`${out}.stats.json`, { force: true });
  const mb = (pid: number | undefined) => (sampling.peaks.get(pid as number) ?? 0) / 1024;
  return {
    seconds,
    workersMb: workers.map((worker) => mb(worker.pid)),
    producerMb: mb(producer.pid),
    redisMb: mb(redisPid),
    chunks: logs.map((log) => /stopped after (\d+) chunks/.exec(log)?.[1] ?? '?'),
    cpu: {
      workers: workers.map((worker, index) => (sampling.cpu.get(worker.pid as number) ?? 0) - (workersCpuBefore[index] ?? 0)),
      producer: sampling.cpu.get(producer.pid as number) ?? 0,
      redis: (sampling.cpu.get(redisPid) ?? 0) - redisCpuBefore,
    },
  };
}

const corpus = await generateCorpus(root, targetMb);
// The tests' redis-server (a free loopback port, a temporary folder), without the append-only file.
const redis = await startRedis(redisServer, { persist: false });
const url = redis.url;
const load = () => loadAverage(1);
console.log(`corpus: ${corpus.file}, ${(corpus.bytes / MB).toFixed(0)} MB, ${corpus.records} records (${(corpus.bytes / corpus.records / 1024).toFixed(1)} KB each); chunks of ${chunk}; load average ${load()}`);
try {
  const figures = { local: [] as number[], queue: [] as number[] };
  for (let round = 0; round < rounds; round++) {
    // local, queue, then queue, local: a drift in the machine's load falls on both.
    const order = round % 2 === 0 ? ['local', 'queue'] : ['queue', 'local'];
    for (const kind of order) {
      if (kind === 'local') {
        const { seconds, peakMb, cpu } = await local(corpus.file);
        figures.local.push(corpus.bytes / MB / seconds);
        console.log(`local slant batch --workers 2: ${seconds.toFixed(1)} s, ${(corpus.bytes / MB / seconds).toFixed(2)} MB/s, ${(corpus.records / seconds).toFixed(0)} records/s, peak RSS ${peakMb.toFixed(0)} MB (process tree), CPU ${cpu.toFixed(0)} s; load average ${load()}`);
      } else {
        const result = await queued(corpus.file, url, redis.pid as number);
        figures.queue.push(corpus.bytes / MB / result.seconds);
        console.log(
          `queue, 2 x slant worker --workers 1: ${result.seconds.toFixed(1)} s, ${(corpus.bytes / MB / result.seconds).toFixed(2)} MB/s, ${(corpus.records / result.seconds).toFixed(0)} records/s; peak RSS per worker ${result.workersMb.map((mb) => mb.toFixed(0)).join(' and ')} MB (chunks ${result.chunks.join(' and ')}), producer ${result.producerMb.toFixed(0)} MB, redis ${result.redisMb.toFixed(0)} MB; CPU s: workers ${result.cpu.workers.map((value) => value.toFixed(0)).join(' and ')}, producer ${result.cpu.producer.toFixed(0)}, redis ${result.cpu.redis.toFixed(0)}; load average ${load()}`,
        );
      }
    }
  }
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  console.log(`queue / local throughput: ${(mean(figures.queue) / mean(figures.local)).toFixed(2)} (target >= 0.8)`);
} finally {
  await redis.stop();
  rmSync(redis.dir, { recursive: true, force: true });
}
