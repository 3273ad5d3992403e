/**
 * The service's one error shape, `{error: {code, message, details?}}`, and the mapping from whatever was
 * thrown (our own errors, hono's, the ingestion layer's, the pool's) to a status and that shape. No stack
 * trace or internal message ever leaves through here: unknown errors become a plain 500.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ZodError } from 'zod';
import { InputError } from '../../core/report/input-error.ts';
import { IngestError } from '../ingest/index.ts';
import { AnalysisError, AnalysisTimeoutError, PoolOverloadedError } from '../pool/index.ts';

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** An error the service answers with `status` and `{error: {code, message, details?}}`. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: unknown;
  /** response headers that belong to the error (`Retry-After` on 429 and 503, `WWW-Authenticate` on 401) */
  readonly headers: Readonly<Record<string, string>>;
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown, headers: Readonly<Record<string, string>> = {}) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.headers = headers;
  }
}

/** 503 `overloaded`, with a `Retry-After` of one second: the queue drains in well under that. */
export function overloaded(): ApiError {
  return new ApiError(503, 'overloaded', 'the server is busy; retry shortly', undefined, { 'retry-after': '1' });
}

/** The JSON body for an error. */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

/**
 * Maps a thrown value to an ApiError: ours as they are, the ingestion layer's to 422 (a URL that cannot be
 * fetched is the client's input, not our failure), the pool's to 503/504, hono's by status, anything else
 * to an opaque 500.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof IngestError) return new ApiError(422, 'fetch-failed', error.message, { reason: error.code, url: error.url, ...(error.status === undefined ? {} : { status: error.status }) });
  if (error instanceof PoolOverloadedError) return overloaded();
  if (error instanceof AnalysisTimeoutError) return new ApiError(504, 'timeout', error.message);
  if (error instanceof AnalysisError) {
    if (error.code === 'invalid-input') return new ApiError(400, 'invalid-request', 'the article does not match the input schema', error.issues);
    if (error.code === 'closed') return new ApiError(503, 'shutting-down', 'the server is shutting down');
    return new ApiError(500, 'analysis-failed', 'the analysis failed');
  }
  if (error instanceof ZodError) return new ApiError(400, 'invalid-request', 'the article does not match the input schema', error.issues);
  if (error instanceof InputError) return new ApiError(400, 'invalid-request', error.message, error.issues);
  if (error instanceof HTTPException) {
    if (error.status === 413) return new ApiError(413, 'payload-too-large', 'the request body is larger than the limit');
    if (error.status === 400) return new ApiError(400, 'bad-request', error.message || 'bad request');
    // hono's validator refuses a Content-Type it cannot parse (`application/json;;`): the same answer as ours.
    if (error.status === 415) return new ApiError(415, 'unsupported-media-type', 'the Content-Type header cannot be read; send application/json (or application/x-ndjson for a batch)');
    const status = error.status as ContentfulStatusCode;
    return new ApiError(status, 'http-error', error.message || `HTTP ${error.status}`);
  }
  return new ApiError(500, 'internal', 'internal error');
}
