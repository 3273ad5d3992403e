/**
 * What a queue worker's pool threads do: everything `slant batch`'s do (`batch`), and `versions`, the versions
 * of the lexicons, outlet tables and baseline those threads loaded, which a job's must equal.
 */
import { loadLexicons } from '../../core/data/index.ts';
import { loadSourceTables } from '../../core/outlets/index.ts';
import { loadBaseline } from '../../core/report/percentiles.ts';
import { createTaskHandlers as createBatchHandlers } from '../batch/worker-tasks.ts';
import { taskModuleUrl, type CreateTaskHandlers } from '../pool/index.ts';
import { analysisVersions } from './versions.ts';

/** This module as the pool's workers import it: the source file under tsx, `dist/queue-tasks.js` beside a bundle. */
export const QUEUE_TASKS = taskModuleUrl(import.meta.url, 'queue-tasks.js');

/** The batch handlers plus `versions` (loaded once: loadLexicons keeps what the batch handlers loaded). */
export const createTaskHandlers: CreateTaskHandlers = (config) => {
  const handlers = createBatchHandlers(config);
  const versions = analysisVersions(loadLexicons(config.lexiconDir), loadSourceTables(), loadBaseline());
  return { ...handlers, versions: () => ({ value: versions }) };
};
