import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../src/index.ts';

const SEED = new URL('../../corpus/presstv-putin-biden.txt', import.meta.url).pathname;
const BIN = new URL('../../bin/slant.js', import.meta.url).pathname;
const SNAPSHOT = new URL('../../dist/data.snapshot', import.meta.url).pathname;

// npm test builds dist/ first; the bundle restores its tables from dist/data.snapshot, the library from src/
// reads and validates the files: the two must give the same bytes.
describe('the bundled command', () => {
  const library = `${JSON.stringify(analyze(readFileSync(SEED, 'utf8')), null, 2)}\n`;
  const cli = (env: Record<string, string> = {}) => execFileSync(process.execPath, [BIN, 'analyze', SEED, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, ...env } });

  it('was built with a data snapshot', () => {
    expect(existsSync(SNAPSHOT)).toBe(true);
  });

  it("prints the library's report on the seed byte for byte, from the snapshot", () => {
    expect(cli()).toBe(library);
  });

  it('prints the same bytes with the snapshot turned off (SLANT_NO_CACHE=1)', () => {
    expect(cli({ SLANT_NO_CACHE: '1' })).toBe(library);
  });
});
