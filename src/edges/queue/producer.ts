/**
 * `slant batch --queue`: the runner that sends records to a Redis queue instead of local threads. Records are
 * cut into chunks by input bytes, over every record of the input, skipped ones included, so that a resumed
 * run cuts the same chunks and finds their jobs (same ids) instead of adding them again. Results stay in
 * Redis until their chunk is next to write (in input order; any order with --unordered); the job is removed
 * once its lines are handed to the writer. A chunk a worker refused for its versions stops the run; a chunk
 * the queue gave up on (stalled too often, failed on every attempt) becomes an error line per record.
 * A chunk's job always carries all its records, skipped ones too (its id depends on them): a resumed run whose
 * output ends inside a chunk (the producer was killed while writing it) takes from that job's results only the
 * records not yet written. A chunk whose job vanished or whose lines went missing runs again, a few times at
 * most; then the run stops with an error instead of waiting for ever.
 */
import { resolve } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Writable } from 'node:stream';
import { Job } from 'bullmq';
import { loadLexicons } from '../../core/data/index.ts';
import { loadSourceTables } from '../../core/outlets/index.ts';
import { loadBaseline } from '../../core/report/percentiles.ts';
import { BatchInputError } from '../batch/input.ts';
import { failure } from '../batch/record.ts';
import type { RecordPlace } from '../batch/lines.ts';
import type { RecordResult, RecordRunner, RunnerFactory } from '../batch/run.ts';
import type { QueueAddress } from './address.ts';
import { connectQueue } from './connection.ts';
import { RESP_TYPES } from 'redis';
import { chunkJobId, JOB_NAME, resultKey, resultsFromWire, runKey, toWire, VERSION_MISMATCH, type ChunkJob, type ChunkResult, type WireRecord } from './jobs.ts';
import { analysisVersions } from './versions.ts';

export type ProducerOptions = {
  address: QueueAddress;
  /** input bytes per chunk (a chunk closes at the first record that reaches it) */
  chunkBytes: number;
  unordered: boolean;
  /** where connection trouble is reported (never with the password) */
  stderr: Writable;
  quiet: boolean;
  /** chunks between reading and writing */
  chunksInFlight?: number;
  /** milliseconds between looks at the chunks in flight */
  pollMs?: number;
};

/** A worker refused the run's jobs: another analyzer, schema or lexicon version. */
export class QueueRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueRefusedError';
  }
}

const MAX_RECORDS_PER_CHUNK = 1000;
const DEFAULT_CHUNKS_IN_FLIGHT = 64;
const DEFAULT_POLL_MS = 100;
/** Times a chunk is added or run again (its job vanished, its lines went missing) before the run stops. */
const MAX_RERUNS = 3;

type Waiter = { place: RecordPlace; resolve: (result: RecordResult) => void; reject: (error: Error) => void };
/** A chunk in flight; `waiters` holds a waiter per record of the job, null for a record an earlier run wrote. */
type Chunk = { index: number; id: string; records: WireRecord[]; waiters: (Waiter | null)[]; sent: Promise<void>; reruns: number };

/** The runner for `runBatch` that goes through the queue at `options.address`. */
export function queueRunner(options: ProducerOptions): RunnerFactory {
  return async (context): Promise<RecordRunner> => {
    const { settings, files } = context;
    if (settings.baselineFile !== undefined) throw new BatchInputError('--baseline is not available with --queue: workers on other machines cannot read that file');
    // Connected first: a wrong address or password is said at once.
    const connection = await connectQueue(options.address, { stderr: options.stderr, who: 'slant batch' });
    const versions = analysisVersions(loadLexicons(), loadSourceTables(), loadBaseline());
    const outputs = [files.jsonl, files.csv].map((file) => (file === null || file === '-' ? file : resolve(file)));
    const run = runKey({ versions, settings, ...(context.timeoutMs === undefined ? {} : { timeoutMs: context.timeoutMs }), outputs });
    const queue = connection.queue;
    const binary = connection.client.withTypeMapping({ [RESP_TYPES.BLOB_STRING]: Buffer });
    const removeChunk = (id: string) => Promise.all([queue.remove(id), connection.client.del(resultKey(id))]);
    if (!options.quiet) options.stderr.write(`slant batch: sending chunks of ${options.chunkBytes} bytes to ${connection.label} (run ${run})\n`);

    const chunksInFlight = options.chunksInFlight ?? DEFAULT_CHUNKS_IN_FLIGHT;
    const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
    let open: { records: WireRecord[]; waiters: (Waiter | null)[]; bytes: number } = { records: [], waiters: [], bytes: 0 };
    let nextIndex = 0;
    // Chunks sent and not yet delivered, in input order.
    const pending: Chunk[] = [];
    const chores = new Set<Promise<unknown>>();
    let sending: Promise<void> = Promise.resolve();
    let fatal: Error | null = null;
    let closed = false;
    let wake: (() => void) | null = null;

    const chore = (work: Promise<unknown>) => {
      const tracked = work.catch((error: Error) => connection.report(error)).finally(() => chores.delete(tracked));
      chores.add(tracked);
    };
    const stop = (error: Error) => {
      fatal ??= error;
      for (const chunk of pending.splice(0)) for (const waiter of chunk.waiters) waiter?.reject(fatal);
    };

    const jobData = (index: number, records: WireRecord[]): ChunkJob => ({ run, chunk: index, versions, settings, ...(context.timeoutMs === undefined ? {} : { timeoutMs: context.timeoutMs }), records });
    // The job with this id, as it is (a resumed run finds the one it added before), or a new one.
    const addJob = (index: number, id: string, records: WireRecord[]) =>
      withRetries(() => queue.add(JOB_NAME, jobData(index, records), { jobId: id, removeOnComplete: false, removeOnFail: false, attempts: 3, backoff: { type: 'fixed', delay: 1000 } }), connection.report);

    const closeChunk = () => {
      if (open.records.length === 0) return;
      const { records, waiters } = open;
      open = { records: [], waiters: [], bytes: 0 };
      const index = nextIndex++;
      const id = chunkJobId(run, index, records);
      if (waiters.every((waiter) => waiter === null)) {
        // Every record was written by an earlier run: only a job left behind by a producer killed before removing it.
        chore(removeChunk(id));
        return;
      }
      // Sent one after another, so that the queue hands chunks out in input order.
      const sent = (sending = sending.then(async () => {
        if (fatal !== null || closed) return;
        const job = await addJob(index, id, records);
        // A job a resumed run finds failed (say, refused by a worker since updated) gets another go.
        if ((await withRetries(() => queue.getJobState(id), connection.report)) === 'failed') await job.retry('failed');
      }));
      pending.push({ index, id, records, waiters, reruns: 0, sent: sent.catch((error: Error) => stop(new BatchInputError(`cannot add chunk ${index} to the queue: ${connection.redact(error.message)}`))) });
      wake?.();
    };

    /** Resolves the chunk's waiters with the job's results (all its records': the skipped ones are dropped); false when they do not fit. */
    const deliver = (chunk: Chunk, result: ChunkResult | null | undefined, lines: Buffer): boolean => {
      if (!Array.isArray(result?.results) || result.results.length !== chunk.waiters.length) return false;
      const results = resultsFromWire(result.results, lines);
      if (results === null) return false;
      chunk.waiters.forEach((waiter, index) => waiter?.resolve(results[index] as RecordResult));
      return true;
    };

    /** Counts another run of `chunk`; past MAX_RERUNS, stops the run with `why` and says false. */
    const rerun = (chunk: Chunk, why: string): boolean => {
      if (++chunk.reruns <= MAX_RERUNS) {
        connection.report(new Error(`${why}; running it again`));
        return true;
      }
      chore(removeChunk(chunk.id));
      stop(new BatchInputError(`${why}, ${MAX_RERUNS} times over; the run stops (resume it with --resume)`));
      return false;
    };

    const gaveUp = (chunk: Chunk, reason: string) => {
      for (const waiter of chunk.waiters) waiter?.resolve(failure(waiter.place, { code: 'worker-failed', message: `the queue gave up on this record's chunk: ${reason}` }, settings));
    };

    /** Delivers `chunk` when it is finished; says whether it was. */
    const collect = async (chunk: Chunk): Promise<boolean> => {
      await chunk.sent;
      if (fatal !== null) return true;
      const state = await queue.getJobState(chunk.id);
      if (state === 'unknown') {
        // Its job is gone (removed by hand, or by `queue.remove` of a producer killed as it wrote this chunk): added again.
        if (rerun(chunk, `the job of chunk ${chunk.index} is gone from the queue`)) await addJob(chunk.index, chunk.id, chunk.records);
        return fatal !== null;
      }
      if (state !== 'completed' && state !== 'failed') return false;
      const job = (await Job.fromId(queue, chunk.id)) as Job<ChunkJob, ChunkResult> | undefined;
      // Removed since: the next look finds it unknown.
      if (job === undefined) return false;
      if (state === 'failed') {
        const reason = job.failedReason ?? 'no reason given';
        if (reason.startsWith(VERSION_MISMATCH)) {
          chore(removeChunk(chunk.id));
          stop(new QueueRefusedError(`chunk ${chunk.index} was refused: ${reason.slice(VERSION_MISMATCH.length + 2)}; start workers of the same slant version and lexicons, then --resume`));
          return true;
        }
        gaveUp(chunk, reason);
      } else {
        const lines = await binary.get(resultKey(chunk.id));
        if (lines === null || !deliver(chunk, job.returnvalue, lines as Buffer)) {
          // Lines lost (expired, or a database emptied under the run) or not the job's: the chunk runs again.
          const why = lines === null ? `the lines of chunk ${chunk.index} are missing from Redis` : `the results of chunk ${chunk.index} do not match its ${chunk.waiters.length} records`;
          if (rerun(chunk, why)) await job.retry('completed');
          return fatal !== null;
        }
      }
      // The lines are written as the waiters resolve (microtasks, before this removal goes out).
      chore(removeChunk(chunk.id));
      return true;
    };

    // Looks at the chunks in flight until closed: the oldest only when writing in input order, all with --unordered.
    const loop = (async () => {
      while (!closed && fatal === null) {
        let progressed = false;
        try {
          if (options.unordered) {
            const finished = await Promise.all(pending.map(async (chunk) => ((await collect(chunk)) ? chunk : null)));
            for (const chunk of finished) {
              const at = chunk === null ? -1 : pending.indexOf(chunk);
              if (at < 0) continue;
              pending.splice(at, 1);
              progressed = true;
            }
          } else {
            const head = pending[0];
            if (head !== undefined && (await collect(head))) {
              if (pending[0] === head) pending.shift();
              progressed = true;
            }
          }
        } catch (error) {
          connection.report(error as Error);
        }
        if (!progressed) await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, pending.length === 0 ? 1000 : pollMs);
          wake = () => {
            clearTimeout(timer);
            wake = null;
            resolve();
          };
        });
      }
    })();

    return {
      window: { records: chunksInFlight * MAX_RECORDS_PER_CHUNK, bytes: chunksInFlight * options.chunkBytes },
      run(task, _transfer, bytes) {
        if (fatal !== null) return Promise.reject(fatal);
        return new Promise<RecordResult>((resolve, reject) => {
          open.records.push(toWire(task, (path) => readFileSync(path)));
          open.waiters.push({ place: task.place, resolve, reject });
          open.bytes += bytes;
          if (open.bytes >= options.chunkBytes || open.records.length >= MAX_RECORDS_PER_CHUNK) closeChunk();
        });
      },
      skipped(task, bytes) {
        open.records.push(toWire(task, (path) => readFileSync(path)));
        open.waiters.push(null);
        open.bytes += bytes;
        if (open.bytes >= options.chunkBytes || open.records.length >= MAX_RECORDS_PER_CHUNK) closeChunk();
      },
      endOfInput() {
        closeChunk();
      },
      async close() {
        closed = true;
        wake?.();
        await loop;
        if (fatal === null) await sending.catch(() => {});
        await Promise.all([...chores]);
        await connection.close();
      },
    };
  };
}

/** Runs `work` until it succeeds (Redis restarting), reporting each failure; gives up only on errors that will not pass. */
async function withRetries<T>(work: () => Promise<T>, report: (error: Error) => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await work();
    } catch (error) {
      report(error as Error);
      if (attempt >= 120) throw error;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
}
