/** The server's settings from the environment: defaults, every variable, and errors that name the variable. */
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../../src/edges/server/main.ts';

describe('configFromEnv', () => {
  it('defaults to 127.0.0.1:8787 with the pool sized by the machine', () => {
    expect(configFromEnv({})).toEqual({ port: 8787, host: '127.0.0.1', workers: undefined, maxQueue: undefined, shutdownMs: 10_000, log: true, headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, maxConnections: 512, reportCache: { maxEntries: 1000, maxBytes: 64 * 1024 * 1024 }, app: { fetch: {} } });
  });

  it('reads every variable', () => {
    const config = configFromEnv({
      PORT: '0',
      HOST: '::1',
      SLANT_WORKERS: '3',
      SLANT_MAX_QUEUE: '0',
      SLANT_TIMEOUT_MS: '500',
      SLANT_MAX_BODY_BYTES: '1000',
      SLANT_MAX_BATCH_BYTES: '5000',
      SLANT_MAX_BATCH_LINES: '10',
      SLANT_FETCH_ALLOW: 'loopback, private',
      SLANT_FETCH_TIMEOUT_MS: '2000',
      SLANT_SHUTDOWN_MS: '100',
      SLANT_LOG: 'off',
      SLANT_HEADERS_TIMEOUT_MS: '2000',
      SLANT_REQUEST_TIMEOUT_MS: '4000',
      SLANT_MAX_CONNECTIONS: '50',
      SLANT_RATE_LIMIT: '120',
      SLANT_API_KEYS: 'k1, k2',
      SLANT_CORS_ORIGINS: 'https://a.example, http://localhost:5173',
      SLANT_MAX_PARAGRAPHS: '900',
      SLANT_MAX_HTML_DEPTH: '64',
      SLANT_REPORT_CACHE_ENTRIES: '0',
      SLANT_REPORT_CACHE_MB: '8',
    });
    expect(config).toEqual({
      port: 0,
      host: '::1',
      workers: 3,
      maxQueue: 0,
      shutdownMs: 100,
      log: false,
      headersTimeoutMs: 2000,
      requestTimeoutMs: 4000,
      maxConnections: 50,
      reportCache: { maxEntries: 0, maxBytes: 8 * 1024 * 1024 },
      app: { timeoutMs: 500, maxBodyBytes: 1000, maxBatchBytes: 5000, maxBatchLines: 10, rateLimit: 120, requestTimeoutMs: 4000, apiKeys: ['k1', 'k2'], corsOrigins: ['https://a.example', 'http://localhost:5173'], inputLimits: { maxParagraphs: 900, maxHtmlDepth: 64 }, fetch: { allow: ['loopback', 'private'], timeoutMs: 2000 } },
    });
  });

  it.each([
    [{ PORT: 'http' }, 'PORT must be an integer >= 0, got "http"'],
    [{ SLANT_TIMEOUT_MS: '0' }, 'SLANT_TIMEOUT_MS must be an integer >= 1, got "0"'],
    [{ SLANT_WORKERS: '1.5' }, 'SLANT_WORKERS must be an integer >= 0, got "1.5"'],
    [{ SLANT_RATE_LIMIT: '0' }, 'SLANT_RATE_LIMIT must be an integer >= 1, got "0"'],
    [{ SLANT_API_KEYS: 'good,not a "token"' }, 'SLANT_API_KEYS: key 2 has characters a bearer token cannot carry'],
    [{ SLANT_CORS_ORIGINS: 'https://a.example/path' }, 'SLANT_CORS_ORIGINS takes origins such as https://example.org (scheme and host, no path), got "https://a.example/path"'],
    [{ SLANT_REPORT_CACHE_MB: '0' }, 'SLANT_REPORT_CACHE_MB must be an integer >= 1, got "0"'],
    [{ SLANT_MAX_CONNECTIONS: 'many' }, 'SLANT_MAX_CONNECTIONS must be an integer >= 1, got "many"'],
    [{ SLANT_FETCH_ALLOW: 'everything' }, 'SLANT_FETCH_ALLOW takes loopback and/or private, got "everything"'],
  ])('refuses %o', (env, message) => {
    expect(() => configFromEnv(env)).toThrow(message);
  });
});
