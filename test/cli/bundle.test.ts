import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.ts';

const SEED = new URL('../../corpus/presstv-putin-biden.txt', import.meta.url).pathname;
const BIN = new URL('../../bin/slant.js', import.meta.url).pathname;
const START = new URL('../../bin/cli-start.js', import.meta.url).href;
const SNAPSHOT = new URL('../../dist/data.snapshot', import.meta.url).pathname;
const CODE_CACHE = new URL('../../dist/slant-cli.cache', import.meta.url).pathname;

// npm test builds dist/ first; the bundle restores its tables from dist/data.snapshot and runs from V8's code
// cache (dist/slant-cli.cache), the library from src/ reads and validates the files: the two must give the
// same bytes.
describe('the bundled command', () => {
  const library = `${JSON.stringify(analyze(readFileSync(SEED, 'utf8')), null, 2)}\n`;
  const cli = (env: Record<string, string> = {}) => execFileSync(process.execPath, [BIN, 'analyze', SEED, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('was built with a data snapshot and a code cache', () => {
    expect(existsSync(SNAPSHOT)).toBe(true);
    expect(existsSync(CODE_CACHE)).toBe(true);
  });

  // One character beyond ASCII (esbuild leaves them in regular expressions) and V8 holds the whole script as a
  // two-byte string, decoded more slowly at every start: the build writes them as \u escapes.
  it('ships dist/slant-cli.cjs in ASCII only', () => {
    expect(/[^\x00-\x7f]/.test(readFileSync(new URL('../../dist/slant-cli.cjs', import.meta.url), 'utf8'))).toBe(false);
  });

  it("prints the library's report on the seed byte for byte, from the snapshot and the code cache", () => {
    expect(cli()).toBe(library);
  });

  // Both bundles print the same bytes, so only bin/slant.js's own word (SLANT_DEBUG_START=1) shows that a
  // one-article command took the cached script and a corpus command the other bundle.
  const started = (args: string[], env: Record<string, string> = {}) => {
    const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, SLANT_DEBUG_START: '1', ...env } });
    return { status: run.status, stdout: run.stdout, stderr: run.stderr };
  };

  it('starts analyze from dist/slant-cli.cjs with the code cache, and says so when asked', () => {
    const run = started(['analyze', SEED, '--format', 'json']);
    expect(run).toEqual({ status: 0, stdout: library, stderr: 'slant start: dist/slant-cli.cjs, code cache used\n' });
    expect(started(['analyze', SEED, '--format', 'json'], { SLANT_NO_CACHE: '1' }).stderr).toBe('slant start: dist/slant-cli.cjs, code cache not used\n');
  });

  it('starts batch from dist/slant.js', () => {
    const run = started(['batch', '--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Usage:\n {2}slant batch /);
    expect(run.stderr).toBe('slant start: dist/slant.js\n');
  });

  it('says nothing about its start unless asked', () => {
    expect(started(['analyze', SEED, '--format', 'json'], { SLANT_DEBUG_START: '' }).stderr).toBe('');
  });

  // Standard error is made only when written to (bin/slant.js): a failing one-article command still says why,
  // through a pipe, before it exits with its code.
  it('writes the error line of a failing one-article command to a piped standard error, with status 2', () => {
    const run = started(['analyze', join(tmpdir(), 'slant-no-such-file.txt'), '--format', 'json'], { SLANT_DEBUG_START: '' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^slant: cannot read .*slant-no-such-file\.txt.*\n$/);
  });

  it('prints the same bytes with the snapshot and the code cache turned off (SLANT_NO_CACHE=1)', () => {
    expect(cli({ SLANT_NO_CACHE: '1' })).toBe(library);
  });

  // dist/slant.js and the library are ES modules, strict throughout; the one-article commands must run the same
  // code the same way. A `with` statement is a syntax error only in strict code: appended to the bundle and
  // compiled as the loader compiles it, it fails only if the bundle's directive holds to its end.
  it('runs the one-article commands in strict mode, like dist/slant.js', () => {
    const compiled = execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { readFileSync } = await import('node:fs');
         const { Script } = await import('node:vm');
         const { cliScriptPaths, wrapCliScript } = await import(${JSON.stringify(START)});
         const source = readFileSync(cliScriptPaths().file, 'utf8');
         try {
           new Script(wrapCliScript(source + '\\nwith ({}) {}'));
           process.stdout.write('sloppy');
         } catch (error) {
           process.stdout.write(error instanceof SyntaxError ? 'strict: ' + error.message : String(error));
         }`,
      ],
      { encoding: 'utf8' },
    );
    expect(compiled).toMatch(/^strict: .*strict mode/i);
  });

  // In a process of its own, started as bin/slant.js starts: the cache is valid only under the CLI's V8 flags.
  const load = (cacheFile: string) =>
    execFileSync(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `const { cliScriptPaths, loadCliScript } = await import(${JSON.stringify(START)});
         const { file } = cliScriptPaths();
         const chunks = [];
         const loaded = loadCliScript(file, ${JSON.stringify(cacheFile)}, true);
         const stdout = { write: (chunk, done) => { chunks.push(chunk); (done ?? (() => {}))(); return true; }, once() {}, on() {} };
         const code = await loaded.exports.runCli(['analyze', ${JSON.stringify(SEED)}, '--format', 'json'], { stdin: process.stdin, stdout, stderr: process.stderr, stdoutIsTTY: false, env: {} });
         process.stdout.write(JSON.stringify({ cacheUsed: loaded.cacheUsed, code, out: chunks.join('') }));`,
      ],
      { encoding: 'utf8' },
    );

  it("takes the build's code cache (else every start compiles the bundle again)", () => {
    const result = JSON.parse(load(CODE_CACHE)) as { cacheUsed: boolean; code: number; out: string };
    expect(result).toEqual({ cacheUsed: true, code: 0, out: library });
  });

  it('compiles from the source, with the same output, when the code cache was made from other bytes', () => {
    // The build's cache with the bundle's hash and identity on disk changed (as when the bundle was rebuilt or
    // edited since): V8 alone checks only the source's length.
    const cache = readFileSync(CODE_CACHE);
    const newline = cache.indexOf(10);
    const header = JSON.parse(cache.toString('utf8', 0, newline)) as { sha256: string; identity: string };
    const stale = join(mkdtempSync(join(tmpdir(), 'slant-cache-')), 'slant-cli.cache');
    writeFileSync(stale, Buffer.concat([Buffer.from(`${JSON.stringify({ ...header, sha256: '0'.repeat(64), identity: '1:2:3:4:5' })}\n`), cache.subarray(newline + 1)]));
    expect(JSON.parse(load(stale))).toEqual({ cacheUsed: false, code: 0, out: library });
  });
});
