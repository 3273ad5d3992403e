/** `slant compare`: in process with injected streams, and once as a real process. */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { comparisonSchema } from '../../src/core/compare/index.ts';
import { runInProcess } from './run.ts';
import { articlePage, serveOnLoopback } from '../server/helpers.ts';

const SEED = new URL('../../corpus/presstv-putin-biden.txt', import.meta.url).pathname;
const OTHER = new URL('../../corpus/compare/putin-biden-us-ukraine-voices.txt', import.meta.url).pathname;

describe('slant compare', () => {
  it('prints the summary with evidence as line:column, the voices and the word choice side by side', async () => {
    const { code, stdout, stderr } = await runInProcess(['compare', SEED, OTHER, '--format', 'text']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^ {2}\d+\. Side Ukraine \(UA\): only summarised in A; quoted directly in B\.$/m);
    expect(stdout).toMatch(/^ {7}B \d+:\d+ "Kyiv wanted the talks to succeed" \(attributions\[\d+\]\)$/m);
    expect(stdout).toMatch(/For the capital of Ukraine: A writes "kiev" \(1\); B writes "kyiv" \(3\)\./);
    expect(stdout).toMatch(/^ {2}Dmitry Peskov +quoted +- +$/m);
    // A's outlet voice is loaded; B's only loaded words are quoted, and count at half.
    const loaded = /^ {2}loaded language +([\d.]+) \(p\d+\) +([\d.]+) \(p\d+\)/m.exec(stdout);
    expect(Number(loaded?.[1])).toBeGreaterThan(Number(loaded?.[2]));
  });

  it('writes the comparison as JSON when piped, reading one article from standard input', async () => {
    const { readFileSync } = await import('node:fs');
    const { code, stdout } = await runInProcess(['compare', SEED, '-'], { stdin: readFileSync(OTHER, 'utf8') });
    expect(code).toBe(0);
    const comparison = comparisonSchema.parse(JSON.parse(stdout));
    expect(comparison.articles.map((article) => article.name)).toEqual([SEED, 'standard input']);
    expect(comparison.distinctive[1]?.numbers.map((number) => number.text)).toEqual(['100,000']);
  });

  it('fetches an article given by address (loopback allowed only with --allow-private)', async () => {
    const { readFileSync } = await import('node:fs');
    const [headline, ...paragraphs] = readFileSync(OTHER, 'utf8').trim().split('\n\n');
    const pages = await serveOnLoopback((_request, response) => {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(articlePage(headline as string, paragraphs));
    });
    try {
      const refused = await runInProcess(['compare', SEED, `${pages.url}/story`]);
      expect(refused.code).toBe(2);
      expect(refused.stderr).toMatch(/loopback/);
      const { code, stdout } = await runInProcess(['compare', SEED, `${pages.url}/story`, '--allow-private', '--json']);
      expect(code).toBe(0);
      const comparison = comparisonSchema.parse(JSON.parse(stdout));
      expect(comparison.articles[1]?.name).toBe(`${pages.url}/story`);
      expect(comparison.voices.sides.find((row) => row.id === 'side:UA')?.cells.map((cell) => cell.status)).toEqual(['summarised', 'quoted']);
    } finally {
      await pages.close();
    }
  });

  it.each([
    ['one article', ['compare', SEED], /takes 2 to 6 articles .* got 1/],
    ['seven articles', ['compare', SEED, SEED, SEED, SEED, SEED, SEED, SEED], /got 7/],
    ['standard input twice', ['compare', '-', '-'], /standard input \(-\) can be read only once/],
    ['a missing file', ['compare', SEED, '/nonexistent/article.txt'], /cannot read \/nonexistent\/article\.txt/],
    ['a bad format', ['compare', SEED, OTHER, '--format', 'yaml'], /--format must be text or json/],
  ])('refuses %s with one line and exit code 2', async (_name, argv, message) => {
    const { code, stdout, stderr } = await runInProcess(argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('refuses an empty article, naming it', async () => {
    const { code, stderr } = await runInProcess(['compare', SEED, '-'], { stdin: '  \n' });
    expect(code).toBe(2);
    expect(stderr).toBe('slant: standard input: the text is only white space\n');
  });

  it('runs as a real process', () => {
    const stdout = execFileSync(process.execPath, [new URL('../../bin/slant.js', import.meta.url).pathname, 'compare', SEED, OTHER, '--json'], { encoding: 'utf8' });
    expect(comparisonSchema.parse(JSON.parse(stdout)).summary.length).toBeGreaterThan(5);
  }, 60_000);
});
