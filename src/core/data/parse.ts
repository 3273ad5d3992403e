/**
 * Parsing one lexicon file: the `# key: value` header, then one JSON record a line, sorted by term.
 * Every problem throws a LexiconError naming the file, the line and the offending value.
 */
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { z } from 'zod';
import { ANALYZER_VERSION } from '../version.ts';
import { headerSchema, fileKinds, actorSchema, type Actor, type FileKind, type LexiconEntry, type LexiconHeader } from './schema.ts';

export type LexiconErrorCode = 'header' | 'json' | 'entry' | 'duplicate' | 'unsorted' | 'io';

/** A broken lexicon: thrown at load time, never during analysis. */
export class LexiconError extends Error {
  readonly code: LexiconErrorCode;
  readonly file: string;
  readonly line: number;
  readonly value: string;
  constructor(code: LexiconErrorCode, file: string, line: number, value: string, message: string) {
    super(`${file}:${line}: ${message} (value: ${value.length > 120 ? `${value.slice(0, 117)}...` : value})`);
    this.name = 'LexiconError';
    this.code = code;
    this.file = file;
    this.line = line;
    this.value = value;
  }
}

export type ParsedEntry = LexiconEntry & { line: number };
export type ParsedLexicon = { name: string; file: string; header: LexiconHeader; entries: ParsedEntry[] };

const HEADER_LINE = /^#\s*([a-z-]+)\s*:\s*(.*)$/;

/** Parses the text of `file` (a display path) as lexicon `name` of the given kind. */
export function parseLexicon(name: string, file: string, text: string, kind: FileKind): ParsedLexicon {
  const schema: z.ZodType<LexiconEntry> = fileKinds[kind];
  const { header, records } = withRecordCache(`lexicon:${kind}`, file, text, () => parseRecords(file, text, schema, (entry) => entry.term, 'term'));
  return { name, file, header, entries: records.map(({ record, line }) => ({ ...record, line })) };
}

export type ParsedActors = { file: string; header: LexiconHeader; actors: (Actor & { line: number })[] };

/** Parses the actor gazetteer: records sorted by id; an alias used by two actors is an error. */
export function parseActors(file: string, text: string): ParsedActors {
  const { header, records } = withRecordCache('actors', file, text, () => parseRecords(file, text, actorSchema, (actor) => actor.id, 'id'));
  const owner = new Map<string, { id: string; line: number }>();
  for (const { record, line } of records) {
    for (const alias of record.aliases) {
      const previous = owner.get(alias);
      if (previous !== undefined && previous.id !== record.id) {
        throw new LexiconError('duplicate', file, line, alias, `alias already belongs to ${previous.id} (line ${previous.line})`);
      }
      owner.set(alias, { id: record.id, line });
    }
  }
  const ids = new Set(records.map(({ record }) => record.id));
  for (const { record, line } of records) {
    if (record.memberOf !== undefined && !ids.has(record.memberOf)) {
      throw new LexiconError('entry', file, line, record.memberOf, `memberOf names no actor in the file`);
    }
  }
  return { file, header, actors: records.map(({ record, line }) => ({ ...record, line })) };
}

type Parsed<T> = { header: LexiconHeader; records: { record: T; line: number }[] };

// node:crypto and node:os are loaded when the cache is first used, not with this module: a start that restores
// its tables from the data snapshot never validates a file, and loading node:crypto (some twenty of Node's own
// modules) cost it about 3% of its CPU.
let localRequire: NodeJS.Require | undefined;
const load = <T>(name: string): T => (localRequire ??= createRequire(import.meta.url))(name) as T;

/**
 * Validation results kept between runs, so that a command-line start does not re-validate unchanged
 * files: the key is a SHA-256 of the parser's version, the schema's name and the file's exact text, so a
 * changed file, schema or analyzer is parsed and validated again. Any problem with the cache (missing,
 * unreadable, corrupt, read-only disk) falls back to parsing; SLANT_NO_CACHE=1 turns it off.
 */
export function withRecordCache<T>(schemaName: string, file: string, text: string, parse: () => Parsed<T>): Parsed<T> {
  if (process.env.SLANT_NO_CACHE === '1') return parse();
  const { createHash } = load<typeof import('node:crypto')>('node:crypto');
  const { tmpdir } = load<typeof import('node:os')>('node:os');
  const key = createHash('sha256').update(`${ANALYZER_VERSION}\u0000${schemaName}\u0000${file}\u0000${text}`).digest('hex');
  // One folder per user, readable by that user only: another account cannot plant data for us to load.
  const path = join(tmpdir(), `slant-cache-${process.getuid?.() ?? 'user'}`, `${key}.json`);
  try {
    const cached = JSON.parse(readFileSync(path, 'utf8')) as Parsed<T> & { key: string };
    if (cached.key === key && Array.isArray(cached.records)) return { header: cached.header, records: cached.records };
  } catch {
    // Not cached yet, or unreadable: parse below.
  }
  const parsed = parse();
  try {
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    // Write then rename, so that parallel workers never read half a file.
    const partial = `${path}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify({ key, ...parsed }));
    renameSync(partial, path);
  } catch {
    // A cache that cannot be written only costs the next start its speed.
  }
  return parsed;
}

/**
 * The shared reader of every data file (lexicons and outlet tables): a `#` header, then one JSON record a
 * line, each validated by `schema`, unique and sorted by `keyOf` (a key, or several compared in order).
 */
export function parseRecords<T>(
  file: string,
  text: string,
  schema: z.ZodType<T>,
  keyOf: (record: T) => string | readonly string[],
  keyName: string,
): { header: LexiconHeader; records: { record: T; line: number }[] } {
  const lines = text.split(/\r?\n/);
  const header: Record<string, string> = {};
  const records: { record: T; line: number }[] = [];
  let inHeader = true;
  let previous: { key: readonly string[]; line: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] as string;
    const lineNumber = index + 1;
    const line = raw.trim();
    if (line === '') continue;
    if (line.startsWith('#')) {
      const match = inHeader ? HEADER_LINE.exec(line) : null;
      if (match) header[match[1] as string] = (match[2] as string).trim();
      continue;
    }
    if (inHeader) {
      inHeader = false;
      checkHeader(file, header);
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch (error) {
      throw new LexiconError('json', file, lineNumber, line, `invalid JSON: ${(error as Error).message}`);
    }
    const result = schema.safeParse(json);
    if (!result.success) {
      const issue = result.error.issues[0];
      throw new LexiconError('entry', file, lineNumber, offendingValue(json, issue, line), describeIssue(issue));
    }
    const keyed = keyOf(result.data);
    const key = typeof keyed === 'string' ? [keyed] : keyed;
    if (previous !== undefined) {
      const order = compareKeys(previous.key, key);
      if (order === 0) throw new LexiconError('duplicate', file, lineNumber, key.join(' '), `duplicate ${keyName}, first defined on line ${previous.line}`);
      if (order > 0) {
        throw new LexiconError('unsorted', file, lineNumber, key.join(' '), `entries must be sorted by ${keyName}: "${key.join(' ')}" comes after "${previous.key.join(' ')}" (line ${previous.line}; run npm run lexicons:sort)`);
      }
    }
    records.push({ record: result.data, line: lineNumber });
    previous = { key, line: lineNumber };
  }
  if (inHeader) checkHeader(file, header);
  return { header: header as LexiconHeader, records };
}

type Issue = z.core.$ZodIssue | undefined;

function describeIssue(issue: Issue): string {
  if (issue === undefined) return 'invalid entry';
  return issue.path.length > 0 ? `field "${issue.path.join('.')}": ${issue.message}` : issue.message;
}

// The value to quote: the field at fault when there is one (`"weight":1.5` -> `1.5`), the unknown keys, else the line.
function offendingValue(json: unknown, issue: Issue, line: string): string {
  if (issue === undefined) return line;
  if (issue.code === 'unrecognized_keys') return issue.keys.join(', ');
  let value: unknown = json;
  for (const key of issue.path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  return issue.path.length > 0 && value !== undefined ? JSON.stringify(value) : line;
}

function compareKeys(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '';
    const y = b[i] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

function checkHeader(file: string, header: Record<string, string>): void {
  const result = headerSchema.safeParse(header);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path.join('.') ?? '?';
    throw new LexiconError('header', file, 1, `# ${key}: ${header[key] ?? ''}`, `header "${key}": ${issue?.message ?? 'invalid'} (every file needs # source, # license, # version and # edit lines)`);
  }
}
