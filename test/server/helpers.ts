/** Helpers for the server tests: articles of a given size, a page server on loopback, NDJSON parsing. */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const seedArticle = readFileSync(new URL('../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8');
const corpus = ['presstv-putin-biden', 'conflict-balanced', 'quote-heavy-report', 'partisan-attack-senator'].map((name) => readFileSync(new URL(`../../corpus/${name}.txt`, import.meta.url), 'utf8'));

/** Corpus articles joined until the text is at least `chars` long (a long article analyses slowly). */
export function articleOfLength(chars: number): string {
  const parts: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const part = corpus[i % corpus.length] as string;
    parts.push(part);
    length += part.length + 2;
  }
  return parts.join('\n\n');
}

/** A loopback HTTP server answering with `handle`; `url` ends without a slash. */
export async function serveOnLoopback(handle: (request: IncomingMessage, response: ServerResponse) => void): Promise<{ url: string; close: () => Promise<void> }> {
  const server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** An article page as a news site would serve it. */
export function articlePage(title: string, paragraphs: readonly string[]): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title><script>window.tracking = 1</script></head>
<body><nav><a href="/">Home</a> / <a href="/world">World</a></nav><article><h1>${title}</h1>${paragraphs.map((p) => `<p>${p}</p>`).join('\n')}</article>
<footer>Copyright 2026 Example News. All rights reserved.</footer></body></html>`;
}

/** The lines of an NDJSON body, parsed. */
export function ndjson(body: string): unknown[] {
  return body
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as unknown);
}
