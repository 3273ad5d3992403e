/**
 * Step 8: fetch a page over http(s) without letting a URL reach inside the network it runs on.
 *
 * Every hop (the URL asked and each redirect target) is checked the same way: scheme http or https,
 * host resolved with `dns.lookup(all)`, every address judged (08-address), and the connection pinned to
 * the judged addresses with a custom `lookup`, so a DNS answer that changes between check and connect
 * (rebinding) is never used. One deadline covers DNS, connect, headers and body of all hops. The size cap
 * applies to the declared Content-Length and to the decoded bytes as they stream in.
 * `node:http` is used directly rather than `fetch` because fetch offers neither a lookup hook nor
 * per-hop control of redirects.
 */
import type { LookupAddress } from 'node:dns';
import type http from 'node:http';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable } from 'node:stream';
import type zlib from 'node:zlib';
import { ANALYZER_VERSION } from '../../core/version.ts';
import { charsetParameter } from './charset.ts';
import { judgeAddress, type AddressAllowance } from './address.ts';
import { IngestError, type IngestErrorCode } from './ingest-error.ts';

export type FetchOptions = {
  /** the whole fetch (DNS, connect, headers, body, every redirect), in milliseconds; default 10000 */
  timeoutMs?: number;
  /** largest body accepted, in bytes after decompression; default 5 MB */
  maxBytes?: number;
  /** redirects followed before giving up; default 5 */
  maxRedirects?: number;
  /** address ranges allowed besides public ones; default none */
  allow?: AddressAllowance[];
  /** default `slant/<version>` */
  userAgent?: string;
};

export type FetchedDocument = {
  /** the URL as asked, without credentials */
  url: string;
  /** the URL the body came from, after redirects */
  finalUrl: string;
  /** each redirect target followed, resolved, in order (the last equals `finalUrl`) */
  redirects: string[];
  /** the Content-Type header as sent ('' when the server sent none and the body was sniffed) */
  contentType: string;
  kind: 'html' | 'text';
  body: Uint8Array;
  /** the `charset` parameter of the Content-Type, as written */
  charset?: string;
};

export const DEFAULT_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_REDIRECTS = 5;

const REDIRECT_STATUSES: ReadonlySet<number> = new Set([301, 302, 303, 307, 308]);
const ACCEPTED_TYPES: Readonly<Record<string, 'html' | 'text'>> = {
  'text/html': 'html',
  'application/xhtml+xml': 'html',
  'text/plain': 'text',
};
const ACCEPT = 'text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8';

type Settings = { timeoutMs: number; maxBytes: number; maxRedirects: number; allow: readonly AddressAllowance[]; userAgent: string };

function settingsFrom(options: FetchOptions): Settings {
  const count = (name: keyof FetchOptions, value: number | undefined, fallback: number, min: number): number => {
    if (value === undefined) return fallback;
    if (!Number.isFinite(value) || value < min) throw new RangeError(`fetchDocument: ${name} must be a number >= ${min}, got ${value}`);
    return value;
  };
  return {
    timeoutMs: count('timeoutMs', options.timeoutMs, DEFAULT_TIMEOUT_MS, 1),
    maxBytes: count('maxBytes', options.maxBytes, DEFAULT_MAX_BYTES, 0),
    maxRedirects: count('maxRedirects', options.maxRedirects, DEFAULT_MAX_REDIRECTS, 0),
    allow: options.allow ?? [],
    userAgent: options.userAgent ?? `slant/${ANALYZER_VERSION}`,
  };
}

/**
 * `url` without a `user:password@` part, so no URL the fetch layer reports (the document's addresses,
 * error messages) carries a secret; other URLs come back as given. Credentials are never sent either.
 */
export function withoutCredentials(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
  }
  if (parsed.username === '' && parsed.password === '') return url;
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** One fetch in progress: the URL asked (without credentials), the hops so far, and a way to fail with a message naming the hop. */
class Trip {
  readonly redirects: string[] = [];
  readonly asked: string;
  constructor(asked: string) {
    this.asked = withoutCredentials(asked);
  }

  fail(code: IngestErrorCode, reason: string, options: { cause?: unknown; status?: number } = {}): IngestError {
    const hop = this.redirects[this.redirects.length - 1];
    return new IngestError(code, this.asked, hop === undefined ? reason : `redirected to ${hop}; ${reason}`, options);
  }
}

// Node's network modules (http, https and TLS, DNS, zlib) load on the first fetch: most commands never fetch,
// and loading them is a noticeable part of a command-line start.
type NetworkModules = {
  readonly dnsLookup: typeof import('node:dns/promises').lookup;
  readonly http: typeof import('node:http');
  readonly https: typeof import('node:https');
  readonly isIP: typeof import('node:net').isIP;
  readonly zlib: typeof import('node:zlib');
};
let network: NetworkModules | undefined;

async function loadNetwork(): Promise<NetworkModules> {
  if (network !== undefined) return network;
  const [dns, http, https, net, zlib] = await Promise.all([import('node:dns/promises'), import('node:http'), import('node:https'), import('node:net'), import('node:zlib')]);
  network = { dnsLookup: dns.lookup, http: http.default, https: https.default, isIP: net.isIP, zlib: zlib.default };
  return network;
}

/** Fetch an http(s) page (html or plain text) with address checks, pinned DNS, redirects, a size cap and one deadline. */
export async function fetchDocument(url: string, options: FetchOptions = {}): Promise<FetchedDocument> {
  const net = await loadNetwork();
  const settings = settingsFrom(options);
  const trip = new Trip(url);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  try {
    let target = checkedUrl(url, trip);
    for (;;) {
      const addresses = await resolveHost(net, target, settings, trip, deadline.signal);
      const response = await send(net, target, addresses, settings, deadline.signal);
      const status = response.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        response.destroy();
        const location = response.headers.location;
        if (location === undefined || location === '') throw trip.fail('http-status', `HTTP ${status} without a Location header`, { status });
        if (trip.redirects.length >= settings.maxRedirects) throw trip.fail('too-many-redirects', `more than ${settings.maxRedirects} redirects (next: ${location})`);
        target = redirectTarget(location, target, trip);
        trip.redirects.push(target.href);
        continue;
      }
      if (status < 200 || status > 299) {
        response.destroy();
        throw trip.fail('http-status', `HTTP ${status}${response.statusMessage ? ` ${response.statusMessage}` : ''}`, { status });
      }
      const contentType = response.headers['content-type'] ?? '';
      const mediaType = contentType.split(';')[0]!.trim().toLowerCase();
      const declaredKind = ACCEPTED_TYPES[mediaType];
      if (mediaType !== '' && declaredKind === undefined) {
        response.destroy();
        throw trip.fail('unsupported-type', `${mediaType} is not a page slant can read (text/html, application/xhtml+xml or text/plain)`);
      }
      const body = await readBody(net, response, settings.maxBytes, trip);
      const kind = declaredKind ?? sniffKind(body);
      if (kind === undefined) throw trip.fail('unsupported-type', 'no Content-Type, and the body looks like neither HTML nor text');
      const document: FetchedDocument = { url: trip.asked, finalUrl: target.href, redirects: [...trip.redirects], contentType, kind, body };
      const charset = charsetParameter(contentType);
      if (charset !== undefined) document.charset = charset;
      return document;
    }
  } catch (error) {
    if (error instanceof IngestError) throw error;
    if (deadline.signal.aborted) throw trip.fail('timeout', `no complete response within ${settings.timeoutMs} ms`);
    throw trip.fail('network', describeNetworkError(error), { cause: error });
  } finally {
    clearTimeout(timer);
  }
}

function checkedUrl(raw: string, trip: Trip): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw trip.fail('invalid-url', 'not a valid absolute URL');
  }
  return withSupportedScheme(url, trip);
}

function withSupportedScheme(url: URL, trip: Trip): URL {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw trip.fail('unsupported-scheme', `only http and https URLs are fetched, not ${url.protocol}`);
  }
  if (url.hostname === '') throw trip.fail('invalid-url', 'the URL has no host');
  url.hash = '';
  // Never sent (the request names host and path only) and never reported: a redirect target inherits none.
  url.username = '';
  url.password = '';
  return url;
}

function redirectTarget(location: string, base: URL, trip: Trip): URL {
  let next: URL;
  try {
    next = new URL(location, base);
  } catch {
    throw trip.fail('invalid-url', `the server redirected to an invalid URL: ${withoutCredentials(location)}`);
  }
  trip.redirects.push(withoutCredentials(next.href));
  try {
    return withSupportedScheme(next, trip);
  } finally {
    trip.redirects.pop();
  }
}

/** The addresses of the target's host, every one of them judged; a literal IP is judged without DNS. */
async function resolveHost({ dnsLookup, isIP }: NetworkModules, target: URL, settings: Settings, trip: Trip, signal: AbortSignal): Promise<LookupAddress[]> {
  const host = target.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(host);
  let addresses: LookupAddress[];
  if (literal !== 0) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await untilAborted(dnsLookup(host, { all: true }), signal);
    } catch (error) {
      if (signal.aborted) throw error;
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw trip.fail('dns', `cannot resolve ${host} (${code})`, { cause: error });
    }
    if (addresses.length === 0) throw trip.fail('dns', `${host} has no addresses`);
  }
  for (const { address } of addresses) {
    const verdict = judgeAddress(address, settings.allow, literal === 0 ? host : undefined);
    if (!verdict.allowed) throw trip.fail('blocked-address', verdict.reason);
  }
  return addresses;
}

function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A `lookup` that answers only with the addresses already judged, whatever DNS says now. */
function pinnedLookup(addresses: readonly LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
    const matching = family === 4 || family === 6 ? addresses.filter((a) => a.family === family) : addresses;
    const usable = matching.length > 0 ? matching : addresses;
    if (options.all) callback(null, usable.map((a) => ({ address: a.address, family: a.family })));
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}

/** Send the GET and resolve with the response once its headers arrive. */
function send({ http, https }: NetworkModules, target: URL, addresses: readonly LookupAddress[], settings: Settings, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    // Built from parts so that credentials in the URL are never sent and the host stays the TLS name.
    const request = client.request(
      {
        protocol: target.protocol,
        hostname: target.hostname.replace(/^\[|\]$/g, ''),
        port: target.port === '' ? undefined : Number(target.port),
        path: `${target.pathname}${target.search}`,
        method: 'GET',
        headers: { 'user-agent': settings.userAgent, accept: ACCEPT, 'accept-encoding': 'gzip, deflate, br' },
        // A fresh agent per request: a pooled socket would skip the pinned lookup.
        agent: false,
        lookup: pinnedLookup(addresses),
        signal,
      },
      resolve,
    );
    request.on('error', reject);
    request.end();
  });
}

/** Read and decompress the body, refusing it as soon as it (or its declared length) passes `maxBytes`. */
async function readBody({ zlib }: NetworkModules, response: http.IncomingMessage, maxBytes: number, trip: Trip): Promise<Uint8Array> {
  const declared = Number(response.headers['content-length']);
  const tooLarge = (size: string) => trip.fail('too-large', `the body is ${size}, more than the limit of ${maxBytes} bytes`);
  if (Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw tooLarge(`${declared} bytes`);
  }
  const encoding = (response.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  let stream: Readable = response;
  if (encoding !== 'identity' && encoding !== '') {
    const decoder = decoderFor(zlib, encoding);
    if (decoder === undefined) {
      response.destroy();
      throw trip.fail('network', `unsupported Content-Encoding ${encoding}`);
    }
    stream = pipeline(response, decoder, () => {});
  }
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buffer = chunk as Buffer;
      total += buffer.length;
      if (total > maxBytes) throw tooLarge(`over ${maxBytes} bytes`);
      chunks.push(buffer);
    }
  } finally {
    response.destroy();
    stream.destroy();
  }
  const body = Buffer.concat(chunks);
  return new Uint8Array(body.buffer, body.byteOffset, body.byteLength);
}

function decoderFor(zlib: NetworkModules['zlib'], encoding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | undefined {
  if (encoding === 'gzip' || encoding === 'x-gzip') return zlib.createGunzip();
  if (encoding === 'deflate') return zlib.createInflate();
  if (encoding === 'br') return zlib.createBrotliDecompress();
  return undefined;
}

/** What a page with no Content-Type is: HTML if it starts like markup, text if it has no binary bytes. */
function sniffKind(body: Uint8Array): 'html' | 'text' | undefined {
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.byteLength, 1024))
    .toString('latin1')
    .replace(/^\xEF\xBB\xBF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(?:!doctype html|html|head|body|!--|title|meta|p|div|script|h1)[\s>]/.test(head)) return 'html';
  // eslint-disable-next-line no-control-regex
  if (!/[\x00-\x08\x0E-\x1A\x1C-\x1F]/.test(head)) return 'text';
  return undefined;
}

function describeNetworkError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return code !== undefined && !message.includes(code) ? `${message} (${code})` : message;
}
