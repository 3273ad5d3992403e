#!/usr/bin/env node
// Starts the CLI: the bundled build when `npm run build` has made one (fast start), else the TypeScript
// sources through tsx.
import { existsSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';

// Loading the lexicons allocates many short-lived objects; a larger young generation spares most of the
// garbage collections that would otherwise dominate start-up. Restoring the data snapshot allocates ~25 MB
// at once: growing the young generation 8-fold at a time rather than 2-fold reaches that size in 6 scavenges
// instead of 11 (about 7% of a slant analyze start's CPU). Only the pace of growth changes, not the limit.
setFlagsFromString('--max-semi-space-size=64');
setFlagsFromString('--semi-space-growth-factor=8');
// V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code once it is
// used again: for the long cue patterns of the outlet names (tried at every position of a window) a start
// pays for both, and the interpreted runs are slow. Compiled at once,
// those patterns cost a 5 KB `slant analyze` about two thirds less (tick counts, 7 runs); a long run ends up
// with the same machine code either way.
setFlagsFromString('--no-regexp-tier-up');

const bundle = new URL('../dist/slant.js', import.meta.url);
let runCli;
if (existsSync(bundle)) {
  ({ runCli } = await import(bundle.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ runCli } = await import(new URL('../src/edges/cli/main.ts', import.meta.url).href));
}
// A reader that stops early (slant ... | head) closes the pipe: that is not an error.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});
const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  stdoutIsTTY: process.stdout.isTTY === true,
  env: process.env,
});
process.exitCode = code;
