/**
 * `slant worker`: takes chunks from the queue and runs their records on the local pool of worker threads, as
 * `slant batch` runs them, returning the lines to the producer through Redis. A chunk whose versions are not
 * this worker's is refused (failed, never retried) with a message naming both. Killed mid-chunk, the chunk's
 * lock runs out and another worker takes it after the stall interval. `stop()` (SIGTERM) finishes the chunks
 * in hand, takes no more, and returns.
 */
import { hostname } from 'node:os';
import type { Writable } from 'node:stream';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { AnalysisPool } from '../pool/index.ts';
import { runOnPool } from '../batch/run.ts';
import { createRedisClient, type QueueAddress } from './address.ts';
import { connectQueue } from './connection.ts';
import { fromWire, QUEUE_NAME, RESULT_TTL_SECONDS, resultKey, resultsToWire, VERSION_MISMATCH, type ChunkJob, type ChunkResult } from './jobs.ts';
import { QUEUE_TASKS } from './worker-tasks.ts';
import { describeVersions, versionDifference, type AnalysisVersions } from './versions.ts';

export type WorkerOptions = {
  address: QueueAddress;
  /** analysis threads */
  workers: number;
  /** a lexicon folder other than the bundled one */
  lexiconDir?: string;
  /** seconds a chunk's lock lasts without renewal, and between checks for stalled chunks (BullMQ's default 30) */
  stallSeconds: number;
  stderr: Writable;
  /** a line per chunk analysed */
  verbose?: boolean;
};

export type WorkerOutcome = { chunks: number; records: number; refused: number; /** why the worker stopped by itself (its analysis threads failed) */ failure?: string };

/** Chunks taken at once: the next one is fetched while the last records of the other finish. */
const CHUNKS_IN_HAND = 2;
/** A chunk taken by workers that died this often more is failed (its records become error lines). */
const MAX_STALLS = 3;

/** Starts serving; resolves to a handle whose `stop()` finishes the chunks in hand and resolves when all is closed. */
export async function startQueueWorker(options: WorkerOptions): Promise<{ name: string; versions: AnalysisVersions; done: Promise<WorkerOutcome>; stop(): Promise<WorkerOutcome> }> {
  const pool = new AnalysisPool({ tasks: QUEUE_TASKS, workers: options.workers, maxQueue: 1 << 20, ...(options.lexiconDir === undefined ? {} : { lexiconDir: options.lexiconDir }) });
  let versions: AnalysisVersions;
  try {
    versions = (await pool.run('versions', null)) as AnalysisVersions;
  } catch (error) {
    await pool.close();
    throw new Error(`the analysis threads cannot start: ${(error as Error).message}`);
  }
  // Checks the address and password at once, instead of waiting for ever on a wrong one.
  const check = await connectQueue(options.address, { stderr: options.stderr, who: 'slant worker' }).catch(async (error: Error) => {
    await pool.close();
    throw error;
  });
  const { label, report, redact } = check;
  await check.close();

  const name = `${hostname()}:${process.pid}`;
  const outcome: WorkerOutcome = { chunks: 0, records: 0, refused: 0 };
  let stopping: Promise<WorkerOutcome> | null = null;
  let finished!: (outcome: WorkerOutcome) => void;
  const done = new Promise<WorkerOutcome>((resolve) => (finished = resolve));

  const processChunk = async (job: Job<ChunkJob, ChunkResult>): Promise<ChunkResult> => {
    const data = job.data;
    const difference = versionDifference(versions, data.versions);
    if (difference !== null) {
      outcome.refused++;
      options.stderr.write(`slant worker: refused chunk ${data.chunk} of run ${data.run}: ${difference}\n`);
      throw new UnrecoverableError(`${VERSION_MISMATCH}: the worker ${name} has other versions than the run: ${difference}`);
    }
    const started = performance.now();
    if (options.verbose === true) options.stderr.write(`slant worker ${name}: took chunk ${data.chunk} of run ${data.run} (${data.records.length} records)\n`);
    const results = await Promise.all(
      data.records.map((record) => {
        const { task, transfer } = fromWire(record, data.settings);
        return runOnPool(pool, task, transfer, data.timeoutMs);
      }),
    ).catch((error: Error) => {
      // No analysis thread can start any more: the chunk fails this attempt (another worker retries it), and this worker stops.
      outcome.failure ??= error.message;
      void stop();
      throw error;
    });
    const wire = resultsToWire(results);
    // Written before the job completes: a worker killed in between leaves lines the rerun writes again, the same.
    await client.set(resultKey(job.id as string), wire.lines, { expiration: { type: 'EX', value: RESULT_TTL_SECONDS } });
    outcome.chunks++;
    outcome.records += results.length;
    if (options.verbose === true) options.stderr.write(`slant worker ${name}: finished chunk ${data.chunk} of run ${data.run}: ${results.length} records in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    return { worker: name, results: wire.results };
  };

  const client = createRedisClient(options.address);
  client.on('error', () => {});
  const worker = new Worker<ChunkJob, ChunkResult>(QUEUE_NAME, processChunk, {
    connection: client as never,
    name,
    concurrency: CHUNKS_IN_HAND,
    lockDuration: options.stallSeconds * 1000,
    stalledInterval: options.stallSeconds * 1000,
    maxStalledCount: MAX_STALLS,
  });
  worker.on('error', (error) => report(new Error(redact(error.message))));
  // Seen by whichever worker checks for stalled chunks: the one that died cannot say so.
  worker.on('stalled', (jobId) => options.stderr.write(`slant worker ${name}: chunk ${jobId} stalled (its worker stopped answering); back in the queue\n`));
  options.stderr.write(`slant worker ${name}: taking chunks from ${label} with ${options.workers} analysis thread${options.workers === 1 ? '' : 's'} (${describeVersions(versions)})\n`);

  const stop = (): Promise<WorkerOutcome> => {
    stopping ??= (async () => {
      // close() lets the chunks in hand finish and takes no more.
      await worker.close();
      await pool.close();
      await Promise.resolve(client.destroy()).catch(() => {});
      finished(outcome);
      return outcome;
    })();
    return stopping;
  };
  return { name, versions, done, stop };
}
