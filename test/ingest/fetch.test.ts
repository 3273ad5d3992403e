import diagnostics from 'node:diagnostics_channel';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeText, extractHtml, fetchDocument, IngestError, type FetchOptions } from '../../src/edges/ingest/index.ts';
import { ANALYZER_VERSION } from '../../src/core/version.ts';

const PAGE = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Ferry service resumes | Isle Gazette</title></head><body><h1>Ferry service resumes</h1><p>The first crossing since the storm left at dawn.</p></body></html>';

// A real server on 127.0.0.1; every route is one behaviour the fetcher must handle.
const routes: Record<string, (response: ServerResponse) => void> = {
  '/page': (r) => {
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    r.end(PAGE);
  },
  '/r1': (r) => redirect(r, 302, '/r2'),
  '/r2': (r) => redirect(r, 301, `${base}/r3`),
  '/r3': (r) => redirect(r, 308, 'page#top'),
  '/loop': (r) => redirect(r, 302, '/loop'),
  '/hops/2': (r) => redirect(r, 307, '/hops/1'),
  '/hops/1': (r) => redirect(r, 303, '/page'),
  '/no-location': (r) => redirect(r, 302, undefined),
  '/big-declared': (r) => {
    r.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
    r.end('x'.repeat(5000));
  },
  '/big-streamed': (r) => {
    // No Content-Length: the cap must stop the read while the server is still writing.
    r.writeHead(200, { 'content-type': 'text/html' });
    const timer = setInterval(() => {
      streamedBytes += 1024;
      r.write('y'.repeat(1024));
    }, 1);
    r.on('close', () => clearInterval(timer));
  },
  '/gzip': (r) => {
    r.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' });
    r.end(gzipSync(PAGE));
  },
  '/gzip-bomb': (r) => {
    r.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' });
    r.end(gzipSync(Buffer.alloc(20 * 1024 * 1024, 0x20)));
  },
  '/pdf': (r) => {
    r.writeHead(200, { 'content-type': 'application/pdf' });
    r.end('%PDF-1.7');
  },
  '/json': (r) => {
    r.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
    r.end('{}');
  },
  '/text': (r) => {
    r.writeHead(200, { 'content-type': 'text/plain; charset=windows-1252' });
    r.end(iconv.encode('Caf\u00e9 \u201cnews\u201d', 'windows-1252'));
  },
  '/untyped-html': (r) => {
    r.writeHead(200);
    r.end(PAGE);
  },
  '/untyped-binary': (r) => {
    r.writeHead(200);
    r.end(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]));
  },
  '/stall-body': (r) => {
    r.writeHead(200, { 'content-type': 'text/html' });
    r.write('<p>first bytes');
  },
  '/stall-headers': () => {},
  '/missing': (r) => {
    r.writeHead(404, { 'content-type': 'text/plain' });
    r.end('not here');
  },
  '/broken': (r) => {
    r.writeHead(500);
    r.end();
  },
  '/to-private': (r) => redirect(r, 302, 'http://10.1.2.3/admin'),
  '/to-metadata': (r) => redirect(r, 302, 'http://169.254.169.254/latest/meta-data/'),
  '/to-mapped': (r) => redirect(r, 302, 'http://[::ffff:a01:203]/'),
  '/to-file': (r) => redirect(r, 302, 'file:///etc/passwd'),
  '/to-bad': (r) => redirect(r, 302, 'http://exa mple.com:99999/'),
};

function redirect(response: ServerResponse, status: number, location: string | undefined): void {
  response.writeHead(status, location === undefined ? {} : { location });
  response.end();
}

let server: Server;
let base = '';
let streamedBytes = 0;
const seen: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
const LOCAL: FetchOptions = { allow: ['loopback'], timeoutMs: 5000 };

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    const route = routes[request.url ?? ''];
    if (route) route(response);
    else redirect(response, 404, undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The IngestError a fetch rejects with, as `code: message`. */
async function failure(url: string, options: FetchOptions = LOCAL): Promise<string> {
  try {
    await fetchDocument(url, options);
  } catch (error) {
    if (error instanceof IngestError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'fetched';
}

/** How many client sockets the process opened while `run` ran. */
async function socketsOpenedDuring(run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const onSocket = () => count++;
  diagnostics.subscribe('net.client.socket', onSocket);
  try {
    await run();
  } finally {
    diagnostics.unsubscribe('net.client.socket', onSocket);
  }
  return count;
}

describe('fetchDocument', () => {
  it('follows a redirect chain (relative, absolute, fragment) and returns the page with its metadata', async () => {
    const document = await fetchDocument(`${base}/r1`, LOCAL);
    expect(document).toMatchObject({
      url: `${base}/r1`,
      finalUrl: `${base}/page`,
      redirects: [`${base}/r2`, `${base}/r3`, `${base}/page`],
      contentType: 'text/html; charset=utf-8',
      kind: 'html',
      charset: 'utf-8',
    });
    expect(new TextDecoder().decode(document.body)).toBe(PAGE);
    expect(extractHtml(document.body, { url: document.finalUrl, contentType: document.contentType }).text).toBe('Ferry service resumes\n\nThe first crossing since the storm left at dawn.');
  });

  it('sends a slant User-Agent, an Accept for pages, and never the credentials of the URL', async () => {
    await fetchDocument(`${base.replace('http://', 'http://user:secret@')}/page`, LOCAL);
    const request = seen.findLast((s) => s.url === '/page')!;
    expect(request.headers['user-agent']).toBe(`slant/${ANALYZER_VERSION}`);
    expect(request.headers.accept).toContain('text/html');
    expect(request.headers.authorization).toBeUndefined();
  });

  it('decodes a gzip body, and caps the decoded size of a compression bomb', async () => {
    expect(new TextDecoder().decode((await fetchDocument(`${base}/gzip`, LOCAL)).body)).toBe(PAGE);
    expect(await failure(`${base}/gzip-bomb`, { ...LOCAL, maxBytes: 1024 * 1024 })).toMatch(/^too-large: .*more than the limit of 1048576 bytes/);
  });

  it('counts redirects: exactly maxRedirects is fine, one more is refused', async () => {
    expect((await fetchDocument(`${base}/hops/2`, { ...LOCAL, maxRedirects: 2 })).redirects).toHaveLength(2);
    expect(await failure(`${base}/hops/2`, { ...LOCAL, maxRedirects: 1 })).toMatch(/^too-many-redirects: cannot fetch .*\/hops\/2: redirected to .*\/hops\/1; more than 1 redirects/);
    expect(await failure(`${base}/loop`)).toMatch(/^too-many-redirects: .*more than 5 redirects/);
  });

  it('refuses a body over maxBytes by its Content-Length, and while streaming one without', async () => {
    expect(await failure(`${base}/big-declared`, { ...LOCAL, maxBytes: 1000 })).toBe(`too-large: cannot fetch ${base}/big-declared: the body is 5000 bytes, more than the limit of 1000 bytes`);
    streamedBytes = 0;
    expect(await failure(`${base}/big-streamed`, { ...LOCAL, maxBytes: 64 * 1024 })).toMatch(/^too-large: .*over 65536 bytes/);
    expect(streamedBytes).toBeLessThan(10 * 1024 * 1024);
  });

  it('accepts html, xhtml and plain text only', async () => {
    expect(await failure(`${base}/pdf`)).toBe(`unsupported-type: cannot fetch ${base}/pdf: application/pdf is not a page slant can read (text/html, application/xhtml+xml or text/plain)`);
    expect(await failure(`${base}/json`)).toMatch(/^unsupported-type: .*application\/json/);
    const text = await fetchDocument(`${base}/text`, LOCAL);
    expect({ kind: text.kind, charset: text.charset, text: decodeText(text.body, text.contentType) }).toEqual({ kind: 'text', charset: 'windows-1252', text: 'Café “news”' });
  });

  it('sniffs a body sent without Content-Type: markup is html, binary is refused', async () => {
    expect(await fetchDocument(`${base}/untyped-html`, LOCAL)).toMatchObject({ kind: 'html', contentType: '' });
    expect(await failure(`${base}/untyped-binary`)).toMatch(/^unsupported-type: .*looks like neither HTML nor text/);
  });

  it('gives up at the deadline, whether the headers or the body are slow', async () => {
    expect(await failure(`${base}/stall-headers`, { ...LOCAL, timeoutMs: 150 })).toBe(`timeout: cannot fetch ${base}/stall-headers: no complete response within 150 ms`);
    expect(await failure(`${base}/stall-body`, { ...LOCAL, timeoutMs: 150 })).toMatch(/^timeout: /);
  });

  it('reports HTTP errors with their status', async () => {
    const error = await fetchDocument(`${base}/missing`, LOCAL).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(IngestError);
    expect(error).toMatchObject({ code: 'http-status', status: 404, url: `${base}/missing`, message: `cannot fetch ${base}/missing: HTTP 404 Not Found` });
    expect(await failure(`${base}/broken`)).toMatch(/^http-status: .*HTTP 500/);
    expect(await failure(`${base}/no-location`)).toMatch(/^http-status: .*HTTP 302 without a Location header/);
  });

  it('refuses a redirect to a private or metadata address without connecting to it', async () => {
    let message = '';
    const sockets = await socketsOpenedDuring(async () => {
      message = await failure(`${base}/to-private`, { allow: ['loopback'], timeoutMs: 60_000 });
    });
    expect(message).toBe(`blocked-address: cannot fetch ${base}/to-private: redirected to http://10.1.2.3/admin; 10.1.2.3 is a private address (refused unless private addresses are allowed)`);
    expect(sockets).toBe(1);
    expect(await failure(`${base}/to-metadata`)).toBe(`blocked-address: cannot fetch ${base}/to-metadata: redirected to http://169.254.169.254/latest/meta-data/; 169.254.169.254 is a link-local address (where cloud metadata services live)`);
    expect(await failure(`${base}/to-mapped`)).toMatch(/^blocked-address: .*carries the IPv4 address 10\.1\.2\.3, a private address/);
  });

  it('refuses a redirect to another scheme or to an invalid URL', async () => {
    expect(await failure(`${base}/to-file`)).toBe(`unsupported-scheme: cannot fetch ${base}/to-file: redirected to file:///etc/passwd; only http and https URLs are fetched, not file:`);
    expect(await failure(`${base}/to-bad`)).toMatch(/^invalid-url: .*redirected to an invalid URL/);
  });

  it('refuses loopback unless allowed, however the address is written, and opens no socket', async () => {
    const port = new URL(base).port;
    for (const host of ['127.0.0.1', '[::1]', '0x7f.1', '2130706433', '[::ffff:127.0.0.1]']) {
      const url = `http://${host}:${port}/page`;
      let message = '';
      expect(await socketsOpenedDuring(async () => (message = await failure(url, {})))).toBe(0);
      expect(message, host).toMatch(/^blocked-address: .*loopback address \(refused unless loopback addresses are allowed\)$/);
    }
    expect(await failure(`http://localhost:${port}/page`, {})).toMatch(/^blocked-address: .*localhost resolves to (127\.0\.0\.1|::1), a loopback address/);
  });

  it.each<[string, string]>([
    ['file:///etc/passwd', 'unsupported-scheme: cannot fetch file:///etc/passwd: only http and https URLs are fetched, not file:'],
    ['ftp://ftp.example.com/news.txt', 'unsupported-scheme: cannot fetch ftp://ftp.example.com/news.txt: only http and https URLs are fetched, not ftp:'],
    ['javascript:alert(1)', 'unsupported-scheme: cannot fetch javascript:alert(1): only http and https URLs are fetched, not javascript:'],
    ['not a url', 'invalid-url: cannot fetch not a url: not a valid absolute URL'],
    ['/relative/path', 'invalid-url: cannot fetch /relative/path: not a valid absolute URL'],
    ['http://', 'invalid-url: cannot fetch http://: not a valid absolute URL'],
    ['http://10.0.0.5/', "blocked-address: cannot fetch http://10.0.0.5/: 10.0.0.5 is a private address (refused unless private addresses are allowed)"],
    ['http://169.254.169.254/latest/', 'blocked-address: cannot fetch http://169.254.169.254/latest/: 169.254.169.254 is a link-local address (where cloud metadata services live)'],
  ])('refuses %s', async (url, expected) => {
    expect(await failure(url, {})).toBe(expected);
  });

  it('reports a host that does not resolve', async () => {
    expect(await failure('http://no-such-host.invalid/', { timeoutMs: 5000 })).toMatch(/^dns: cannot fetch http:\/\/no-such-host\.invalid\/: cannot resolve no-such-host\.invalid/);
  });

  it('rejects nonsensical options as a programming error', async () => {
    await expect(fetchDocument(`${base}/page`, { timeoutMs: -1 })).rejects.toThrow(RangeError);
  });
});
