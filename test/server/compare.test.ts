/**
 * POST /v1/compare: through `app.request()` for the answers and errors a client sees, and over a real
 * loopback socket with the worker pool, one article given as text and the other as a page the server
 * fetches.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { comparisonSchema, type Comparison } from '../../src/core/compare/index.ts';
import { createApp } from '../../src/edges/server/app.ts';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';
import { articlePage, seedArticle, serveOnLoopback } from './helpers.ts';

const other = readFileSync(new URL('../../corpus/compare/putin-biden-us-ukraine-voices.txt', import.meta.url), 'utf8');
const app = createApp({ inputLimits: { maxParagraphs: 40 } });
const post = (body: unknown, contentType = 'application/json') => app.request('/v1/compare', { method: 'POST', headers: { 'content-type': contentType }, body: typeof body === 'string' ? body : JSON.stringify(body) });
const status = (comparison: Comparison, row: string, article: string) =>
  [...comparison.voices.sides, ...comparison.voices.actors].find((entry) => entry.id === row)?.cells.find((cell) => cell.article === article)?.status;

describe('POST /v1/compare', () => {
  it('compares the seed with our second version: who is heard, which word for Kyiv, every summary line with evidence', async () => {
    const response = await post({ articles: [{ id: 'presstv', text: seedArticle, url: 'https://www.presstv.ir/Detail/2021/12/07/672466' }, { id: 'us-ukraine', text: other }] });
    expect(response.status).toBe(200);
    const comparison = comparisonSchema.parse(await response.json());
    expect(comparison.articles.map((article) => `${article.key}=${article.name}`)).toEqual(['A=presstv', 'B=us-ukraine']);
    expect([status(comparison, 'side:UA', 'A'), status(comparison, 'side:UA', 'B')]).toEqual(['summarised', 'quoted']);
    expect([status(comparison, 'side:US', 'A'), status(comparison, 'side:US', 'B')]).toEqual(['summarised', 'quoted']);
    expect(status(comparison, 'ru-peskov', 'B')).toBe('absent');
    const kyiv = comparison.wordChoice.find((group) => group.group === 'capital-of-ukraine');
    expect(kyiv?.uses.map((use) => use.terms.map((term) => `${use.article}:${term.term}`).join())).toEqual(['A:kiev', 'B:kyiv']);
    expect(comparison.outlets[0]?.name).toBe('Press TV');
    // Evidence is the article's own text at the offsets given.
    for (const line of comparison.summary) {
      for (const item of line.evidence) {
        const text = comparison.articles.find((article) => article.key === item.article)?.text ?? '';
        expect(text.slice(item.start, item.end)).toBe(item.text);
      }
    }
  });

  it('takes 2 to 6 articles, and says so', async () => {
    for (const count of [1, 7]) {
      const response = await post({ articles: Array.from({ length: count }, () => ({ text: other })) });
      expect(response.status).toBe(400);
      const body = (await response.json()) as { error: { code: string; details: { path: string[]; message: string }[] } };
      expect(body.error.code).toBe('invalid-request');
      expect(body.error.details[0]?.path).toEqual(['articles']);
      expect(body.error.details[0]?.message).toMatch(count === 1 ? /at least two/ : /at most 6/);
    }
  });

  it("names the article at fault, with analyze's codes", async () => {
    const empty = await post({ articles: [{ text: other }, { text: '  \n ' }] });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toEqual({ error: { code: 'empty', message: 'articles[1]: the text is only white space', details: { article: 1 } } });
    const long = await post({ articles: [{ text: Array.from({ length: 41 }, (_, i) => `Paragraph ${i}.`).join('\n\n') }, { text: other }] });
    expect(long.status).toBe(413);
    expect(await long.json()).toMatchObject({ error: { code: 'too-many-paragraphs', details: { article: 0, limit: 40, found: 41 } } });
    const both = await post({ articles: [{ text: other, html: '<p>x</p>' }, { text: other }] });
    expect(both.status).toBe(400);
    expect(JSON.stringify(await both.json())).toContain('give text or html, not both');
    const perArticleOptions = await post({ articles: [{ text: other, options: { timeoutMs: 5 } }, { text: other }] });
    expect(perArticleOptions.status).toBe(400);
    expect((await post('not json')).status).toBe(400);
    expect((await post({ articles: [] }, 'text/plain')).status).toBe(415);
  });

  it('is in the OpenAPI document, request and response', async () => {
    const document = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, { post?: { requestBody: unknown; responses: Record<string, unknown> } }>; components: { schemas: Record<string, { properties?: Record<string, unknown> }> } };
    const route = document.paths['/v1/compare']?.post;
    expect(JSON.stringify(route?.requestBody)).toContain('#/components/schemas/CompareRequest');
    expect(JSON.stringify(route?.responses['200'])).toContain('#/components/schemas/Comparison');
    expect(Object.keys(route?.responses ?? {})).toEqual(expect.arrayContaining(['400', '413', '422', '504']));
    expect(Object.keys(document.components.schemas.Comparison?.properties ?? {})).toEqual(expect.arrayContaining(['voices', 'wordChoice', 'distinctive', 'summary', 'method']));
  });
});

describe('POST /v1/compare over a real socket', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let pages: Awaited<ReturnType<typeof serveOnLoopback>>;

  beforeAll(async () => {
    const [headline, ...paragraphs] = other.trim().split('\n\n');
    pages = await serveOnLoopback((request, response) => {
      if (request.url === '/us-ukraine') {
        response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
        response.end(articlePage(headline as string, paragraphs));
      } else response.writeHead(404).end('not here');
    });
    server = await startServer(configFromEnv({ PORT: '0', SLANT_LOG: 'off', SLANT_WORKERS: '1', SLANT_FETCH_ALLOW: 'loopback' }));
  }, 30_000);

  afterAll(async () => {
    await Promise.all([server?.shutdown(), pages?.close()]);
  });

  it('analyses each article in the pool, fetching the one given by address, and compares them', async () => {
    const response = await fetch(`${server.url}/v1/compare`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ articles: [{ id: 'presstv', text: seedArticle }, { url: `${pages.url}/us-ukraine` }] }),
    });
    expect(response.status).toBe(200);
    const comparison = comparisonSchema.parse(await response.json());
    expect(comparison.articles[1]?.name).toBe(`${pages.url}/us-ukraine`);
    expect(comparison.articles[1]?.text).toContain('Decisions about Ukraine will not be made without Ukraine');
    expect(status(comparison, 'side:UA', 'B')).toBe('quoted');
    expect(comparison.summary.find((line) => line.topic === 'word-choice')?.text).toContain('"kyiv"');
    const missing = await fetch(`${server.url}/v1/compare`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ articles: [{ text: seedArticle }, { url: `${pages.url}/gone` }] }) });
    expect(missing.status).toBe(422);
    expect(await missing.json()).toMatchObject({ error: { code: 'fetch-failed', message: expect.stringMatching(/^articles\[1\]: /), details: { article: 1, status: 404 } } });
  }, 60_000);
});
