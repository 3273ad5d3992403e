/**
 * What travels through Redis: a chunk of records as a job's data, and their results as its return value.
 * Both are JSON (BullMQ stores them so): input bytes travel as text (JSON lines) or base64 (pages), figures as
 * numbers with null for NaN. The output lines, some 20 times the input, do not: they go as they are, one
 * Redis string per chunk beside the job (`resultKey`), since escaping them into JSON and back cost as much
 * as analysing them. Job ids are deterministic: a hash of the run and of the chunk's content, so a resumed
 * producer finds the jobs it added before instead of adding them again.
 */
import { createHash } from 'node:crypto';
import type { BatchResult, BatchSettings, BatchTask, RecordFields } from '../batch/record.ts';
import type { BatchError, RecordPlace } from '../batch/lines.ts';
import type { AnalysisVersions } from './versions.ts';

/** The BullMQ queue every producer and worker of one Redis database shares. */
export const QUEUE_NAME = 'slant';
/** The name of every chunk job. */
export const JOB_NAME = 'chunk';
/** The start of a failed job's reason when a worker refused it for its versions. */
export const VERSION_MISMATCH = 'version-mismatch';

type WireSource =
  | { kind: 'jsonl'; text: string }
  | { kind: 'fields'; fields: RecordFields }
  | { kind: 'file'; path: string; html: boolean; base64: string };

/** A record in a job. */
export type WireRecord = { place: RecordPlace; source: WireSource };

export type ChunkJob = {
  /** the run this chunk belongs to (see `runKey`) */
  run: string;
  /** its place in the run, from 0 */
  chunk: number;
  versions: AnalysisVersions;
  settings: BatchSettings;
  /** per record, as `slant batch --timeout` */
  timeoutMs?: number;
  records: WireRecord[];
};

export type WireResult = {
  id: string;
  error: BatchError | null;
  /** bytes of the JSON line in the chunk's lines (`resultKey`); -1: none (CSV only) */
  jsonlBytes: number;
  csv: string | null;
  figures: (number | null)[] | null;
  group: string | null;
};

/** A finished chunk: its results in record order (their JSON lines at `resultKey`), and who ran it. */
export type ChunkResult = { worker: string; results: WireResult[] };

/** Where a chunk's JSON lines wait for the producer, one after another. */
export function resultKey(jobId: string): string {
  return `slant:lines:${jobId}`;
}

/** Seconds the lines of a chunk nobody collects stay in Redis (a run abandoned for good). */
export const RESULT_TTL_SECONDS = 30 * 24 * 3600;

// BOMs are the record reader's to strip (record.ts), as in a local run: decoding here must keep them.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
const encoder = new TextEncoder();

/** A batch task as a job's record; a file is read here, since a worker elsewhere cannot reach its path. */
export function toWire(task: BatchTask, readFile: (path: string) => Uint8Array): WireRecord {
  const { source, place } = task;
  if (source.kind === 'jsonl') return { place, source: { kind: 'jsonl', text: decoder.decode(source.bytes) } };
  if (source.kind === 'fields') return { place, source };
  const bytes = source.bytes ?? readFile(source.path);
  return { place, source: { kind: 'file', path: source.path, html: source.html, base64: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') } };
}

/** A job's record as the pool's batch task, with the buffers to hand over. */
export function fromWire(record: WireRecord, settings: BatchSettings): { task: BatchTask; transfer: ArrayBuffer[] } {
  const { source, place } = record;
  if (source.kind === 'jsonl') {
    const bytes = encoder.encode(source.text);
    return { task: { place, source: { kind: 'jsonl', bytes }, settings }, transfer: [bytes.buffer as ArrayBuffer] };
  }
  if (source.kind === 'fields') return { task: { place, source, settings }, transfer: [] };
  const bytes = new Uint8Array(Buffer.from(source.base64, 'base64'));
  return { task: { place, source: { kind: 'file', path: source.path, html: source.html, bytes }, settings }, transfer: [bytes.buffer as ArrayBuffer] };
}

/** Results as they travel back: the JSON lines as one buffer, the rest as data. */
export function resultsToWire(results: readonly BatchResult[]): { lines: Buffer; results: WireResult[] } {
  const pieces: Uint8Array[] = [];
  const wire = results.map((result): WireResult => {
    if (result.jsonl !== null) pieces.push(result.jsonl);
    return {
      id: result.id,
      error: result.error,
      jsonlBytes: result.jsonl === null ? -1 : result.jsonl.byteLength,
      csv: result.csv,
      figures: result.figures === null ? null : Array.from(result.figures, (value) => (Number.isNaN(value) ? null : value)),
      group: result.group,
    };
  });
  return { lines: Buffer.concat(pieces), results: wire };
}

/** Travelled results, as the writer takes them, their JSON lines cut from `lines`; null when `lines` is too short (lost). */
export function resultsFromWire(results: readonly WireResult[], lines: Buffer): (Omit<BatchResult, 'jsonl'> & { jsonl: Uint8Array | null })[] | null {
  let offset = 0;
  const out = results.map((result) => {
    const jsonl = result.jsonlBytes < 0 ? null : lines.subarray(offset, (offset += result.jsonlBytes));
    return {
      id: result.id,
      error: result.error,
      jsonl,
      csv: result.csv,
      figures: result.figures === null ? null : Float64Array.from(result.figures, (value) => (value === null ? Number.NaN : value)),
      group: result.group,
    };
  });
  return offset === lines.length ? out : null;
}

/** The run's key: what its reports depend on and where they go, so that two runs never share a job. */
export function runKey(parts: { versions: AnalysisVersions; settings: BatchSettings; timeoutMs?: number; outputs: readonly (string | null)[] }): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex').slice(0, 16);
}

/** A chunk's job id: its run, its place, and a hash of its records (a changed input cannot pick up old results). */
export function chunkJobId(run: string, chunk: number, records: readonly WireRecord[]): string {
  const hash = createHash('sha256');
  for (const record of records) hash.update(JSON.stringify(record));
  return `${run}-${chunk}-${hash.digest('hex').slice(0, 16)}`;
}
