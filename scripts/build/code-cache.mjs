// Run by scripts/build/bundle.mjs in a process of its own: runs dist/slant-cli.cjs on a sample article the way
// `slant analyze` and the other one-article commands do, then saves the code V8 compiled meanwhile as
// dist/slant-cli.cache (see bin/cli-start.js), so that a start compiles almost nothing.
import { statSync } from 'node:fs';
import { Writable } from 'node:stream';
import { Readable } from 'node:stream';
import { cliScriptPaths, loadCliScript, writeCodeCache } from '../../bin/cli-start.js';

const { file, cacheFile } = cliScriptPaths();
const loaded = loadCliScript(file, cacheFile, false);
const seed = new URL('../../corpus/presstv-putin-biden.txt', import.meta.url).pathname;
let failed = '';
const io = (stdoutIsTTY) => ({
  stdin: Readable.from([]),
  stdout: new Writable({ write: (_chunk, _encoding, done) => done() }),
  stderr: new Writable({ write: (chunk, _encoding, done) => { failed += String(chunk); done(); } }),
  stdoutIsTTY,
  env: {},
});
// What a start runs most: a report in JSON and as text, and the outlet card.
const runs = [['analyze', seed, '--format', 'json'], ['analyze', seed, '--format', 'text'], ['source', 'reuters.com']];
for (const args of runs) {
  const code = await loaded.exports.runCli(args, io(false));
  if (code !== 0) throw new Error(`code cache: slant ${args.join(' ')} exited with ${code}: ${failed}`);
}
// The cache is bound to the bundle by its identity on disk when the bundle was changed at least 2 s before (else
// by its SHA-256 alone, and every start would load node:crypto and hash 1.3 MB, ~16 ms of a 5 KB `slant analyze`):
// the build has just written it, so wait out what is left of those 2 s (usually nothing, the data snapshot and
// the runs above take longer).
const settled = Number(statSync(file, { bigint: true }).ctimeNs / 1_000_000n) + 2_100;
if (Date.now() < settled) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, Math.min(2_100, settled - Date.now()));
writeCodeCache(loaded, cacheFile);
