/**
 * `POST /v1/compare`: 2 to 6 reports of one story side by side. Each article goes through the same checks
 * and limits as `/v1/analyze` (fetching, empty or binary input, paragraph and HTML caps, the time budget),
 * analysed through the same analyzer (the worker pool in production), and an error names the article it
 * comes from (`articles[1]: ...`, `details.article`). The comparison itself is a pure function of the reports
 * (src/core/compare), run here once they are back.
 */
import { createRoute, z, type OpenAPIHono, type RouteHandler } from '@hono/zod-openapi';
import { compareReports, comparisonSchema, MAX_ARTICLES, type NamedReport } from '../../core/compare/index.ts';
import type { Report } from '../../core/report/schema.ts';
import type { FetchOptions } from '../ingest/index.ts';
import { reportJsonText, type Analyzer } from './analysis.ts';
import { ApiError, toApiError } from './http-errors.ts';
import { limitBody, parseJsonBody, requireMediaType, shedWhenBusy, type AppEnv } from './middleware.ts';
import { resolveArticle, type InputLimits } from './request-input.ts';
import { compareRequestSchema, errorSchema } from './route-schemas.ts';

export const COMPARE_PATH = '/v1/compare';

export type CompareRouteOptions = {
  analyzer: Analyzer;
  /** bytes per article, as for /v1/analyze: the body may hold MAX_ARTICLES of them */
  maxBodyBytes: number;
  timeoutMs: number;
  fetch: FetchOptions;
  inputLimits: InputLimits;
};

const errorResponse = (description: string) => ({ content: { 'application/json': { schema: errorSchema } }, description });

/**
 * `POST /v1/compare`: registers its Comparison schema in /openapi.json and returns the route and its handler,
 * for app.ts to add to its chain of routes (so the typed client sees it).
 */
export function compareRoute(app: OpenAPIHono<AppEnv>, options: CompareRouteOptions) {
  const { $schema: _schema, ...comparisonJson } = z.toJSONSchema(comparisonSchema, { io: 'output', unrepresentable: 'any' });
  app.openAPIRegistry.registerComponent('schemas', 'Comparison', comparisonJson as Record<string, unknown>);
  const route = createRoute({
    method: 'post',
    path: COMPARE_PATH,
    summary: 'Compare several reports of one story',
    description: `2 to ${MAX_ARTICLES} articles, each given as for /v1/analyze (\`text\`, \`html\`, or \`url\` alone), analysed with the same limits, then compared: who is heard and how in each (voices), which words each chooses for the same referent (contested terms), what each has that the others lack (names, figures, statements, wording), the figures and headlines side by side, outlet cards, and a short summary of differences where every line carries its evidence. No verdict. The body may be up to ${MAX_ARTICLES} times the /v1/analyze limit.`,
    middleware: [shedWhenBusy(options.analyzer), limitBody(options.maxBodyBytes * MAX_ARTICLES), requireMediaType(['application/json']), parseJsonBody()] as const,
    request: { body: { content: { 'application/json': { schema: compareRequestSchema } }, required: true } },
    responses: {
      200: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Comparison' } } }, description: 'the comparison' },
      400: errorResponse('`invalid-json`, `invalid-request` (fewer than 2 or more than 6 articles, or an article that does not match the schema; zod issues in details), `empty` (an article with no text; `details.article` says which)'),
      401: errorResponse('`unauthorized`: the server has SLANT_API_KEYS and the request has no `Authorization: Bearer <key>` with one of them'),
      413: errorResponse('`payload-too-large`: body over 6 times SLANT_MAX_BODY_BYTES; `too-many-paragraphs`, `html-too-large`: an article over the limits of /v1/analyze (`details.article`)'),
      415: errorResponse('`unsupported-media-type`: not application/json'),
      422: errorResponse('`fetch-failed`, `not-text`, `html-too-deep`: as for /v1/analyze, for the article named in `details.article`'),
      429: errorResponse('`rate-limited`: more than SLANT_RATE_LIMIT requests a minute from this address (Retry-After)'),
      500: errorResponse('`internal`, `analysis-failed`: our failure (details are logged, never sent)'),
      503: errorResponse('`overloaded` (Retry-After), `shutting-down`'),
      504: errorResponse('`timeout`: an analysis exceeded its time budget'),
    },
    'x-curl': `curl -s localhost:8787/v1/compare -H 'content-type: application/json' -d '{"articles": [{"id": "a", "text": "Kiev rejected the regime\\u0027s demands."}, {"id": "b", "text": "Kyiv rejected the government\\u0027s demands."}]}'`,
  });
  const handler: RouteHandler<typeof route, AppEnv> = async (c) => {
    const { articles, options: requestOptions } = c.req.valid('json');
    const budget = Math.min(requestOptions?.timeoutMs ?? options.timeoutMs, options.timeoutMs);
    const reports = await Promise.all(
      articles.map(async (article, index): Promise<NamedReport> => {
        try {
          const input = await resolveArticle(article, options.fetch, options.inputLimits);
          const report = JSON.parse(reportJsonText(await options.analyzer.analyzeJson(input, { timeoutMs: budget }))) as Report;
          return { name: article.id ?? article.url ?? `article ${index + 1}`, report };
        } catch (error) {
          throw forArticle(error, index);
        }
      }),
    );
    // Described in /openapi.json by the Comparison component (plain zod, converted once), which hono's typed responses cannot check.
    return c.json(compareReports(reports), 200) as never;
  };
  return { route, handler };
}

// The same status and code as /v1/analyze would give, with the article it concerns in the message and details.
function forArticle(error: unknown, index: number): ApiError {
  const api = toApiError(error);
  if (api.status >= 500) return api;
  const details = api.details !== null && typeof api.details === 'object' && !Array.isArray(api.details) ? { article: index, ...api.details } : api.details === undefined ? { article: index } : { article: index, issues: api.details };
  return new ApiError(api.status, api.code, `articles[${index}]: ${api.message}`, details, api.headers);
}
