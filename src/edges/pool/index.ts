/**
 * A pool of worker threads that analyze articles off the main thread: one worker per core by default, each
 * loading the lexicons once; a bounded queue in front (callers are refused, not buffered without end); a
 * per-task time limit that terminates and replaces a stuck worker. Reports come back as JSON strings, so the
 * caller only writes them. Used by `slant batch` and the HTTP service.
 */
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { setFlagsFromString } from 'node:v8';
import type { SerializedError, WorkerConfig, WorkerReply, WorkerTask } from './protocol.ts';
import { describeIssues } from '../../core/report/describe-issues.ts';

export type { CreateTaskHandlers, Handler, HandlerResult, WorkerConfig } from './protocol.ts';

/**
 * Where a task module is for the workers: `moduleUrl` itself when running from source, else `bundledName`
 * beside the bundle that holds the calling code (each task module is bundled on its own, see scripts/build).
 */
export function taskModuleUrl(moduleUrl: string, bundledName: string): URL {
  return moduleUrl.endsWith('.ts') ? new URL(moduleUrl) : new URL(`./${bundledName}`, moduleUrl);
}

export type PoolOptions = {
  /** the task module each worker imports (see `CreateTaskHandlers`): what the pool's tasks are is its caller's business */
  tasks: URL;
  /** worker threads; default one per core (`os.availableParallelism()`) */
  workers?: number;
  /** tasks allowed to wait beyond those running; default workers * 64 */
  maxQueue?: number;
  /** a lexicon folder other than the bundled one */
  lexiconDir?: string;
  /**
   * tasks handed to a worker at once, the first running and the others waiting in its port (default 1). With
   * 2 a worker goes from one task to the next without waiting for the main thread to hear of the first and
   * send the second: for throughput (batch), not for latency (a task may wait behind another while a
   * worker elsewhere falls idle). Waiting tasks of a worker that dies or times out go back to the queue.
   */
  prefetch?: number;
};

export type TaskOptions = {
  /** milliseconds a task may run on a worker (queueing time excluded); past it the worker is replaced */
  timeoutMs?: number;
  /** buffers in the payload to hand over to the worker without a copy (copied when the task is sent behind a running one, see `prefetch`) */
  transfer?: ArrayBuffer[];
};

/** The queue is full: the caller should shed load (HTTP 503) or wait for pending tasks. */
export class PoolOverloadedError extends Error {
  readonly code = 'overloaded';
  constructor(message: string) {
    super(message);
    this.name = 'PoolOverloadedError';
  }
}

/** A task ran longer than its `timeoutMs`; its worker was terminated and replaced. */
export class AnalysisTimeoutError extends Error {
  readonly code = 'timeout';
  constructor(message: string) {
    super(message);
    this.name = 'AnalysisTimeoutError';
  }
}

/**
 * A task failed: `invalid-input` (the input did not match the schema; zod issues in `issues`),
 * `analysis-failed` (the analyzer threw), `worker-failed` (the worker died during the task; it was replaced),
 * `unavailable` (no worker could start, e.g. a broken lexicon: every task fails this way), `closed`.
 */
export class AnalysisError extends Error {
  readonly code: 'invalid-input' | 'analysis-failed' | 'worker-failed' | 'unavailable' | 'closed';
  readonly issues?: unknown[];
  constructor(code: AnalysisError['code'], message: string, issues?: unknown[]) {
    super(message);
    this.name = 'AnalysisError';
    this.code = code;
    if (issues !== undefined) this.issues = issues;
  }
}

const WORKER_YOUNG_GENERATION_MB = 16;

/**
 * Keeps the workers' memory flat over a long run (measured on 200 MB of 2 KB articles, two workers, same
 * speed): a --max-semi-space-size of 64 MB (which bin/slant.js once set for a fast start) let each worker's
 * young generation grow by ~190 MB; that flag outranks resourceLimits, so it is cleared (V8 reads it when an
 * isolate is created: the main thread keeps its setting) and each worker gets WORKER_YOUNG_GENERATION_MB.
 * And V8's default heap growth let each worker's old generation fill to ~125 MB of mostly garbage before
 * its first full collection; growing by half at a time it stays near 70 MB. Peak RSS went from 530 MB to
 * 310 MB. V8 flags are process-wide: the main thread's heap grows by the same rule.
 */
function configureWorkerHeaps(): void {
  setFlagsFromString('--max-semi-space-size=0');
  // bin/cli-start.js keeps a one-article start's young generation at 1 MB; a worker's grows as V8's default does.
  setFlagsFromString('--semi-space-growth-factor=2');
  setFlagsFromString('--heap-growing-percent=50');
}

/**
 * V8's optimizing compiler runs on helper threads beside the workers, compiling the analysis' largest functions
 * with everything they call inlined; on two cores with two workers that competes with the analyses. A smaller
 * inlining budget (V8's default is 920 bytes of bytecode per optimised function) makes those compilations
 * cheaper, and the code they make is no slower: batch runs of 900-1,800 records with two workers took 5-10%
 * less CPU, a fresh process's first 4,000 2 KB articles 6-10% less time, and steady passes over PolNeAR ~3%
 * less CPU (8 alternated processes, 7 in favour). Every pool gets it (batch, the server's workers, queue
 * workers). Flags are process-wide: set before the first worker starts, in slant's own processes only (a
 * program that imports the library keeps its own flags).
 */
function configureCompiler(): void {
  // A budget the user gave wins (how bench:batch compares budgets: BENCH_NODE_FLAGS).
  if (inliningBudgetGiven(process.execArgv, process.env.NODE_OPTIONS)) return;
  setFlagsFromString(`${INLINING_BUDGET_FLAG}=300`);
}

const INLINING_BUDGET_FLAG = '--max-inlined-bytecode-size-cumulative';

// The workers' V8 flags, set once per process, before the first worker of any pool starts.
let flagsConfigured = false;
function configureWorkerFlags(): void {
  if (flagsConfigured) return;
  flagsConfigured = true;
  configureWorkerHeaps();
  configureCompiler();
}

/**
 * Whether node's flags (`execArgv`) or NODE_OPTIONS name V8's inlining budget, in either spelling V8 reads
 * (`-` or `_` between words), with `=value` or the value after it. Node 20 refuses this flag in NODE_OPTIONS
 * and does not start; it is read there too so that a node that accepts it keeps the user's value.
 */
export function inliningBudgetGiven(execArgv: readonly string[], nodeOptions: string | undefined): boolean {
  const flags = [...execArgv, ...(nodeOptions ?? '').split(/\s+/)];
  return flags.some((flag) => flag.replace(/^["']/, '').split('=')[0]!.replaceAll('_', '-') === INLINING_BUDGET_FLAG);
}

type Job = {
  id: number;
  kind: string;
  payload: unknown;
  options: TaskOptions;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
};

type Slot = {
  worker: Worker;
  ready: boolean;
  /** the tasks sent to the worker, in order: the first is running, the others wait in its port */
  jobs: Job[];
  /** the running task's time limit */
  timer: NodeJS.Timeout | null;
  /** terminated on purpose or dead: its events no longer count */
  retired: boolean;
};

export class AnalysisPool {
  readonly #slots: Slot[] = [];
  // A FIFO with a moving head, so taking a task is O(1).
  #queue: Job[] = [];
  #head = 0;
  #nextId = 1;
  #failure: AnalysisError | null = null;
  #closing: Promise<void> | null = null;
  #onIdle: (() => void) | null = null;
  readonly #maxQueue: number;
  readonly #prefetch: number;
  readonly #config: WorkerConfig;

  constructor(options: PoolOptions) {
    const workers = options.workers ?? availableParallelism();
    if (!Number.isInteger(workers) || workers < 1) throw new RangeError(`workers must be a whole number >= 1, got ${workers}`);
    const maxQueue = options.maxQueue ?? workers * 64;
    if (!Number.isInteger(maxQueue) || maxQueue < 0) throw new RangeError(`maxQueue must be a whole number >= 0, got ${maxQueue}`);
    this.#maxQueue = maxQueue;
    const prefetch = options.prefetch ?? 1;
    if (!Number.isInteger(prefetch) || prefetch < 1) throw new RangeError(`prefetch must be a whole number >= 1, got ${prefetch}`);
    this.#prefetch = prefetch;
    this.#config = { tasks: options.tasks.href, ...(options.lexiconDir === undefined ? {} : { lexiconDir: options.lexiconDir }) };
    for (let index = 0; index < workers; index++) this.#slots.push(this.#spawn());
  }

  /** number of worker threads */
  get size(): number {
    return this.#slots.length;
  }

  /** tasks waiting for a worker (not counting those running) */
  get pending(): number {
    return this.#queue.length - this.#head;
  }

  /** tasks running on a worker now */
  get running(): number {
    return this.#slots.filter((slot) => slot.jobs.length > 0).length;
  }

  /**
   * Runs a task of a kind the task module handles; resolves to the handler's value. Rejects with
   * PoolOverloadedError when the queue is full, AnalysisTimeoutError after `timeoutMs` (the worker is
   * terminated and replaced), or AnalysisError (`invalid-input` keeps the zod issues in `issues`).
   */
  run(kind: string, payload: unknown, options: TaskOptions = {}): Promise<unknown> {
    if (this.#failure !== null) return Promise.reject(this.#failure);
    if (this.#closing !== null) return Promise.reject(new AnalysisError('closed', 'the analysis pool is closed'));
    if (this.pending >= this.#maxQueue && !this.#slots.some((slot) => slot.ready && slot.jobs.length < this.#prefetch)) {
      return Promise.reject(new PoolOverloadedError(`the analysis pool is busy: ${this.pending} tasks are waiting (at most ${this.#maxQueue})`));
    }
    return new Promise((resolve, reject) => {
      this.#queue.push({ id: this.#nextId++, kind, payload, options, resolve, reject });
      this.#dispatch();
    });
  }

  /** Finishes every task already accepted, then terminates the workers; later tasks are refused. */
  close(): Promise<void> {
    this.#closing ??= (async () => {
      if (this.pending > 0 || this.running > 0) await new Promise<void>((resolve) => (this.#onIdle = resolve));
      await Promise.all(
        this.#slots.map((slot) => {
          slot.retired = true;
          if (slot.timer !== null) clearTimeout(slot.timer);
          return slot.worker.terminate();
        }),
      );
    })();
    return this.#closing;
  }

  #spawn(): Slot {
    const entry = workerEntry();
    configureWorkerFlags();
    const worker = new Worker(entry.url, {
      workerData: this.#config,
      resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      ...(entry.eval === true ? { eval: true } : {}),
    });
    const slot: Slot = { worker, ready: false, jobs: [], timer: null, retired: false };
    worker.on('message', (reply: WorkerReply) => this.#onReply(slot, reply));
    worker.on('error', (error: Error) => this.#onDeath(slot, error.message));
    worker.on('exit', (code) => this.#onDeath(slot, `exited with code ${code}`));
    return slot;
  }

  #onReply(slot: Slot, reply: WorkerReply): void {
    if (slot.retired) return;
    if (reply.kind === 'ready') {
      slot.ready = true;
    } else {
      const job = slot.jobs[0];
      if (job === undefined || job.id !== reply.task) return;
      slot.jobs.shift();
      if (slot.timer !== null) clearTimeout(slot.timer);
      slot.timer = null;
      // The worker has gone on to the next task it holds: its time starts now.
      const next = slot.jobs[0];
      if (next !== undefined) this.#startTimer(slot, next);
      if (reply.kind === 'done') job.resolve(reply.value);
      else job.reject(toAnalysisError(reply.error));
    }
    this.#dispatch();
  }

  #startTimer(slot: Slot, job: Job): void {
    const timeoutMs = job.options.timeoutMs;
    if (timeoutMs !== undefined) slot.timer = setTimeout(() => this.#onTimeout(slot), timeoutMs);
  }

  #onDeath(slot: Slot, reason: string): void {
    if (slot.retired) return;
    slot.retired = true;
    if (!slot.ready) {
      // A worker that cannot start (a broken lexicon) would fail again: stop instead of looping.
      this.#fail(new AnalysisError('unavailable', `an analysis worker could not start: ${reason}`));
      return;
    }
    const [job, ...waiting] = this.#release(slot);
    this.#requeue(waiting);
    job?.reject(new AnalysisError('worker-failed', `the analysis worker failed: ${reason}`));
    this.#replace(slot);
  }

  #onTimeout(slot: Slot): void {
    const [job, ...waiting] = this.#release(slot);
    if (job === undefined) return;
    slot.retired = true;
    void slot.worker.terminate();
    this.#requeue(waiting);
    job.reject(new AnalysisTimeoutError(`the analysis took longer than ${job.options.timeoutMs} ms and was stopped`));
    this.#replace(slot);
  }

  // Tasks a lost worker held but never started: first in line again, in their order.
  #requeue(jobs: Job[]): void {
    if (jobs.length > 0) this.#queue.splice(this.#head, 0, ...jobs);
  }

  #replace(slot: Slot): void {
    const index = this.#slots.indexOf(slot);
    // Also while closing: the tasks already accepted still need a worker.
    if (index >= 0 && this.#failure === null) this.#slots[index] = this.#spawn();
    this.#dispatch();
  }

  #fail(failure: AnalysisError): void {
    this.#failure = failure;
    for (const slot of this.#slots) {
      slot.retired = true;
      for (const job of this.#release(slot)) job.reject(failure);
      void slot.worker.terminate();
    }
    for (let index = this.#head; index < this.#queue.length; index++) this.#queue[index]?.reject(failure);
    this.#queue = [];
    this.#head = 0;
    this.#checkIdle();
  }

  // Takes the slot's tasks away (the running one first) and stops its timer.
  #release(slot: Slot): Job[] {
    if (slot.timer !== null) clearTimeout(slot.timer);
    slot.timer = null;
    const jobs = slot.jobs;
    slot.jobs = [];
    return jobs;
  }

  #dispatch(): void {
    // Idle workers first, then a second task to each busy one, and so on up to `prefetch`.
    for (let depth = 0; depth < this.#prefetch; depth++) {
      for (const slot of this.#slots) {
        if (this.#head >= this.#queue.length) break;
        if (!slot.ready || slot.retired || slot.jobs.length !== depth) continue;
        const job = this.#queue[this.#head] as Job;
        this.#queue[this.#head++] = undefined as unknown as Job;
        slot.jobs.push(job);
        slot.worker.ref();
        if (depth === 0) this.#startTimer(slot, job);
        // A task sent behind a running one may come back to the queue (its worker timed out or died) and be
        // sent again: its buffers are copied, not transferred, so they are still whole then.
        slot.worker.postMessage({ task: job.id, kind: job.kind, payload: job.payload } satisfies WorkerTask, depth === 0 ? (job.options.transfer ?? []) : []);
      }
    }
    if (this.#head >= this.#queue.length) {
      this.#queue = [];
      this.#head = 0;
    } else if (this.#head > 1024 && this.#head * 2 > this.#queue.length) {
      this.#queue = this.#queue.slice(this.#head);
      this.#head = 0;
    }
    // An idle worker must not keep the process alive: a program that forgets close() still exits.
    for (const slot of this.#slots) if (slot.ready && slot.jobs.length === 0) slot.worker.unref();
    this.#checkIdle();
  }

  #checkIdle(): void {
    if (this.#onIdle !== null && this.pending === 0 && this.running === 0) {
      const resolve = this.#onIdle;
      this.#onIdle = null;
      resolve();
    }
  }
}

function toAnalysisError(error: SerializedError): AnalysisError {
  // analyze()'s InputError carries its own message; a bare ZodError is described from its issues.
  if (error.name === 'InputError') return new AnalysisError('invalid-input', error.message, error.issues ?? []);
  if (error.name === 'ZodError' && error.issues !== undefined) {
    return new AnalysisError('invalid-input', `invalid input: ${describeIssues(error.issues)}`, error.issues);
  }
  return new AnalysisError('analysis-failed', error.message);
}


/**
 * Where the worker is: in the esbuild bundle (`dist/slant.js`, `dist/index.js`), the separately bundled
 * `dist/pool-worker.js`; from source, `worker.ts` next to this module, started by a small script that
 * registers tsx first (Node 20 does not apply `--import` loaders to a worker's entry module).
 */
function workerEntry(): { url: URL | string; eval?: true } {
  if (!import.meta.url.endsWith('.ts')) return { url: new URL('./pool-worker.js', import.meta.url) };
  const worker = new URL('./worker.ts', import.meta.url).href;
  return { url: `import(${JSON.stringify(tsxApi())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}

let tsxApiUrl: string | undefined;
function tsxApi(): string {
  // The ES module build: tsx's CommonJS register() resolves its loader from the wrong folder.
  tsxApiUrl ??= typeof import.meta.resolve === 'function' ? import.meta.resolve('tsx/esm/api') : pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  return tsxApiUrl;
}
