/**
 * `src/edges/server/main.ts` as a real process: it says where it listens, logs one JSON line per request, and on
 * SIGTERM stops accepting connections, finishes the request in flight (here, a fetch of a slow page) and
 * exits 0.
 */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import type { Report } from '../../src/index.ts';
import type { RequestLogEntry } from '../../src/edges/server/middleware.ts';
import { articlePage, seedArticle, serveOnLoopback } from './helpers.ts';

let arrived: () => void = () => {};
const requestArrived = new Promise<void>((resolve) => (arrived = resolve));
const slowPages = await serveOnLoopback((_, response) => {
  arrived();
  setTimeout(() => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(articlePage('Kremlin expects no breakthroughs', seedArticle.split('\n\n').slice(4, 10)));
  }, 1500);
});
afterAll(() => slowPages.close());

it('finishes the request in flight on SIGTERM, refuses new ones, and exits 0', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../../src/edges/server/main.ts', import.meta.url))], {
    env: { ...process.env, PORT: '0', SLANT_WORKERS: '1', SLANT_FETCH_ALLOW: 'loopback' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = /slant listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stderr);
      if (match !== null) resolve(match[1] as string);
    });
    child.once('exit', () => reject(new Error(`the server exited before listening: ${stderr}`)));
  });

  const inFlight = fetch(`${url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'slow-1' }, body: JSON.stringify({ url: `${slowPages.url}/article` }) });
  await requestArrived;
  child.kill('SIGTERM');
  // The listening socket closes at once; the request already in flight still gets its answer.
  await new Promise((resolve) => setTimeout(resolve, 200));
  await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  const response = await inFlight;
  expect(response.status).toBe(200);
  expect(((await response.json()) as Report).text).toContain('Peskov told reporters');
  expect(await exited).toBe(0);
  expect(stderr).toContain('SIGTERM, finishing in-flight requests');

  const logs = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as RequestLogEntry);
  expect(logs).toContainEqual(expect.objectContaining({ id: 'slow-1', method: 'POST', path: '/v1/analyze', status: 200, ms: expect.any(Number) }));
}, 30_000);
