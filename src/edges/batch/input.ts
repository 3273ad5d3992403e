/**
 * Batch inputs, read in the main thread as a stream of work items: JSON lines (a file or standard input),
 * CSV with a header row, folders of .txt and .html files, single article files. The main thread only cuts
 * records apart (JSON lines stay bytes, parsed in the worker) and catches what needs no analysis: a record
 * over the size limit, a broken CSV row.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { parse as parseCsv } from 'csv-parse';
import { tooLarge, type BatchSettings, type BatchTask, type RecordFields } from './record.ts';
import type { BatchError, RecordPlace } from './lines.ts';

export type InputKind = 'jsonl' | 'csv' | 'folder' | 'file';

export type InputSource = {
  /** as given on the command line (`-` for standard input) */
  name: string;
  kind: InputKind;
  /** for folders: the articles inside, in sorted order */
  files?: FolderFile[];
  /** bytes to read, when known (not for standard input) */
  size: number | null;
};

export type FolderFile = { path: string; id: string; size: number; html: boolean };

/** CSV column names for each record field (`group` only when asked for). */
export type CsvColumns = { text: string; html: string; id: string; title: string; url: string; outlet: string; group?: string };

export const DEFAULT_COLUMNS: CsvColumns = { text: 'text', html: 'html', id: 'id', title: 'title', url: 'url', outlet: 'outlet' };

/** A unit of work: a task for the pool, or an error found before any analysis. `bytes`: input consumed, for progress. */
export type BatchItem =
  | { kind: 'task'; task: BatchTask; transfer: ArrayBuffer[]; bytes: number }
  | { kind: 'error'; place: RecordPlace; error: BatchError; bytes: number };

/** A problem with the inputs as a whole (a missing file, a CSV without a text column): the run stops. */
export class BatchInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BatchInputError';
  }
}

const ARTICLE_EXTENSIONS = new Map([
  ['.txt', false],
  ['.text', false],
  ['.html', true],
  ['.htm', true],
  ['.xhtml', true],
]);

/** Finds what each input is (by its type and extension, or `forced`) and lists the articles of folders. */
export async function resolveInputs(names: readonly string[], forced?: 'jsonl' | 'csv'): Promise<InputSource[]> {
  if (names.filter((name) => name === '-').length > 1) throw new BatchInputError('standard input (-) can be read only once');
  const sources: InputSource[] = [];
  for (const name of names) {
    if (name === '-') {
      if (forced === 'csv') throw new BatchInputError('standard input is read as JSON lines; save CSV to a file first');
      sources.push({ name, kind: 'jsonl', size: null });
      continue;
    }
    let info;
    try {
      info = await stat(name);
    } catch (error) {
      throw new BatchInputError(`cannot read ${name}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file or folder' : (error as Error).message}`);
    }
    if (info.isDirectory()) {
      const files = await listArticles(name);
      sources.push({ name, kind: 'folder', files, size: files.reduce((sum, file) => sum + file.size, 0) });
      continue;
    }
    const extension = extname(name).toLowerCase();
    const kind: InputKind | undefined =
      forced ?? (extension === '.csv' || extension === '.tsv' ? 'csv' : extension === '.jsonl' || extension === '.ndjson' || extension === '.json' ? 'jsonl' : ARTICLE_EXTENSIONS.has(extension) ? 'file' : undefined);
    if (kind === undefined) throw new BatchInputError(`cannot tell how to read ${name}: name it .jsonl, .csv, .txt or .html, or give --input-format jsonl|csv`);
    sources.push({ name, kind, size: info.size });
  }
  return sources;
}

/** The .txt and .html files under `folder`, recursively, sorted by relative path (code-unit order); hidden entries skipped. */
async function listArticles(folder: string): Promise<FolderFile[]> {
  const found: FolderFile[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      // Symbolic links to folders are not followed, so a loop cannot trap the walk.
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        const html = ARTICLE_EXTENSIONS.get(extname(entry.name).toLowerCase());
        if (html === undefined) continue;
        const info = await stat(path).catch(() => null);
        if (info === null || !info.isFile()) continue;
        found.push({ path, id: relative(folder, path).split(sep).join('/'), size: info.size, html });
      }
    }
  };
  await walk(folder);
  return found.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export type ReadOptions = {
  settings: BatchSettings;
  columns: CsvColumns;
  stdin: Readable;
  /** several inputs: default ids and error lines name the input */
  nameInputs: boolean;
};

/** Every record of every input, in order. */
export async function* readInputs(sources: readonly InputSource[], options: ReadOptions): AsyncGenerator<BatchItem> {
  for (const source of sources) {
    if (source.kind === 'jsonl') yield* readJsonl(source, options);
    else if (source.kind === 'csv') yield* readCsv(source, options);
    else yield* readFiles(source, options);
  }
}

function defaultId(source: InputSource, line: number, options: ReadOptions): string {
  return options.nameInputs ? `${source.name}:${line}` : String(line);
}

function placeOf(source: InputSource, id: string, line: number | undefined, options: ReadOptions): RecordPlace {
  const place: RecordPlace = { id };
  if (options.nameInputs) place.input = source.name;
  if (line !== undefined) place.line = line;
  return place;
}

async function* readFiles(source: InputSource, options: ReadOptions): AsyncGenerator<BatchItem> {
  const files = source.files ?? [{ path: source.name, id: source.name, size: source.size ?? 0, html: ARTICLE_EXTENSIONS.get(extname(source.name).toLowerCase()) === true }];
  const { settings } = options;
  for (const file of files) {
    // Within a folder the id is the path inside it; with several inputs, the folder's name leads.
    const id = source.kind === 'folder' && options.nameInputs ? `${source.name.replace(/\/+$/, '')}/${file.id}` : file.id;
    const place: RecordPlace = { id };
    if (file.size > settings.maxBytes) yield { kind: 'error', place, error: tooLarge(file.size, settings.maxBytes), bytes: file.size };
    else yield { kind: 'task', task: { place, source: { kind: 'file', path: file.path, html: file.html }, settings }, transfer: [], bytes: file.size };
  }
}

/** JSON lines cut as bytes: a line over the limit is skipped while streaming, never held whole in memory. */
async function* readJsonl(source: InputSource, options: ReadOptions): AsyncGenerator<BatchItem> {
  const { settings } = options;
  const stream = source.name === '-' ? options.stdin : createReadStream(source.name, { highWaterMark: 1 << 20 });
  let pieces: Uint8Array[] = [];
  let pending = 0;
  let oversize = false;
  let line = 0;
  const finish = (): BatchItem | null => {
    line++;
    const size = pending;
    const consumed = size + 1;
    if (oversize) {
      pieces = [];
      pending = 0;
      oversize = false;
      return { kind: 'error', place: placeOf(source, defaultId(source, line, options), line, options), error: tooLarge(size, settings.maxBytes), bytes: consumed };
    }
    let bytes = new Uint8Array(size);
    let offset = 0;
    for (const piece of pieces) {
      bytes.set(piece, offset);
      offset += piece.length;
    }
    pieces = [];
    pending = 0;
    let end = bytes.length;
    if (end > 0 && bytes[end - 1] === 13) end--;
    let start = 0;
    if (line === 1 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
    let blank = true;
    for (let index = start; index < end && blank; index++) blank = bytes[index] === 32 || bytes[index] === 9;
    if (blank) return null;
    if (start > 0 || end < bytes.length) bytes = bytes.slice(start, end);
    const place = placeOf(source, defaultId(source, line, options), line, options);
    return { kind: 'task', task: { place, source: { kind: 'jsonl', bytes }, settings }, transfer: [bytes.buffer as ArrayBuffer], bytes: consumed };
  };
  const take = (chunk: Uint8Array): void => {
    if (oversize) {
      pending += chunk.length;
      return;
    }
    pending += chunk.length;
    if (pending > settings.maxBytes) {
      oversize = true;
      pieces = [];
      return;
    }
    pieces.push(chunk);
  };
  try {
    for await (const chunk of stream) {
      const buffer: Buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      let from = 0;
      for (let newline = buffer.indexOf(10, from); newline >= 0; newline = buffer.indexOf(10, from)) {
        take(buffer.subarray(from, newline));
        from = newline + 1;
        const item = finish();
        if (item !== null) yield item;
      }
      if (from < buffer.length) take(buffer.subarray(from));
    }
  } catch (error) {
    throw new BatchInputError(`cannot read ${source.name === '-' ? 'standard input' : source.name}: ${(error as Error).message}`);
  }
  if (pending > 0 || oversize) {
    const item = finish();
    if (item !== null) yield { ...item, bytes: item.bytes - 1 };
  }
}

async function* readCsv(source: InputSource, options: ReadOptions): AsyncGenerator<BatchItem> {
  const { settings, columns } = options;
  const skipped: { line: number; message: string }[] = [];
  const parser = parseCsv({
    bom: true,
    info: true,
    raw: true,
    delimiter: extname(source.name).toLowerCase() === '.tsv' ? '\t' : ',',
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error, raw) => {
      if (error !== undefined) skipped.push({ line: startLine(Number((error as { lines?: unknown }).lines ?? 0), raw ?? ''), message: error.message });
      return undefined;
    },
  });
  const input = createReadStream(source.name, { highWaterMark: 1 << 20 });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let header: Map<keyof CsvColumns, number> | null = null;
  let consumed = 0;
  const skippedItems = function* (): Generator<BatchItem> {
    for (const { line, message } of skipped.splice(0)) {
      yield { kind: 'error', place: placeOf(source, defaultId(source, line, options), line, options), error: { code: 'invalid-csv', message }, bytes: 0 };
    }
  };
  try {
    for await (const row of parser as AsyncIterable<{ record: string[]; info: { lines: number; bytes: number }; raw: string }>) {
      yield* skippedItems();
      const bytes = row.info.bytes - consumed;
      consumed = row.info.bytes;
      if (header === null) {
        header = mapColumns(row.record, columns, source.name);
        continue;
      }
      const line = startLine(row.info.lines, row.raw);
      const cell = (field: keyof CsvColumns): string | undefined => {
        const index = header?.get(field);
        return index === undefined ? undefined : row.record[index];
      };
      const ownId = cell('id');
      const id = ownId === undefined || ownId === '' ? defaultId(source, line, options) : ownId;
      const place = placeOf(source, id, line, options);
      const fields: RecordFields = { id };
      for (const field of ['text', 'html', 'title', 'url', 'outlet', 'group'] as const) {
        const value = cell(field);
        // An empty text is an article with no words; an empty html cell beside a text column is no page.
        if (value === undefined || (value === '' && field !== 'text') || (field === 'html' && fields.text !== undefined)) continue;
        fields[field] = value;
      }
      const size = Buffer.byteLength(fields.text ?? fields.html ?? '');
      if (size > settings.maxBytes) yield { kind: 'error', place, error: tooLarge(size, settings.maxBytes), bytes };
      else yield { kind: 'task', task: { place, source: { kind: 'fields', fields }, settings }, transfer: [], bytes };
    }
  } catch (error) {
    if (error instanceof BatchInputError) throw error;
    throw new BatchInputError(`cannot read ${source.name}: ${(error as Error).message}`);
  }
  yield* skippedItems();
  if (header === null) throw new BatchInputError(`${source.name} is empty: expected a header row naming a "${columns.text}" column`);
}

/** The line where a CSV record starts, from the line where it ends and its raw text. */
function startLine(endLine: number, raw: string): number {
  const body = raw.replace(/^[\r\n]+/, '');
  const breaks = body.split('\n').length - 1;
  return body.endsWith('\n') ? endLine - breaks + 1 : endLine - breaks;
}

/** Column index per field, from the header row (exact names first, then ignoring case and spaces). */
function mapColumns(names: readonly string[], columns: CsvColumns, file: string): Map<keyof CsvColumns, number> {
  const map = new Map<keyof CsvColumns, number>();
  const find = (wanted: string): number => {
    const exact = names.indexOf(wanted);
    return exact >= 0 ? exact : names.findIndex((name) => name.trim().toLowerCase() === wanted.trim().toLowerCase());
  };
  for (const field of Object.keys(columns) as (keyof CsvColumns)[]) {
    const wanted = columns[field];
    if (wanted === undefined) continue;
    const index = find(wanted);
    if (index >= 0) map.set(field, index);
  }
  if (!map.has('text') && !map.has('html')) {
    throw new BatchInputError(`${file}: no "${columns.text}" column in the header (columns: ${names.map((name) => JSON.stringify(name)).join(', ')}); name the text column with --text-column`);
  }
  if (columns.group !== undefined && !map.has('group')) {
    throw new BatchInputError(`${file}: no "${columns.group}" column in the header for --group-column (columns: ${names.map((name) => JSON.stringify(name)).join(', ')})`);
  }
  return map;
}

/** The id a record will have, read without analysing it (a resumed run skips the ids already written). */
export function itemId(item: BatchItem): string {
  if (item.kind === 'error') return item.place.id;
  const { task } = item;
  if (task.source.kind !== 'jsonl') return task.place.id;
  try {
    const json = JSON.parse(new TextDecoder().decode(task.source.bytes)) as { id?: unknown } | null;
    const id = json !== null && typeof json === 'object' ? json.id : undefined;
    return typeof id === 'string' ? id : typeof id === 'number' ? String(id) : task.place.id;
  } catch {
    return task.place.id;
  }
}
