/**
 * The yardstick of `npm run bench:http`: a bare Hono app on Node that answers POST /v1/analyze with a report
 * computed beforehand (read from the file named by the first argument), after reading the request's JSON
 * body. The service's requests per second divided by this app's, in the same run, is the cost of analysing
 * and of everything around it. Prints `bare hono listening on <url>` once it listens (PORT=0: a free port).
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';

const report = readFileSync(process.argv[2], 'utf8');
const app = new Hono();
app.post('/v1/analyze', async (c) => {
  await c.req.json();
  return c.body(report, 200, { 'content-type': 'application/json; charset=utf-8' });
});
serve({ fetch: app.fetch, port: Number(process.env.PORT ?? 0), hostname: '127.0.0.1' }, (info) => {
  process.stderr.write(`bare hono listening on http://127.0.0.1:${info.port}\n`);
});
