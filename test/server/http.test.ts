/**
 * The service on a real loopback socket, with the worker pool: the batch route streams (answers arrive
 * while the request is still being sent), limits hold over the wire, a slow analysis never holds up
 * /healthz, the pool's queue cap gives 503 and the time budget 504, and URLs are fetched only where the
 * configuration allows.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Report } from '../../src/index.ts';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';
import { articleOfLength, articlePage, seedArticle, serveOnLoopback } from './helpers.ts';

type Started = Awaited<ReturnType<typeof startServer>>;
const start = (env: Record<string, string>): Promise<Started> => startServer(configFromEnv({ PORT: '0', SLANT_LOG: 'off', SLANT_WORKERS: '1', ...env }));
const postJson = (server: Started, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

// One pool worker and no queue: a second analysis while one runs is refused.
let narrow: Started;
// A 250 ms budget: a 1 MB article (about a second, over 5000 paragraphs, so the cap is raised) cannot finish in it; a line (cold, under 100 ms) can.
let hurried: Started;
// Loopback pages may be fetched (for tests only; the default refuses them); analyses run in-process.
let trusting: Started;
let pages: Awaited<ReturnType<typeof serveOnLoopback>>;

beforeAll(async () => {
  [narrow, hurried, trusting, pages] = await Promise.all([
    start({ SLANT_MAX_QUEUE: '0' }),
    start({ SLANT_TIMEOUT_MS: '250', SLANT_MAX_PARAGRAPHS: '100000' }),
    start({ SLANT_FETCH_ALLOW: 'loopback', SLANT_MAX_BODY_BYTES: String(64 * 1024), SLANT_WORKERS: '0' }),
    serveOnLoopback((request, response) => {
      if (request.url === '/article') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(articlePage('Kremlin expects no breakthroughs', seedArticle.split('\n\n').slice(4, 10)));
      } else if (request.url === '/moved') {
        response.writeHead(301, { location: '/article' }).end();
      } else {
        response.writeHead(404).end('not here');
      }
    }),
  ]);
}, 30_000);

// Worker threads start in the background (from source under tsx, a second or more); wait until each
// server has analysed something, since the queue-less server refuses everything until its worker is ready.
async function warm(server: Started): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt++) {
    if ((await postJson(server, { text: 'Warm.' })).status === 200) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${server.url} never answered 200`);
}

beforeAll(() => Promise.all([narrow, hurried, trusting].map(warm)), 60_000);

afterAll(async () => {
  await Promise.all([narrow?.shutdown(), hurried?.shutdown(), trusting?.shutdown(), pages?.close()]);
});

describe('over a real socket', () => {
  it('streams batch answers while the request body is still arriving', async () => {
    const url = new URL('/v1/analyze/batch', trusting.url);
    const { firstLine, rest } = await new Promise<{ firstLine: string; rest: string }>((resolve, reject) => {
      const req = httpRequest(url, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' } }, (res) => {
        let received = '';
        let firstLine: string | undefined;
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          received += chunk;
          if (firstLine === undefined && received.includes('\n')) {
            firstLine = received.slice(0, received.indexOf('\n'));
            // Only now send the second line and end the request.
            req.end(`${JSON.stringify({ id: 'second', text: 'The council met on Tuesday.' })}\n`);
          }
        });
        res.on('end', () => resolve({ firstLine: firstLine ?? '', rest: received.slice(received.indexOf('\n') + 1) }));
      });
      req.on('error', reject);
      req.write(`${JSON.stringify({ id: 'first', text: seedArticle })}\n`);
    });
    expect(JSON.parse(firstLine)).toMatchObject({ id: 'first', summary: { source: { card: { name: 'Press TV' } } } });
    expect(JSON.parse(rest.trim())).toMatchObject({ id: 'second' });
  });

  it('refuses a body over the limit with 413, declared or streamed', async () => {
    const body = JSON.stringify({ text: 'x'.repeat(100 * 1024) });
    const declared = await fetch(`${trusting.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const chunks = new Blob([body]).stream();
    const streamed = await fetch(`${trusting.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chunks, duplex: 'half' } as RequestInit);
    for (const response of [declared, streamed]) {
      expect(response.status).toBe(413);
      expect(await response.json()).toMatchObject({ error: { code: 'payload-too-large' } });
    }
  });

  it('carries the request id', async () => {
    const response = await fetch(`${narrow.url}/healthz`, { headers: { 'x-request-id': 'trace-7' } });
    expect(response.headers.get('x-request-id')).toBe('trace-7');
  });
});

describe('the analysis pool behind the routes', () => {
  it('answers /healthz while a long analysis runs', async () => {
    const order: string[] = [];
    const long = postJson(narrow, { text: articleOfLength(200_000) }).then((response) => order.push(`analysis ${response.status}`));
    await new Promise((resolve) => setTimeout(resolve, 20));
    await fetch(`${narrow.url}/healthz`).then((response) => order.push(`healthz ${response.status}`));
    await long;
    expect(order).toEqual(['healthz 200', 'analysis 200']);
  });

  it('answers 503 when the queue is full, and serves the rest', async () => {
    const text = articleOfLength(300_000);
    // Distinct ids: identical requests in flight would share one analysis (the report cache).
    const statuses = await Promise.all(Array.from({ length: 5 }, (_, i) => postJson(narrow, { id: `a${i}`, text }).then(async (response) => [response.status, ((await response.json()) as { error?: { code: string } }).error?.code] as const)));
    expect(statuses).toContainEqual([200, undefined]);
    expect(statuses).toContainEqual([503, 'overloaded']);
    expect(statuses.every(([status]) => status === 200 || status === 503)).toBe(true);
  });

  it('answers 504 when an analysis outlives its budget, and keeps working', async () => {
    const slow = await postJson(hurried, { text: articleOfLength(1_000_000) });
    expect(slow.status).toBe(504);
    expect(await slow.json()).toMatchObject({ error: { code: 'timeout', message: expect.stringContaining('250 ms') } });
    const quick = await postJson(hurried, { text: 'The council met on Tuesday.' });
    expect(quick.status).toBe(200);
  });
});

describe('URL input', () => {
  it('fetches and analyses a page where loopback is allowed, following redirects', async () => {
    const response = await postJson(trusting, { url: `${pages.url}/moved`, id: 'u1' });
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.id).toBe('u1');
    // The report names the address asked for, and where the page was finally fetched from.
    expect(report.url).toBe(`${pages.url}/moved`);
    expect(report.document).toMatchObject({ input: 'url', fetched: { url: `${pages.url}/moved`, finalUrl: `${pages.url}/article`, redirects: [`${pages.url}/article`] } });
    expect(report.text).toContain('Peskov told reporters');
    expect(report.text).not.toContain('window.tracking');
  });

  it('answers 422 with the URL and the reason when the page cannot be fetched', async () => {
    const missing = await postJson(trusting, { url: `${pages.url}/gone` });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: { code: 'fetch-failed', details: { reason: 'http-status', status: 404 } } });
  });

  it('refuses loopback and private addresses by default, naming the URL', async () => {
    for (const url of [`${pages.url}/article`, 'http://192.168.1.10/news', 'http://[::1]/x']) {
      const response = await postJson(narrow, { url });
      expect(response.status).toBe(422);
      const { error } = (await response.json()) as { error: { code: string; message: string; details: { reason: string } } };
      expect(error.message).toContain(url);
      expect(error.details.reason).toBe('blocked-address');
    }
  });
});
