/**
 * What the HTTP service's pool workers do: `analyze` takes anything `analyze()` accepts and answers with the
 * report's JSON as UTF-8 bytes, encoded once here and handed to the main thread without a copy, which sends
 * them as they are. Lexicons and outlet tables load once per worker.
 */
import { analyze } from '../../analyze.ts';
import { loadLexicons } from '../../core/data/index.ts';
import { loadSourceTables } from '../../core/outlets/index.ts';
import type { AnalyzeInput } from '../../core/report/schema.ts';
import { taskModuleUrl, type AnalysisPool, type CreateTaskHandlers } from '../pool/index.ts';

/** This module as the pool's workers import it: the source file under tsx, `dist/server-tasks.js` beside a bundle. */
export const SERVER_TASKS = taskModuleUrl(import.meta.url, 'server-tasks.js');

/** The handlers a worker runs; loads the lexicons (a broken one throws here, before the worker is ready). */
export const createTaskHandlers: CreateTaskHandlers = (config) => {
  const lexicons = loadLexicons(config.lexiconDir);
  const sourceTables = loadSourceTables();
  // One short analysis before the worker says it is ready: what loads on first use (the baseline, caches)
  // and the first compilation are paid here, not by the first request's time budget after a restart.
  analyze({ text: 'The council said on Tuesday that it had "no plans" to meet, according to officials.' }, { lexicons, sourceTables });
  return {
    analyze: (payload) => {
      // TextEncoder gives the bytes a buffer of their own (Buffer.from may share a pooled one), so it can be transferred.
      const bytes = encoder.encode(JSON.stringify(analyze(payload as AnalyzeInput, { lexicons, sourceTables })));
      return { value: bytes, transfer: [bytes.buffer as ArrayBuffer] };
    },
  };
};

const encoder = new TextEncoder();

/** The report for `input` as JSON in UTF-8 bytes, run on `pool`; rejects as `AnalysisPool.run` does. */
export function analyzeJsonOn(pool: AnalysisPool, input: unknown, options: { timeoutMs?: number } = {}): Promise<Uint8Array> {
  return pool.run('analyze', input, options) as Promise<Uint8Array>;
}
