/**
 * Parsing one lexicon file: the `# key: value` header, then one JSON record a line, sorted by term.
 * Every problem throws a LexiconError naming the file, the line and the offending value.
 */
import type { z } from 'zod';
import { headerSchema, fileKinds, type FileKind, type LexiconEntry, type LexiconHeader } from './01-schema.ts';

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
  const lines = text.split(/\r?\n/);
  const header: Record<string, string> = {};
  const entries: ParsedEntry[] = [];
  let inHeader = true;
  let previous: ParsedEntry | undefined;
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
      const where = issue && issue.path.length > 0 ? `field "${issue.path.join('.')}": ` : '';
      throw new LexiconError('entry', file, lineNumber, line, `${where}${issue?.message ?? 'invalid entry'}`);
    }
    const entry: ParsedEntry = { ...result.data, line: lineNumber };
    if (previous !== undefined) {
      if (previous.term === entry.term) {
        throw new LexiconError('duplicate', file, lineNumber, entry.term, `duplicate term, first defined on line ${previous.line}`);
      }
      if (previous.term > entry.term) {
        throw new LexiconError('unsorted', file, lineNumber, entry.term, `entries must be sorted by term: "${entry.term}" comes after "${previous.term}" (run npm run lexicons:sort)`);
      }
    }
    entries.push(entry);
    previous = entry;
  }
  if (inHeader) checkHeader(file, header);
  return { name, file, header: header as LexiconHeader, entries };
}

function checkHeader(file: string, header: Record<string, string>): void {
  const result = headerSchema.safeParse(header);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = issue?.path.join('.') ?? '?';
    throw new LexiconError('header', file, 1, `# ${key}: ${header[key] ?? ''}`, `header "${key}": ${issue?.message ?? 'invalid'} (every file needs # source, # license, # version and # edit lines)`);
  }
}
