/**
 * Starts the HTTP service (`npm start`): reads its settings from the environment, serves the app with
 * `@hono/node-server` on a Node server that bounds what one client can hold (header and request deadlines,
 * a connection cap), logs one JSON line per request on stdout, and on SIGTERM or SIGINT stops accepting,
 * lets in-flight requests finish (up to a deadline), closes the analysis workers and exits.
 */
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism } from 'node:os';
import { getRequestListener } from '@hono/node-server';
import type { FetchOptions } from '../ingest/index.ts';
import { AnalysisPool } from '../pool/index.ts';
import { analyzeJsonOn, SERVER_TASKS } from './worker-tasks.ts';
import { createInProcessAnalyzer, type Analyzer } from './analysis.ts';
import { createReportCache, REPORT_CACHE_DEFAULTS, type ReportCacheOptions } from './report-cache.ts';
import { BATCH_PATH, createApp, type AppOptions } from './app.ts';
import { errorBody, overloaded } from './http-errors.ts';
import { API_KEY_PATTERN, type RequestLogEntry } from './middleware.ts';

/** Settings read from the environment; every one has a default. */
export type ServerConfig = {
  port: number;
  host: string;
  /** analysis worker threads; 0 analyses on the main thread */
  workers: number | undefined;
  maxQueue: number | undefined;
  shutdownMs: number;
  log: boolean;
  /** ms a client has to send a request's headers (Node closes the connection with 408 past it) */
  headersTimeoutMs: number;
  /** ms a client has to send a whole request, headers and body; a batch gets it per line instead */
  requestTimeoutMs: number;
  /** open connections at once; the next is closed as soon as it is accepted */
  maxConnections: number;
  /** the report cache of /v1/analyze (maxEntries 0: off) */
  reportCache: ReportCacheOptions;
  app: Omit<AppOptions, 'analyzer' | 'logger' | 'reportCache'>;
};

/** Defaults of the settings that bound clients, well under Node's own (60 s for headers, 300 s per request, no connection cap). */
export const SERVER_DEFAULTS = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 512, queuePerWorker: 2 } as const;

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
    rateLimit: integer(env, 'SLANT_RATE_LIMIT', 1),
    requestTimeoutMs: integer(env, 'SLANT_REQUEST_TIMEOUT_MS', 1),
  };
  for (const [key, value] of Object.entries(limits)) if (value !== undefined) app[key as keyof typeof limits] = value;
  const apiKeys = (env.SLANT_API_KEYS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  // The key itself is never echoed: the message names its position only.
  apiKeys.forEach((key, index) => {
    if (!API_KEY_PATTERN.test(key)) throw new Error(`SLANT_API_KEYS: key ${index + 1} has characters a bearer token cannot carry (use letters, digits and . _ ~ + / -)`);
  });
  if (apiKeys.length > 0) app.apiKeys = apiKeys;
  const inputLimits = { maxParagraphs: integer(env, 'SLANT_MAX_PARAGRAPHS', 1), maxHtmlElements: integer(env, 'SLANT_MAX_HTML_ELEMENTS', 1), maxHtmlDepth: integer(env, 'SLANT_MAX_HTML_DEPTH', 1) };
  for (const [key, value] of Object.entries(inputLimits)) if (value !== undefined) (app.inputLimits ??= {})[key as keyof typeof inputLimits] = value;
  const origins = (env.SLANT_CORS_ORIGINS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  for (const origin of origins) if (!/^https?:\/\/[^/\s]+$/.test(origin)) throw new Error(`SLANT_CORS_ORIGINS takes origins such as https://example.org (scheme and host, no path), got ${JSON.stringify(origin)}`);
  if (origins.length > 0) app.corsOrigins = origins;
  return {
    port: integer(env, 'PORT', 0) ?? 8787,
    host: env.HOST === undefined || env.HOST === '' ? '127.0.0.1' : env.HOST,
    workers: integer(env, 'SLANT_WORKERS', 0),
    maxQueue: integer(env, 'SLANT_MAX_QUEUE', 0),
    shutdownMs: integer(env, 'SLANT_SHUTDOWN_MS', 0) ?? 10_000,
    log: env.SLANT_LOG !== 'off',
    headersTimeoutMs: integer(env, 'SLANT_HEADERS_TIMEOUT_MS', 1) ?? SERVER_DEFAULTS.headersTimeoutMs,
    requestTimeoutMs: app.requestTimeoutMs ?? SERVER_DEFAULTS.requestTimeoutMs,
    maxConnections: integer(env, 'SLANT_MAX_CONNECTIONS', 1) ?? SERVER_DEFAULTS.maxConnections,
    reportCache: {
      maxEntries: integer(env, 'SLANT_REPORT_CACHE_ENTRIES', 0) ?? REPORT_CACHE_DEFAULTS.maxEntries,
      maxBytes: (integer(env, 'SLANT_REPORT_CACHE_MB', 1) ?? REPORT_CACHE_DEFAULTS.maxBytes / (1024 * 1024)) * 1024 * 1024,
    },
    app,
  };
}

// Worker threads keep a slow analysis off the event loop (so /healthz answers) and let a timeout stop it.
// The queue is short by default, 2 per worker: the workers never wait for work, a request admitted behind the
// queue starts within a few hundred ms, and the rest are shed with 503 at once. Under 200 connections on 2
// cores (npm run bench:http -- --load) 8 per worker gave admitted requests p99 2.2 s, 2 per worker 0.8 s, at
// the same 38-39 reports/s.
function createAnalyzer(config: ServerConfig): Analyzer {
  const workers = config.workers ?? availableParallelism();
  const maxQueue = config.maxQueue ?? Math.max(1, workers) * SERVER_DEFAULTS.queuePerWorker;
  if (workers === 0) return createInProcessAnalyzer({ maxQueue });
  const pool = new AnalysisPool({ tasks: SERVER_TASKS, maxQueue, workers });
  return {
    analyzeJson: (input, options) => analyzeJsonOn(pool, input, options),
    get pending() {
      return pool.pending;
    },
    get busy() {
      return pool.pending >= maxQueue && pool.running >= pool.size;
    },
    close: () => pool.close(),
  };
}

const ANALYSIS_PATHS = new Set(['/v1/analyze', BATCH_PATH]);
const OVERLOADED_BODY = JSON.stringify(errorBody(overloaded().code, overloaded().message));

/**
 * Sheds an analysis request with 503 `overloaded` (Retry-After, connection closed) straight from Node when the
 * queue is full, before hono builds a Request: under overload the main thread spends its time on the
 * requests it admits, not on refusing the rest (the app's shedWhenBusy does the same for other hosts).
 */
function shedWhenBusyFirst(listener: RequestListener, analyzer: Analyzer, log: ((entry: RequestLogEntry) => void) | undefined): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (analyzer.busy !== true || request.method !== 'POST' || !ANALYSIS_PATHS.has(request.url?.split('?')[0] ?? '')) return listener(request, response);
    // A small declared body is cheaper to drain than a new connection; a large or unknown one is not waited for.
    const small = Number(request.headers['content-length'] ?? Infinity) <= 64 * 1024;
    response.writeHead(503, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(OVERLOADED_BODY), 'retry-after': '1', ...(small ? {} : { connection: 'close' }) });
    response.end(OVERLOADED_BODY);
    log?.({ time: new Date().toISOString(), id: '-', method: 'POST', path: request.url?.split('?')[0] ?? '', status: 503, ms: 0, error: 'overloaded' });
  };
}

/**
 * Answers 408 `request-timeout` (and closes the connection) when a request has not been received whole
 * within `timeoutMs` of its headers: a body trickled a byte a second cannot hold a connection and a
 * handler for minutes. Node's own `requestTimeout` would cover the batch route too, whose body is read at
 * the pace of its analyses; the batch route limits each line instead (see batch-route.ts).
 */
function guardRequestTime(listener: RequestListener, timeoutMs: number, log: ((entry: RequestLogEntry) => void) | undefined): RequestListener {
  return (request: IncomingMessage, response: ServerResponse) => {
    if (!(request.method === 'POST' && request.url?.split('?')[0] === BATCH_PATH)) {
      const started = performance.now();
      const timer = setTimeout(() => {
        if (request.complete) return;
        if (!response.headersSent) {
          const body = JSON.stringify(errorBody('request-timeout', `the request was not received whole within ${timeoutMs} ms`));
          response.writeHead(408, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body), connection: 'close' });
          response.end(body);
          log?.({ time: new Date().toISOString(), id: '-', method: request.method ?? '', path: request.url?.split('?')[0] ?? '', status: 408, ms: Math.round(performance.now() - started), error: 'request-timeout' });
        }
        // Whatever the handler was waiting for will not come: end the connection under it.
        response.once('finish', () => request.socket.destroy());
        if (response.writableFinished) request.socket.destroy();
      }, timeoutMs);
      const clear = (): void => clearTimeout(timer);
      request.once('end', clear);
      response.once('close', clear);
    }
    listener(request, response);
  };
}

// Request lines go to stdout as JSON; the few lifecycle messages go to stderr as text, for people.
function logRequest(entry: RequestLogEntry): void {
  process.stdout.write(`${JSON.stringify(entry)}\n`);
}

/** Starts serving; resolves once listening, with the URL and a `shutdown` that drains and resolves the exit code. */
export async function startServer(config: ServerConfig): Promise<{ url: string; shutdown: () => Promise<number> }> {
  const analyzer = createAnalyzer(config);
  const reportCache = config.reportCache.maxEntries > 0 ? createReportCache(config.reportCache) : undefined;
  const app = createApp({ ...config.app, analyzer, ...(reportCache === undefined ? {} : { reportCache }), ...(config.log ? { logger: logRequest } : {}) });
  const log = config.log ? logRequest : undefined;
  const listener = shedWhenBusyFirst(guardRequestTime(getRequestListener(app.fetch), config.requestTimeoutMs, log), analyzer, log);
  const server: Server = createServer(
    // Node checks the headers deadline on a timer: every second (or sooner for a short deadline) rather than its 30 s default.
    { headersTimeout: config.headersTimeoutMs, requestTimeout: 0, connectionsCheckingInterval: Math.min(1000, Math.max(10, Math.floor(config.headersTimeoutMs / 4))) },
    listener,
  );
  server.maxConnections = config.maxConnections;
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => resolve());
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
      const sweep = setInterval(() => server.closeIdleConnections(), 50);
      const deadline = setTimeout(() => {
        forced = true;
        server.closeAllConnections();
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

