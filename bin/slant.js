#!/usr/bin/env node
// Starts the CLI: the bundled build when `npm run build` has made one (fast start), else the TypeScript
// sources through tsx. The commands that read one article run from dist/slant-cli.cjs with V8's code cache
// (bin/cli-start.js, which also sets V8's flags); the corpus and queue commands from dist/slant.js.
// CommonJS (bin/package.json): a CommonJS entry spares the one-article commands Node's ES module loader.
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const { pathToFileURL } = require('node:url');
const { cliScriptPaths, loadCliScript, ONE_ARTICLE_COMMANDS, readDataSnapshotAhead } = require('./cli-start.js');

async function main() {
  const argv = process.argv.slice(2);
  const script = cliScriptPaths();
  const bundle = join(__dirname, '..', 'dist', 'slant.js');
  let runCli;
  // Every route gives the same output, so a wrong choice shows only as a slower start: SLANT_DEBUG_START=1 says
  // which code ran (one line on standard error), for the tests and for anyone timing a start.
  let started;
  const oneArticle = ONE_ARTICLE_COMMANDS.has(argv[0]);
  if (oneArticle && existsSync(script.file)) {
    const useCache = process.env.SLANT_NO_CACHE !== '1';
    // Read on the thread pool while the script compiles (see readDataSnapshotAhead).
    const ahead = useCache ? readDataSnapshotAhead(script.snapshot) : undefined;
    const loaded = loadCliScript(script.file, script.cacheFile, useCache);
    ({ runCli } = loaded.exports);
    if (ahead !== undefined) {
      await ahead.ready;
      loaded.exports.useSnapshotReadAhead?.(ahead);
    }
    started = `dist/slant-cli.cjs, code cache ${loaded.cacheUsed ? 'used' : 'not used'}`;
  } else if (existsSync(bundle)) {
    ({ runCli } = await import(pathToFileURL(bundle).href));
    started = 'dist/slant.js';
  } else {
    const { register } = await import('tsx/esm/api');
    register();
    ({ runCli } = await import(pathToFileURL(join(__dirname, '..', 'src', 'edges', 'cli', 'main.ts')).href));
    started = 'src/edges/cli/main.ts through tsx';
  }
  if (process.env.SLANT_DEBUG_START === '1') process.stderr.write(`slant start: ${started}\n`);
  // A reader that stops early (slant ... | head) closes the pipe: that is not an error.
  process.stdout.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  let stderrAsked = false;
  const code = await runCli(argv, {
    // On first use only: process.stdin builds its stream when first read (for a file, node:fs's streams and
    // node:fs/promises with the readline code it loads), which a command given a FILE never needs.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    // On first use only, too: process.stderr on a pipe or terminal is a socket, and building it loads node:net
    // (~3.5 ms of a 5 KB analyze), while a command that succeeds writes nothing there.
    get stderr() {
      stderrAsked = true;
      return process.stderr;
    },
    stdoutIsTTY: process.stdout.isTTY === true,
    env: process.env,
  });
  process.exitCode = code;
  // A one-article command has nothing left to do once its output is written: exiting here spares Node tearing
  // down the heap, page by page (~20 ms of a 5 KB analyze, whose process holds ~80 MB). Only when nothing is
  // still queued for standard output or error (writes to files, and on Linux to pipes and terminals, complete
  // at once; elsewhere a pipe may still hold some, and the process ends as usual), so no output is cut short.
  // On Linux every write to standard error has completed at once, so a stream never asked for is not asked now.
  const stderrFlushed = (!stderrAsked && process.platform === 'linux') || process.stderr.writableLength === 0;
  if (oneArticle && process.stdout.writableLength === 0 && stderrFlushed) process.exit(code);
}

main().catch((error) => {
  // As an ES module's top-level await rejecting would: the error on standard error, exit code 1.
  process.exitCode = 1;
  console.error(error);
});
