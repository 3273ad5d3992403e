/**
 * Starts the HTTP service (`npm start`): reads its settings from the environment, serves the app with
 * `@hono/node-server`, logs one JSON line per request on stdout, and on SIGTERM or SIGINT stops accepting,
 * lets in-flight requests finish (up to a deadline), closes the analysis workers and exits.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { FetchOptions } from '../ingest/index.ts';
import { AnalysisPool } from '../pool/index.ts';
import { analyzeJsonOn, SERVER_TASKS } from './worker-tasks.ts';
import { createInProcessAnalyzer, type Analyzer } from './analysis.ts';
import { createApp, type AppOptions } from './app.ts';
import type { RequestLogEntry } from './middleware.ts';

/** Settings read from the environment; every one has a default. */
export type ServerConfig = {
  port: number;
  host: string;
  /** analysis worker threads; 0 analyses on the main thread */
  workers: number | undefined;
  maxQueue: number | undefined;
  shutdownMs: number;
  log: boolean;
  app: Omit<AppOptions, 'analyzer' | 'logger'>;
};

function integer(env: Readonly<Record<string, string | undefined>>, name: string, min: number): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) throw new Error(`${name} must be an integer >= ${min}, got ${JSON.stringify(raw)}`);
  return value;
}

/** The server's settings from environment variables (see the README for the list); throws naming a bad one. */
export function configFromEnv(env: Readonly<Record<string, string | undefined>>): ServerConfig {
  const allow = (env.SLANT_FETCH_ALLOW ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const range of allow) if (range !== 'loopback' && range !== 'private') throw new Error(`SLANT_FETCH_ALLOW takes loopback and/or private, got ${JSON.stringify(range)}`);
  const fetch: FetchOptions = {};
  if (allow.length > 0) fetch.allow = allow as ('loopback' | 'private')[];
  const fetchTimeout = integer(env, 'SLANT_FETCH_TIMEOUT_MS', 1);
  if (fetchTimeout !== undefined) fetch.timeoutMs = fetchTimeout;
  const app: ServerConfig['app'] = { fetch };
  const limits = {
    timeoutMs: integer(env, 'SLANT_TIMEOUT_MS', 1),
    maxBodyBytes: integer(env, 'SLANT_MAX_BODY_BYTES', 1),
    maxBatchBytes: integer(env, 'SLANT_MAX_BATCH_BYTES', 1),
    maxBatchLines: integer(env, 'SLANT_MAX_BATCH_LINES', 1),
  };
  for (const [key, value] of Object.entries(limits)) if (value !== undefined) app[key as keyof typeof limits] = value;
  return {
    port: integer(env, 'PORT', 0) ?? 8787,
    host: env.HOST === undefined || env.HOST === '' ? '127.0.0.1' : env.HOST,
    workers: integer(env, 'SLANT_WORKERS', 0),
    maxQueue: integer(env, 'SLANT_MAX_QUEUE', 0),
    shutdownMs: integer(env, 'SLANT_SHUTDOWN_MS', 0) ?? 10_000,
    log: env.SLANT_LOG !== 'off',
    app,
  };
}

// Worker threads keep a slow analysis off the event loop (so /healthz answers) and let a timeout stop it.
function createAnalyzer(config: ServerConfig): Analyzer {
  const queue = config.maxQueue === undefined ? {} : { maxQueue: config.maxQueue };
  if (config.workers === 0) return createInProcessAnalyzer(queue);
  const pool = new AnalysisPool({ tasks: SERVER_TASKS, ...queue, ...(config.workers === undefined ? {} : { workers: config.workers }) });
  return {
    analyzeJson: (input, options) => analyzeJsonOn(pool, input, options),
    get pending() {
      return pool.pending;
    },
    close: () => pool.close(),
  };
}

// Request lines go to stdout as JSON; the few lifecycle messages go to stderr as text, for people.
function logRequest(entry: RequestLogEntry): void {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}

/** Starts serving; resolves once listening, with the URL and a `shutdown` that drains and resolves the exit code. */
export async function startServer(config: ServerConfig): Promise<{ url: string; shutdown: () => Promise<number> }> {
  const analyzer = createAnalyzer(config);
  const app = createApp({ ...config.app, analyzer, ...(config.log ? { logger: logRequest } : {}) });
  let server: ReturnType<typeof serve>;
  try {
    server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
      s.once('error', reject);
    });
  } catch (error) {
    await analyzer.close();
    throw new Error(`cannot listen on ${config.host}:${config.port}: ${(error as Error).message}`);
  }
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;

  let closing: Promise<number> | undefined;
  const shutdown = (): Promise<number> =>
    (closing ??= new Promise<number>((resolve) => {
      let forced = false;
      // Node closes idle keep-alive connections on close(); connections that finish a request later are
      // closed by the sweep, so a keep-alive client cannot hold the process open.
      const sweep = setInterval(() => 'closeIdleConnections' in server && server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => {
        forced = true;
        if ('closeAllConnections' in server) server.closeAllConnections();
      }, config.shutdownMs);
      server.close(async () => {
        clearInterval(sweep);
        clearTimeout(deadline);
        await analyzer.close();
        resolve(forced ? 1 : 0);
      });
    }));
  return { url, shutdown };
}

const isMain = process.argv[1] !== undefined && /(?:server[\\/]main\.ts|server\.js)$/.test(process.argv[1]);
if (isMain) {
  let config: ServerConfig;
  let started: Awaited<ReturnType<typeof startServer>>;
  try {
    config = configFromEnv(process.env);
    started = await startServer(config);
  } catch (error) {
    process.stderr.write(`slant: ${(error as Error).message}\n`);
    process.exit(2);
  }
  const { url, shutdown } = started;
  process.stderr.write(`slant listening on ${url}\n`);
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (++signals > 1) process.exit(1); // a second signal: stop waiting
    process.stderr.write(`slant: ${signal}, finishing in-flight requests (up to ${config.shutdownMs} ms)\n`);
    void shutdown().then((code) => {
      process.stderr.write(code === 0 ? 'slant: stopped\n' : 'slant: stopped at the deadline, with requests cut short\n');
      process.exit(code);
    });
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

