/**
 * The error line of every JSON-lines output (`slant analyze --jsonl`, `slant batch`, `POST /v1/analyze/batch`):
 * a record that gets no report gets this line in its place, in one shape wherever it is written.
 */
import { z } from 'zod';
import { lazySchema } from '../data/lazy-schema.ts';

export const lineErrorSchema = lazySchema(() => z.object({
  /** what went wrong, as a program tests it: `invalid-json`, `invalid-record`, `too-large`, `timeout`... */
  code: z.string(),
  /** the same for people, on one line */
  message: z.string(),
  /** the HTTP service's extra data: zod's issues for an invalid record, the reason and URL for a failed fetch */
  details: z.unknown().optional(),
}));
export type LineError = z.infer<typeof lineErrorSchema>;

export const errorLineSchema = lazySchema(() => z.object({
  /** the record's own id, or (slant batch) its default id: the line number, or the file's path */
  id: z.union([z.string(), z.number()]).optional(),
  /** the input file, named only when a run reads several (slant batch) */
  input: z.string().optional(),
  /** 1-based line of the input where the record starts; absent for a record read from its own file */
  line: z.number().int().positive().optional(),
  error: lineErrorSchema,
}));
export type ErrorLine = z.infer<typeof errorLineSchema>;

/**
 * The error line as JSON, without a newline. `id` comes first, so that a resumed batch finds it by reading
 * the start of the line (as it does for reports); the message is kept on one line.
 */
export function errorLine(place: Omit<ErrorLine, 'error'>, error: LineError): string {
  const { id, input, line } = place;
  const { code, message, details } = error;
  // JSON.stringify leaves out the fields that are undefined.
  return JSON.stringify({ id, input, line, error: { code, message: oneLine(message), details } });
}

/** Line breaks (CR, LF, U+2028, U+2029) as one space: a message inside a one-line record. */
export function oneLine(text: string): string {
  return text.replace(/[\r\n\u2028\u2029]+/g, ' ');
}
