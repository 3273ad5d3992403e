/**
 * From a validated request to what `analyze()` takes. Text and HTML pass through with their metadata. A
 * URL given alone is fetched here, on the main thread, because fetching waits on the network, not the CPU:
 * the worker then gets the page as HTML (or text) and spends its time analysing. The ingestion layer
 * refuses private and loopback addresses unless the app was configured to allow them.
 */
import { decodeHtmlBytes, decodeText, fetchDocument, type FetchOptions } from '../ingest/index.ts';
import type { HtmlInput, TextInput } from '../report/schema.ts';

/** The article fields shared by single and batch requests, after validation. */
export type ArticleRequest = {
  id?: string | undefined;
  text?: string | undefined;
  html?: string | undefined;
  url?: string | undefined;
  title?: string | undefined;
  outlet?: string | undefined;
  sides?: Record<string, string[]> | undefined;
};

/** The library input for a request, fetching the page first when only `url` is given; rejects with IngestError. */
export async function resolveArticle(request: ArticleRequest, fetchOptions: FetchOptions): Promise<TextInput | HtmlInput> {
  if (request.text !== undefined) return withMeta({ text: request.text }, request, request.url);
  if (request.html !== undefined) return withMeta({ html: request.html }, request, request.url);
  const fetched = await fetchDocument(request.url as string, fetchOptions);
  // Where the page came from travels with it, so the report says it was fetched, from where, through which redirects.
  const origin = { fetched: { url: fetched.url, finalUrl: fetched.finalUrl, redirects: fetched.redirects, contentType: fetched.contentType } };
  // HTML is decoded as a browser would (BOM, Content-Type, then <meta charset>); text by its Content-Type.
  if (fetched.kind === 'html') return { ...withMeta({ html: decodeHtmlBytes(fetched.body, fetched.contentType).text }, request, fetched.finalUrl), ...origin };
  return { ...withMeta({ text: decodeText(fetched.body, fetched.contentType) }, request, fetched.finalUrl), ...origin };
}

function withMeta<T extends { text: string } | { html: string }>(input: T, request: ArticleRequest, url: string | undefined): T & Omit<TextInput, 'text'> {
  const record: T & Omit<TextInput, 'text'> = { ...input };
  if (request.id !== undefined) record.id = request.id;
  if (request.title !== undefined) record.title = request.title;
  if (url !== undefined) record.url = url;
  if (request.outlet !== undefined) record.outlet = request.outlet;
  if (request.sides !== undefined) record.sides = request.sides;
  return record;
}
