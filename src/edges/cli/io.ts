/**
 * What every slant command shares: the streams it is given (so a command can be tested without spawning a
 * process), the one error it reports as a line on stderr with exit code 2, and reading and writing them.
 */
import { readFileSync } from 'node:fs';
import type { Readable, Writable } from 'node:stream';

export type CliIo = {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  /** whether stdout is a terminal: text format and colour by default */
  stdoutIsTTY: boolean;
  env?: Readonly<Record<string, string | undefined>>;
};

/** A failure the CLI reports as one line on stderr with exit code 2: bad arguments, unreadable files, or input that is not an article. */
export class CliError extends Error {
  readonly code: 'usage' | 'io' | 'input';
  constructor(code: 'usage' | 'io' | 'input', message: string) {
    super(message);
    this.name = 'CliError';
    this.code = code;
  }
}

// Larger inputs are refused with a clear message instead of exhausting memory.
const MAX_INPUT_BYTES = 64 * 1024 * 1024;

/**
 * Reads FILE, or standard input for `-`, as bytes; at most 64 MiB (a CliError beyond, or when unreadable).
 * `io.stdin` is read for `-` only: the process's stdin builds its stream on first use, which a FILE never needs.
 */
export async function readInput(file: string, io: Pick<CliIo, 'stdin'>): Promise<Buffer> {
  let buffer: Buffer;
  if (file === '-') {
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of io.stdin) {
      const piece = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += piece.length;
      if (size > MAX_INPUT_BYTES) throw new CliError('io', `standard input is larger than ${MAX_INPUT_BYTES} bytes`);
      chunks.push(piece);
    }
    buffer = Buffer.concat(chunks);
  } else {
    try {
      // Read at once: a command reads one article and waits for it anyway, and node:fs/promises (with the
      // readline code it loads) is a few milliseconds of every `slant analyze` start.
      buffer = readFileSync(file);
    } catch (error) {
      throw new CliError('io', `cannot read ${file}: ${(error as Error).message}`);
    }
    if (buffer.length > MAX_INPUT_BYTES) throw new CliError('io', `${file} is larger than ${MAX_INPUT_BYTES} bytes`);
  }
  return buffer;
}

/** Writes `chunk`, waiting for the stream to drain when it is full; a failed write is a CliError. */
export function write(stream: Writable, chunk: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const ok = stream.write(chunk, (error) => (error ? reject(new CliError('io', `cannot write output: ${error.message}`)) : undefined));
    if (ok) resolve();
    else stream.once('drain', resolve);
  });
}
