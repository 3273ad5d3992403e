/**
 * What the HTTP service's pool workers do: `analyze` takes anything `analyze()` accepts and answers with the
 * report as JSON, which the app sends as it is. Lexicons and outlet tables load once per worker.
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
    analyze: (payload) => ({ value: JSON.stringify(analyze(payload as AnalyzeInput, { lexicons, sourceTables })) }),
  };
};

/** The report for `input` as JSON, run on `pool`; rejects as `AnalysisPool.run` does. */
export function analyzeJsonOn(pool: AnalysisPool, input: unknown, options: { timeoutMs?: number } = {}): Promise<string> {
  return pool.run('analyze', input, options) as Promise<string>;
}
