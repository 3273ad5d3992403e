/**
 * A BullMQ queue on a checked address, for the producer, the workers and `slant queue status`: connected
 * within a time limit at start (a wrong address is an error, not a wait), then patient (Redis restarting is
 * reported and waited out). Everything it prints goes through the address's redaction.
 */
import type { Writable } from 'node:stream';
import { Queue } from 'bullmq';
import { createRedisClient, redactAddress, redactSecrets, type QueueAddress } from './address.ts';
import { QUEUE_NAME } from './jobs.ts';

/** A connected queue, with a way to report trouble (at most a line every few seconds) and to close. */
export type QueueConnection = {
  queue: Queue;
  /** the node-redis client under the queue, for the chunks' lines */
  client: ReturnType<typeof createRedisClient>;
  /** the address as printed: redis://host:port/db, the password as *** */
  label: string;
  report(error: Error): void;
  redact(message: string): string;
  close(): Promise<void>;
};

/** A queue address that cannot be reached or used at start. */
export class QueueUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueUnavailableError';
  }
}

const CONNECT_TIMEOUT_MS = 10_000;
const REPORT_EVERY_MS = 5_000;
const EVENTS_KEPT = 1000;
// Errors that waiting will not mend: a refused password, a certificate this machine does not trust.
const AUTH_ERROR = /^(WRONGPASS|NOAUTH|NOPERM)\b|invalid password|certificate|wrong version number/i;

/** Connects to the queue at `address`; throws QueueUnavailableError when Redis does not answer in time. */
export async function connectQueue(address: QueueAddress, options: { stderr: Writable; who: string; connectTimeoutMs?: number }): Promise<QueueConnection> {
  const label = redactAddress(address);
  const redact = (message: string) => redactSecrets(message, address);
  let lastReport = 0;
  let lastError: Error | null = null;
  const report = (error: Error) => {
    lastError = error;
    const now = Date.now();
    if (now - lastReport < REPORT_EVERY_MS) return;
    lastReport = now;
    options.stderr.write(`${options.who}: the queue at ${label}: ${redact(error.message || String(error))}; retrying\n`);
  };
  const client = createRedisClient(address);
  let refused: ((error: Error) => void) | null = null;
  // node-redis reports every lost connection as an error event (it reconnects by itself); a refused password will not pass.
  client.on('error', (error: Error) => {
    lastError = error;
    if (AUTH_ERROR.test(error.message)) refused?.(new QueueUnavailableError(`cannot use the queue at ${label}: ${redact(error.message)}`));
  });
  // BullMQ's event stream holds each finished chunk's return value (figures, CSV rows): keep a short one.
  const queue = new Queue(QUEUE_NAME, { connection: client as never, streams: { events: { maxLen: EVENTS_KEPT } } });
  const remember = (error: Error) => (lastError = error);
  queue.on('error', remember);
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      new Promise((_, reject) => (refused = reject)),
      queue.waitUntilReady(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new QueueUnavailableError(`cannot reach the queue at ${label} within ${((options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS) / 1000).toFixed(0)} s${lastError === null ? '' : `: ${redact((lastError as Error).message)}`}`)), options.connectTimeoutMs ?? CONNECT_TIMEOUT_MS);
      }),
    ]);
    // A wrong password or database shows on the first command.
    await queue.getJobCounts('waiting');
    queue.off('error', remember);
    queue.on('error', report);
  } catch (error) {
    clearTimeout(timer);
    refused = null;
    await queue.close().catch(() => {});
    await Promise.resolve(client.destroy()).catch(() => {});
    if (error instanceof QueueUnavailableError) throw error;
    throw new QueueUnavailableError(`cannot use the queue at ${label}: ${redact((error as Error).message)}`);
  }
  clearTimeout(timer);
  refused = null;
  return {
    queue,
    client,
    label,
    report,
    redact,
    async close() {
      await queue.close().catch(() => {});
      await Promise.resolve(client.destroy()).catch(() => {});
    },
  };
}
