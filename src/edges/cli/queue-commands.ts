/**
 * The queue commands of the CLI: `slant worker` (analyse chunks from a Redis queue until stopped) and
 * `slant queue status`; `slant batch --queue` gets its runner here. Problems the user can fix are CliErrors.
 */
import { availableParallelism } from 'node:os';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, type CliIo } from './io.ts';
import type { BatchOptions, RunnerFactory } from '../batch/run.ts';
import { parseQueueAddress, QueueAddressError, type QueueAddress } from '../queue/address.ts';
import { connectQueue, QueueUnavailableError } from '../queue/connection.ts';
import { queueRunner } from '../queue/producer.ts';
import { queueStatus, renderQueueStatus } from '../queue/status.ts';
import { startQueueWorker } from '../queue/worker.ts';

export const WORKER_USAGE = `Usage:
  slant worker --queue redis://HOST:PORT[/DB] [--workers N] [--stall-seconds S] [--lexicons DIR] [--verbose]

Takes chunks of records that slant batch --queue put on the Redis queue, analyses them on N threads (default:
one per core) and hands the lines back through Redis; runs until stopped. Start as many as you like, on any
machines that reach Redis. SIGTERM or SIGINT finishes the chunks in hand, then exits. A worker killed outright
loses nothing: its chunks go to another worker once their lock runs out (--stall-seconds, default 30; every
worker should use the same). A chunk from a slant of other versions (analyzer, schema, lexicons) is refused
with an error that stops that run, so that one corpus never mixes versions.

  --queue URL             redis://[USER:PASSWORD@]HOST:PORT[/DB], or rediss:// for TLS (trusting the CAs
                          of NODE_EXTRA_CA_CERTS too); the password is never printed, and may come
                          from SLANT_REDIS_PASSWORD instead, to keep it out of the process list
  --workers N             analysis threads (default: one per core)
  --stall-seconds S       how long a silent worker keeps its chunks (default 30)
  --lexicons DIR          a lexicon folder other than the bundled one (jobs must come from the same)
  --verbose               a line per chunk analysed
`;

export const QUEUE_USAGE = `Usage:
  slant queue status redis://HOST:PORT[/DB] [--json]

Chunks waiting, being analysed, done (results waiting for their producer), failed and delayed, and the workers
connected to the queue.
`;

/** Input bytes per queued job: big enough that Redis round trips are a small share, small enough to spread. */
export const DEFAULT_CHUNK_BYTES = 256 * 1024;
const DEFAULT_STALL_SECONDS = 30;

/** The runner `slant batch --queue URL` runs with. */
export function queueRunnerFor(url: string, chunkBytes: number, options: Pick<BatchOptions, 'unordered' | 'quiet'>, io: CliIo): RunnerFactory {
  return queueRunner({ address: address(url, io), chunkBytes, unordered: options.unordered, quiet: options.quiet, stderr: io.stderr });
}

/** `slant worker`. */
export async function workerCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    queue: { type: 'string' },
    workers: { type: 'string' },
    'stall-seconds': { type: 'string' },
    lexicons: { type: 'string' },
    verbose: { type: 'boolean', short: 'v' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(WORKER_USAGE);
    return 0;
  }
  if (positionals.length > 0) throw new CliError('usage', `slant worker takes no INPUT (the producer reads them), got ${positionals.join(' ')}`);
  if (values.queue === undefined) throw new CliError('usage', 'slant worker needs --queue redis://HOST:PORT[/DB]; see slant worker --help');
  const workers = values.workers === undefined ? availableParallelism() : Number(values.workers);
  if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new CliError('usage', `--workers must be a whole number from 1 to 256, got "${values.workers}"`);
  const stallSeconds = values['stall-seconds'] === undefined ? DEFAULT_STALL_SECONDS : Number(values['stall-seconds']);
  if (!Number.isFinite(stallSeconds) || stallSeconds < 0.5) throw new CliError('usage', `--stall-seconds must be a number of seconds, at least 0.5, got "${values['stall-seconds']}"`);
  let handle;
  try {
    handle = await startQueueWorker({ address: address(values.queue, io), workers, stallSeconds, stderr: io.stderr, verbose: values.verbose === true, ...(values.lexicons === undefined ? {} : { lexiconDir: values.lexicons }) });
  } catch (error) {
    if (error instanceof QueueUnavailableError || error instanceof CliError) throw new CliError('io', error.message);
    throw new CliError('io', (error as Error).message);
  }
  const onSignal = (signal: string) => {
    io.stderr.write(`slant worker ${handle.name}: ${signal}: finishing the chunks in hand, then exiting\n`);
    void handle.stop();
  };
  process.once('SIGTERM', onSignal);
  process.once('SIGINT', onSignal);
  const outcome = await handle.done;
  process.off('SIGTERM', onSignal);
  process.off('SIGINT', onSignal);
  io.stderr.write(`slant worker ${handle.name}: stopped after ${outcome.chunks} chunks (${outcome.records} records)${outcome.refused > 0 ? `, ${outcome.refused} refused for their versions` : ''}\n`);
  if (outcome.failure !== undefined) throw new CliError('io', `the analysis threads failed: ${outcome.failure}`);
  return 0;
}

/** `slant queue status`. */
export async function queueCommand(args: readonly string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args;
  if (subcommand === undefined || subcommand === '--help' || subcommand === '-h') {
    io.stdout.write(QUEUE_USAGE);
    return subcommand === undefined ? 2 : 0;
  }
  if (subcommand !== 'status') throw new CliError('usage', `unknown queue command "${subcommand}" (expected status; see slant queue --help)`);
  const { values, positionals } = parse(rest, { json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help === true) {
    io.stdout.write(QUEUE_USAGE);
    return 0;
  }
  if (positionals.length !== 1) throw new CliError('usage', 'slant queue status takes one address: redis://HOST:PORT[/DB]');
  let connection;
  try {
    connection = await connectQueue(address(positionals[0] as string, io), { stderr: io.stderr, who: 'slant queue' });
  } catch (error) {
    throw new CliError('io', (error as Error).message);
  }
  try {
    const status = await queueStatus(connection.queue);
    io.stdout.write(values.json === true ? `${JSON.stringify({ queue: connection.label, ...status }, null, 2)}\n` : renderQueueStatus(status, connection.label));
  } finally {
    await connection.close();
  }
  return 0;
}

function address(url: string, io: CliIo): QueueAddress {
  try {
    return parseQueueAddress(url, io.env?.SLANT_REDIS_PASSWORD);
  } catch (error) {
    if (error instanceof QueueAddressError) throw new CliError('usage', error.message);
    throw error;
  }
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new CliError('usage', `${(error as Error).message} (see --help)`);
  }
}
