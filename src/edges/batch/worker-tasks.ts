/**
 * What `slant batch`'s pool workers do: `batch` takes one input record (as bytes, handed over without a copy)
 * and answers with its output line as bytes, its CSV row and its figures (see `processBatchTask`).
 */
import { loadLexicons } from '../../core/data/index.ts';
import { loadSourceTables } from '../../core/outlets/index.ts';
import { taskModuleUrl, type CreateTaskHandlers } from '../pool/index.ts';
import { processBatchTask, type BatchTask } from './record.ts';

/** This module as the pool's workers import it: the source file under tsx, `dist/batch-tasks.js` beside a bundle. */
export const BATCH_TASKS = taskModuleUrl(import.meta.url, 'batch-tasks.js');

/** The handlers a worker runs; loads the lexicons (a broken one throws here, before the worker is ready). */
export const createTaskHandlers: CreateTaskHandlers = (config) => {
  const lexicons = loadLexicons(config.lexiconDir);
  const sourceTables = loadSourceTables();
  return {
    // The output line travels as bytes handed over without a copy: the main thread writes it as it is.
    batch: (payload) => {
      const result = processBatchTask(payload as BatchTask, { lexicons, sourceTables });
      return { value: result, transfer: result.jsonl === null ? [] : [result.jsonl.buffer as ArrayBuffer] };
    },
  };
};
