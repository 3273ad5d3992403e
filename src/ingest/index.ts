/**
 * Ingestion: turn a web page (HTML text or bytes, or a URL) into the article text slant analyses, with
 * hints about which blocks are headline, byline, captions or boilerplate. An edge of the pipeline: it
 * depends on the core's shared types and nothing in the core depends on it.
 *
 * First cut of the public contract; the implementations are filled in behind these signatures.
 */
import type { BlockHint, DocumentMeta } from '../structure/roles.ts';

export type ExtractedDocument = { text: string; hints: BlockHint[]; meta: DocumentMeta };

/** HTML (string, or bytes with an optional Content-Type for the charset) -> the article's text with block hints; never throws on any input. */
export function extractHtml(html: string | Uint8Array, options?: { url?: string; contentType?: string }): ExtractedDocument {
  void options;
  try {
    const source = typeof html === 'string' ? html : new TextDecoder('utf-8').decode(html);
    const text = source
      .replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1\s*>/gi, '')
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    return { text, hints: [], meta: {} };
  } catch {
    return { text: '', hints: [], meta: {} };
  }
}

export type FetchOptions = {
  /** whole fetch (connect, headers, body), default 10000 */
  timeoutMs?: number;
  /** default 5 MB */
  maxBytes?: number;
  /** default 5 */
  maxRedirects?: number;
  /** address ranges to allow besides public ones; default none */
  allow?: Array<'loopback' | 'private'>;
  userAgent?: string;
};

export type FetchedDocument = {
  /** as asked */
  url: string;
  finalUrl: string;
  redirects: string[];
  contentType: string;
  kind: 'html' | 'text';
  body: Uint8Array;
  charset?: string;
};

export type IngestErrorCode =
  | 'invalid-url'
  | 'unsupported-scheme'
  | 'blocked-address'
  | 'dns'
  | 'timeout'
  | 'too-large'
  | 'too-many-redirects'
  | 'unsupported-type'
  | 'http-status'
  | 'network';

/** A fetch that failed; the message names the URL and the reason. */
export class IngestError extends Error {
  readonly code: IngestErrorCode;
  readonly url: string;
  constructor(code: IngestErrorCode, url: string, reason: string, options?: { cause?: unknown; status?: number }) {
    super(`cannot fetch ${url}: ${reason}`, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IngestError';
    this.code = code;
    this.url = url;
  }
}

/** Fetch an http(s) page with address checks, redirects, a size cap and a timeout. */
export async function fetchDocument(url: string, options?: FetchOptions): Promise<FetchedDocument> {
  void options;
  throw new IngestError('network', url, 'not implemented yet');
}

/** decode bytes of a fetched text/plain document with its charset */
export function decodeText(body: Uint8Array, contentType?: string): string {
  void contentType;
  return new TextDecoder('utf-8').decode(body);
}
