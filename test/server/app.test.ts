/**
 * The app through `app.request()`, without a port: routes, validation, the error shape, headers and logs.
 * Analyses run in-process here; the worker pool, limits under load and streaming are in http.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Report } from '../../src/index.ts';
import { AnalysisTimeoutError, PoolOverloadedError } from '../../src/edges/pool/index.ts';
import { createInProcessAnalyzer, type Analyzer } from '../../src/edges/server/analysis.ts';
import { createApp, type AppOptions } from '../../src/edges/server/app.ts';
import { findingSchema } from '../../src/core/report/schema.ts';
import type { RequestLogEntry } from '../../src/edges/server/middleware.ts';
import { articlePage, ndjson, seedArticle } from './helpers.ts';

const analyzer = createInProcessAnalyzer();
const app = createApp({ analyzer });

function post(path: string, body: string, type: string | null = 'application/json', target = app) {
  return target.request(path, { method: 'POST', headers: type === null ? {} : { 'content-type': type }, body });
}

async function errorOf(response: Response): Promise<{ status: number; code: string; message: string; details?: unknown }> {
  const body = (await response.json()) as { error: { code: string; message: string; details?: unknown } };
  expect(Object.keys(body)).toEqual(['error']);
  return { status: response.status, ...body.error };
}

describe('POST /v1/analyze', () => {
  it('refuses an empty article (400 empty) and binary bytes (422 not-text), in one line each of a batch too', async () => {
    expect(await errorOf(await post('/v1/analyze', JSON.stringify({ text: ' \n ' })))).toEqual({ status: 400, code: 'empty', message: 'the text is only white space' });
    expect(await errorOf(await post('/v1/analyze', JSON.stringify({ html: 'GIF89a\u0000\u0001' })))).toMatchObject({ status: 422, code: 'not-text', message: expect.stringMatching(/NUL character at offset 6/) });
    const batch = await post('/v1/analyze/batch', '{"id":"e","text":""}\n{"id":"ok","text":"The council met."}\n', 'application/x-ndjson');
    const [first, second] = (await batch.text()).trim().split('\n').map((line) => JSON.parse(line));
    expect(first).toEqual({ id: 'e', line: 1, error: { code: 'empty', message: 'the text is empty' } });
    expect(second.id).toBe('ok');
  });

  it('returns the report for text, with the metadata echoed', async () => {
    const response = await post('/v1/analyze', JSON.stringify({ id: 'a1', text: seedArticle, url: 'https://www.presstv.ir/Detail/2021/12/07/672466' }));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const report = (await response.json()) as Report;
    expect(report.id).toBe('a1');
    expect(report.text).toBe(seedArticle);
    expect(report.summary.source?.card.name).toBe('Press TV');
    expect(report.paragraphs.flatMap((p) => p.findings).some((f) => f.text === 'deplorable' && f.voice === 'quoted')).toBe(true);
  });

  it('extracts the article from HTML and leaves scripts out', async () => {
    const html = articlePage('Council approves budget', ['The council approved the budget on Tuesday, officials said.', 'Critics slammed the so-called reform as a disaster.']);
    const response = await post('/v1/analyze', JSON.stringify({ html }));
    expect(response.status).toBe(200);
    const report = (await response.json()) as Report;
    expect(report.text).toContain('Critics slammed the so-called reform');
    expect(report.text).not.toContain('tracking');
  });

  it.each([
    ['malformed JSON', '{"text": ', 'invalid-json'],
    ['no article', '{"id": "x"}', 'invalid-request'],
    ['text and html both', '{"text": "a", "html": "<p>a</p>"}', 'invalid-request'],
    ['a key the schema does not know', '{"text": "a", "txt": "b"}', 'invalid-request'],
    ['text of the wrong type', '{"text": 42}', 'invalid-request'],
    ['a JSON array', '[1, 2]', 'invalid-request'],
    ['an option out of range', '{"text": "a", "options": {"timeoutMs": -1}}', 'invalid-request'],
  ])('answers 400 for %s', async (_, body, code) => {
    const error = await errorOf(await post('/v1/analyze', body));
    expect(error.status).toBe(400);
    expect(error.code).toBe(code);
    if (code === 'invalid-request') expect((error.details as { path: unknown[]; message: string }[])[0]).toHaveProperty('message');
    else expect(error.details).toHaveProperty('reason');
  });

  it('names the offending field in the zod issues', async () => {
    const error = await errorOf(await post('/v1/analyze', '{"text": 42}'));
    expect(error.details).toEqual([expect.objectContaining({ path: ['text'], code: 'invalid_type' })]);
  });

  it.each([
    ['text/plain', 'text/plain'],
    ['form data', 'application/x-www-form-urlencoded'],
    ['no content type', null],
  ])('answers 415 for %s', async (_, type) => {
    const error = await errorOf(await post('/v1/analyze', '{"text": "a"}', type));
    expect(error.status).toBe(415);
    expect(error.code).toBe('unsupported-media-type');
  });

  it('answers 413 over the body limit, with or without Content-Length', async () => {
    const small = createApp({ analyzer, maxBodyBytes: 1000 });
    const body = JSON.stringify({ text: 'x'.repeat(2000) });
    const withLength = await small.request('/v1/analyze', { method: 'POST', headers: { 'content-type': 'application/json', 'content-length': String(body.length) }, body });
    const streamed = await post('/v1/analyze', body, 'application/json', small);
    for (const response of [withLength, streamed]) expect(await errorOf(response)).toMatchObject({ status: 413, code: 'payload-too-large' });
  });

  it('answers 422 naming the URL when the page may not be fetched', async () => {
    for (const url of ['http://10.1.2.3/article', 'http://127.0.0.1:9/article', 'ftp://example.com/a']) {
      const error = await errorOf(await post('/v1/analyze', JSON.stringify({ url })));
      expect(error.status).toBe(422);
      expect(error.code).toBe('fetch-failed');
      expect(error.message).toContain(url);
      expect(error.details).toMatchObject({ url });
    }
  });

  it('maps the pool refusing (503) and timing out (504), and hides unexpected errors (500)', async () => {
    const failing = (error: Error): Analyzer => ({ pending: 0, analyzeJson: () => Promise.reject(error), close: () => {} });
    const cases: [Error, number, string][] = [
      [new PoolOverloadedError('busy'), 503, 'overloaded'],
      [new AnalysisTimeoutError('the analysis took longer than 5 ms and was stopped'), 504, 'timeout'],
      [new Error('secret internals at /srv/app.ts:12'), 500, 'internal'],
    ];
    for (const [thrown, status, code] of cases) {
      const logs: RequestLogEntry[] = [];
      const failingApp = createApp({ analyzer: failing(thrown), logger: (entry) => logs.push(entry) });
      const response = await post('/v1/analyze', '{"text": "a"}', 'application/json', failingApp);
      const text = await response.text();
      expect(response.status).toBe(status);
      expect(JSON.parse(text)).toMatchObject({ error: { code } });
      expect(text).not.toContain('/srv/app.ts');
      expect(logs[0]).toMatchObject({ status, error: code });
      if (status === 500) expect(logs[0]?.cause).toContain('secret internals');
    }
  });

  it('passes a shorter time budget to the analyzer, never a longer one', async () => {
    const budgets: (number | undefined)[] = [];
    const recording: Analyzer = { pending: 0, analyzeJson: (_, options) => (budgets.push(options?.timeoutMs), Promise.resolve('{}')), close: () => {} };
    const limited = createApp({ analyzer: recording, timeoutMs: 500 });
    await post('/v1/analyze', '{"text": "a", "options": {"timeoutMs": 50}}', 'application/json', limited);
    await post('/v1/analyze', '{"text": "a", "options": {"timeoutMs": 60000}}', 'application/json', limited);
    await post('/v1/analyze', '{"text": "a"}', 'application/json', limited);
    expect(budgets).toEqual([50, 500, 500]);
  });

  it('sends a worker\'s report bytes as they are, a report over 1 MB in pieces, and batch lines as text', async () => {
    for (const size of [2_000, 3 * 1024 * 1024 + 17]) {
      // A report-shaped JSON of `size` bytes with multi-byte characters, as a pool worker hands it over.
      const json = JSON.stringify({ schemaVersion: '2.0.0', text: 'é'.repeat(size) }).slice(0, size);
      const padded = `${json.slice(0, -2)}"}`;
      const bytes = new TextEncoder().encode(padded);
      const worker: Analyzer = { pending: 0, analyzeJson: () => Promise.resolve(bytes), close: () => {} };
      const withBytes = createApp({ analyzer: worker });
      const response = await post('/v1/analyze', '{"text": "a"}', 'application/json', withBytes);
      expect(response.status).toBe(200);
      expect(Buffer.from(await response.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
      const batch = await post('/v1/analyze/batch', '{"text": "a"}\n', 'application/x-ndjson', withBytes);
      expect(await batch.text()).toBe(`${padded}\n`);
    }
  });
});

describe('POST /v1/analyze/batch', () => {
  it('answers one line per non-blank input line, in order, with errors as {line, id?, error}', async () => {
    const body = ['{"id": 1, "text": "Critics slammed the plan."}', 'not json', '', '{"id": "b", "text": 5}', '{"id": "c", "text": "The council met on Tuesday."}'].join('\n');
    const response = await post('/v1/analyze/batch', body, 'application/x-ndjson');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-ndjson; charset=utf-8');
    const lines = ndjson(await response.text()) as Record<string, unknown>[];
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ id: '1', text: 'Critics slammed the plan.' });
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'invalid-json' } });
    expect(lines[2]).toMatchObject({ line: 4, id: 'b', error: { code: 'invalid-record', details: [expect.objectContaining({ path: ['text'] })] } });
    expect(lines[3]).toMatchObject({ id: 'c' });
  });

  it('stops at the line cap with an error line saying what was not read', async () => {
    const capped = createApp({ analyzer, maxBatchLines: 2 });
    const body = [1, 2, 3, 4].map((n) => JSON.stringify({ id: `a${n}`, text: `Article ${n}.` })).join('\n');
    const lines = ndjson(await (await post('/v1/analyze/batch', body, 'application/x-ndjson', capped)).text()) as Record<string, unknown>[];
    expect(lines.map((line) => line.id ?? (line.error as { code: string }).code)).toEqual(['a1', 'a2', 'too-many-lines']);
    expect(lines[2]).toMatchObject({ line: 3 });
  });

  it('ends with an error line when the body outgrows the batch limit', async () => {
    const capped = createApp({ analyzer, maxBatchBytes: 200 });
    const body = [1, 2, 3, 4, 5].map((n) => JSON.stringify({ id: `a${n}`, text: `Article number ${n} of the batch.` })).join('\n');
    const response = await post('/v1/analyze/batch', body, 'application/x-ndjson', capped);
    const lines = ndjson(await response.text()) as Record<string, unknown>[];
    expect(lines.at(-1)).toMatchObject({ error: { code: 'payload-too-large' } });
  });

  it('answers 415 for a JSON body and 413 for a declared length over the limit', async () => {
    expect((await errorOf(await post('/v1/analyze/batch', '{"text": "a"}'))).status).toBe(415);
    const capped = createApp({ analyzer, maxBatchBytes: 10 });
    const response = await capped.request('/v1/analyze/batch', { method: 'POST', headers: { 'content-type': 'application/x-ndjson', 'content-length': '100' }, body: 'x'.repeat(100) });
    expect(await errorOf(response)).toMatchObject({ status: 413, code: 'payload-too-large' });
  });
});

describe('outlets, lexicons, health', () => {
  it('gives the outlet card as JSON, or as text', async () => {
    const json = await app.request('/v1/sources/presstv.ir');
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({ domain: 'presstv.ir', name: 'Press TV', outlet: { ownership: 'state' }, reliability: { label: 'very-low' } });
    const text = await app.request('/v1/sources/presstv.ir?format=text');
    expect(text.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await text.text()).toMatch(/^Press TV \(presstv\.ir\)\n {2}domains:/);
  });

  it('answers 404 in the error shape for an outlet no table knows', async () => {
    expect(await errorOf(await app.request('/v1/sources/nowhere.invalid'))).toMatchObject({ status: 404, code: 'unknown-outlet' });
  });

  it('lists the lexicons and outlet tables with versions, entry counts and licences', async () => {
    const { lexicons } = (await (await app.request('/v1/lexicons')).json()) as { lexicons: { name: string; version: string; entries: number; license: string }[] };
    const loaded = lexicons.find((l) => l.name === 'loaded');
    expect(loaded).toMatchObject({ license: 'CC BY 4.0' });
    expect(loaded?.entries).toBeGreaterThan(100);
    expect(lexicons.find((l) => l.name === 'sources/wikipedia-rsp')?.license).toBe('CC BY-SA 4.0');
    expect(lexicons.find((l) => l.name === 'contested-terms')?.entries).toBeGreaterThan(10);
  });

  it('explains every finding category the report can give, with its name, meaning, example and weight', async () => {
    const { categories } = (await (await app.request('/v1/categories')).json()) as { categories: { id: string; name: string; meaning: string; example: string; weight: number }[] };
    expect(categories.map((category) => category.id).sort()).toEqual([...findingSchema.shape.category.options].sort());
    expect(categories.find((category) => category.id === 'loaded')).toMatchObject({ name: 'Emotive word', weight: 1 });
    expect(categories.find((category) => category.id === 'hedge')?.weight).toBe(0.3);
    for (const category of categories) expect(category.meaning.length * category.example.length).toBeGreaterThan(0);
  });

  it('answers /healthz', async () => {
    expect(await (await app.request('/healthz')).json()).toMatchObject({ status: 'ok', pending: 0 });
  });

  it('answers unknown routes with a JSON 404', async () => {
    expect(await errorOf(await app.request('/v2/nothing'))).toMatchObject({ status: 404, code: 'not-found' });
    expect(await errorOf(await app.request('/v1/analyze'))).toMatchObject({ status: 405, code: 'method-not-allowed' });
  });
});

describe('OpenAPI and the docs page', () => {
  it('describes every route and the request schema', async () => {
    const doc = (await (await app.request('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, unknown> } };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual(['/healthz', '/v1/analyze', '/v1/analyze/batch', '/v1/categories', '/v1/compare', '/v1/lexicons', '/v1/sources/{domain}']);
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['AnalyzeRequest', 'Error', 'Report', 'OutletCard']));
    expect(JSON.stringify(doc.components.schemas.AnalyzeRequest)).toContain('"html"');
  });

  it('renders the routes as a page without scripts', async () => {
    const response = await app.request('/docs');
    const html = await response.text();
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    for (const path of ['/v1/analyze', '/v1/analyze/batch', '/v1/sources/{domain}', '/v1/lexicons', '/healthz']) expect(html).toContain(`<code>${path}</code>`);
    expect(html).toContain('curl -s localhost:8787/v1/analyze');
    expect(html).not.toMatch(/<script|https?:\/\/(?!localhost)[a-z]/i);
  });
});

describe('the page and headers', () => {
  it('serves the page with a CSP that allows no inline script and no other origin', async () => {
    const response = await app.request('/');
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = response.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const html = await response.text();
    expect(html).toContain('<script type="module" src="/app.js"></script>');
    expect(html).not.toMatch(/<script>|\son\w+="/);
    for (const asset of ['/app.js', '/teach.js', '/style.css']) expect((await app.request(asset)).status).toBe(200);
  });

  it('echoes a sane request id, replaces any other, and logs one line per request', async () => {
    const logs: RequestLogEntry[] = [];
    const logged = createApp({ analyzer, logger: (entry) => logs.push(entry) });
    const sane = await logged.request('/healthz', { headers: { 'x-request-id': 'req-42.a:b' } });
    const insane = await logged.request('/healthz', { headers: { 'x-request-id': 'x'.repeat(200) } });
    const none = await logged.request('/nope');
    expect(sane.headers.get('x-request-id')).toBe('req-42.a:b');
    expect(insane.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(none.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(logs.map(({ id, method, path, status }) => ({ id, method, path, status }))).toEqual([
      { id: 'req-42.a:b', method: 'GET', path: '/healthz', status: 200 },
      { id: insane.headers.get('x-request-id'), method: 'GET', path: '/healthz', status: 200 },
      { id: none.headers.get('x-request-id'), method: 'GET', path: '/nope', status: 404 },
    ]);
    expect(logs.every((entry) => typeof entry.ms === 'number' && entry.ms >= 0)).toBe(true);
  });
});

// Typed options stay assignable from a plain object (what main.ts builds from the environment).
const _options: AppOptions = { maxBodyBytes: 1, timeoutMs: 1, fetch: { allow: ['loopback'] } };
void _options;
