/** The one error ingestion throws: a code to branch on, the URL as asked, and a message naming both. */

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

/** A fetch that failed. `message` is `cannot fetch <url>: <reason>`; `status` is set for `http-status`. */
export class IngestError extends Error {
  readonly code: IngestErrorCode;
  /** the URL as the caller gave it (a failing redirect target is named in the message) */
  readonly url: string;
  /** the HTTP status, for `http-status` */
  readonly status?: number;

  constructor(code: IngestErrorCode, url: string, reason: string, options: { cause?: unknown; status?: number } = {}) {
    super(`cannot fetch ${url}: ${reason}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'IngestError';
    this.code = code;
    this.url = url;
    if (options.status !== undefined) this.status = options.status;
  }
}
