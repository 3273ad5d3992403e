/**
 * A pool worker: loads the lexicons and outlet tables once, then runs one task at a time and answers with
 * strings or bytes, so the main thread never walks a report object. Started by the pool from source (under
 * tsx) or from the bundle (`dist/pool-worker.js`).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { analyze } from '../../analyze.ts';
import { processBatchTask, type BatchTask } from '../batch/record.ts';
import { loadLexicons } from '../../core/data/index.ts';
import type { AnalyzeInput } from '../../core/report/schema.ts';
import { loadSourceTables } from '../../core/outlets/index.ts';
import type { SerializedError, WorkerConfig, WorkerReply, WorkerTask } from './protocol.ts';

/** What a handler gives back: the value to post, and buffers to hand over without a copy. */
export type HandlerResult = { value: unknown; transfer?: ArrayBuffer[] };
export type Handler = (payload: unknown) => HandlerResult | Promise<HandlerResult>;

const port = parentPort;
if (port === null) throw new Error('src/edges/pool/worker.ts runs as a worker thread; start it through AnalysisPool');
const config = (workerData ?? {}) as WorkerConfig;

// A broken lexicon throws here, before `ready`: the pool reports it instead of restarting the worker in a loop.
const lexicons = loadLexicons(config.lexiconDir);
const sourceTables = loadSourceTables();

const handlers: Record<string, Handler> = {
  analyze: (payload) => ({ value: JSON.stringify(analyze(payload as AnalyzeInput, { lexicons, sourceTables })) }),
  // The output line travels as bytes handed over without a copy: the main thread writes it as it is.
  batch: (payload) => {
    const result = processBatchTask(payload as BatchTask, { lexicons, sourceTables });
    return { value: result, transfer: result.jsonl === null ? [] : [result.jsonl.buffer as ArrayBuffer] };
  },
};

port.on('message', (message: WorkerTask) => {
  void run(message);
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
