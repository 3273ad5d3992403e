/**
 * Messages between the pool and its workers. Plain data only: what crosses a thread is structured-cloned,
 * so a worker sends reports as strings (or as encoded bytes, transferred without a copy), never as objects.
 */

/** Given to every worker when it starts. */
export type WorkerConfig = {
  /** the module whose `createTaskHandlers` says what the worker can do (a file URL, as `import()` takes it) */
  tasks: string;
  /** a lexicon folder other than the bundled one */
  lexiconDir?: string;
};

/** What a handler gives back: the value to post, and buffers to hand over without a copy. */
export type HandlerResult = { value: unknown; transfer?: ArrayBuffer[] };
export type Handler = (payload: unknown) => HandlerResult | Promise<HandlerResult>;
/** A task module's one export: the handlers by task kind, built once per worker (load data here). */
export type CreateTaskHandlers = (config: WorkerConfig) => Readonly<Record<string, Handler>>;

export type WorkerTask = {
  /** the pool's number for the task, echoed in the reply */
  task: number;
  /** which of the task module's handlers runs it */
  kind: string;
  payload: unknown;
};

/** An error as data, so it survives the thread boundary. */
export type SerializedError = { name: string; message: string; issues?: unknown[] };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; task: number; value: unknown }
  | { kind: 'failed'; task: number; error: SerializedError };
