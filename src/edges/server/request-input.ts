/**
 * From a validated request to what `analyze()` takes. Text and HTML pass through with their metadata. A
 * URL given alone is fetched here, on the main thread, because fetching waits on the network, not the CPU:
 * the worker then gets the page as HTML (or text) and spends its time analysing. The ingestion layer
 * refuses private and loopback addresses unless the app was configured to allow them. Empty input and binary
 * bytes are refused here, before any work (ApiError `empty` 400, `not-text` 422).
 */
import { checkArticle, fetchArticle } from '../../analyze.ts';
import { ApiError } from './http-errors.ts';
import { htmlShape, withoutCredentials, type FetchOptions } from '../ingest/index.ts';
import { splitParagraphs } from '../../core/text/paragraphs.ts';
import type { ArticleRecord, HtmlInput, TextInput } from '../../core/report/schema.ts';

/** The article fields shared by single and batch requests, after validation (a batch line's id as a string). */
export type ArticleRequest = Omit<ArticleRecord, 'id'> & { id?: string | undefined };

/** Caps on the work one article may ask for, checked before it reaches an analysis worker. */
export type InputLimits = {
  /** paragraphs in a text article (analysis time grows with them: a megabyte of one-word paragraphs took 10 s) */
  maxParagraphs: number;
  /** elements in an HTML page */
  maxHtmlElements: number;
  /** nesting depth of an HTML page's elements */
  maxHtmlDepth: number;
};

export const DEFAULT_INPUT_LIMITS: InputLimits = { maxParagraphs: 5000, maxHtmlElements: 100_000, maxHtmlDepth: 512 };

/** The library input for a request, fetching the page first when only `url` is given; rejects with IngestError or ApiError. */
export async function resolveArticle(request: ArticleRequest, fetchOptions: FetchOptions, limits: InputLimits = DEFAULT_INPUT_LIMITS): Promise<TextInput | HtmlInput> {
  const input = givenArticle(request) ?? (await fetchArticle({ ...metaOf(request), url: request.url as string }, fetchOptions));
  // Nothing to analyse is the client's mistake (400); bytes that are not text are refused as content (422).
  const problem = checkArticle(input);
  if (problem !== null) throw new ApiError(problem.code === 'empty' ? 400 : 422, problem.code, problem.message);
  checkLimits(input, limits);
  return input;
}

/** The library input for a request that gives its text or page (unchecked: see resolveArticle); undefined for a URL to fetch. */
export function givenArticle(request: ArticleRequest): TextInput | HtmlInput | undefined {
  if (request.text !== undefined) return { text: request.text, ...metaOf(request) };
  if (request.html !== undefined) return { html: request.html, ...metaOf(request) };
  return undefined;
}

// Too much of something is 413 (the article is too large); markup nested past reason is 422 (not a page we read).
function checkLimits(input: TextInput | HtmlInput, limits: InputLimits): void {
  if ('text' in input) {
    const paragraphs = splitParagraphs(input.text).length;
    if (paragraphs > limits.maxParagraphs) throw new ApiError(413, 'too-many-paragraphs', `the article has ${paragraphs} paragraphs; the limit is ${limits.maxParagraphs}`, { limit: limits.maxParagraphs, found: paragraphs });
    return;
  }
  const { elements, depth } = htmlShape(input.html);
  if (elements > limits.maxHtmlElements) throw new ApiError(413, 'html-too-large', `the page has ${elements} HTML elements; the limit is ${limits.maxHtmlElements}`, { limit: limits.maxHtmlElements, found: elements });
  if (depth > limits.maxHtmlDepth) throw new ApiError(422, 'html-too-deep', `the page's elements are nested ${depth} deep; the limit is ${limits.maxHtmlDepth}`, { limit: limits.maxHtmlDepth, found: depth });
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
