/**
 * The report cache of POST /v1/analyze: an article asked for again is answered with the same bytes without a
 * second analysis, with an ETag that If-None-Match can send back; the cache is bounded and keeps no failure.
 */
import { describe, expect, it } from 'vitest';
import { createInProcessAnalyzer, type Analyzer } from '../../src/edges/server/analysis.ts';
import { createApp } from '../../src/edges/server/app.ts';
import { createReportCache, reportCacheKey } from '../../src/edges/server/report-cache.ts';

// The in-process analyzer, counting the analyses it runs; `delayMs` holds each report back as a busy worker
// would (the in-process analyzer blocks the thread, so no timer could fire during its analysis).
function countingAnalyzer(delayMs = 0): Analyzer & { runs: number } {
  const inner = createInProcessAnalyzer();
  const counted = {
    runs: 0,
    analyzeJson: async (...args: Parameters<Analyzer['analyzeJson']>) => {
      counted.runs++;
      const json = await inner.analyzeJson(...args);
      if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
      return json;
    },
    get pending() {
      return inner.pending;
    },
    close: () => inner.close(),
  };
  return counted;
}

const post = (app: ReturnType<typeof createApp>, body: unknown, headers: Record<string, string> = {}) =>
  app.request('/v1/analyze', { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const article = { id: 'c1', text: 'Critics slammed the so-called reform as a disaster, the minister told Reuters on Monday.' };

describe('the report cache of POST /v1/analyze', () => {
  it('answers an article asked for again with the same bytes and ETag, without analysing it again', async () => {
    const analyzer = countingAnalyzer();
    const app = createApp({ analyzer, reportCache: createReportCache({ maxEntries: 10, maxBytes: 1 << 20 }) });
    const first = await post(app, article);
    const second = await post(app, article);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers.get('x-slant-cache'), second.headers.get('x-slant-cache')]).toEqual(['miss', 'hit']);
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(first.headers.get('etag')).toMatch(/^"[\w-]{8}\.[0-9a-f]{32}"$/);
    const body = await first.text();
    expect(await second.text()).toBe(body);
    expect(analyzer.runs).toBe(1);
    // Another id is another report (the report echoes it).
    const other = await post(app, { ...article, id: 'c2' });
    expect(other.headers.get('x-slant-cache')).toBe('miss');
    expect(((await other.json()) as { id: string }).id).toBe('c2');
    expect(analyzer.runs).toBe(2);
    expect(other.headers.get('etag')).not.toBe(first.headers.get('etag'));
    // Another server process tags its reports apart: a client's old tag gets the report, not a 304.
    const restarted = createApp({ analyzer, reportCache: createReportCache({ maxEntries: 10, maxBytes: 1 << 20 }) });
    const again = await post(restarted, article, { 'if-none-match': first.headers.get('etag') as string });
    expect(again.status).toBe(200);
    expect(await again.text()).toBe(body);
  });

  it('answers 304 without a body when If-None-Match names the report, compressed or not', async () => {
    const app = createApp({ analyzer: countingAnalyzer(), reportCache: createReportCache({ maxEntries: 10, maxBytes: 1 << 20 }) });
    const etag = (await post(app, article)).headers.get('etag') as string;
    const again = await post(app, article, { 'if-none-match': `"other", W/${etag}` });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const gzipped = await post(app, article, { 'accept-encoding': 'gzip' });
    expect(gzipped.headers.get('content-encoding')).toBe('gzip');
    expect(gzipped.headers.get('etag')).toBe(`${etag.slice(0, -1)}-gzip"`);
    expect((await post(app, article, { 'if-none-match': gzipped.headers.get('etag') as string })).status).toBe(304);
    expect((await post(app, article, { 'if-none-match': '"stale"' })).status).toBe(200);
    // The 304 names what a 200 would send: the same Vary, and the compressed report's tag to a client taking gzip.
    const unchanged = await post(app, article, { 'accept-encoding': 'gzip', 'if-none-match': gzipped.headers.get('etag') as string });
    expect(unchanged.status).toBe(304);
    expect(unchanged.headers.get('etag')).toBe(gzipped.headers.get('etag'));
    expect(unchanged.headers.get('vary')).toContain('accept-encoding');
  });

  it('gives a request with a short budget its 504 without failing the others that share its analysis', async () => {
    const analyzer = countingAnalyzer(100);
    const app = createApp({ analyzer, reportCache: createReportCache({ maxEntries: 10, maxBytes: 8 << 20 }) });
    const [impatient, patient] = await Promise.all([post(app, { ...article, options: { timeoutMs: 20 } }), post(app, article)]);
    expect(impatient.status).toBe(504);
    expect(((await impatient.json()) as { error: { code: string } }).error.code).toBe('timeout');
    expect(patient.status).toBe(200);
    expect(patient.headers.get('x-slant-cache')).toBe('hit');
    // The analysis went on and was kept: the impatient client gets the report when it asks again.
    const again = await post(app, { ...article, options: { timeoutMs: 20 } });
    expect([again.status, again.headers.get('x-slant-cache'), analyzer.runs]).toEqual([200, 'hit', 1]);
  });

  it('is off without a cache: no ETag, every request analysed', async () => {
    const analyzer = countingAnalyzer();
    const app = createApp({ analyzer });
    const [first, second] = [await post(app, article), await post(app, article)];
    expect(first.headers.get('etag')).toBeNull();
    expect(second.headers.get('x-slant-cache')).toBeNull();
    expect(analyzer.runs).toBe(2);
  });
});

describe('createReportCache', () => {
  const report = (text: string) => () => Promise.resolve(text);

  it('drops the least recently used report past its entries or its bytes', async () => {
    const cache = createReportCache({ maxEntries: 2, maxBytes: 10 });
    await cache.get('a', report('aaa'));
    await cache.get('b', report('bbb'));
    expect((await cache.get('a', report('new'))).hit).toBe(true); // a is now the most recent
    await cache.get('c', report('ccc'));
    expect([cache.entries, cache.bytes]).toEqual([2, 6]);
    expect((await cache.get('b', report('bbb'))).hit).toBe(false);
    // Bytes: one report of 9 leaves room for nothing else; one over the limit is never kept.
    await cache.get('big', report('123456789'));
    expect([cache.entries, cache.bytes]).toEqual([1, 9]);
    await cache.get('huge', report('12345678901'));
    expect([cache.entries, cache.bytes]).toEqual([1, 9]);
  });

  it('keeps no failure, and identical requests in flight share one analysis', async () => {
    const cache = createReportCache({ maxEntries: 10, maxBytes: 100 });
    await expect(cache.get('k', () => Promise.reject(new Error('worker died')))).rejects.toThrow('worker died');
    let runs = 0;
    const slow = () => new Promise<string>((resolve) => setTimeout(() => resolve(`report ${++runs}`), 20));
    const answers = await Promise.all([cache.get('k', slow), cache.get('k', slow), cache.get('k', slow)]);
    expect(answers.map((answer) => [answer.json, answer.hit])).toEqual([
      ['report 1', false],
      ['report 1', true],
      ['report 1', true],
    ]);
  });
});

describe('reportCacheKey', () => {
  it('depends on every field and not on their order; text and page bytes never share a key', () => {
    const key = reportCacheKey({ text: 'a', id: 'x' });
    expect(reportCacheKey({ id: 'x', text: 'a' })).toBe(key);
    expect(reportCacheKey({ text: 'a', id: 'y' })).not.toBe(key);
    expect(reportCacheKey({ text: 'a', id: 'x', sides: [['us']] })).not.toBe(key);
    expect(reportCacheKey({ html: '<p>a</p>' })).not.toBe(reportCacheKey({ html: new TextEncoder().encode('<p>a</p>') }));
    // A field's value cannot spill into the next field's.
    expect(reportCacheKey({ id: 'a', title: 'b' })).not.toBe(reportCacheKey({ id: 'a\u0000title\u0000sb', title: '' }));
  });
});
