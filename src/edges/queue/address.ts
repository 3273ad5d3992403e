/**
 * The queue's address: `redis://[USER:PASSWORD@]HOST:PORT[/DB]` or `rediss://` for TLS, checked before any
 * connection, and the client that BullMQ drives (node-redis). The password never leaves this module in
 * anything printed: messages show `redactAddress()`, and connection errors pass through `redactSecrets()`.
 */
import { createClient } from 'redis';

export type QueueAddress = {
  /** as given, password included: only for the client */
  url: string;
  tls: boolean;
  host: string;
  port: number;
  db: number;
  /** the user name and password, when given (for redacting them from any message) */
  secrets: readonly string[];
  /** a password from the environment (SLANT_REDIS_PASSWORD), so that it need not be in a command line */
  password?: string;
};

/** A queue address that cannot be used: the message says what was expected (and never holds the password). */
export class QueueAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueueAddressError';
  }
}

/** Parses and checks `text`; `password` is used when the address has none; throws QueueAddressError. */
export function parseQueueAddress(text: string, password?: string): QueueAddress {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new QueueAddressError(`--queue must be redis://HOST:PORT[/DB] or rediss://... for TLS, got "${redactText(text)}"`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') throw new QueueAddressError(`--queue must start with redis:// or rediss:// (TLS), got ${url.protocol}//`);
  if (url.hostname === '') throw new QueueAddressError(`--queue needs a host: redis://HOST:PORT[/DB], got "${redactAddress(url)}"`);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^\d{1,2}$/.test(path)) throw new QueueAddressError(`the database in --queue is a number (redis://HOST:PORT/0), got "/${path}"`);
  if (url.search !== '' || url.hash !== '') throw new QueueAddressError(`--queue takes no query or fragment: redis://HOST:PORT[/DB], got "${redactAddress(url)}"`);
  const secrets = [decodeURIComponent(url.password), url.password, decodeURIComponent(url.username), url.username].filter((secret) => secret.length >= 3);
  const fromEnvironment = url.password === '' && password !== undefined && password !== '' ? password : undefined;
  return {
    url: text,
    tls: url.protocol === 'rediss:',
    host: url.hostname,
    port: url.port === '' ? 6379 : Number(url.port),
    db: path === '' ? 0 : Number(path),
    secrets: fromEnvironment !== undefined ? [fromEnvironment] : url.password === '' ? [] : secrets,
    ...(fromEnvironment === undefined ? {} : { password: fromEnvironment }),
  };
}

/** The address as it may be printed: the password replaced with `***`. */
export function redactAddress(address: QueueAddress | URL): string {
  const url = address instanceof URL ? new URL(address.href) : new URL(address.url);
  if (url.password !== '') url.password = '***';
  return url.href.replace(/\/$/, '');
}

/** `message` with the address's user name and password cut out (connection errors may quote them). */
export function redactSecrets(message: string, address: QueueAddress): string {
  let safe = message;
  for (const secret of address.secrets) safe = safe.split(secret).join('***');
  return safe;
}

function redactText(text: string): string {
  return text.replace(/\/\/[^@/]*@/, '//***@');
}

/** A node-redis client for `address` (not connected yet: BullMQ connects it); TLS from rediss://, with Node's CAs (NODE_EXTRA_CA_CERTS). */
export function createRedisClient(address: QueueAddress, name?: string) {
  return createClient({
    url: address.url,
    ...(address.password === undefined ? {} : { password: address.password }),
    ...(name === undefined ? {} : { name }),
    // Redis restarting is not the end of a run: reconnect for ever, at most a second apart.
    socket: { reconnectStrategy: (retries: number) => Math.min(100 * (retries + 1), 1000), ...(address.tls ? { tls: true as const } : {}) },
  });
}
