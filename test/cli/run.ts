/** Runs the CLI in-process with injected streams and collects what it writes. */
import { PassThrough, Readable } from 'node:stream';
import { runCli } from '../../src/edges/cli/main.ts';

export async function runInProcess(argv: string[], options: { stdin?: string; tty?: boolean } = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  stdout.on('data', (chunk: Buffer) => out.push(chunk));
  stderr.on('data', (chunk: Buffer) => err.push(chunk));
  const code = await runCli(argv, {
    stdin: Readable.from(options.stdin === undefined ? [] : [Buffer.from(options.stdin)]),
    stdout,
    stderr,
    stdoutIsTTY: options.tty ?? false,
    env: {},
  });
  return { code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
