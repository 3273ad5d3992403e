/**
 * The package as a user gets it: `npm pack` (which builds the bundles and the declarations), installed from
 * the tarball into an empty folder, then a TypeScript consumer compiled with tsc's default settings (no
 * tsconfig) and run with node. Catches types that point at sources (TS5097), missing files in "files", and
 * runtime dependencies left in devDependencies. Slow (it packs and installs): one test.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'slant-package-'));
// The installed consumer holds the package's whole dependency tree: removing it can take a while on a busy machine.
afterAll(() => rmSync(work, { recursive: true, force: true }), 120_000);

const CONSUMER = `import { analyze, InputError, type Report } from 'slant';

const report: Report = analyze({ id: 'c1', text: 'Critics slammed the so-called reform, officials said.' });
const words: string[] = report.paragraphs.flatMap((paragraph) => paragraph.findings.map((finding) => finding.text));
let refused = '';
try {
  analyze(42 as never);
} catch (error) {
  if (error instanceof InputError) refused = error.message;
}
console.log(JSON.stringify({ id: report.id, words, score: report.summary.loadedLanguage.score, refused }));
`;

// slant/client against the service the package ships (dist/server.js), started by the test.
const CLIENT = `import { createClient, SlantHttpError, type Report } from 'slant/client';

declare const process: { argv: string[] }; // no @types/node in this consumer

const client = createClient(process.argv[2] as string);
client
  .analyze({ id: 'r1', text: 'Critics slammed the so-called reform, officials said.' })
  .then(async (report: Report) => {
    let code = '';
    await client.analyze({ text: '   ' }).catch((error: unknown) => {
      if (error instanceof SlantHttpError) code = error.code;
    });
    console.log(JSON.stringify({ id: report.id, score: report.summary.loadedLanguage.score, code }));
  });
`;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`the packaged server did not answer ${url} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('the npm package', () => {
  it('installs from its tarball and serves a TypeScript consumer compiled with default settings, library and client', async () => {
    const npm = (args: string[], cwd: string): string => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' } });
    npm(['pack', '--pack-destination', work], root);
    const tarball = readdirSync(work).find((name) => name.endsWith('.tgz')) as string;
    const consumer = join(work, 'consumer');
    execFileSync('mkdir', ['-p', consumer]);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', version: '1.0.0', private: true, type: 'module' }));
    // Dependencies come from the npm cache that installing this project filled.
    npm(['install', '--prefer-offline', '--no-package-lock', join(work, tarball)], consumer);
    writeFileSync(join(consumer, 'index.ts'), CONSUMER);
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    execFileSync(process.execPath, [tsc, 'index.ts'], { cwd: consumer, encoding: 'utf8' });
    const output = JSON.parse(execFileSync(process.execPath, ['index.js'], { cwd: consumer, encoding: 'utf8' }));
    expect(output).toMatchObject({ id: 'c1', words: expect.arrayContaining(['slammed', 'so-called']), refused: 'analyze() takes a string or an object with text, html or url; got a number' });
    expect(output.score).toBeGreaterThan(0);

    writeFileSync(join(consumer, 'client.ts'), CLIENT);
    execFileSync(process.execPath, [tsc, 'client.ts'], { cwd: consumer, encoding: 'utf8' });
    const port = await freePort();
    const server = spawn(process.execPath, [join(consumer, 'node_modules', 'slant', 'dist', 'server.js')], { env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', SLANT_LOG: 'off', SLANT_WORKERS: '1' }, stdio: 'ignore' });
    try {
      const url = `http://127.0.0.1:${port}`;
      await waitFor(`${url}/healthz`);
      const remote = JSON.parse(execFileSync(process.execPath, ['client.js', url], { cwd: consumer, encoding: 'utf8' }));
      expect(remote).toEqual({ id: 'r1', score: output.score, code: 'empty' });
    } finally {
      server.kill();
    }
  }, 600_000);
});
