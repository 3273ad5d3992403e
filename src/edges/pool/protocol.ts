/**
 * Messages between the pool and its workers. Plain data only: what crosses a thread is structured-cloned,
 * so a worker sends reports as strings (or as encoded bytes, transferred without a copy), never as objects.
 */

/** Given to every worker when it starts. */
export type WorkerConfig = {
  /** a lexicon folder other than the bundled one */
  lexiconDir?: string;
};

export type WorkerTask = {
  /** the pool's number for the task, echoed in the reply */
  task: number;
  /** which handler runs it (`analyze`: anything `analyze()` accepts, answered with the report as JSON) */
  kind: string;
  payload: unknown;
};

/** An error as data, so it survives the thread boundary. */
export type SerializedError = { name: string; message: string; issues?: unknown[] };

export type WorkerReply =
  | { kind: 'ready' }
  | { kind: 'done'; task: number; value: unknown }
  | { kind: 'failed'; task: number; error: SerializedError };
