/**
 * A `user:password@` in a URL is never echoed: not in the report's addresses, not in the fetch record, not
 * in error messages, and it is not sent to the site either. Over a real socket, with a page server on loopback.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Report } from '../../src/index.ts';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';
import { articlePage, seedArticle, serveOnLoopback } from './helpers.ts';

let server: Awaited<ReturnType<typeof startServer>>;
let pages: Awaited<ReturnType<typeof serveOnLoopback>>;
const authorizations: (string | undefined)[] = [];

beforeAll(async () => {
  [server, pages] = await Promise.all([
    startServer(configFromEnv({ PORT: '0', SLANT_LOG: 'off', SLANT_WORKERS: '0', SLANT_FETCH_ALLOW: 'loopback' })),
    serveOnLoopback((request, response) => {
      authorizations.push(request.headers.authorization);
      if (request.url === '/moved') response.writeHead(302, { location: '/article' }).end();
      else if (request.url === '/article') response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(articlePage('Kremlin expects no breakthroughs', seedArticle.split('\n\n').slice(4, 8)));
      else response.writeHead(404).end();
    }),
  ]);
}, 60_000);
afterAll(() => Promise.all([server?.shutdown(), pages?.close()]));

const post = (body: unknown) => fetch(`${server.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const withSecret = (path: string) => pages.url.replace('http://', 'http://reader:hunter2@') + path;

it('strips credentials from the fetched addresses, the report URL and the fetch record', async () => {
  const response = await post({ url: withSecret('/moved') });
  const body = await response.text();
  expect(response.status).toBe(200);
  expect(body).not.toContain('hunter2');
  expect(body).not.toContain('reader@');
  const report = JSON.parse(body) as Report;
  expect(report.document).toMatchObject({ fetched: { url: `${pages.url}/moved`, finalUrl: `${pages.url}/article` } });
  expect(authorizations.every((value) => value === undefined)).toBe(true);
});

it('strips credentials from a URL given beside the text', async () => {
  const body = await (await post({ text: 'The council met on Tuesday.', url: 'https://editor:s3cret@news.example/story' })).text();
  expect(JSON.parse(body)).toMatchObject({ url: 'https://news.example/story' });
  expect(body).not.toContain('s3cret');
});

it('strips credentials from error messages and details', async () => {
  for (const url of [withSecret('/gone'), 'http://editor:s3cret@10.1.2.3/x', 'ftp://editor:s3cret@news.example/x']) {
    const response = await post({ url });
    expect(response.status).toBe(422);
    const text = await response.text();
    expect(text).not.toMatch(/hunter2|s3cret/);
    expect(JSON.parse(text)).toMatchObject({ error: { code: 'fetch-failed' } });
  }
});
