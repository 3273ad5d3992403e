/**
 * A pool worker: imports the task module its pool was given, lets it load what it needs once (lexicons,
 * outlet tables), then runs one task at a time and answers with what the handler returns (strings or bytes,
 * so the main thread never walks a report object). Knows nothing of what the tasks are. Started by the pool
 * from source (under tsx) or from the bundle (`dist/pool-worker.js`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CreateTaskHandlers, SerializedError, WorkerConfig, WorkerReply, WorkerTask } from './protocol.ts';

const port = parentPort;
if (port === null) throw new Error('src/edges/pool/worker.ts runs as a worker thread; start it through AnalysisPool');
const config = (workerData ?? {}) as WorkerConfig;

// A broken lexicon throws here, before `ready`: the pool reports it instead of restarting the worker in a loop.
const { createTaskHandlers } = (await import(config.tasks)) as { createTaskHandlers: CreateTaskHandlers };
const handlers = createTaskHandlers(config);

// One task at a time, in the order sent: a pool may hand a worker its next task before this one ends.
let previous: Promise<void> = Promise.resolve();
port.on('message', (message: WorkerTask) => {
  previous = previous.then(() => run(message));
});
port.postMessage({ kind: 'ready' } satisfies WorkerReply);

async function run({ task, kind, payload }: WorkerTask): Promise<void> {
  const handler = handlers[kind];
  try {
    if (handler === undefined) throw new Error(`unknown task kind "${kind}"`);
    const { value, transfer } = await handler(payload);
    port?.postMessage({ kind: 'done', task, value } satisfies WorkerReply, transfer ?? []);
  } catch (error) {
    port?.postMessage({ kind: 'failed', task, error: serializeError(error) } satisfies WorkerReply);
  }
}

/** Name, message and zod issues of any thrown value, as plain data (issues go through JSON, which drops what cannot cross). */
function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error) };
  const issues = (error as { issues?: unknown }).issues;
  if (!Array.isArray(issues)) return { name: error.name, message: error.message };
  return { name: error.name, message: error.message, issues: JSON.parse(JSON.stringify(issues)) as unknown[] };
}
