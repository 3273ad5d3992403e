import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInProcess } from './run.ts';
import { reportSchema } from '../../src/index.ts';
import { errorLineSchema } from '../../src/core/report/error-line.ts';

const SEED = new URL('../../corpus/presstv-putin-biden.txt', import.meta.url).pathname;

const run = runInProcess;

describe('slant analyze', () => {
  it('prints a per-paragraph text report with line:col positions and marks the two voices apart', async () => {
    const { code, stdout } = await run(['analyze', SEED, '--format', 'text']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\s+\d+:\d+-\d+:\d+ {2}loaded\/aggressive {2}reported {2}Emotive word `aggressive`/m);
    expect(stdout).toMatch(/^\s+\d+:\d+-\d+:\d+ {2}attribution\/direct {2}Kremlin spokesman Dmitry Peskov told \[neutral\] {2}ru-peskov \/ RU/m);
    expect(stdout).toMatch(/^ {2}RU\s+#+\.* voice/m);
    expect(stdout).toMatch(/^\s+\d+:\d+-\d+:\d+ {2}\S+\/deplorable {2}quoted /m);
    expect(stdout).toContain('<aggressive>');
    expect(stdout).toContain('[everyone]');
    expect(stdout).toContain('{deplorable}');
    expect(stdout).not.toContain('\u001B[');
  });

  it('uses colour and text on a terminal, JSON elsewhere', async () => {
    const tty = await run(['analyze', SEED], { tty: true });
    expect(tty.stdout).toContain('\u001B[');
    const piped = await run(['analyze', SEED]);
    expect(reportSchema.parse(JSON.parse(piped.stdout)).summary.words).toBeGreaterThan(300);
  });

  it('reads standard input with -', async () => {
    const { code, stdout } = await run(['analyze', '-', '--format', 'json'], { stdin: 'The regime slammed the plan.' });
    expect(code).toBe(0);
    expect(JSON.parse(stdout).summary.loadedLanguage.counts.total).toBeGreaterThan(0);
  });

  it('--jsonl writes one report per record in input order, and an error line for a malformed record', async () => {
    const input = ['{"id":"a","text":"A calm report."}', '{"id":"b","text":', '{"id":"c"}', '', '{"id":7,"text":"The regime slammed it.","title":"T"}'].join('\n');
    const { code, stdout } = await run(['analyze', '--jsonl', '-'], { stdin: input });
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(lines.map((l) => l.id ?? `line ${l.line}`)).toEqual(['a', 'line 2', 'c', '7']);
    expect(lines[1]).toMatchObject({ line: 2, error: { code: 'invalid-json', message: expect.stringMatching(/^invalid JSON/) } });
    expect(lines[2]).toMatchObject({ line: 3, id: 'c', error: { code: 'invalid-record', message: expect.stringMatching(/"text" or "html"/) } });
    expect(errorLineSchema.parse(lines[2])).toEqual(lines[2]);
    expect(lines[3].title).toBe('T');
  });

  it.each([
    [['analyze', '/no/such/file.txt'], /cannot read \/no\/such\/file\.txt/],
    [['analyze', '--format', 'xml', SEED], /--format must be text or json/],
    [['analyze', '--bogus'], /Unknown option '--bogus'/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['analyze', 'a.txt', 'b.txt'], /at most one FILE/],
  ])('%j exits 2 with a one-line message', async (argv, message) => {
    const { code, stderr, stdout } = await run(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stdout).toBe('');
  });
});

describe('slant analyze refuses what is not an article', () => {
  it('exits 2 naming the file for an empty file, a program and empty standard input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-not-article-'));
    const empty = join(dir, 'empty.txt');
    writeFileSync(empty, '\n \n');
    const blank = await run(['analyze', empty]);
    expect(blank).toMatchObject({ code: 2, stdout: '' });
    expect(blank.stderr).toBe(`slant: ${empty}: the text is only white space\n`);
    // The first bytes of an ELF program, as /bin/ls starts.
    const program = join(dir, 'ls');
    writeFileSync(program, Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(56, 0), Buffer.from('GLIBC_2.3 libselinux.so.1 '.repeat(40))]));
    const binary = await run(['analyze', program]);
    expect(binary).toMatchObject({ code: 2, stdout: '', stderr: `slant: ${program}: this is not text: it holds a NUL character at offset 7 (a binary file?)\n` });
    const stdin = await run(['analyze', '-'], { stdin: '' });
    expect(stdin).toMatchObject({ code: 2, stderr: 'slant: standard input: the text is empty\n' });
  });

  it('--jsonl writes an error line for an empty record and goes on', async () => {
    const { code, stdout } = await run(['analyze', '--jsonl', '-'], { stdin: '{"id":"e","text":""}\n{"id":"ok","text":"The council met."}\n' });
    expect(code).toBe(0);
    const [first, second] = stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(errorLineSchema.parse(first)).toEqual({ id: 'e', line: 1, error: { code: 'empty', message: 'the text is empty' } });
    expect(second.id).toBe('ok');
  });
});

describe('slant source', () => {
  it('prints the outlet card: Press TV is Iranian state media, deprecated, very low, each rating with its source and date', async () => {
    const { code, stdout } = await run(['source', 'https://www.presstv.ir/Detail/2021/12/07/x']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Press TV \(presstv\.ir\)/);
    expect(stdout).toMatch(/ownership:\s+state, Islamic Republic of Iran Broadcasting/);
    expect(stdout).toMatch(/reliability: very low/);
    expect(stdout).toMatch(/wikipedia-rsp \| deprecated .*snapshot 2026-04-18 .*CC BY-SA 4\.0/);
    expect(stdout).toMatch(/cred1 .*snapshot 2026-08-04 .*CC BY 4\.0/);
  });

  it('says not rated for an unknown domain, and prints JSON with --json', async () => {
    const { stdout } = await run(['source', 'example-unknown-news.test', '--json']);
    expect(JSON.parse(stdout).reliability).toMatchObject({ label: 'not-rated', score: null });
  });

  it('uses --url to name the outlet of an analysed article', async () => {
    const { stdout } = await run(['analyze', '-', '--url', 'https://www.bbc.co.uk/news/world-1', '--format', 'json'], { stdin: 'Officials said the talks would resume.' });
    const report = JSON.parse(stdout);
    expect(report.summary.source).toMatchObject({ detectedBy: 'url', card: { domain: 'bbc.co.uk', reliability: { label: 'high' } } });
  });
});

describe('slant --version and lexicons', () => {
  it('prints the version in package.json, which every report records', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const { code, stdout } = await run(['--version']);
    expect(code).toBe(0);
    expect(stdout.trim()).toBe(pkg.version);
    const report = JSON.parse((await run(['analyze', SEED, '--format', 'json'])).stdout);
    expect(report.analyzer.version).toBe(pkg.version);
  });

  it('lists every bundled lexicon with version, entry count and licence', async () => {
    const { stdout } = await run(['lexicons']);
    expect(stdout).toMatch(/^loaded\s+\d+\.\d+\.\d+\s+\d{4,}\s+CC BY 4\.0$/m);
    expect(stdout).toMatch(/^subjective\s+.*BSD-3-Clause/m);
    // the comparison's lists, which analyses never read, are listed too
    expect(stdout).toMatch(/^contested-terms\s+\d+\.\d+\.\d+\s+\d+\s+\S/m);
  });
});

describe('the installed command', () => {
  it('runs as a real process: bin/slant.js analyze FILE --format json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-cli-'));
    const file = join(dir, 'article.txt');
    writeFileSync(file, '\uFEFFCritics say the so-called reform is a disgrace.\n');
    const bin = new URL('../../bin/slant.js', import.meta.url).pathname;
    const stdout = execFileSync(process.execPath, [bin, 'analyze', file, '--format', 'json'], { encoding: 'utf8' });
    const report = reportSchema.parse(JSON.parse(stdout));
    expect(report.text.startsWith('Critics')).toBe(true);
    expect(report.paragraphs[0]?.findings.map((f) => f.category)).toEqual(expect.arrayContaining(['vague-attribution', 'distancing']));
  });
});
