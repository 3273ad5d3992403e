/**
 * The HTTP service as a Hono app, built without listening (`main.ts` starts it; tests call
 * `app.request()`). Routes are declared with zod schemas so that validation and `/openapi.json` come from
 * the same objects; handlers follow their route inline. Analyses run through the `analyzer` (the worker
 * pool in production), and the report JSON it returns is sent as it is, never parsed again.
 */
import { availableParallelism } from 'node:os';
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { FINDING_CATEGORIES, loadCompareWords, loadLexicons, type CategoryText } from '../../core/data/index.ts';
import { reportSchema } from '../../core/report/schema.ts';
import type { FetchOptions } from '../ingest/index.ts';
import { loadSourceTables, lookupOutlet, outletCardSchema, renderOutletCard } from '../../core/outlets/index.ts';
import { ANALYZER_VERSION } from '../../core/version.ts';
import { createInProcessAnalyzer, reportBody, type Analyzer } from './analysis.ts';
import { AnalysisTimeoutError } from '../pool/index.ts';
import { reportCacheKey, type CachedReport, type ReportCache } from './report-cache.ts';
import { batchOutput, ndjsonStream } from './batch-route.ts';
import { compareRoute } from './compare-route.ts';
import { renderDocsPage } from './docs.ts';
import { ApiError, errorBody, toApiError } from './http-errors.ts';
import { DEFAULT_INPUT_LIMITS, givenArticle, resolveArticle, type InputLimits } from './request-input.ts';
import { compressResponses, limitBody, untagEncoding, parseJsonBody, rateLimit, requestIds, requestLog, requireApiKey, requireMediaType, securityHeaders, shedWhenBusy, type AppEnv, type RequestLogger } from './middleware.ts';
import { analyzeRequestSchema, batchErrorLineSchema, batchRecordSchema, domainParamSchema, errorSchema, healthSchema, lexiconsSchema, categoriesSchema } from './route-schemas.ts';
import { loadWebFiles } from './static-files.ts';

export type AppOptions = {
  /** runs analyses; the worker pool in production, in-process (one at a time) when absent */
  analyzer?: Analyzer;
  /** bytes per request body for /v1/analyze, default 2 MB */
  maxBodyBytes?: number;
  /** bytes per request body for /v1/analyze/batch, default 64 MB */
  maxBatchBytes?: number;
  /** non-blank lines per batch request, default 1000 */
  maxBatchLines?: number;
  /** analyses in flight per batch request, default the number of cores */
  batchConcurrency?: number;
  /** time budget per analysis in ms, default 10000 */
  timeoutMs?: number;
  /** options for fetching `url` requests (timeout, size, which private ranges to allow) */
  fetch?: FetchOptions;
  /** called once per request with its log entry; nothing is logged when absent */
  logger?: RequestLogger;
  /** the page's folder, default the bundled `src/edges/web` */
  webDir?: string;
  /** keys accepted as `Authorization: Bearer <key>` on /v1/ routes (but /v1/categories, the page's explanations); open when absent or empty */
  apiKeys?: readonly string[];
  /** caps on paragraphs per text article and on an HTML page's elements and depth (413/422 past them) */
  inputLimits?: Partial<InputLimits>;
  /** origins allowed to call the API from a browser (CORS); none when absent */
  corsOrigins?: readonly string[];
  /** requests per minute per client address on /v1/ routes (429 past it); no limit when absent */
  rateLimit?: number;
  /** ms a batch may take to send one line, counting only the time the server waits for it; default 30000 */
  requestTimeoutMs?: number;
  /** reports of `POST /v1/analyze` kept by input (`createReportCache`), answered again without an analysis; none when absent */
  reportCache?: ReportCache;
};

/** The batch route's path: `main.ts` leaves its body to the route's per-line deadline instead of the whole-request one. */
export const BATCH_PATH = '/v1/analyze/batch';

export const DEFAULTS = { maxBodyBytes: 2 * 1024 * 1024, maxBatchBytes: 64 * 1024 * 1024, maxBatchLines: 1000, timeoutMs: 10_000, requestTimeoutMs: 30_000 } as const;

const NDJSON_TYPES = ['application/x-ndjson', 'application/jsonl', 'application/jsonlines'];
const json = <T extends z.ZodType>(schema: T, description: string) => ({ content: { 'application/json': { schema } }, description });
// What every keyed, rate-limited /v1/ route may answer before its handler runs.
const ACCESS_ERRORS = {
  401: '`unauthorized`: the server has SLANT_API_KEYS and the request has no `Authorization: Bearer <key>` with one of them',
  429: '`rate-limited`: more than SLANT_RATE_LIMIT requests a minute from this address (Retry-After)',
};
const errors = (statuses: Record<number, string>) => Object.fromEntries(Object.entries(statuses).map(([status, description]) => [status, json(errorSchema, description)]));

/** The app with every route; nothing listens until `main.ts` serves it. */
export function createApp(options: AppOptions = {}) {
  const analyzer = options.analyzer ?? createInProcessAnalyzer();
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULTS.maxBodyBytes;
  const timeoutMs = options.timeoutMs ?? DEFAULTS.timeoutMs;
  const fetchOptions = options.fetch ?? {};
  const inputLimits: InputLimits = { ...DEFAULT_INPUT_LIMITS, ...options.inputLimits };
  const batchLimits = {
    maxLines: options.maxBatchLines ?? DEFAULTS.maxBatchLines,
    maxBytes: options.maxBatchBytes ?? DEFAULTS.maxBatchBytes,
    maxLineBytes: maxBodyBytes,
    concurrency: options.batchConcurrency ?? Math.max(2, availableParallelism()),
    timeoutMs,
    lineTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    input: inputLimits,
    fetch: fetchOptions,
  };
  const web = loadWebFiles(options.webDir);
  const reportCache = options.reportCache;

  const app = new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw new ApiError(400, 'invalid-request', `the request ${result.target === 'json' ? 'body' : result.target} does not match the schema`, result.error.issues);
    },
  });

  app.use(requestIds());
  app.use(requestLog(options.logger));
  app.use(compressResponses());
  app.use(securityHeaders());
  // A path that exists with another method is 405 with Allow, not 404 (hono lists the methods from the routes).
  app.use(
    methodNotAllowed({
      app,
      onMethodNotAllowed: (c, methods) => {
        c.set('errorCode', 'method-not-allowed');
        return c.json(errorBody('method-not-allowed', `${c.req.method} is not allowed on ${c.req.path}; use ${methods.join(' or ')}`), 405, { allow: methods.join(', ') });
      },
    }),
  );
  // Off unless origins are listed: the page is served by this server and needs no CORS.
  if (options.corsOrigins !== undefined && options.corsOrigins.length > 0) {
    app.use(cors({ origin: [...options.corsOrigins], allowMethods: ['GET', 'POST'], allowHeaders: ['content-type', 'authorization', 'x-request-id'], exposeHeaders: ['x-request-id', 'retry-after'], maxAge: 600 }));
  }
  // The rate limit counts refused keys too, so guessing keys is as slow as any other request.
  if (options.rateLimit !== undefined) app.use('/v1/*', rateLimit(options.rateLimit));
  if (options.apiKeys !== undefined && options.apiKeys.length > 0) {
    const keyCheck = requireApiKey(options.apiKeys);
    app.use('/v1/*', (c, next) => (c.req.path === '/v1/categories' ? next() : keyCheck(c, next)));
  }

  app.onError((error, c) => {
    const api = toApiError(error);
    c.set('errorCode', api.code);
    if (api.status >= 500 && api.status !== 503 && api.status !== 504) c.set('errorCause', error instanceof Error ? (error.stack ?? error.message) : String(error));
    return c.json(errorBody(api.code, api.message, api.details), api.status, api.headers);
  });
  app.notFound((c) => {
    c.set('errorCode', 'not-found');
    return c.json(errorBody('not-found', `no route for ${c.req.method} ${c.req.path}; see /docs`), 404);
  });

  // The report's schema is registered once and referenced, so /openapi.json describes what comes back.
  // It is converted with zod's own JSON Schema output: the library's schemas are plain zod, made before
  // (and without) the openapi extension.
  app.openAPIRegistry.registerComponent('schemas', 'Report', jsonSchemaOf(reportSchema));
  app.openAPIRegistry.registerComponent('schemas', 'OutletCard', jsonSchemaOf(outletCardSchema));
  app.openAPIRegistry.register('BatchErrorLine', batchErrorLineSchema);
  const reportRef = { $ref: '#/components/schemas/Report' };

  const analyzeRoute = createRoute({
    method: 'post',
    path: '/v1/analyze',
    summary: 'Analyse one article',
    description:
      'Give the article as `text`, as `html` (the article is extracted from the page), or as `url` alone (the page is fetched by the server; private and loopback addresses are refused). `url` beside text or html only says where the article was published. Returns the report (see the Report schema).',
    middleware: [shedWhenBusy(analyzer), limitBody(maxBodyBytes), requireMediaType(['application/json']), parseJsonBody()] as const,
    request: { body: { content: { 'application/json': { schema: analyzeRequestSchema } }, required: true } },
    responses: {
      200: { content: { 'application/json': { schema: reportRef } }, description: 'the report' },
      ...errors({
        400: '`invalid-json`, `invalid-request` (a body that does not match the schema; zod issues in details), `empty` (no article), `bad-request`',
        ...ACCESS_ERRORS,
        408: '`request-timeout`: the body did not arrive within SLANT_REQUEST_TIMEOUT_MS (the connection is closed)',
        413: '`payload-too-large`: body over SLANT_MAX_BODY_BYTES; `too-many-paragraphs`, `html-too-large`: the article is over SLANT_MAX_PARAGRAPHS or SLANT_MAX_HTML_ELEMENTS (the message names the limit)',
        415: '`unsupported-media-type`: not application/json, or a Content-Type that cannot be read',
        422: '`fetch-failed`: the URL could not be fetched (reason in details); `not-text`: a binary file; `html-too-deep`: elements nested deeper than SLANT_MAX_HTML_DEPTH',
        500: '`internal`, `analysis-failed`: our failure (details are logged, never sent)',
        503: '`overloaded`: the queue is full, answered before the body is read (Retry-After); `shutting-down`',
        504: '`timeout`: the analysis exceeded its time budget',
      }),
    },
    'x-curl': `curl -s localhost:8787/v1/analyze -H 'content-type: application/json' -d '{"text": "Critics slammed the so-called reform."}'`,
  });

  const batchRoute = createRoute({
    method: 'post',
    path: BATCH_PATH,
    summary: 'Analyse many articles, streamed',
    description: `NDJSON in, NDJSON out: one record per line (the AnalyzeRequest fields; \`id\` may be a number), one report or \`{line, id?, error}\` per non-blank line, in input order, written as each is ready. At most ${batchLimits.maxLines} lines and ${batchLimits.maxBytes} bytes per request; past either, a last error line says what was not read.`,
    middleware: [shedWhenBusy(analyzer), requireMediaType(NDJSON_TYPES)] as const,
    request: { body: { content: { 'application/x-ndjson': { schema: batchRecordSchema } }, required: true } },
    responses: {
      200: { content: { 'application/x-ndjson': { schema: { oneOf: [reportRef, { $ref: '#/components/schemas/BatchErrorLine' }] } } }, description: 'one line per input line: a Report or a BatchErrorLine' },
      ...errors({
        400: '`bad-request`: a request hono cannot read',
        ...ACCESS_ERRORS,
        413: '`payload-too-large`: Content-Length over SLANT_MAX_BATCH_BYTES (a body that outgrows it without one ends with an error line)',
        415: '`unsupported-media-type`: not application/x-ndjson, or a Content-Type that cannot be read',
        500: '`internal`: our failure',
        503: '`overloaded`: the queue is full, answered before the body is read (Retry-After); `shutting-down`',
      }),
    },
    'x-curl': `printf '%s\\n' '{"id":"a","text":"Critics slammed it."}' '{"id":"b","text":"The council met."}' |\n  curl -s localhost:8787/v1/analyze/batch -H 'content-type: application/x-ndjson' --data-binary @-`,
  });

  const compare = compareRoute(app, { analyzer, maxBodyBytes, timeoutMs, fetch: fetchOptions, inputLimits });

  const sourceRoute = createRoute({
    method: 'get',
    path: '/v1/sources/{domain}',
    summary: "An outlet's card: ownership, reliability and every rating with its provenance",
    description: 'Looks up a domain, URL or outlet name; `?format=text` gives the card as `slant source` prints it.',
    request: { params: domainParamSchema, query: z.object({ format: z.enum(['json', 'text']).optional() }) },
    responses: {
      200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/OutletCard' } }, 'text/plain': { schema: { type: 'string' } } }, description: 'the outlet card' },
      ...errors({ 400: '`invalid-request`: invalid parameter', ...ACCESS_ERRORS, 404: '`unknown-outlet`: no outlet in the tables has this name or domain', 500: '`internal`: our failure' }),
    },
    'x-curl': 'curl -s localhost:8787/v1/sources/presstv.ir',
  });

  const lexiconsRoute = createRoute({
    method: 'get',
    path: '/v1/lexicons',
    summary: 'The bundled word lists and outlet tables, with versions, entry counts and licences',
    responses: { 200: json(lexiconsSchema, 'the lexicons'), ...errors(ACCESS_ERRORS) },
    'x-curl': 'curl -s localhost:8787/v1/lexicons',
  });

  const categoriesRoute = createRoute({
    method: 'get',
    path: '/v1/categories',
    summary: "The finding categories: each one's name, what it means, an example and its weights (the page's explanations)",
    responses: { 200: json(categoriesSchema, 'the categories, in tie-break order') },
    'x-curl': 'curl -s localhost:8787/v1/categories',
  });

  const healthRoute = createRoute({
    method: 'get',
    path: '/healthz',
    summary: 'Liveness: answers at once, whatever the analyses are doing',
    responses: { 200: json(healthSchema, 'alive') },
    'x-curl': 'curl -s localhost:8787/healthz',
  });

  // One chain, so that the app's type carries every route (hc in src/client.ts reads it).
  const api = app
    .openapi(analyzeRoute, async (c) => {
      const { options: requestOptions, ...request } = c.req.valid('json');
      const type = { 'content-type': 'application/json; charset=utf-8' };
      const answer = (report: CachedReport, hit: boolean) => {
        const headers = { etag: report.etag, 'x-slant-cache': hit ? 'hit' : 'miss' };
        if (matchesEtag(c.req.header('if-none-match'), report.etag)) return untyped(c.body(null, 304, headers));
        return untyped(c.body(reportBody(report.json), 200, { ...type, ...headers }));
      };
      const budget = Math.min(requestOptions?.timeoutMs ?? timeoutMs, timeoutMs);
      const resolve = () => resolveArticle(request, fetchOptions, inputLimits);
      if (reportCache === undefined) return untyped(c.body(reportBody(await analyzer.analyzeJson(await resolve(), { timeoutMs: budget })), 200, type));
      // An analysis in the cache may be shared by every request for the same article, so it runs with the
      // server's budget, and a request that asked for a shorter one stops waiting at its own deadline (504)
      // while the analysis goes on for the others and for the cache: one impatient client cannot fail the rest.
      const analyze = (input: Parameters<Analyzer['analyzeJson']>[0]) => analyzer.analyzeJson(input, { timeoutMs });
      // A text or page given in the request is its own key: one kept in the cache was checked when it was
      // first analysed, so it is answered before the checks. An address is fetched first and keyed by what came back.
      const given = givenArticle(request);
      // The budget covers the analysis (as without a cache), not the fetch of an address, which has its own limits.
      const wait = (pending: Promise<CachedReport & { readonly hit: boolean }>) => (budget < timeoutMs ? withinBudget(pending, budget) : pending);
      const report =
        given !== undefined
          ? await wait(reportCache.get(reportCacheKey(given), async () => analyze(await resolve())))
          : await resolve().then((input) => wait(reportCache.get(reportCacheKey(input), () => analyze(input))));
      return answer(report, report.hit);
    })
    .openapi(batchRoute, (c) => {
      const length = c.req.header('content-length');
      if (length !== undefined && Number(length) > batchLimits.maxBytes) tooLarge(batchLimits.maxBytes);
      const body = c.req.raw.body ?? new ReadableStream<Uint8Array>({ start: (controller) => controller.close() });
      const { stream, done } = ndjsonStream(batchOutput(body, analyzer, batchLimits));
      c.set('streamed', done);
      return untyped(c.body(stream, 200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'cache-control': 'no-store' }));
    })
    .openapi(compare.route, compare.handler)
    .openapi(sourceRoute, (c) => {
      const { domain } = c.req.valid('param');
      const card = lookupOutlet(domain);
      if (card.outlet === null && card.reliability.ratings.length === 0) {
        throw new ApiError(404, 'unknown-outlet', `no outlet in the tables has the name or domain ${JSON.stringify(domain)}`, { notes: card.reliability.notes });
      }
      if (c.req.valid('query').format === 'text') return untyped(c.text(`${renderOutletCard(card)}\n`, 200));
      return untyped(c.json(card, 200));
    })
    .openapi(lexiconsRoute, (c) => c.json(lexiconList(), 200))
    .openapi(categoriesRoute, (c) => c.json(categoryList(), 200))
    .openapi(healthRoute, (c) => c.json({ status: 'ok' as const, version: ANALYZER_VERSION, pending: analyzer.pending }, 200));

  const documentConfig = {
    openapi: '3.1.0',
    info: { title: 'slant', version: ANALYZER_VERSION, description: 'Explainable media-bias and source-credibility analysis: sentiment, loaded language and attribution, with evidence for every number.' },
  };
  let document: ReturnType<typeof app.getOpenAPI31Document> | undefined;
  let docsPage: string | undefined;
  const openApiDocument = () => (document ??= app.getOpenAPI31Document(documentConfig));
  app.get('/openapi.json', (c) => c.json(openApiDocument()));
  app.get('/docs', (c) => c.html((docsPage ??= renderDocsPage(openApiDocument()))));

  for (const [path, file] of web) {
    app.get(path, (c) => c.body(file.body, 200, { 'content-type': file.type, 'cache-control': 'no-cache' }));
  }

  return api;
}

/** The app's type with every /v1/ route and /healthz: what `hc` in `slant/client` is typed from. */
export type AppType = ReturnType<typeof createApp>;

/** `pending`, or AnalysisTimeoutError once `ms` have passed (`pending` itself goes on). */
function withinBudget<T>(pending: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AnalysisTimeoutError(`the analysis took longer than ${ms} ms`)), ms);
  });
  return Promise.race([pending, deadline]).finally(() => clearTimeout(timer));
}

// Responses sent as ready-made bodies (the pool's report JSON, an NDJSON stream) are described in
// /openapi.json by schemas hono's typed responses cannot check; the route declarations stay the contract.
function untyped(response: Response): never {
  return response as never;
}

function jsonSchemaOf(schema: z.ZodType) {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' });
  void $schema;
  return rest as Record<string, unknown>;
}

// If-None-Match: any listed tag, weak or strong (weak comparison, RFC 9110 13.1.2), or `*`. A tag the
// compression middleware gave a compressed answer (`"…-gzip"`) names the same report.
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '');
    return tag === '*' || untagEncoding(tag) === etag;
  });
}

function tooLarge(limit: number): never {
  throw new ApiError(413, 'payload-too-large', `the request body is larger than the limit of ${limit} bytes`);
}

// The page's explanations: every category, in the registry's order, with its words in the bundled language.
function categoryList(): z.infer<typeof categoriesSchema> {
  const texts = loadLexicons().categories;
  return { categories: FINDING_CATEGORIES.map(({ id, weight, subjectivity }) => ({ ...(texts.get(id) as CategoryText), weight, subjectivity })) };
}

// Lexicons and outlet tables load once per process; the first call pays for it.
let lexiconListCache: z.infer<typeof lexiconsSchema> | undefined;
function lexiconList(): z.infer<typeof lexiconsSchema> {
  if (lexiconListCache !== undefined) return lexiconListCache;
  // The analyzer's lists, then the comparison's (loaded apart: analyses never read them), then the outlet tables.
  const lexicons = [...loadLexicons().info, ...loadCompareWords().info].map(({ name, version, entries, license, source }) => ({ name, version, entries, license, source }));
  const tables = loadSourceTables();
  const sources = [tables.rsp, tables.cred1, tables.ownership].map((table) => ({
    name: table.name,
    version: table.header.version,
    entries: table.rows.length,
    license: table.licenseName,
    source: table.header.source,
  }));
  lexiconListCache = { lexicons: [...lexicons, ...sources] };
  return lexiconListCache;
}
