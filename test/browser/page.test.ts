/**
 * The web page in a real browser: Debian's Chromium driven by playwright-core against the real server on
 * an ephemeral loopback port. Pastes the seed article (plus an injected script that must stay inert),
 * checks highlights, the sides table and keyboard explanations, and saves a screenshot to
 * test-artifacts/page.png. Skipped only where /usr/bin/chromium is missing outside CI.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv, startServer } from '../../src/edges/server/main.ts';

const CHROMIUM = '/usr/bin/chromium';
const runnable = existsSync(CHROMIUM) || process.env.CI !== undefined;
if (!runnable) console.warn(`test/browser: skipped, ${CHROMIUM} is missing (apt-get install -y chromium); in CI this test runs and fails instead`);

// The project's tsconfig has no DOM library; the browser globals used inside evaluate() are typed here.
type InPage = {
  document: { activeElement: { matches(selector: string): boolean; textContent: string | null } | null };
  getComputedStyle(node: unknown): { outlineStyle: string; borderBottomStyle: string };
  __slantInjected?: boolean;
};

const INJECTED = '<script>window.__slantInjected = true</script><img src=x onerror="window.__slantInjected = true">';
const article = `${readFileSync(new URL('../../corpus/presstv-putin-biden.txt', import.meta.url), 'utf8')}\n\nA reader pasted this: ${INJECTED}\n`;

describe.skipIf(!runnable)('the web page in Chromium', () => {
  let server: Awaited<ReturnType<typeof startServer>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer(configFromEnv({ PORT: '0', SLANT_WORKERS: '1', SLANT_LOG: 'off' }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    const external: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url) && !request.url().startsWith('blob:') && !request.url().startsWith('data:')) external.push(request.url());
    });
    await page.goto(server.url);
    await page.getByLabel('Article text').fill(article);
    await page.getByRole('button', { name: 'Analyse' }).click();
    await page.locator('#article mark').first().waitFor();
    expect(external, 'the page makes no request outside its own server').toEqual([]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.shutdown();
  });

  it('marks quoted words apart from the outlet\'s own words and paraphrases', async () => {
    const deplorable = page.locator('#article mark[tabindex]', { hasText: /^deplorable$/ });
    await expect.poll(() => deplorable.count()).toBe(1);
    expect(await deplorable.getAttribute('data-voice')).toBe('quoted');
    const aggressive = page.locator('#article mark[tabindex]', { hasText: /^aggressive$/ });
    // The outlet's paraphrase of Moscow: the outlet chose the word, so it counts as the outlet's voice.
    expect(await aggressive.getAttribute('data-voice')).toBe('reported');
    expect(await aggressive.getAttribute('aria-label')).toContain("outlet's paraphrase");
    const styles = await Promise.all([deplorable, aggressive].map((mark) => mark.evaluate((node) => {
          const style = (globalThis as unknown as InPage).getComputedStyle(node);
          return `${style.outlineStyle}/${style.borderBottomStyle}`;
        })));
    expect(styles).toEqual(['dotted/none', 'none/dashed']);
  });

  it('dims the paragraphs that are not scored and names their role', async () => {
    const breadcrumb = page.locator('#article .para[data-role="breadcrumb"]');
    await expect.poll(() => breadcrumb.count()).toBeGreaterThan(0);
    expect(await breadcrumb.first().textContent()).toContain('not scored');
    // The Omar/Pelosi caption is flagged as unrelated to the story, with the people the body never names.
    const unrelated = page.locator('#article .page-check[data-flag="unrelated-caption"]');
    expect(await unrelated.count()).toBe(1);
    expect(await unrelated.textContent()).toContain('Ilhan Omar, Nancy Pelosi');
    expect(await page.locator('#article .para[data-role="headline"] .page-check').first().textContent()).toContain('Headline against body');
  });

  it('shows the sides table with the Kremlin\'s side and the outlet card', async () => {
    const ru = page.locator('#sides-table tbody tr[data-side="RU"]');
    expect(await ru.count()).toBe(1);
    expect(await ru.locator('td').first().textContent()).toMatch(/\d+%/);
    // Sides are named as people say them, not by country code.
    expect(await ru.locator('th').textContent()).toBe('Russia');
    expect(await page.locator('#outlet-card').textContent()).toContain('Press TV');
    expect(await page.locator('#sentiment-chart svg rect').count()).toBeGreaterThan(10);
  });

  it('explains a highlight reached with the keyboard', async () => {
    await page.locator('#results-heading').focus();
    let focused = '';
    for (let i = 0; i < 80 && focused !== 'deplorable'; i++) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => {
        const active = (globalThis as unknown as InPage).document.activeElement;
        return active?.matches('#article mark') === true ? (active.textContent ?? '') : '';
      });
    }
    expect(focused).toBe('deplorable');
    const explanation = page.locator('#explanation');
    expect(await explanation.isVisible()).toBe(true);
    const text = await explanation.textContent();
    expect(text).toContain('Emotive word');
    expect(text).toContain('inside a quotation');
    expect(text).toContain('Neutral alternative: poor');
    // The message's quoted words are set as code, with no raw backticks shown to students.
    expect(text).not.toContain('`');
    // The speaker by name, not by the gazetteer's id.
    expect(text).toContain('Dmitry Peskov');
    expect(text).not.toContain('ru-peskov');
    expect(await explanation.locator('code', { hasText: /^deplorable$/ }).count()).toBe(1);
    await page.keyboard.press('Escape');
    expect(await explanation.isVisible()).toBe(false);
  });

  it('shows a pasted script as text and never runs it', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as InPage).__slantInjected)).toBeUndefined();
    expect(await page.locator('#article script, #article img').count()).toBe(0);
    expect(await page.locator('#article').textContent()).toContain(INJECTED);
  });

  it('counts paragraphs as the page numbers them, with words in the singular where one', async () => {
    const status = (await page.locator('#status').textContent()) ?? '';
    const numbered = await page.locator('#article .para').count();
    expect(status).toMatch(new RegExp(`^Done: ${numbered} paragraphs \\((\\d+) scored\\)`));
    expect(status).not.toMatch(/\b1 (paragraphs|findings|attributions|sides)\b/);
  });

  it('fits a phone: at 390 px nothing is wider than the screen, and the highlights are reached by keyboard', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 } });
    try {
      await phone.goto(server.url);
      await phone.getByLabel('Article text').fill(article);
      await phone.getByRole('button', { name: 'Analyse' }).click();
      await phone.locator('#article mark').first().waitFor();
      const width = await phone.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(390);
      await phone.locator('#results-heading').focus();
      const reached: string[] = [];
      for (let i = 0; i < 60 && reached.length < 3; i++) {
        await phone.keyboard.press('Tab');
        const text = await phone.evaluate(() => {
          const active = (globalThis as unknown as InPage).document.activeElement;
          return active?.matches('#article mark') === true ? (active.textContent ?? '') : '';
        });
        if (text !== '') reached.push(text);
      }
      expect(reached.length).toBe(3);
      expect(await phone.locator('#explanation').isVisible()).toBe(true);
    } finally {
      await phone.close();
    }
  });

  it('saves a screenshot', async () => {
    mkdirSync(new URL('../../test-artifacts/', import.meta.url), { recursive: true });
    await page.locator('#article mark[tabindex]', { hasText: /^aggressive$/ }).hover();
    await page.screenshot({ path: new URL('../../test-artifacts/page.png', import.meta.url).pathname, fullPage: true });
  });

  it('says why a URL cannot be analysed', async () => {
    await page.getByLabel('a URL to fetch').check();
    await page.getByLabel('Page to fetch').fill('http://10.0.0.1/news');
    await page.getByRole('button', { name: 'Analyse' }).click();
    const status = page.locator('#status');
    await expect.poll(() => status.textContent()).toContain('cannot fetch http://10.0.0.1/news');
    expect(await status.getAttribute('data-kind')).toBe('error');
    // The seed's results are gone: they must not read as this page's.
    expect(await page.locator('#results').isHidden()).toBe(true);
  });
});
