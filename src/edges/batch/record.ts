/**
 * One batch record, run in a pool worker from start to end: decode and check the record, analyze it, and
 * render its output line(s) as bytes and strings; the main thread only writes them. Never throws: every
 * failure becomes an error line for that record.
 */
import { readFileSync } from 'node:fs';
import { analyze, checkArticle, type AnalyzeOptions } from '../../analyze.ts';
import { describeIssues } from '../../core/report/describe-issues.ts';
import { loadBaseline } from '../../core/report/percentiles.ts';
import { jsonRecordSchema, type ArticleRecord, type HtmlInput, type Report, type TextInput } from '../../core/report/schema.ts';
import { figuresOf, groupOf } from './figures.ts';
import { errorLine } from '../../core/report/error-line.ts';
import { csvErrorRow, csvReportRow, reportLine, type BatchError, type RecordPlace } from './lines.ts';

export type OutputFormat = 'jsonl' | 'csv' | 'both';

/** Settings shared by every record of a run. */
export type BatchSettings = {
  format: OutputFormat;
  /** the JSONL field kept as `group` (CSV inputs map their column before sending); absent: no `group` */
  groupField?: string;
  /** `outlet`, or a dotted path into the output line, for statistics */
  groupBy: string;
  /** compute `summary.percentiles` against this baseline file */
  baselineFile?: string;
  /** the largest record, in UTF-8 bytes, analysed */
  maxBytes: number;
};

/** A record already split into fields (CSV rows): the article record's string fields, and the group column. */
export type RecordFields = Omit<ArticleRecord, 'id' | 'sides'> & { id?: string; group?: string };

export type BatchTask = {
  /** `id` is the default id (the line number, the file's path), replaced by the record's own */
  place: RecordPlace;
  source:
    | { kind: 'jsonl'; bytes: Uint8Array }
    | { kind: 'fields'; fields: RecordFields }
    | { kind: 'file'; path: string; html: boolean; /** the file's bytes, read elsewhere (a queue worker has no access to the path) */ bytes?: Uint8Array };
  settings: BatchSettings;
};

export type BatchResult = {
  id: string;
  error: BatchError | null;
  /** the JSONL line, UTF-8, newline included (formats jsonl and both) */
  jsonl: Uint8Array | null;
  /** the CSV row, newline included (formats csv and both) */
  csv: string | null;
  /** SUMMARY_METRICS figures, NaN where missing; null for an error */
  figures: Float64Array | null;
  group: string | null;
};

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

/** Runs one record; `options` carries the worker's loaded lexicons and outlet tables. */
export function processBatchTask(task: BatchTask, options: AnalyzeOptions): BatchResult {
  const { place, settings } = task;
  let input: Record<string, unknown>;
  let group: string | null | undefined;
  let id = place.id;
  try {
    const record = readRecord(task);
    if ('error' in record) return failure({ ...place, id: record.id ?? id }, record.error, settings);
    input = record.input;
    if (typeof input.id === 'string') id = input.id;
    input.id = id;
    group = settings.groupField === undefined ? undefined : record.group;
  } catch (error) {
    return failure(place, { code: 'unreadable', message: (error as Error).message }, settings);
  }
  // Empty input or a binary file becomes an error line, as a malformed record does.
  const problem = isArticleInput(input) ? checkArticle(input) : null;
  if (problem !== null) return failure({ ...place, id }, problem, settings);
  let report: Report;
  try {
    // summary.percentiles against the run's baseline instead of the bundled one.
    report = analyze(input as TextInput | HtmlInput, settings.baselineFile === undefined ? options : { ...options, baseline: loadBaseline(settings.baselineFile) });
  } catch (error) {
    const issues = (error as { issues?: unknown }).issues;
    if ((error as Error).name === 'InputError') return failure({ ...place, id }, { code: 'invalid-record', message: Array.isArray(issues) && issues.length > 0 ? describeIssues(issues) : (error as Error).message }, settings);
    if ((error as Error).name === 'ZodError' && Array.isArray(issues)) return failure({ ...place, id }, { code: 'invalid-record', message: describeIssues(issues) }, settings);
    return failure({ ...place, id }, { code: 'analysis-failed', message: (error as Error).message ?? String(error) }, settings);
  }
  const jsonl = settings.format === 'csv' ? null : encoder.encode(reportLine(report, id, group));
  const csv = settings.format === 'jsonl' ? null : csvReportRow(report, id, group);
  const groupKey = settings.groupBy === 'group' && group !== undefined ? group : groupOf({ ...report, id, group }, settings.groupBy);
  return { id, error: null, jsonl, csv, figures: figuresOf(report.summary), group: groupKey };
}

type ReadRecord = { input: Record<string, unknown>; group: string | null } | { error: BatchError; id?: string };

function readRecord(task: BatchTask): ReadRecord {
  const { source, settings } = task;
  if (source.kind === 'file') {
    const bytes = source.bytes === undefined ? readFileSync(source.path) : Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength);
    if (bytes.length > settings.maxBytes) return { error: tooLarge(bytes.length, settings.maxBytes) };
    // A page's bytes go as they are, so that its <meta charset> decides the decoding.
    return { input: source.html ? { html: bytes } : { text: stripBom(bytes.toString('utf8')) }, group: null };
  }
  if (source.kind === 'fields') {
    const { group, ...fields } = source.fields;
    if (fields.text === undefined && fields.html === undefined) return { error: { code: 'invalid-record', message: 'no text: the text column is missing from this row' }, ...(fields.id === undefined ? {} : { id: fields.id }) };
    return { input: fields, group: group ?? null };
  }
  let json: unknown;
  const line = stripBom(decoder.decode(source.bytes));
  try {
    json = JSON.parse(line);
  } catch (error) {
    return { error: { code: 'invalid-json', message: `invalid JSON: ${(error as Error).message}` } };
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    return { error: { code: 'invalid-record', message: `expected a JSON object with "text" or "html", got ${json === null ? 'null' : Array.isArray(json) ? 'an array' : typeof json}` } };
  }
  const object = json as Record<string, unknown>;
  const ownId = typeof object.id === 'string' ? object.id : typeof object.id === 'number' ? String(object.id) : undefined;
  const parsed = jsonRecordSchema.safeParse(json);
  if (!parsed.success) return { error: { code: 'invalid-record', message: describeIssues(parsed.error.issues) }, ...(ownId === undefined ? {} : { id: ownId }) };
  const { id: _id, ...rest } = parsed.data;
  const input: Record<string, unknown> = { ...rest };
  if (ownId !== undefined) input.id = ownId;
  const groupValue = settings.groupField === undefined ? undefined : object[settings.groupField];
  const group = typeof groupValue === 'string' ? groupValue : typeof groupValue === 'number' || typeof groupValue === 'boolean' ? String(groupValue) : null;
  return { input, group };
}

/** The result of a record that failed: its error line (and CSV row) rendered as the run's format wants. */
export function failure(place: RecordPlace, error: BatchError, settings: BatchSettings): BatchResult {
  const withGroup = settings.groupField !== undefined;
  return {
    id: place.id,
    error,
    jsonl: settings.format === 'csv' ? null : encoder.encode(`${errorLine(place, error)}\n`),
    csv: settings.format === 'jsonl' ? null : csvErrorRow(place, error, withGroup),
    figures: null,
    group: null,
  };
}

/** The error for a record over the size limit. */
export function tooLarge(bytes: number, maxBytes: number): BatchError {
  return { code: 'too-large', message: `the record is ${bytes} bytes, over the limit of ${maxBytes} (--max-bytes)` };
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

// A record whose text or page has the right type; anything else is left to analyze() to refuse with zod's issues.
function isArticleInput(input: Record<string, unknown>): input is TextInput | HtmlInput {
  return typeof input.text === 'string' || typeof input.html === 'string' || input.html instanceof Uint8Array;
}
