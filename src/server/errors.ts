/**
 * The service's one error shape, `{error: {code, message, details?}}`, and the mapping from whatever was
 * thrown (our own errors, hono's, the ingestion layer's, the pool's) to a status and that shape. No stack
 * trace or internal message ever leaves through here: unknown errors become a plain 500.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/** An error the service answers with `status` and `{error: {code, message, details?}}`. */
export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly details: unknown;
  constructor(status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
  }
}

/** The JSON body for an error. */
export function errorBody(code: string, message: string, details?: unknown): ErrorBody {
  return details === undefined ? { error: { code, message } } : { error: { code, message, details } };
}

// Matched by name as well as by class: the pool and the ingestion layer own their classes, and a
// worker-side error crosses the thread boundary as a plain object with the same name.
function named(error: unknown, name: string): error is Error & Record<string, unknown> {
  return error instanceof Error && error.name === name;
}

/**
 * Maps a thrown value to an ApiError: ours as they are, the ingestion layer's to 422 (a URL that cannot be
 * fetched is the client's input, not our failure), the pool's to 503/504, hono's by status, anything else
 * to an opaque 500.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (named(error, 'IngestError')) {
    const details: Record<string, unknown> = { reason: error.code };
    if (typeof error.url === 'string') details.url = error.url;
    return new ApiError(422, 'fetch-failed', error.message, details);
  }
  if (named(error, 'PoolOverloadedError')) return new ApiError(503, 'overloaded', 'the server is busy; retry shortly');
  if (named(error, 'AnalysisTimeoutError')) return new ApiError(504, 'timeout', error.message || 'the analysis took longer than its time budget');
  if (error instanceof HTTPException) {
    if (error.status === 413) return new ApiError(413, 'payload-too-large', 'the request body is larger than the limit');
    if (error.status === 400) return new ApiError(400, 'bad-request', error.message || 'bad request');
    const status = error.status as ContentfulStatusCode;
    return new ApiError(status, 'http-error', error.message || `HTTP ${error.status}`);
  }
  return new ApiError(500, 'internal', 'internal error');
}
