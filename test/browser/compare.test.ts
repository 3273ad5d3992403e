/**
 * The comparison page in a real browser (Debian's Chromium through playwright-core) against the real server
 * on an ephemeral loopback port: the seed and our second version of its story pasted side by side, then the
 * voices table, the word choice, the summary's evidence links and the marks in the texts. Saves
 * test-artifacts/compare.png. Skipped only where /usr/bin/chromium is missing outside CI.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';

const CHROMIUM = '/usr/bin/chromium';
const runnable = existsSync(CHROMIUM) || process.env.CI !== undefined;

type InPage = { document: { activeElement: { matches(selector: string): boolean; textContent: string | null } | null; documentElement: { scrollWidth: number } }; __slantInjected?: boolean };

const INJECTED = '<img src=x onerror="window.__slantInjected = true">';
const seed = readFileSync(new URL('../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8');
const other = `${readFileSync(new URL('../../corpus/compare/putin-biden-us-ukraine-voices.txt', import.meta.url), 'utf8')}\nA reader pasted this: ${INJECTED}\n`;

describe.skipIf(!runnable)('the comparison page in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;
  const external: string[] = [];

  beforeAll(async () => {
    server = await startServer(configFromEnv({ PORT: '0', SLANT_WORKERS: '1', SLANT_LOG: 'off' }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) external.push(request.url());
    });
    // Reached from the main page's link, as a reader would.
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Compare reports of one story' }).click();
    await page.getByLabel('Article A text').fill(seed);
    await page.getByLabel('Article B text').fill(other);
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    await page.locator('#compare-summary li').first().waitFor();
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.shutdown();
  });

  it('shows who is heard and how in each article: Ukraine and the US summarised in the seed, quoted in the other', async () => {
    const cell = (row: string, article: string) => page.locator(`#voices-table tbody tr[data-id="${row}"] td[data-article="${article}"]`);
    expect(await cell('side:UA', 'A').getAttribute('data-status')).toBe('summarised');
    expect(await cell('side:UA', 'B').getAttribute('data-status')).toBe('quoted');
    expect(await cell('side:US', 'B').textContent()).toBe('quoted directly');
    expect(await cell('side:RU', 'A').getAttribute('data-status')).toBe('quoted');
    // An actor heard in one article only is shown as absent from the other.
    expect(await cell('ru-peskov', 'B').getAttribute('data-status')).toBe('absent');
    expect(await page.locator('#voices-table tbody tr[data-id="side:UA"] th').textContent()).toBe('Ukraine (side)');
  });

  it('shows the word each article chooses for the same place, with the source of the contrast', async () => {
    const row = page.locator('#words-table tbody tr[data-group="capital-of-ukraine"]');
    expect(await row.locator('td[data-article="A"]').textContent()).toBe('kiev ×1');
    expect(await row.locator('td[data-article="B"]').textContent()).toBe('kyiv ×3');
    expect(await row.locator('th').textContent()).toContain('KyivNotKiev');
  });

  it('links each line of the summary to its words, marked in the article side by side', async () => {
    const line = page.locator('#compare-summary li', { hasText: 'For the capital of Ukraine' });
    expect(await line.count()).toBe(1);
    await line.locator('a', { hasText: /^B: / }).first().click();
    const focused = await page.evaluate(() => {
      const active = (globalThis as unknown as InPage).document.activeElement;
      return active?.matches('#compare-text-B mark') === true ? (active.textContent ?? '') : '';
    });
    expect(focused.toLowerCase()).toBe('kyiv');
    // Every line carries evidence, and none delivers a verdict.
    const lines = await page.locator('#compare-summary li').all();
    for (const item of lines) expect(await item.locator('.evidence a').count()).toBeGreaterThan(0);
    expect((await page.locator('#compare-summary').textContent()) ?? '').not.toMatch(/\b(biased|propaganda|more accurate|fake)\b/i);
  });

  it('lists what only one article has, and the figures side by side with percentiles', async () => {
    const onlyB = (await page.locator('#compare-only .compare-column[data-article="B"]').textContent()) ?? '';
    expect(onlyB).toContain('100,000');
    expect(onlyB).toContain('Ukrainian Foreign Ministry');
    const onlyA = (await page.locator('#compare-only .compare-column[data-article="A"]').textContent()) ?? '';
    expect(onlyA).toContain('aggressive');
    expect(await page.locator('#figures-table tbody tr').first().locator('td').count()).toBe(2);
    expect(await page.locator('#figures-table').textContent()).toMatch(/percentile \d+/);
    expect(await page.locator('#compare-cards .compare-column[data-article="A"]').textContent()).toContain('Press TV');
  });

  it('shows pasted markup as text and runs nothing, and asks nothing of other servers', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as InPage).__slantInjected)).toBeUndefined();
    expect(await page.locator('#compare-texts img').count()).toBe(0);
    expect(await page.locator('#compare-text-B').textContent()).toContain(INJECTED);
    expect(external).toEqual([]);
  });

  it('fits a phone, and saves a screenshot', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const width = await page.evaluate(() => (globalThis as unknown as InPage).document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1200, height: 900 });
    mkdirSync(new URL('../../test-artifacts/', import.meta.url), { recursive: true });
    await page.screenshot({ path: new URL('../../test-artifacts/compare.png', import.meta.url).pathname, fullPage: true });
  });

  it('says which article is missing instead of sending an empty one', async () => {
    await page.getByLabel('Article B text').fill('   ');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const status = page.locator('#compare-status');
    await expect.poll(() => status.textContent()).toBe('Article B is empty: paste its text or give its address.');
    expect(await status.getAttribute('data-kind')).toBe('error');
    expect(await page.locator('#compare-results').isHidden()).toBe(true);
  });
});
