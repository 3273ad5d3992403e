import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runInProcess } from './run.ts';
import { analyze, reportSchema } from '../../src/index.ts';

const SEED_HTML = new URL('../fixtures/html/presstv-seed.html', import.meta.url).pathname;

const run = runInProcess;

// A page written for this test, served by a real HTTP server on loopback.
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour strike ends | Coast Courier</title>
<meta property="og:site_name" content="Coast Courier"></head><body>
<nav><a href="/">Home</a> / <a href="/local">Local</a></nav>
<article><h1>Harbour strike ends after nine days</h1>
<p>Dock workers in Selby returned to work on Monday after the port operator agreed to a 4 per cent pay rise, the union said.</p>
<p>"It was a hard fight, and a fair result," union organiser Ada Mills told reporters at the gates.</p>
<p>The operator said ships delayed by the strike would be cleared within a week.</p></article>
<footer>Sign up for our newsletter</footer></body></html>`;

let server: Server;
let base = '';
beforeAll(async () => {
  server = createServer((request, response) => {
    if (request.url === '/article') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(PAGE);
    } else if (request.url === '/moved') {
      response.writeHead(302, { location: '/article' });
      response.end();
    } else if (request.url === '/to-private') {
      response.writeHead(302, { location: 'http://10.20.30.40/secret' });
      response.end();
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' });
      response.end('not here');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('slant analyze on web pages', () => {
  it('reads a saved .html page: the seed rendered as HTML gets its captions, breadcrumb and closing lines left out of the scores', async () => {
    const { code, stdout } = await run(['analyze', SEED_HTML, '--format', 'json']);
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.document?.input).toBe('html');
    const scored = report.paragraphs.filter((p) => p.scored).map((p) => report.text.slice(p.start, p.end));
    expect(scored.some((t) => t.includes('Ilhan Omar'))).toBe(false);
    expect(scored.some((t) => t.includes('alternate addresses'))).toBe(false);
    expect(scored.some((t) => t.startsWith('The Kremlin says no'))).toBe(true);
    expect(report.summary.captions.find((c) => c.text.includes('Ilhan Omar'))?.unrelated).toBe(true);
    expect(report.summary.headline?.text).toContain('no breakthroughs');
  });

  it('scores the seed as HTML like the seed as text: the same body, the same loaded words', async () => {
    const fromHtml = analyze({ html: readFileSync(SEED_HTML) });
    const fromText = analyze(readFileSync(new URL('../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8'));
    const outletWords = (r: typeof fromText) => r.paragraphs.filter((p) => p.scored).flatMap((p) => p.findings.filter((f) => f.voice !== 'quoted').map((f) => f.text));
    expect(outletWords(fromHtml)).toEqual(outletWords(fromText));
    expect(fromHtml.summary.source?.card.domain).toBe('presstv.ir');
  });

  it('reads HTML without an .html name when the file starts with markup, and --text forces plain text', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-cli-html-'));
    const file = join(dir, 'page.txt');
    writeFileSync(file, PAGE);
    const sniffed = reportSchema.parse(JSON.parse((await run(['analyze', file, '--format', 'json'])).stdout));
    expect(sniffed.document?.input).toBe('html');
    expect(sniffed.text).not.toContain('<p>');
    const forced = reportSchema.parse(JSON.parse((await run(['analyze', file, '--text', '--format', 'json'])).stdout));
    expect(forced.document).toBeUndefined();
    expect(forced.text).toContain('<p>');
  });

  it('fetches a URL (loopback allowed with --allow-private), following redirects and reading the page metadata', async () => {
    const { code, stdout, stderr } = await run(['analyze', `${base}/moved`, '--allow-private', '--format', 'json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.document).toMatchObject({ input: 'url', fetched: { url: `${base}/moved`, finalUrl: `${base}/article` } });
    expect(report.summary.headline?.text).toBe('Harbour strike ends after nine days');
    expect(report.attributions.some((a) => a.speaker !== null && report.text.slice(a.speaker[0], a.speaker[1]).includes('Ada Mills'))).toBe(true);
  });

  it('refuses a loopback URL by default, and a redirect to a private address even when loopback is allowed', async () => {
    const refused = await run(['analyze', `${base}/article`]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(new RegExp(`^slant: cannot fetch ${base.replace(/[.:/]/g, '\\$&')}/article: .*(loopback|private)`));
    const redirected = await analyze({ url: `${base}/to-private` }, { fetch: { allow: ['loopback'] } }).then(
      () => 'fetched',
      (error: Error) => error.message,
    );
    expect(redirected).toMatch(/10\.20\.30\.40.*private/);
  });

  it('says which URL failed and why for a missing page', async () => {
    const { code, stderr } = await run(['analyze', `${base}/nowhere`, '--allow-private']);
    expect(code).toBe(2);
    expect(stderr).toContain(`${base}/nowhere`);
    expect(stderr).toMatch(/404/);
  });
});
