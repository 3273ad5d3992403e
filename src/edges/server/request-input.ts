/**
 * From a validated request to what `analyze()` takes. Text and HTML pass through with their metadata. A
 * URL given alone is fetched here, on the main thread, because fetching waits on the network, not the CPU:
 * the worker then gets the page as HTML (or text) and spends its time analysing. The ingestion layer
 * refuses private and loopback addresses unless the app was configured to allow them. Empty input and binary
 * bytes are refused here, before any work (ApiError `empty` 400, `not-text` 422).
 */
import { checkArticle, fetchArticle } from '../../analyze.ts';
import { ApiError } from './http-errors.ts';
import { withoutCredentials, type FetchOptions } from '../ingest/index.ts';
import type { ArticleRecord, HtmlInput, TextInput } from '../../core/report/schema.ts';

/** The article fields shared by single and batch requests, after validation (a batch line's id as a string). */
export type ArticleRequest = Omit<ArticleRecord, 'id'> & { id?: string | undefined };

/** The library input for a request, fetching the page first when only `url` is given; rejects with IngestError. */
export async function resolveArticle(request: ArticleRequest, fetchOptions: FetchOptions): Promise<TextInput | HtmlInput> {
  const meta = metaOf(request);
  const input = request.text !== undefined ? { text: request.text, ...meta } : request.html !== undefined ? { html: request.html, ...meta } : await fetchArticle({ ...meta, url: request.url as string }, fetchOptions);
  // Nothing to analyse is the client's mistake (400); bytes that are not text are refused as content (422).
  const problem = checkArticle(input);
  if (problem !== null) throw new ApiError(problem.code === 'empty' ? 400 : 422, problem.code, problem.message);
  return input;
}

// The optional fields a request carries besides its text, without undefined values (zod's optional types).
function metaOf(request: ArticleRequest): Omit<TextInput, 'text'> {
  const meta: Omit<TextInput, 'text'> = {};
  if (request.id !== undefined) meta.id = request.id;
  if (request.title !== undefined) meta.title = request.title;
  // The report echoes the address: a `user:password@` in it would be handed back to anyone who sees the report.
  if (request.url !== undefined) meta.url = withoutCredentials(request.url);
  if (request.outlet !== undefined) meta.outlet = request.outlet;
  if (request.sides !== undefined) meta.sides = request.sides;
  return meta;
}
