/**
 * HTTP conventions over a real socket: 405 with Allow for a wrong method, CORS only for listed origins,
 * br/gzip when asked (a batch still streams, compressed), and every error code in /openapi.json.
 */
import { request as httpRequest, type IncomingMessage } from 'node:http';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/edges/server/app.ts';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';
import { seedArticle } from './helpers.ts';

type Started = Awaited<ReturnType<typeof startServer>>;
let plain: Started;
let shared: Started;

beforeAll(async () => {
  const env = { PORT: '0', SLANT_LOG: 'off', SLANT_WORKERS: '0' };
  [plain, shared] = await Promise.all([startServer(configFromEnv(env)), startServer(configFromEnv({ ...env, SLANT_CORS_ORIGINS: 'https://reader.example' }))]);
}, 60_000);
afterAll(() => Promise.all([plain?.shutdown(), shared?.shutdown()]));

/** A request by node:http, which (unlike fetch) shows the body as sent, still encoded. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ response: IncomingMessage; bytes: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? 'GET', headers: options.headers ?? {} }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ response, bytes: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('methods', () => {
  it.each([
    ['GET', '/v1/analyze', 'POST'],
    ['PUT', '/v1/analyze/batch', 'POST'],
    ['DELETE', '/healthz', 'GET, HEAD'],
    ['POST', '/v1/sources/presstv.ir', 'GET, HEAD'],
  ])('answers %s %s with 405 and Allow: %s', async (method, path, allow) => {
    const { response, bytes } = await raw(`${plain.url}${path}`, { method });
    expect(response.statusCode).toBe(405);
    expect(response.headers.allow).toBe(allow);
    expect(JSON.parse(bytes.toString())).toMatchObject({ error: { code: 'method-not-allowed' } });
  });

  it('still answers 404 for a path no route has', async () => {
    expect((await raw(`${plain.url}/v2/analyze`, { method: 'POST' })).response.statusCode).toBe(404);
  });
});

describe('CORS', () => {
  const preflight = (server: Started, origin: string) =>
    raw(`${server.url}/v1/analyze`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type, authorization' } });

  it('is off by default', async () => {
    const { response } = await preflight(plain, 'https://reader.example');
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a listed origin, and only it', async () => {
    const listed = await preflight(shared, 'https://reader.example');
    expect(listed.response.statusCode).toBe(204);
    expect(listed.response.headers['access-control-allow-origin']).toBe('https://reader.example');
    expect(listed.response.headers['access-control-allow-headers']).toContain('authorization');
    const other = await preflight(shared, 'https://elsewhere.example');
    expect(other.response.headers['access-control-allow-origin']).toBeUndefined();
    const { response } = await raw(`${shared.url}/healthz`, { headers: { origin: 'https://reader.example' } });
    expect(response.headers['access-control-expose-headers']).toContain('x-request-id');
  });
});

describe('compression', () => {
  const body = JSON.stringify({ text: seedArticle });
  const analyze = (encoding: string | undefined) =>
    raw(`${plain.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json', ...(encoding === undefined ? {} : { 'accept-encoding': encoding }) }, body });

  it.each([
    ['br', 'br', zlib.brotliDecompressSync],
    ['gzip, deflate', 'gzip', zlib.gunzipSync],
    ['gzip;q=0.5, br;q=0', 'gzip', zlib.gunzipSync],
  ])('answers Accept-Encoding: %s with %s, the same report made smaller', async (accept, coding, decode) => {
    const [packed, identity] = await Promise.all([analyze(accept), analyze(undefined)]);
    expect(packed.response.headers['content-encoding']).toBe(coding);
    expect(packed.response.headers.vary).toContain('accept-encoding');
    expect(identity.response.headers['content-encoding']).toBeUndefined();
    const report = JSON.parse(decode(packed.bytes).toString()) as { text: string };
    expect(report.text).toBe(seedArticle);
    expect(packed.bytes.byteLength).toBeLessThan(identity.bytes.byteLength / 3);
  });

  it('leaves small answers alone', async () => {
    const { response } = await raw(`${plain.url}/healthz`, { headers: { 'accept-encoding': 'gzip' } });
    expect(response.headers['content-encoding']).toBeUndefined();
  });

  it('still streams a gzipped batch: the first answer arrives while the request is open', async () => {
    const first = await new Promise<string>((resolve, reject) => {
      const req = httpRequest(`${plain.url}/v1/analyze/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'accept-encoding': 'gzip' } }, (response) => {
        expect(response.headers['content-encoding']).toBe('gzip');
        let text = '';
        const gunzip = zlib.createGunzip();
        response.pipe(gunzip).setEncoding('utf8');
        gunzip.on('data', (chunk: string) => {
          text += chunk;
          if (text.includes('\n')) {
            resolve(text.slice(0, text.indexOf('\n')));
            req.end();
          }
        });
      });
      req.on('error', reject);
      req.write(`${JSON.stringify({ id: 'first', text: 'The council met on Tuesday.' })}\n`);
    });
    expect(JSON.parse(first)).toMatchObject({ id: 'first' });
  });
});

describe('/openapi.json', () => {
  it('lists every error status each route can answer, and the codes behind them', async () => {
    const doc = (await (await createApp().request('/openapi.json')).json()) as { paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>> };
    const statuses = (path: string, method: string) => Object.keys(doc.paths[path]?.[method]?.responses ?? {});
    expect(statuses('/v1/analyze', 'post')).toEqual(expect.arrayContaining(['400', '401', '408', '413', '415', '422', '429', '500', '503', '504']));
    expect(statuses('/v1/analyze/batch', 'post')).toEqual(expect.arrayContaining(['400', '401', '413', '415', '429', '500', '503']));
    expect(doc.paths['/v1/analyze']?.post?.responses['503']?.description).toContain('`overloaded`');
  });

  it('answers a Content-Type it cannot parse as unsupported-media-type, a documented code', async () => {
    const response = await createApp().request('/v1/analyze', { method: 'POST', headers: { 'content-type': 'application/json;;;' }, body: '{"text": "a"}' });
    expect(response.status).toBe(415);
    expect(await response.json()).toMatchObject({ error: { code: 'unsupported-media-type' } });
  });
});
