/**
 * `slant/client`: a typed client of the HTTP service, for fact-checkers' and researchers' programs that call
 * a slant server instead of running the analysis themselves. It is Hono's `hc` over the app's own type
 * (`AppType`, src/edges/server/app.ts), so request bodies are checked against the same zod schemas the
 * server validates with; the methods below add what `hc` cannot know (the report's type, the NDJSON batch
 * stream) and turn the service's error body into a thrown `SlantHttpError`. Imports nothing of the server at
 * run time: only `hono/client` and `fetch`.
 */
import { hc } from 'hono/client';
import type { AppType } from './edges/server/app.ts';
import type { AnalyzeRequest, BatchRecord, CompareRequest } from './edges/server/route-schemas.ts';
import type { Comparison } from './core/compare/schema.ts';
import type { ErrorLine } from './core/report/error-line.ts';
import type { Report } from './core/report/schema.ts';
import type { OutletCard } from './core/outlets/index.ts';

export type { AnalyzeRequest, BatchRecord, CompareRequest, Comparison, ErrorLine, OutletCard, Report };

export type ClientOptions = {
  /** sent as `Authorization: Bearer <key>` (servers started with SLANT_API_KEYS) */
  apiKey?: string;
  /** headers added to every request */
  headers?: Record<string, string>;
  /** the fetch to use (default the global one) */
  fetch?: typeof fetch;
};

/** A non-2xx answer, with the service's error code and message (`{error: {code, message, details?}}`). */
export class SlantHttpError extends Error {
  override readonly name = 'SlantHttpError';
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export type SlantClient = ReturnType<typeof createClient>;

/**
 * A client of the service at `baseUrl` (e.g. `http://localhost:8787`). `rpc` is the raw `hc` client for
 * anything the methods do not cover; the methods throw `SlantHttpError` on an error answer.
 */
export function createClient(baseUrl: string, options: ClientOptions = {}) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.apiKey !== undefined) headers.authorization = `Bearer ${options.apiKey}`;
  const fetchImpl = options.fetch ?? fetch;
  const rpc = hc<AppType>(baseUrl, { headers, fetch: fetchImpl });

  return {
    rpc,
    /** One report: the article as `text`, `html`, or `url` alone. */
    async analyze(request: AnalyzeRequest): Promise<Report> {
      return (await readJson(await rpc.v1.analyze.$post({ json: request }))) as Report;
    },
    /**
     * Many articles through `/v1/analyze/batch`: yields one report or error line per record, in order, as the
     * server writes them (at most the server's line and byte limits per call; see its /openapi.json).
     */
    async *analyzeBatch(records: Iterable<BatchRecord> | AsyncIterable<BatchRecord>): AsyncGenerator<Report | ErrorLine> {
      const lines: string[] = [];
      for await (const record of records) lines.push(JSON.stringify(record));
      // hc cannot type an NDJSON body: the batch route's address is the analyze route's, plus /batch.
      const url = new URL(`${rpc.v1.analyze.$url().pathname}/batch`, rpc.v1.analyze.$url());
      const response = await fetchImpl(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-ndjson' }, body: `${lines.join('\n')}\n` });
      if (!response.ok || response.body === null) await readJson(response);
      yield* ndjsonLines(response.body as ReadableStream<Uint8Array>);
    },
    /** Several reports of one story side by side (2 to 6 articles, each as for `analyze`). */
    async compare(request: CompareRequest): Promise<Comparison> {
      return (await readJson(await rpc.v1.compare.$post({ json: request }))) as Comparison;
    },
    /** An outlet's card by domain, URL or name; `null` when no table knows it. */
    async source(domain: string): Promise<OutletCard | null> {
      const response = await rpc.v1.sources[':domain'].$get({ param: { domain }, query: {} });
      // The route's error answers are declared for /openapi.json, not in the type hc reads.
      if ((response.status as number) === 404) return null;
      return (await readJson(response)) as OutletCard;
    },
    /** The bundled word lists and outlet tables with versions and licences. */
    async lexicons() {
      const response = await rpc.v1.lexicons.$get();
      if (!response.ok) await readJson(response);
      return response.json();
    },
    /** The finding categories with their names, meanings and weights. */
    async categories() {
      const response = await rpc.v1.categories.$get();
      if (!response.ok) await readJson(response);
      return response.json();
    },
    /** Liveness and the analyzer version. */
    async health() {
      const response = await rpc.healthz.$get();
      if (!response.ok) await readJson(response);
      return response.json();
    },
  };
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    throw new SlantHttpError(response.status, 'invalid-response', `the server answered ${response.status} with a body that is not JSON: ${text.slice(0, 120)}`);
  }
  if (response.ok) return body;
  const error = (body as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const retry = response.headers.get('retry-after');
  const code = typeof error?.code === 'string' ? error.code : 'http-error';
  const message = typeof error?.message === 'string' ? error.message : `the server answered ${response.status}`;
  throw new SlantHttpError(response.status, code, message, error?.details, retry === null ? undefined : Number(retry));
}

async function* ndjsonLines(body: ReadableStream<Uint8Array>): AsyncGenerator<Report | ErrorLine> {
  const decoder = new TextDecoder();
  let pending = '';
  for await (const chunk of body as unknown as AsyncIterable<Uint8Array>) {
    pending += decoder.decode(chunk, { stream: true });
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      if (line.trim() !== '') yield JSON.parse(line) as Report | ErrorLine;
      newline = pending.indexOf('\n');
    }
  }
  pending += decoder.decode();
  if (pending.trim() !== '') yield JSON.parse(pending) as Report | ErrorLine;
}
