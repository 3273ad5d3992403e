/**
 * `slant batch`: reads records, has the pool analyze them, writes one line per record, in input order
 * unless asked otherwise. Memory stays flat: at most a window of records is between reading and writing
 * (by count and by bytes), and reading waits while the output is behind. Every record gives exactly one
 * line, a report or an error; a resumed run skips the ids already written.
 */
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { AnalysisError, AnalysisPool, AnalysisTimeoutError } from '../pool/index.ts';
import { BATCH_TASKS } from './worker-tasks.ts';
import { loadBaseline, type Baseline } from '../../core/report/percentiles.ts';
import { OUTLET_GROUP } from './figures.ts';
import { BatchInputError, itemId, readInputs, resolveInputs, type BatchItem, type CsvColumns } from './input.ts';
import { openSink, prepareOutputs, type OutputFiles, type ResumeState } from './output.ts';
import { startProgress, type ProgressCounts } from './progress.ts';
import { failure, type BatchResult, type BatchSettings, type BatchTask, type OutputFormat } from './record.ts';
import { errorLine } from '../../core/report/error-line.ts';
import { csvErrorRow, type BatchError, type RecordPlace } from './lines.ts';
import { createStatsCollector, type BatchStats } from './corpus-stats.ts';

export type BatchOptions = {
  inputs: readonly string[];
  /** read every input file as this, whatever its extension */
  inputFormat?: 'jsonl' | 'csv';
  /** the output file; null writes to standard output */
  out: string | null;
  format: OutputFormat;
  /** the CSV file with format `both` (default: beside `out`, with a .csv extension) */
  csvFile?: string;
  workers?: number;
  unordered: boolean;
  resume: boolean;
  force: boolean;
  maxBytes: number;
  /** per record; a record running longer becomes a `timeout` error line */
  timeoutMs?: number;
  columns: CsvColumns;
  /** the record field (JSONL) or column (CSV) kept as `group` */
  groupField?: string;
  /** `outlet` (default) or a dotted path into the output line */
  groupBy?: string;
  baselineFile?: string;
  quiet: boolean;
  progressIntervalSeconds: number;
  /** where records get analysed (default: the local pool of worker threads) */
  runner?: RunnerFactory;
};

/** A record's result as the writer takes it: the JSON line may come as bytes (the pool) or as text (a queue). */
export type RecordResult = Omit<BatchResult, 'jsonl'> & { jsonl: Uint8Array | string | null };

/**
 * Where records get analysed: the local pool (`localRunner`) or elsewhere (src/edges/queue). The run keeps
 * reading, ordering, writing, progress and statistics; the runner only turns tasks into results.
 */
export type RecordRunner = {
  /** records, and input bytes, between reading and writing (one record always passes) */
  readonly window: { records: number; bytes: number };
  /** resolves to the record's result (an error line for a record that failed); rejects only when the run must stop */
  run(task: BatchTask, transfer: ArrayBuffer[], bytes: number): Promise<RecordResult>;
  /** a record a resumed run skips because the output has it already */
  skipped?(task: BatchTask, bytes: number): void;
  /** no more records: whatever the runner holds back must go now */
  endOfInput?(): void;
  /** after every result is delivered, or the run stops */
  close(): Promise<void>;
};

export type RunnerContext = { workers: number; settings: BatchSettings; timeoutMs?: number; files: OutputFiles };
export type RunnerFactory = (context: RunnerContext) => Promise<RecordRunner>;

export type BatchIo = { stdin: Readable; stdout: Writable; stderr: Writable; stderrIsTTY: boolean };

export type BatchOutcome = {
  /** lines written by this run (reports and errors) */
  records: number;
  errors: number;
  /** records skipped because a resumed output already had them */
  skipped: number;
  /** input bytes read by this run (skipped records included) */
  bytes: number;
  seconds: number;
  files: OutputFiles;
  resumed: ResumeState | null;
  /** statistics of the records written by this run */
  stats: BatchStats;
};

/** A line ready to write, and what it says for the counts; `discard`: a record the run stops before (no line). */
type Written = { jsonl: Uint8Array | string | null; csv: string | null; bytes: number; result: Pick<BatchResult, 'error' | 'figures' | 'group'>; discard?: true };

/** Records between reading and writing, per worker, and in input bytes (one record always passes). */
const WINDOW_PER_WORKER = 16;
const WINDOW_BYTES = 16 << 20;

/** Runs `task` on `pool`; a record the pool could not run becomes its error line, except when no worker can start (rejects). */
export async function runOnPool(pool: AnalysisPool, task: BatchTask, transfer: ArrayBuffer[], timeoutMs?: number): Promise<BatchResult> {
  try {
    return (await pool.run('batch', task, { transfer, ...(timeoutMs === undefined ? {} : { timeoutMs }) })) as BatchResult;
  } catch (error) {
    // No worker can start (a broken lexicon): the run stops, without an error line for every record.
    if (error instanceof AnalysisError && error.code === 'unavailable') throw error;
    return failure(task.place, poolError(error as Error), task.settings);
  }
}

/** The default runner: a pool of worker threads in this process. */
export const localRunner: RunnerFactory = async ({ workers, timeoutMs }) => {
  const window = { records: workers * WINDOW_PER_WORKER, bytes: WINDOW_BYTES };
  // Two tasks per worker: a worker starts its next record at once instead of waiting, idle, for the main
  // thread to wake, hear of the last one and send another (a round trip of two thread wake-ups per record).
  const pool = new AnalysisPool({ tasks: BATCH_TASKS, workers, maxQueue: window.records, prefetch: 2 });
  return { window, run: (task, transfer) => runOnPool(pool, task, transfer, timeoutMs), close: () => pool.close() };
};

/** Where the outputs go, from --out, --format and --csv. */
function outputFiles(options: Pick<BatchOptions, 'out' | 'format' | 'csvFile' | 'groupField'>): OutputFiles {
  const withGroup = options.groupField !== undefined;
  if (options.out === null) {
    if (options.format === 'both') throw new BatchInputError('--format both writes two files: name them with --out (and --csv)');
    return { jsonl: options.format === 'jsonl' ? '-' : null, csv: options.format === 'csv' ? '-' : null, withGroup };
  }
  if (options.format === 'jsonl') return { jsonl: options.out, csv: null, withGroup };
  if (options.format === 'csv') return { jsonl: null, csv: options.out, withGroup };
  const csv = options.csvFile ?? `${options.out.replace(/\.(jsonl|ndjson|json)$/i, '')}.csv`;
  if (csv === options.out) throw new BatchInputError(`--format both needs two files, and ${csv} is named for both; name the CSV with --csv`);
  return { jsonl: options.out, csv, withGroup };
}

/** Runs a batch to the end; throws BatchInputError for problems with the inputs or outputs as a whole. */
export async function runBatch(options: BatchOptions, io: BatchIo): Promise<BatchOutcome> {
  const started = performance.now();
  const files = outputFiles(options);
  if (options.resume && options.out === null) throw new BatchInputError('--resume continues an output file: name it with --out');
  const sources = await resolveInputs(options.inputs, options.inputFormat);
  for (const file of [files.jsonl, files.csv]) {
    if (file !== null && file !== '-' && options.inputs.includes(file)) throw new BatchInputError(`${file} is both an input and the output`);
  }
  const baseline: Baseline | undefined = options.baselineFile === undefined ? undefined : loadBaseline(options.baselineFile);
  const groupBy = options.groupBy ?? (options.groupField !== undefined ? 'group' : OUTLET_GROUP);
  const settings: BatchSettings = { format: options.format, groupBy, maxBytes: options.maxBytes };
  if (options.groupField !== undefined) settings.groupField = options.groupField;
  if (options.baselineFile !== undefined) settings.baselineFile = options.baselineFile;
  const columns: CsvColumns = options.groupField === undefined ? options.columns : { ...options.columns, group: options.groupField };

  const resumed = options.out === null ? null : await prepareOutputs(files, { resume: options.resume, force: options.force });
  const done = resumed?.done ?? new Map<string, number>();
  const sink = await openSink(files, io.stdout);
  const workers = options.workers ?? availableParallelism();
  let runner: RecordRunner;
  try {
    runner = await (options.runner ?? localRunner)({ workers, settings, files, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) });
  } catch (error) {
    await sink.close();
    throw error;
  }
  const window = runner.window;
  const counts: ProgressCounts = { records: 0, errors: 0, skipped: 0, bytes: 0 };
  const sizes = sources.map((source) => source.size);
  const totalBytes = sizes.includes(null) ? null : sizes.reduce<number>((sum, size) => sum + (size as number), 0);
  const progress = startProgress({ stream: io.stderr, tty: io.stderrIsTTY, quiet: options.quiet, totalBytes, intervalSeconds: options.progressIntervalSeconds });
  const stats = createStatsCollector(groupBy);

  let inFlight = 0;
  let inFlightBytes = 0;
  let nextSeq = 0;
  let nextWrite = 0;
  const waiting = new Map<number, Written>();
  // Set from callbacks: a write that failed, or a pool that cannot start; either stops the reading.
  const stop: { failure: Error | null } = { failure: null };
  let wake: (() => void) | null = null;
  const notify = () => {
    const resume = wake;
    wake = null;
    resume?.();
  };
  const sleep = () => new Promise<void>((resolve) => (wake = resolve));

  const emit = (written: Written) => {
    inFlight--;
    inFlightBytes -= written.bytes;
    if (written.discard === true) return;
    try {
      sink.write(written.jsonl, written.csv);
    } catch (error) {
      stop.failure ??= error as Error;
    }
    counts.records++;
    counts.bytes += written.bytes;
    const { result } = written;
    if (result.error !== null) {
      counts.errors++;
      stats.addError(result.error.code);
    } else if (result.figures !== null) stats.add(result.figures, result.group);
    progress.update(counts);
  };
  const deliver = (seq: number, written: Written) => {
    if (options.unordered) emit(written);
    else {
      waiting.set(seq, written);
      for (let next = waiting.get(nextWrite); next !== undefined; next = waiting.get(nextWrite)) {
        waiting.delete(nextWrite++);
        emit(next);
      }
    }
    notify();
  };
  const errorWritten = (place: RecordPlace, error: BatchError, bytes: number): Written => ({
    jsonl: files.jsonl === null ? null : `${errorLine(place, error)}\n`,
    csv: files.csv === null ? null : csvErrorRow(place, error, files.withGroup),
    bytes,
    result: { error, figures: null, group: null },
  });
  const submit = (item: BatchItem) => {
    const seq = nextSeq++;
    inFlight++;
    inFlightBytes += item.bytes;
    if (item.kind === 'error') {
      deliver(seq, errorWritten(item.place, item.error, item.bytes));
      return;
    }
    const { task, transfer } = item;
    runner.run(task, transfer, item.bytes).then(
      (result) => deliver(seq, { jsonl: result.jsonl, csv: result.csv, bytes: item.bytes, result }),
      (error: Error) => {
        // The run cannot go on (no worker can start, a queue refused the job): stop, without an error line for every record.
        stop.failure ??= error;
        deliver(seq, { ...errorWritten(task.place, { code: 'worker-failed', message: error.message }, item.bytes), discard: true });
      },
    );
  };

  let readFailure: unknown = null;
  try {
    for await (const item of readInputs(sources, { settings, columns, stdin: io.stdin, nameInputs: sources.length > 1 })) {
      if (done.size > 0) {
        const id = itemId(item);
        const times = done.get(id);
        if (times !== undefined) {
          if (times > 1) done.set(id, times - 1);
          else done.delete(id);
          counts.skipped++;
          counts.bytes += item.bytes;
          if (item.kind === 'task') runner.skipped?.(item.task, item.bytes);
          progress.update(counts);
          continue;
        }
      }
      for (;;) {
        if (stop.failure !== null) break;
        if (sink.blocked) await sink.drained();
        else if (inFlight < window.records && (inFlightBytes < window.bytes || inFlight === 0)) break;
        else await sleep();
      }
      if (stop.failure !== null) break;
      submit(item);
    }
  } catch (error) {
    readFailure = error;
  }
  try {
    runner.endOfInput?.();
    while (inFlight > 0) await sleep();
  } finally {
    progress.stop();
    await runner.close();
    await sink.close();
  }
  if (readFailure !== null) throw readFailure;
  if (stop.failure !== null) throw stop.failure instanceof BatchInputError ? stop.failure : new BatchInputError(stop.failure.message);
  return {
    records: counts.records,
    errors: counts.errors,
    skipped: counts.skipped,
    bytes: counts.bytes,
    seconds: (performance.now() - started) / 1000,
    files,
    resumed,
    stats: stats.summarize(baseline),
  };
}

/** A record the pool could not run, as an error line's error. */
function poolError(error: Error): BatchError {
  if (error instanceof AnalysisTimeoutError) return { code: 'timeout', message: error.message };
  if (error instanceof AnalysisError && error.code === 'invalid-input') return { code: 'invalid-record', message: error.message };
  if (error instanceof AnalysisError && error.code === 'analysis-failed') return { code: 'analysis-failed', message: error.message };
  return { code: 'worker-failed', message: error.message };
}
