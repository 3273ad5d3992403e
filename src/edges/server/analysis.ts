/**
 * How the app runs an analysis: through anything shaped like the worker pool (`analyzeJson` resolves to the
 * report as a JSON string, which the app sends as it is), or in-process for tests and small setups.
 */
import { analyze } from '../../analyze.ts';
import type { AnalyzeInput } from '../../core/report/schema.ts';
import { loadLexicons, type Lexicons } from '../../core/data/index.ts';
import { AnalysisTimeoutError, PoolOverloadedError } from '../pool/index.ts';

/** A report as JSON: text, or its UTF-8 bytes as a pool worker sends them. */
export type ReportJson = string | Uint8Array;

/** A report's JSON as text (decoding the bytes a worker sent). */
export function reportJsonText(json: ReportJson): string {
  return typeof json === 'string' ? json : decoder.decode(json);
}
const decoder = new TextDecoder();

// A report over a megabyte goes out in pieces of this size, so the response starts before it is all copied
// into the socket and no one write holds the event loop.
const PIECE_BYTES = 64 * 1024;

/** A report's JSON as a response body: as it is up to 1 MB, then as a stream of 64 KB pieces. */
export function reportBody(json: ReportJson): string | Uint8Array<ArrayBuffer> | ReadableStream<Uint8Array> {
  if (typeof json === 'string') return json;
  // Transferred from a worker, the bytes own a plain ArrayBuffer.
  if (json.byteLength <= 1024 * 1024) return json as Uint8Array<ArrayBuffer>;
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(json.subarray(offset, offset + PIECE_BYTES));
      offset += PIECE_BYTES;
      if (offset >= json.byteLength) controller.close();
    },
  });
}

/** What the app needs from an analysis runner: the worker pool (see `startServer`) or the in-process one below. */
export type Analyzer = {
  /** the report for `input` as JSON (text, or UTF-8 bytes from a worker); rejects with PoolOverloadedError or AnalysisTimeoutError */
  analyzeJson(input: AnalyzeInput, options?: { timeoutMs?: number }): Promise<ReportJson>;
  /** analyses waiting for their turn */
  readonly pending: number;
  /** true when a new analysis would be refused (the queue is full): the app then sheds a request before reading its body */
  readonly busy?: boolean;
  close(): Promise<void> | void;
};

/**
 * Runs `analyze()` on the main thread, one at a time, with at most `maxQueue` waiting; the same errors as the
 * pool. An analysis cannot be interrupted here, so the time budget is only checked when it ends (the pool
 * stops the work for real): use the pool in production, this in tests where a worker is not the point.
 */
export function createInProcessAnalyzer(options: { maxQueue?: number; lexicons?: Lexicons } = {}): Analyzer {
  const maxQueue = options.maxQueue ?? 64;
  let lexicons = options.lexicons;
  let pending = 0;
  let tail: Promise<unknown> = Promise.resolve();
  return {
    get pending() {
      return pending;
    },
    get busy() {
      return pending > maxQueue;
    },
    analyzeJson(input, { timeoutMs } = {}) {
      if (pending > maxQueue) return Promise.reject(new PoolOverloadedError(`too many analyses waiting (at most ${maxQueue})`));
      pending++;
      const run = tail.then(
        () =>
          new Promise<string>((resolve, reject) => {
            // A macrotask per analysis, so that other requests (and /healthz) get a turn between them.
            setImmediate(async () => {
              try {
                const started = performance.now();
                lexicons ??= loadLexicons();
                const json = JSON.stringify(await analyze(input, { lexicons }));
                if (timeoutMs !== undefined && performance.now() - started > timeoutMs) reject(new AnalysisTimeoutError(`the analysis took longer than ${timeoutMs} ms`));
                else resolve(json);
              } catch (error) {
                reject(error);
              }
            });
          }),
      );
      tail = run.catch(() => undefined);
      return run.finally(() => pending--);
    },
    close() {},
  };
}
