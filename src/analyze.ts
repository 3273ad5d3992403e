/**
 * The library's entry point: text, HTML or a URL in, report out. Here the edges meet the core: HTML and
 * URLs go through ingestion (src/edges/ingest) to a prepared document, which the core's pipeline
 * (src/core/pipeline.ts) analyses. Analysis of text never throws on any string, and the same input always
 * gives the same report.
 */
import { parseAnalyzeInput } from './core/report/input-error.ts';
import { analyzeDocument, type PipelineOptions, type PreparedDocument } from './core/pipeline.ts';
import { type AnalyzeInput, type DocumentInfo, type HtmlInput, type Report, type TextInput, type UrlInput } from './core/report/schema.ts';
import { decodeText, extractHtml, fetchDocument, type FetchOptions } from './edges/ingest/index.ts';
import { notAnArticle, notAnArticleBytes, type NotAnArticle } from './core/text/index.ts';

export type { AnalyzeInput, TextInput, HtmlInput, UrlInput } from './core/report/schema.ts';

export type AnalyzeOptions = PipelineOptions & {
  /** for `{url}` input: timeout, size cap, redirects, address ranges allowed besides public ones */
  fetch?: FetchOptions;
};

/**
 * Analyzes a string, `{text}` or `{html}` and returns the report; `{url}` alone is fetched, so it returns
 * a promise. Throws InputError on input of the wrong shape and LexiconError on a broken lexicon; a fetch
 * that fails rejects with IngestError (code and a message naming the URL and the reason).
 */
export function analyze(input: string | TextInput | HtmlInput, options?: AnalyzeOptions): Report;
export function analyze(input: UrlInput, options?: AnalyzeOptions): Promise<Report>;
export function analyze(input: AnalyzeInput, options?: AnalyzeOptions): Report | Promise<Report>;
export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): Report | Promise<Report> {
  const parsed = parseAnalyzeInput(input);
  if (typeof parsed !== 'string' && !('text' in parsed) && !('html' in parsed)) return analyzeUrl(parsed, options);
  return analyzeDocument(prepare(parsed), options);
}

/** The same as `analyze`, always as a promise (for callers that take any kind of input). */
export async function analyzeAsync(input: AnalyzeInput, options: AnalyzeOptions = {}): Promise<Report> {
  return analyze(input, options);
}

function prepare(parsed: string | TextInput | HtmlInput): PreparedDocument {
  if (typeof parsed === 'string') return { text: parsed, hints: [], meta: {}, hint: {}, sides: {} };
  const meta: PreparedDocument['meta'] = {};
  if (parsed.id !== undefined) meta.id = parsed.id;
  if (parsed.url !== undefined) meta.url = parsed.url;
  const hint: PreparedDocument['hint'] = {};
  if (parsed.outlet !== undefined) hint.outlet = parsed.outlet;
  if ('text' in parsed) {
    if (parsed.title !== undefined) meta.title = parsed.title;
    if (parsed.url !== undefined) hint.url = parsed.url;
    return fetchedBy({ text: parsed.text, hints: [], meta, hint, sides: parsed.sides ?? {} }, parsed.fetched);
  }
  const extracted = extractHtml(parsed.html, { ...(parsed.url === undefined ? {} : { url: parsed.url }), ...(parsed.fetched === undefined ? {} : { contentType: parsed.fetched.contentType }) });
  return fetchedBy(fromExtracted(extracted, parsed.fetched === undefined ? 'html' : 'url', parsed, meta, hint), parsed.fetched);
}

// A page the caller fetched: reported as URL input, under the address that was asked for.
function fetchedBy(prepared: PreparedDocument, fetched: DocumentInfo['fetched']): PreparedDocument {
  if (fetched === undefined) return prepared;
  prepared.meta.url = fetched.url;
  prepared.hint.url ??= fetched.finalUrl;
  prepared.document = { ...(prepared.document ?? {}), input: 'url', fetched };
  return prepared;
}

function fromExtracted(extracted: ReturnType<typeof extractHtml>, input: 'html' | 'url', parsed: HtmlInput | UrlInput, meta: PreparedDocument['meta'], hint: PreparedDocument['hint']): PreparedDocument {
  const title = parsed.title ?? extracted.meta.title;
  if (title !== undefined) meta.title = title;
  // The page's own address and name identify the outlet when the caller gave neither.
  const url = parsed.url ?? extracted.meta.canonicalUrl;
  if (url !== undefined) hint.url = extracted.meta.canonicalUrl ?? url;
  if (hint.outlet === undefined && extracted.meta.siteName !== undefined) hint.outlet = extracted.meta.siteName;
  const document: DocumentInfo = { input, ...extracted.meta };
  return { text: extracted.text, hints: extracted.hints, meta, hint, sides: parsed.sides ?? {}, document };
}

async function analyzeUrl(parsed: UrlInput, options: AnalyzeOptions): Promise<Report> {
  return analyzeDocument(prepare(await fetchArticle(parsed, options.fetch)), options);
}

/**
 * Fetches `{url}` and returns the page as `{html}` (bytes, so its charset decides) or `{text}`, with the
 * fetch recorded in `fetched`: what `analyze({url})` does before analysing, for callers that fetch in one
 * place and analyse in another (the HTTP service). Rejects with IngestError.
 */
export async function fetchArticle(input: UrlInput, fetchOptions?: FetchOptions): Promise<TextInput | HtmlInput> {
  const fetched = await fetchDocument(input.url, fetchOptions);
  const record = { ...input, url: fetched.finalUrl, fetched: { url: fetched.url, finalUrl: fetched.finalUrl, redirects: fetched.redirects, contentType: fetched.contentType } };
  return fetched.kind === 'html' ? { ...record, html: fetched.body } : { ...record, text: decodeText(fetched.body, fetched.contentType) };
}

/**
 * Why an input is not an article to analyse, or null: empty, white space only, or a binary file's bytes. The
 * CLI, the HTTP service and `slant batch` refuse such input with this code and message; `analyze()` itself
 * still returns a report for any string. A URL is checked once fetched (check what `fetchArticle` returns).
 */
export function checkArticle(input: string | TextInput | HtmlInput): NotAnArticle | null {
  if (typeof input === 'string') return notAnArticle(input);
  if ('text' in input) return notAnArticle(input.text);
  return typeof input.html === 'string' ? notAnArticle(input.html) : notAnArticleBytes(input.html);
}
