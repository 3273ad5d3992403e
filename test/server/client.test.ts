/**
 * `slant/client` against the real service on a loopback socket (the worker pool included): the typed methods
 * return what the routes send, errors arrive as SlantHttpError with the service's code, and the raw `hc`
 * client reaches the same routes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, SlantHttpError, type Report } from '../../src/client.ts';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';
import { seedArticle } from './helpers.ts';

type Started = Awaited<ReturnType<typeof startServer>>;
let server: Started;

beforeAll(async () => {
  server = await startServer(configFromEnv({ PORT: '0', SLANT_LOG: 'off', SLANT_WORKERS: '1', SLANT_API_KEYS: 'class-key' }));
}, 60_000);
afterAll(() => server?.shutdown());

describe('slant/client', () => {
  it('analyses an article into the report the service sends', async () => {
    const client = createClient(server.url, { apiKey: 'class-key' });
    const report: Report = await client.analyze({ id: 'seed', text: seedArticle, url: 'https://www.presstv.ir/Detail/2021/12/07/672466' });
    expect(report.id).toBe('seed');
    expect(report.summary.source?.detectedBy).toBe('url');
    expect(report.summary.source?.card.outlet?.name).toMatch(/Press TV/i);
    const words = report.paragraphs.flatMap((paragraph) => paragraph.findings.map((finding) => finding.text.toLowerCase()));
    expect(words).toContain('aggressive');
  }, 30_000);

  it('streams a batch in input order, a bad record as its error line', async () => {
    const client = createClient(server.url, { apiKey: 'class-key' });
    const seen: unknown[] = [];
    for await (const line of client.analyzeBatch([{ id: 'a', text: 'Critics slammed the so-called reform.' }, { id: 'b' } as never, { id: 'c', text: 'The council met on Tuesday.' }])) seen.push(line);
    expect(seen).toHaveLength(3);
    expect(seen[0]).toMatchObject({ id: 'a', summary: { loadedLanguage: { score: expect.any(Number) } } });
    expect(seen[1]).toMatchObject({ line: 2, id: 'b', error: { code: 'invalid-record' } });
    expect(seen[2]).toMatchObject({ id: 'c' });
  }, 30_000);

  it('compares two reports of one story', async () => {
    const client = createClient(server.url, { apiKey: 'class-key' });
    const comparison = await client.compare({ articles: [{ id: 'a', text: 'Officials in Kiev rejected the demands.' }, { id: 'b', text: 'Officials in Kyiv rejected the demands.' }] });
    expect(comparison.articles.map((article) => article.name)).toEqual(['a', 'b']);
    expect(JSON.stringify(comparison.wordChoice)).toContain('Kyiv');
    await expect(client.compare({ articles: [{ text: 'Only one.' }] })).rejects.toMatchObject({ status: 400, code: 'invalid-request' });
  }, 30_000);

  it("throws the service's error code and message", async () => {
    const noKey = createClient(server.url);
    await expect(noKey.analyze({ text: 'The council met.' })).rejects.toMatchObject({ name: 'SlantHttpError', status: 401, code: 'unauthorized' });
    const client = createClient(server.url, { apiKey: 'class-key' });
    const refused = await client.analyze({ text: '   ' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(SlantHttpError);
    expect(refused).toMatchObject({ status: 400, code: 'empty' });
  });

  it('looks up outlets, lexicons, categories and health', async () => {
    const client = createClient(server.url, { apiKey: 'class-key' });
    expect((await client.source('presstv.ir'))?.outlet?.name).toMatch(/Press TV/i);
    expect(await client.source('no-such-outlet.example')).toBeNull();
    expect((await client.lexicons()).lexicons.length).toBeGreaterThan(10);
    expect((await client.categories()).categories.map((category) => category.id)).toContain('loaded');
    expect(await client.health()).toMatchObject({ status: 'ok', version: expect.any(String) });
    const raw = await client.rpc.healthz.$get();
    expect(raw.status).toBe(200);
  });
});
