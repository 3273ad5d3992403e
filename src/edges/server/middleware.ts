/**
 * The app's middleware, as named factories: a request id and one JSON log line per request, security
 * headers, and the checks on a request body before a handler sees it (size 413, media type 415, JSON 400).
 */
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';
import { bearerAuth } from 'hono/bearer-auth';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import type { IncomingMessage } from 'node:http';
import type { Analyzer } from './analysis.ts';
import { ApiError, overloaded } from './http-errors.ts';

/** One line per request: the id, what was asked, the answer's status and the time taken in ms. */
export type RequestLogEntry = { time: string; id: string; method: string; path: string; status: number; ms: number; lines?: number; error?: string; cause?: string };
export type RequestLogger = (entry: RequestLogEntry) => void;

export type AppEnv = {
  /** what @hono/node-server passes: the Node request, for the client's address (absent under `app.request()`) */
  Bindings: { incoming?: IncomingMessage };
  Variables: {
    requestId: string;
    /** set by streaming handlers: resolves when the body has been written, so the log line has the full time */
    streamed?: Promise<{ lines: number }>;
    /** the error code of a failed request, for the log line */
    errorCode?: string;
    /** for a 500 only: what was thrown, for the log line (never sent to the client) */
    errorCause?: string;
  };
};

// An incoming id is echoed only if it is short and plain, so it cannot forge log lines or headers.
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id and echoes it (hono's request-id middleware). The caller's `x-request-id` is
 * kept when it is sane: hono's own test refuses the dots and colons of common trace ids, so its generator,
 * called for every id it refuses, keeps those too and makes a UUID for the rest.
 */
export function requestIds(): MiddlewareHandler<AppEnv> {
  return requestId({
    limitLength: 128,
    generator: (c) => {
      const incoming = c.req.header('x-request-id');
      return incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID();
    },
  });
}

/** One log line per request when the response is done (for a streamed batch, when its body is written). */
export function requestLog(logger: RequestLogger | undefined): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now();
    const id = c.get('requestId');
    await next();
    if (logger === undefined) return;
    const log = (extra: { lines?: number }): void => {
      const entry: RequestLogEntry = { time: new Date().toISOString(), id, method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round((performance.now() - started) * 10) / 10, ...extra };
      const errorCode = c.get('errorCode');
      if (errorCode !== undefined) entry.error = errorCode;
      const cause = c.get('errorCause');
      if (cause !== undefined) entry.cause = cause;
      logger(entry);
    };
    const streamed = c.get('streamed');
    if (streamed === undefined) log({});
    else streamed.then(log, () => log({}));
  };
}

/**
 * Headers for every response: no MIME sniffing, no framing, no referrer, and a content security policy that
 * allows only the app's own scripts, styles and API (no inline script, so a pasted `<script>` cannot run
 * even if it ever reached the DOM as markup).
 */
export function securityHeaders(): MiddlewareHandler<AppEnv> {
  return async function securityHeaders(c, next) {
    // Set before the handler runs: headers added to a finished response make hono rebuild it, and
    // @hono/node-server then streams the body instead of writing the string at once.
    c.header('x-content-type-options', 'nosniff');
    c.header('x-frame-options', 'DENY');
    c.header('referrer-policy', 'no-referrer');
    c.header('cross-origin-opener-policy', 'same-origin');
    c.header('content-security-policy', "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    await next();
  };
}

/**
 * 413 over `maxBytes`. A declared Content-Length is checked without touching the body, so the body is
 * later read straight from the socket; a body without one is counted as it streams (hono's bodyLimit).
 */
export function limitBody(maxBytes: number): MiddlewareHandler<AppEnv> {
  const tooLarge = (): never => {
    throw new ApiError(413, 'payload-too-large', `the request body is larger than the limit of ${maxBytes} bytes`);
  };
  const streamed = bodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async function limitBody(c, next) {
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return streamed(c, next);
    if (!/^\d+$/.test(length) || Number(length) > maxBytes) tooLarge();
    await next();
  };
}

function mediaType(c: Context): string {
  return (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** 415 unless the request body is one of `types` (checked before any body is read). */
export function requireMediaType(types: readonly string[]): MiddlewareHandler<AppEnv> {
  return async function requireMediaType(c, next) {
    const type = mediaType(c);
    if (!types.includes(type)) {
      throw new ApiError(415, 'unsupported-media-type', `expected Content-Type ${types.join(' or ')}, got ${type === '' ? 'none' : JSON.stringify(type)}`);
    }
    await next();
  };
}

/** Parses the JSON body once, so that malformed JSON is a 400 that says where, before schema validation. */
export function parseJsonBody(): MiddlewareHandler<AppEnv> {
  return async function parseJsonBody(c, next) {
    try {
      // hono caches the parsed body: the zod validator that runs next reuses it.
      await c.req.json();
    } catch (error) {
      if (error instanceof ApiError || (error instanceof Error && error.name === 'HTTPException')) throw error;
      throw new ApiError(400, 'invalid-json', 'the request body is not valid JSON', { reason: (error as Error).message });
    }
    await next();
  };
}

/** The client's address as the socket sees it ('local' under `app.request()`, where there is no socket). */
export function clientAddress(c: Context<AppEnv>): string {
  return c.env?.incoming?.socket.remoteAddress ?? 'local';
}

/**
 * 429 `rate-limited` with `Retry-After` (whole seconds) past `perMinute` requests a minute from one client
 * address: a token bucket per address that refills continuously, so a burst of `perMinute` is allowed and
 * then one request every 60/perMinute seconds. Full buckets are forgotten when the table grows, so a flood
 * of addresses cannot grow it without bound.
 */
export function rateLimit(perMinute: number, now: () => number = Date.now): MiddlewareHandler<AppEnv> {
  const perMs = perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return async function rateLimit(c, next) {
    const time = now();
    const address = clientAddress(c);
    const bucket = buckets.get(address) ?? { tokens: perMinute, at: time };
    bucket.tokens = Math.min(perMinute, bucket.tokens + (time - bucket.at) * perMs);
    bucket.at = time;
    if (bucket.tokens < 1) {
      const seconds = Math.max(1, Math.ceil((1 - bucket.tokens) / perMs / 1000));
      throw new ApiError(429, 'rate-limited', `more than ${perMinute} requests a minute from this address; retry in ${seconds} s`, { limit: perMinute }, { 'retry-after': String(seconds) });
    }
    bucket.tokens -= 1;
    buckets.set(address, bucket);
    if (buckets.size > 10_000) for (const [key, { tokens, at }] of buckets) if (tokens + (time - at) * perMs >= perMinute) buckets.delete(key);
    await next();
  };
}

/**
 * 503 `overloaded` at once, before the body is read, when the analyzer's queue is full: a shed request costs
 * the server a few microseconds instead of a body read, a parse and a refusal from the pool. The connection
 * is closed so the client stops sending the body it was about to send.
 */
export function shedWhenBusy(analyzer: Analyzer): MiddlewareHandler<AppEnv> {
  return async function shedWhenBusy(c, next) {
    if (analyzer.busy === true) {
      const error = overloaded();
      throw new ApiError(error.status, error.code, error.message, undefined, { ...error.headers, connection: 'close' });
    }
    await next();
  };
}

/** What an API key may hold: the token characters of RFC 6750, as `Authorization: Bearer` carries them. */
export const API_KEY_PATTERN = /^[A-Za-z0-9._~+/-]+=*$/;

/**
 * 401 `unauthorized` (with `WWW-Authenticate: Bearer`) unless the request carries `Authorization: Bearer
 * <key>` with one of `keys`. The comparison is hono's bearerAuth, which compares SHA-256 digests in constant
 * time, so the time taken does not tell how much of a guess was right; its own answers become ours.
 */
export function requireApiKey(keys: readonly string[]): MiddlewareHandler<AppEnv> {
  const check = bearerAuth({ token: [...keys], realm: 'slant' });
  return async function requireApiKey(c, next) {
    let passed = false;
    try {
      await check(c as never, async () => {
        passed = true;
      });
    } catch (error) {
      if (!(error instanceof HTTPException)) throw error;
    }
    if (!passed) {
      const message = c.req.header('authorization') === undefined ? 'this server needs an API key: send Authorization: Bearer <key>' : 'the API key is not one this server accepts';
      throw new ApiError(401, 'unauthorized', message, undefined, { 'www-authenticate': 'Bearer realm="slant"' });
    }
    await next();
  };
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|x-ndjson|javascript)|image\/svg\+xml)/i;
const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);
// Quality 4: most of brotli's gain on JSON at a small part of the CPU of its default 11.
const BROTLI_PARAMS = { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 };

/** The coding to answer with for an Accept-Encoding header: br, then gzip, whichever the client accepts (q > 0), or none. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | undefined {
  if (header === undefined) return undefined;
  const accepted = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((value) => value !== undefined);
    accepted.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  const wanted = (name: string): boolean => (accepted.get(name) ?? accepted.get('*') ?? 0) > 0;
  return wanted('br') ? 'br' : wanted('gzip') ? 'gzip' : undefined;
}

/**
 * Compresses text responses with br or gzip when the client asks (`Accept-Encoding`) and the body is over
 * `threshold` bytes. hono/compress is not used: on Node 20 its CompressionStream has no br, and it does
 * not flush per chunk, which would hold back the batch route's answers until the stream ends. Here a
 * streamed body (NDJSON) is compressed chunk by chunk with a flush after each, so answers still arrive
 * as they are ready.
 */
export function compressResponses(threshold = 1024): MiddlewareHandler<AppEnv> {
  return async function compressResponses(c, next) {
    await next();
    const response = c.res;
    const type = response.headers.get('content-type') ?? '';
    // A 304 has no body, but it names the representation a 200 would send (RFC 9110 15.4.5): the same
    // Vary and, for a client that takes a compressed report, the compressed report's tag.
    const notModified = response.status === 304;
    if (c.req.method === 'HEAD' || response.headers.has('content-encoding') || (!notModified && !COMPRESSIBLE.test(type))) return;
    const vary = response.headers.get('vary');
    response.headers.set('vary', vary === null || vary === '' ? 'accept-encoding' : `${vary}, accept-encoding`);
    const encoding = chooseEncoding(c.req.header('accept-encoding'));
    if (notModified) {
      if (encoding !== undefined) tagEncoding(response.headers, encoding);
      return;
    }
    // Reading `body` turns @hono/node-server's light response (written to the socket in one piece) into a
    // full web Response, streamed: only when there is something to compress (0.1 ms of a 0.3 ms cached answer).
    if (encoding === undefined || response.body === null) return;
    const headers = new Headers(response.headers);
    headers.delete('content-length');
    headers.set('content-encoding', encoding);
    if (type.toLowerCase().startsWith('application/x-ndjson')) {
      const coder = encoding === 'br' ? zlib.createBrotliCompress({ params: BROTLI_PARAMS, flush: zlib.constants.BROTLI_OPERATION_FLUSH }) : zlib.createGzip({ flush: zlib.constants.Z_SYNC_FLUSH });
      const body = Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>).pipe(coder);
      c.res = new Response(Readable.toWeb(body) as ReadableStream<Uint8Array>, { status: response.status, headers });
      tagEncoding(c.res.headers, encoding);
      return;
    }
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (bytes.byteLength < threshold) {
      c.res = new Response(bytes, { status: response.status, headers: response.headers });
      return;
    }
    const packed = encoding === 'br' ? await brotli(bytes, { params: BROTLI_PARAMS }) : await gzip(bytes);
    c.res = new Response(packed, { status: response.status, headers });
    tagEncoding(c.res.headers, encoding);
  };
}

// A strong ETag names one representation: the compressed bytes get a tag of their own. Set on the new
// response itself, since hono copies the replaced response's headers over the ones it was built with.
function tagEncoding(headers: Headers, encoding: string): void {
  const etag = headers.get('etag');
  if (etag !== null && /^"[^"]*"$/.test(etag)) headers.set('etag', `${etag.slice(0, -1)}-${encoding}"`);
}

/** The tag `tagEncoding` started from: `"…-gzip"` and `"…-br"` name the same report as `"…"`. */
export function untagEncoding(tag: string): string {
  return tag.replace(/-(?:gzip|br)"$/, '"');
}
