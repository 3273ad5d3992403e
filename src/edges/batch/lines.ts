/**
 * Output lines of a batch, as strings: a report line (the report with its `id` first, so a resumed run
 * finds it without parsing the rest) and a CSV row of summary figures (error lines: core/report/error-line.ts).
 * Every line ends with a newline and holds no other, so a file of them can be cut and counted line by line.
 */
import { stringify } from 'csv-stringify/sync';
import type { Report } from '../../core/report/schema.ts';
import { oneLine, type ErrorLine, type LineError } from '../../core/report/error-line.ts';

/** Why a record has no report. */
export type BatchErrorCode = 'invalid-json' | 'invalid-record' | 'empty' | 'not-text' | 'too-large' | 'unreadable' | 'invalid-csv' | 'analysis-failed' | 'timeout' | 'worker-failed';

/** Where a record came from, as error lines name it: `id` is the record's id, or the default id (line number, file path) when it has none or cannot be read. */
export type RecordPlace = Omit<ErrorLine, 'error' | 'id'> & { id: string };

export type BatchError = LineError & { code: BatchErrorCode };

/** The report with `id` (and `group`, when the run keeps one) as its first keys, and a newline. */
export function reportLine(report: Report, id: string, group: string | null | undefined): string {
  const head: Record<string, unknown> = { id };
  if (group !== undefined) head.group = group;
  return `${JSON.stringify({ ...head, ...report })}\n`;
}

/** CSV columns, in order; `group` follows `id` when the run keeps a group. */
export const CSV_COLUMNS = [
  'id',
  'words',
  'sentiment_comparative',
  'subjectivity_score',
  'loaded_score',
  'loaded_density',
  'attribution_balance',
  'attribution_count_balance',
  'attributions',
  'outlet_name',
  'outlet_label',
  'outlet_score',
  'error',
] as const;

/** The CSV header line. */
export function csvHeader(withGroup: boolean): string {
  const columns: string[] = [...CSV_COLUMNS];
  if (withGroup) columns.splice(1, 0, 'group');
  return `${columns.join(',')}\n`;
}

/** One CSV row of a report's summary figures (empty cells where a figure is null). */
export function csvReportRow(report: Report, id: string, group: string | null | undefined): string {
  const s = report.summary;
  const card = s.source?.card;
  const cells: unknown[] = [
    id,
    s.words,
    s.sentiment.comparative,
    s.subjectivity.score,
    s.loadedLanguage.score,
    s.loadedLanguage.density,
    s.attribution.balance,
    s.attribution.countBalance,
    s.attribution.attributions,
    card?.name ?? card?.domain ?? null,
    card?.reliability.label ?? null,
    card?.reliability.score ?? null,
    null,
  ];
  if (group !== undefined) cells.splice(1, 0, group);
  return csvRow(cells);
}

/** A CSV row for a record that has no report: its id and the error as `code: message`. */
export function csvErrorRow(place: RecordPlace, error: BatchError, withGroup: boolean): string {
  const cells: unknown[] = [place.id];
  for (let index = 1; index < CSV_COLUMNS.length - 1; index++) cells.push(null);
  cells.push(`${error.code}: ${error.message}`);
  if (withGroup) cells.splice(1, 0, null);
  return csvRow(cells);
}

/**
 * One CSV row of `cells`, RFC 4180 quoted by csv-stringify, ending in a newline. Line breaks in a cell
 * become spaces so that every row stays one line (a resumed run counts rows by lines), and a cell with
 * white space at either end is quoted so that spreadsheets keep it.
 */
export function csvRow(cells: readonly unknown[]): string {
  return stringify([cells.map((value) => (value === null || value === undefined ? '' : oneLine(String(value))))], { quoted_match: EDGE_SPACE, record_delimiter: 'unix' });
}

const EDGE_SPACE = /^\s|\s$/;
