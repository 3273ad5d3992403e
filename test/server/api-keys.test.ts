/**
 * Optional API keys (SLANT_API_KEYS) over a real socket and in a real browser: /v1/ routes want a key,
 * /healthz, the page and its explanations stay open, and the page sends the key a user types.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';

type Started = Awaited<ReturnType<typeof startServer>>;
let server: Started;

beforeAll(async () => {
  server = await startServer(configFromEnv({ PORT: '0', SLANT_LOG: 'off', SLANT_WORKERS: '0', SLANT_API_KEYS: 'first-key, second.key~2' }));
}, 60_000);
afterAll(() => server?.shutdown());

const analyze = (headers: Record<string, string>) => fetch(`${server.url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{"text": "The council met on Tuesday."}' });

describe('SLANT_API_KEYS', () => {
  it.each([
    ['no key', {}, 'this server needs an API key: send Authorization: Bearer <key>'],
    ['a wrong key', { authorization: 'Bearer first-kez' }, 'the API key is not one this server accepts'],
    ['a key in another scheme', { authorization: 'Basic Zmlyc3Qta2V5' }, 'the API key is not one this server accepts'],
  ])('answers 401 in the error shape to %s', async (_, headers, message) => {
    const response = await analyze(headers);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toBe('Bearer realm="slant"');
    expect(await response.json()).toEqual({ error: { code: 'unauthorized', message } });
  });

  it('accepts every configured key', async () => {
    for (const key of ['first-key', 'second.key~2']) expect((await analyze({ authorization: `Bearer ${key}` })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/sources/presstv.ir`)).status).toBe(401);
  });

  it('leaves /healthz, the page, its files, its explanations and the docs open', async () => {
    for (const path of ['/healthz', '/', '/app.js', '/api-key.js', '/style.css', '/v1/categories', '/openapi.json', '/docs']) {
      expect([path, (await fetch(`${server.url}${path}`)).status]).toEqual([path, 200]);
    }
  });
});

const CHROMIUM = '/usr/bin/chromium';
describe.skipIf(!existsSync(CHROMIUM) && process.env.CI === undefined)('the page with a key', () => {
  let browser: Browser;
  afterAll(() => browser?.close());

  it('says a key is needed, then analyses once the user types one', async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'] });
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.getByLabel('Article text').fill('Critics slammed the so-called reform on Tuesday.');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toContain('needs an API key');
    await page.getByText('API key (only if this server asks for one)').click();
    await page.getByLabel('Key', { exact: true }).fill('second.key~2');
    await page.getByRole('button', { name: 'Analyse' }).click();
    await expect.poll(() => page.locator('#status').textContent()).toMatch(/^Done/);
  }, 60_000);
});
