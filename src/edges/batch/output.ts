/**
 * Batch output files: appended line by line (each line reaches the file in one piece, so a killed run
 * leaves at most one partial last line), never overwritten by accident, and read back by a resumed run:
 * the partial line is cut, and the ids already written are skipped. With both JSON lines and CSV, the JSON
 * lines are the record of truth: CSV rows missing after a kill are rendered again from them.
 */
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open, stat, truncate } from 'node:fs/promises';
import type { Writable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import type { Report } from '../../core/report/schema.ts';
import { BatchInputError } from './input.ts';
import { csvErrorRow, csvHeader, csvReportRow, type BatchError } from './lines.ts';

export type OutputFiles = {
  /** the JSON lines file, when written */
  jsonl: string | null;
  /** the CSV file, when written */
  csv: string | null;
  /** the CSV has a `group` column */
  withGroup: boolean;
};

/** What a resumed run found: how often each id was written, and how many lines. */
export type ResumeState = { done: Map<string, number>; records: number; trimmedBytes: number; csvRowsAdded: number };

/** Where results go; `write` takes whole lines, `blocked` says to wait for `drained` before sending more. */
export type Sink = {
  write(jsonl: Uint8Array | string | null, csv: string | null): void;
  readonly blocked: boolean;
  drained(): Promise<void>;
  close(): Promise<void>;
};

// Big enough that writes go out in large pieces; a kill loses at most this much, which resume redoes.
const WRITE_BUFFER = 4 << 20;

/** Refuses to overwrite results unless forced; on resume, reads back what is done and cuts a partial last line. */
export async function prepareOutputs(files: OutputFiles, mode: { resume: boolean; force: boolean }): Promise<ResumeState | null> {
  const targets = [files.jsonl, files.csv].filter((file): file is string => file !== null);
  const sizes = await Promise.all(targets.map((file) => stat(file).then((info) => info.size, () => 0)));
  if (!mode.resume) {
    const taken = targets.findIndex((_, index) => (sizes[index] as number) > 0);
    if (taken >= 0 && !mode.force) {
      throw new BatchInputError(`${targets[taken]} already holds results (${sizes[taken]} bytes): add --resume to continue that run, or --force to overwrite it`);
    }
    await Promise.all(targets.map((file) => truncate(file, 0).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)))));
    return null;
  }
  const state: ResumeState = { done: new Map(), records: 0, trimmedBytes: 0, csvRowsAdded: 0 };
  if (files.jsonl !== null) {
    const ids: string[] = [];
    const scan = await scanLines(files.jsonl, (line, number) => ids.push(jsonlId(line, files.jsonl as string, number)));
    state.trimmedBytes += await cut(files.jsonl, scan);
    if (files.csv !== null) state.csvRowsAdded = await alignCsv(files.csv, files.jsonl, ids.length, files.withGroup, state);
    for (const id of ids) state.done.set(id, (state.done.get(id) ?? 0) + 1);
    state.records = ids.length;
  } else if (files.csv !== null) {
    const header = csvHeader(files.withGroup);
    let rows = 0;
    const scan = await scanLines(files.csv, (line, number) => {
      if (number === 1) return checkHeader(line, header, files.csv as string);
      const id = csvFirstCell(line.toString('utf8'));
      state.done.set(id, (state.done.get(id) ?? 0) + 1);
      rows++;
    });
    state.trimmedBytes += await cut(files.csv, scan);
    state.records = rows;
  }
  return state;
}

/** Opens the outputs for appending (a CSV gets its header when empty), or writes to `stdout` when no file is named. */
export async function openSink(files: OutputFiles, stdout: Writable): Promise<Sink> {
  const streams: { jsonl: Writable | null; csv: Writable | null } = { jsonl: null, csv: null };
  const opened: WriteStream[] = [];
  const openFile = async (file: string): Promise<WriteStream> => {
    const stream = createWriteStream(file, { flags: 'a', highWaterMark: WRITE_BUFFER });
    await new Promise<void>((resolve, reject) => {
      stream.once('open', () => resolve());
      stream.once('error', (error) => reject(new BatchInputError(`cannot write ${file}: ${error.message}`)));
    });
    opened.push(stream);
    return stream;
  };
  if (files.jsonl === null && files.csv === null) throw new Error('openSink: no output named');
  if (files.jsonl !== null) streams.jsonl = files.jsonl === '-' ? stdout : await openFile(files.jsonl);
  if (files.csv !== null) {
    const empty = files.csv === '-' || (await stat(files.csv).then((info) => info.size === 0, () => true));
    streams.csv = files.csv === '-' ? stdout : await openFile(files.csv);
    if (empty) streams.csv.write(csvHeader(files.withGroup));
  }
  let failure: Error | null = null;
  for (const stream of [streams.jsonl, streams.csv]) stream?.on('error', (error: Error) => (failure ??= error));
  const check = (): void => {
    if (failure !== null) throw new BatchInputError(`cannot write the output: ${failure.message}`);
  };
  return {
    write(jsonl, csv) {
      check();
      if (jsonl !== null) streams.jsonl?.write(jsonl);
      if (csv !== null) streams.csv?.write(csv);
    },
    get blocked() {
      return (streams.jsonl?.writableNeedDrain ?? false) || (streams.csv?.writableNeedDrain ?? false);
    },
    async drained() {
      await Promise.all(
        [streams.jsonl, streams.csv].map((stream) =>
          stream === null || !stream.writableNeedDrain ? undefined : new Promise<void>((resolve) => {
            const done = () => {
              stream.off('drain', done);
              stream.off('error', done);
              stream.off('close', done);
              resolve();
            };
            stream.on('drain', done);
            stream.on('error', done);
            stream.on('close', done);
          }),
        ),
      );
      check();
    },
    async close() {
      await Promise.all(opened.map((stream) => new Promise<void>((resolve) => stream.end(() => resolve()))));
      check();
    },
  };
}

type Scan = { lines: number; completeBytes: number; size: number };

/** Calls `onLine` with each complete line (without its newline) and 1-based number; a missing file is empty. */
async function scanLines(file: string, onLine: (line: Buffer, number: number) => void): Promise<Scan> {
  let size = 0;
  let completeBytes = 0;
  let lines = 0;
  let pieces: Buffer[] = [];
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 })) {
      const buffer = chunk as Buffer;
      let from = 0;
      for (let newline = buffer.indexOf(10, from); newline >= 0; newline = buffer.indexOf(10, from)) {
        const tail = buffer.subarray(from, newline);
        const line = pieces.length === 0 ? tail : Buffer.concat([...pieces, tail]);
        pieces = [];
        lines++;
        completeBytes = size + newline + 1;
        onLine(line, lines);
        from = newline + 1;
      }
      if (from < buffer.length) pieces.push(buffer.subarray(from));
      size += buffer.length;
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { lines: 0, completeBytes: 0, size: 0 };
    if (error instanceof BatchInputError) throw error;
    throw new BatchInputError(`cannot read ${file} to resume: ${(error as Error).message}`);
  }
  return { lines, completeBytes, size };
}

/** Cuts the partial last line (a run killed mid-write); returns the bytes removed. */
async function cut(file: string, scan: Scan): Promise<number> {
  if (scan.completeBytes === scan.size) return 0;
  await truncate(file, scan.completeBytes);
  return scan.size - scan.completeBytes;
}

/**
 * The id of a line this command wrote, after checking the whole line: a line damaged in the middle of a
 * finished file (a disk fault, a hand edit) must stop the run, naming the line, not be counted as done.
 */
function jsonlId(line: Buffer, file: string, number: number): string {
  let record: unknown;
  try {
    record = JSON.parse(line.toString('utf8'));
  } catch (error) {
    throw new BatchInputError(`${file}:${number} is damaged: not a JSON line (${(error as Error).message}); mend or delete that line, or use --force to start over`);
  }
  const fields = typeof record === 'object' && record !== null && !Array.isArray(record) ? (record as Record<string, unknown>) : null;
  const id = fields?.id;
  if (fields === null || (typeof id !== 'string' && typeof id !== 'number')) throw new BatchInputError(`${file}:${number} has no "id" (was the file written by slant batch?); use --force to start over`);
  // A report or an error line, as this command writes them.
  if (!('schemaVersion' in fields && 'summary' in fields) && !('error' in fields)) {
    throw new BatchInputError(`${file}:${number} is neither a report nor an error line (was the file written by slant batch?); use --force to start over`);
  }
  return String(id);
}

function checkHeader(line: Buffer, expected: string, file: string): void {
  const found = line.toString('utf8').replace(/\r$/, '');
  if (`${found}\n` !== expected) {
    throw new BatchInputError(`${file} has other columns than this run writes (found ${found.slice(0, 80)}); use --force to start over, or the options of the first run`);
  }
}

/** The first cell of a CSV row this command wrote (rows are single lines), read by csv-parse. */
function csvFirstCell(row: string): string {
  const [cells] = parse(row, { relax_column_count: true, relax_quotes: true, to_line: 1 }) as string[][];
  return cells?.[0] ?? '';
}

/**
 * Makes the CSV hold one row per JSON line: cut a partial row and rows beyond the JSON lines, and render
 * the rows the CSV is missing from the JSON lines. Returns the rows added.
 */
async function alignCsv(csvFile: string, jsonlFile: string, records: number, withGroup: boolean, state: ResumeState): Promise<number> {
  const header = csvHeader(withGroup);
  let keepBytes = 0;
  const scan = await scanLines(csvFile, (line, number) => {
    if (number === 1) checkHeader(line, header, csvFile);
    if (number <= records + 1) keepBytes += line.length + 1;
  });
  const rows = Math.max(0, scan.lines - 1);
  if (scan.completeBytes !== scan.size || rows > records) {
    state.trimmedBytes += scan.size - keepBytes;
    await truncate(csvFile, keepBytes);
  }
  if (rows >= records) return 0;
  const missing: string[] = [];
  if (scan.lines === 0) missing.push(header);
  await scanLines(jsonlFile, (line, number) => {
    if (number > rows) missing.push(csvRowOf(line, withGroup));
  });
  const handle = await open(csvFile, 'a');
  try {
    await handle.writeFile(missing.join(''));
  } finally {
    await handle.close();
  }
  return records - rows;
}

/** The CSV row for a JSON line (a report or an error line). */
function csvRowOf(line: Buffer, withGroup: boolean): string {
  const record = JSON.parse(line.toString('utf8')) as Report & { id: string; group?: string | null; input?: string; line?: number; error?: BatchError };
  if (record.error !== undefined) return csvErrorRow(record, record.error, withGroup);
  return csvReportRow(record, record.id, withGroup ? (record.group ?? null) : undefined);
}
