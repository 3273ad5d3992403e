/**
 * Ingestion: turn a web page (HTML text or bytes, or a URL) into the article text slant analyses, with
 * hints about which blocks are headline, byline, captions or boilerplate. An edge of the pipeline: it
 * depends on the core's shared types and nothing in the core depends on it.
 *
 * The passes, in order: 01-charset (bytes to text), 02-parse (linkedom DOM), 03-metadata, 04-roles and
 * 05-blocks (the page's blocks and what their markup says), 06-furniture (the breadcrumb and the story's
 * share bars, closing notices, tags, related links and comment headings), extract.ts (Readability, with runs of `<br>` lines folded while it reads: line-runs.ts, and the class, style
 * and byline reads it makes of every element answered without the objects linkedom would keep: light-reads.ts; and layout);
 * 08-address and 09-fetch (getting the bytes safely).
 */
import { decodeTextBytes } from './charset.ts';

export { extractHtml, type ExtractedDocument, type ExtractOptions } from './extract.ts';
export { fetchDocument, withoutCredentials, type FetchedDocument, type FetchOptions, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, DEFAULT_TIMEOUT_MS } from './fetch.ts';
export { IngestError, type IngestErrorCode } from './ingest-error.ts';
export { htmlShape } from './html-shape.ts';
export { judgeAddress, type AddressAllowance, type AddressVerdict } from './address.ts';
export { decodeHtmlBytes, type CharsetSource, type DecodedBytes } from './charset.ts';

/** decode bytes of a fetched text/plain document with its charset (BOM, then Content-Type charset, then UTF-8 or windows-1252) */
export function decodeText(body: Uint8Array, contentType?: string): string {
  return decodeTextBytes(body, contentType).text;
}
