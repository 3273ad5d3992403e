/**
 * What one client can hold, over a real loopback socket: headers and bodies sent too slowly are cut off
 * with 408, connections past the cap are closed, a full queue sheds a request before its body is read, and
 * a client past its rate gets 429 with Retry-After. Tests assert what the client sees, never how long it took.
 */
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';
import { articleOfLength } from './helpers.ts';

type Started = Awaited<ReturnType<typeof startServer>>;
const start = (env: Record<string, string>): Promise<Started> => startServer(configFromEnv({ PORT: '0', SLANT_LOG: 'off', SLANT_WORKERS: '0', ...env }));

/** A raw connection: what the server sent, and a promise that resolves when the server closed it. */
function open(url: string): { socket: Socket; received: () => string; closed: Promise<void> } {
  const { port } = new URL(url);
  const socket = connect(Number(port), '127.0.0.1');
  let text = '';
  socket.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { socket, received: () => text, closed };
}

/** Writes `bytes` one at a time every `everyMs` until the socket closes; what a slow-loris client does. */
function trickle(socket: Socket, bytes: string, everyMs: number): void {
  let index = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || index >= bytes.length) return clearInterval(timer);
    socket.write(bytes[index++] as string);
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

let impatient: Started;
let capped: Started;
let limited: Started;
// A 64 KB body limit (also the longest batch line), 50 paragraphs, 500 HTML elements nested at most 40 deep.
let shortLines: Started;

beforeAll(async () => {
  [impatient, capped, limited, shortLines] = await Promise.all([
    start({ SLANT_HEADERS_TIMEOUT_MS: '300', SLANT_REQUEST_TIMEOUT_MS: '600' }),
    start({ SLANT_MAX_CONNECTIONS: '2' }),
    start({ SLANT_RATE_LIMIT: '3' }),
    start({ SLANT_MAX_BODY_BYTES: String(64 * 1024), SLANT_MAX_PARAGRAPHS: '50', SLANT_MAX_HTML_ELEMENTS: '500', SLANT_MAX_HTML_DEPTH: '40' }),
  ]);
}, 60_000);

afterAll(() => Promise.all([impatient?.shutdown(), capped?.shutdown(), limited?.shutdown(), shortLines?.shutdown()]));

describe('slow clients', () => {
  it('closes a connection whose headers never finish, with 408', async () => {
    const client = open(impatient.url);
    client.socket.write('POST /v1/analyze HTTP/1.1\r\nHost: slant\r\n');
    trickle(client.socket, 'X-Slow: ' + 'a'.repeat(1000), 50);
    await client.closed;
    expect(client.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers 408 request-timeout to a body trickled a byte at a time, and closes the connection', async () => {
    const client = open(impatient.url);
    const body = JSON.stringify({ text: 'The council met on Tuesday.' });
    client.socket.write(`POST /v1/analyze HTTP/1.1\r\nHost: slant\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`);
    trickle(client.socket, body, 100);
    await client.closed;
    const [head, json] = client.received().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408/);
    expect(head).toMatch(/connection: close/i);
    expect(JSON.parse(json as string)).toEqual({ error: { code: 'request-timeout', message: 'the request was not received whole within 600 ms' } });
  });

  it('ends a batch with a request-timeout line when a line is trickled, after answering the lines before it', async () => {
    const client = open(impatient.url);
    client.socket.write('POST /v1/analyze/batch HTTP/1.1\r\nHost: slant\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n');
    const first = `${JSON.stringify({ id: 'quick', text: 'The council met on Tuesday.' })}\n`;
    client.socket.write(`${Buffer.byteLength(first).toString(16)}\r\n${first}\r\n`);
    // The second line's bytes come one chunk at a time, too slowly to make a line in time.
    const slow = '{"id":"slow","text":"';
    let index = 0;
    const timer = setInterval(() => {
      if (client.socket.destroyed || index >= slow.length) return clearInterval(timer);
      client.socket.write(`1\r\n${slow[index++]}\r\n`);
    }, 100);
    const answered = await new Promise<string>((resolve) => {
      const check = setInterval(() => {
        if (client.received().includes('request-timeout')) {
          clearInterval(check);
          resolve(client.received());
        }
      }, 20);
    });
    clearInterval(timer);
    client.socket.destroy();
    const lines = answered
      .split('\r\n')
      .filter((part) => part.startsWith('{'))
      .map((part) => JSON.parse(part) as { id?: string; line?: number; error?: { code: string } });
    expect(lines.map((line) => line.id ?? line.error?.code)).toEqual(['quick', 'request-timeout']);
    expect(lines[1]).toMatchObject({ line: 2 });
  });

  it('keeps a keep-alive connection that sends whole requests in time', async () => {
    const client = open(impatient.url);
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: slant\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 900));
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: slant\r\n\r\n');
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(client.received().match(/HTTP\/1\.1 200/g)).toHaveLength(2);
    client.socket.destroy();
  });
});

describe('the connection cap', () => {
  it('closes connections past SLANT_MAX_CONNECTIONS at once, and serves again when one ends', async () => {
    const held = [open(capped.url), open(capped.url)];
    await new Promise((resolve) => setTimeout(resolve, 100));
    const refused = open(capped.url);
    refused.socket.write('GET /healthz HTTP/1.1\r\nHost: slant\r\n\r\n');
    await refused.closed;
    expect(refused.received()).toBe('');
    for (const client of held) client.socket.destroy();
    await Promise.all(held.map((client) => client.closed));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await fetch(`${capped.url}/healthz`)).status).toBe(200);
  });
});

describe('the rate limit', () => {
  it('answers 429 with Retry-After past SLANT_RATE_LIMIT requests a minute, and leaves /healthz open', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${limited.url}/v1/categories`)).status);
    const refused = await fetch(`${limited.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": "a"}' });
    expect(statuses).toEqual([200, 200, 200]);
    expect(refused.status).toBe(429);
    // Three a minute: the next token comes in 20 s.
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(19);
    expect(Number(refused.headers.get('retry-after'))).toBeLessThanOrEqual(20);
    expect(await refused.json()).toMatchObject({ error: { code: 'rate-limited', message: expect.stringContaining('3 requests a minute') } });
    expect((await fetch(`${limited.url}/healthz`)).status).toBe(200);
  });
});

describe('load shedding', () => {
  it('answers 503 with Retry-After before reading the body when the queue is full', async () => {
    // One worker, no queue: while a long analysis runs, the next request is refused from its headers alone.
    const narrow = await start({ SLANT_WORKERS: '1', SLANT_MAX_QUEUE: '0' });
    try {
      for (let attempt = 0; attempt < 300; attempt++) {
        const warm = await fetch(`${narrow.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"text": "Warm."}' });
        if (warm.status === 200) break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const long = fetch(`${narrow.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: articleOfLength(400_000) }) });
      await new Promise((resolve) => setTimeout(resolve, 300));
      const client = open(narrow.url);
      // Headers promise a body that is never sent: only a server that answers before reading it can reply.
      client.socket.write('POST /v1/analyze HTTP/1.1\r\nHost: slant\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"text": "');
      await client.closed;
      const [head, json] = client.received().split('\r\n\r\n');
      expect(head).toMatch(/^HTTP\/1\.1 503/);
      expect(head).toMatch(/retry-after: 1/i);
      expect(JSON.parse(json as string)).toMatchObject({ error: { code: 'overloaded' } });
      expect((await long).status).toBe(200);
    } finally {
      await narrow.shutdown();
    }
  }, 90_000);
});

describe('batch lines', () => {
  it('answers line-too-long as soon as a line passes the body limit, skips the rest of it, and reads on', async () => {
    const client = open(shortLines.url);
    client.socket.write('POST /v1/analyze/batch HTTP/1.1\r\nHost: slant\r\nContent-Type: application/x-ndjson\r\nTransfer-Encoding: chunked\r\n\r\n');
    const chunk = (text: string): void => void client.socket.write(`${Buffer.byteLength(text).toString(16)}\r\n${text}\r\n`);
    chunk(`${JSON.stringify({ id: 'a', text: 'The council met on Tuesday.' })}\n`);
    // 100 KB of one line in 4 KB chunks, and the line is not ended yet.
    chunk('{"id": "long", "text": "');
    for (let i = 0; i < 25; i++) chunk('word '.repeat(800));
    const early = await new Promise<string>((resolve) => {
      const check = setInterval(() => {
        if (client.received().includes('line-too-long')) {
          clearInterval(check);
          resolve(client.received());
        }
      }, 20);
    });
    expect(early).toContain('"id":"a"');
    // The rest of the long line is skipped; the next line is read and answered.
    chunk('more words"}\n');
    chunk(`${JSON.stringify({ id: 'b', text: 'Critics slammed the plan.' })}\n`);
    client.socket.write('0\r\n\r\n');
    await new Promise<void>((resolve) => {
      const check = setInterval(() => {
        if (client.received().includes('\r\n0\r\n\r\n')) {
          clearInterval(check);
          resolve();
        }
      }, 20);
    });
    client.socket.destroy();
    const lines = client
      .received()
      .split('\r\n')
      .filter((part) => part.startsWith('{'))
      .map((part) => JSON.parse(part) as { id?: string; line?: number; error?: { code: string; message: string } });
    expect(lines.map((line) => line.id ?? line.error?.code)).toEqual(['a', 'line-too-long', 'b']);
    expect(lines[1]).toEqual({ line: 2, error: { code: 'line-too-long', message: `line 2 is longer than ${64 * 1024} bytes (the single-request body limit); it was not read` } });
  });
});

describe('caps on one article', () => {
  const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `Word${i}.`).join('\n\n');
  const nested = (n: number) => `<html><body>${'<div>'.repeat(n)}<p>The council met on Tuesday.</p>${'</div>'.repeat(n)}</body></html>`;
  it.each([
    ['60 one-word paragraphs', { text: paragraphs(60) }, 413, 'too-many-paragraphs', 'the article has 60 paragraphs; the limit is 50'],
    ['600 elements', { html: `<html><body><p>The council met.</p>${'<span>x</span>'.repeat(600)}</body></html>` }, 413, 'html-too-large', 'the page has 603 HTML elements; the limit is 500'],
    ['elements nested 100 deep', { html: nested(100) }, 422, 'html-too-deep', "the page's elements are nested 102 deep; the limit is 40"],
  ])('refuses %s, naming the limit', async (_, body, status, code, message) => {
    const response = await fetch(`${shortLines.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject({ error: { code, message } });
  });

  it.each([
    ['50 paragraphs', { text: paragraphs(50) }],
    ['100 unclosed paragraphs and list items, which do not nest', { html: `<html><body>${'<p>The council met on Tuesday.<li>item'.repeat(100)}</body></html>` }],
    ['elements nested 30 deep', { html: nested(30) }],
  ])('analyses %s', async (_, body) => {
    const response = await fetch(`${shortLines.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(200);
  });

  it('answers a batch line over a cap with its error line', async () => {
    const body = `${JSON.stringify({ id: 'many', text: paragraphs(60) })}\n${JSON.stringify({ id: 'ok', text: 'The council met.' })}\n`;
    const response = await fetch(`${shortLines.url}/v1/analyze/batch`, { method: 'POST', headers: { 'content-type': 'application/x-ndjson' }, body });
    const lines = (await response.text()).trim().split('\n').map((line) => JSON.parse(line) as { id?: string; error?: { code: string } });
    expect(lines.map((line) => line.error?.code ?? line.id)).toEqual(['too-many-paragraphs', 'ok']);
  });
});
