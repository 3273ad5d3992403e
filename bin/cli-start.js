// How the `slant` command starts (bin/slant.js): V8's flags for a short run, and the commands that read one
// article (analyze, compare, source, lexicons) from dist/slant-cli.cjs, compiled from V8's code cache.
//
// Compiling the bundle and then, function by function, the code an analysis runs for the first time is a fifth
// of a `slant analyze` start. Node 20 keeps no compiled code between runs for ES modules, but a script run
// through node:vm can be given the code V8 made in an earlier run of it (`cachedData`): `npm run build` runs
// the bundle once on a sample article and saves what V8 compiled meanwhile (dist/slant-cli.cache, written by
// scripts/build/code-cache.mjs through `writeCodeCache` below). The cache is used only for the very bundle it
// was made from (its SHA-256 is stored with it, and the bundle file's identity on disk, which spares hashing
// 1.2 MB at every start while the file is untouched; V8 itself checks its version and flags); any mismatch, a
// missing or unreadable file, or SLANT_NO_CACHE=1 compiles from the source as usual: same code, same output.
//
// CommonJS (bin/package.json), like bin/slant.js: Node starts a CommonJS entry without setting up its ES module
// loader, about a twentieth of a `slant analyze` start.
const { isAscii } = require('node:buffer');
const { closeSync, fstatSync, openSync, read, readSync, renameSync, statSync, writeFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const { dirname, join } = require('node:path');
const { setFlagsFromString } = require('node:v8');
const { Script } = require('node:vm');

// Set here, before anything is compiled: the code cache is valid only for the flags it was made under, and
// the build makes it through this module too.
// The young generation stays at its first size (1 MB semi-spaces, which node -e 0 has touched already) instead of
// growing up to 16 MB: where slant is measured, memory a process touches for the first time costs ~15 us a
// 4 KB page and growing the semi-spaces costs ~1 ms a MB (their pages mapped and set up), while what a start
// keeps mostly skips them (the data snapshot's V8 streams, all over 100 KB, are read into the old generation
// at once). A 5 KB `slant analyze` then runs ~19 small scavenges, partly on V8's helper threads, where the
// 16-fold growth ran two (one of them 13-18 ms, the growth); main-thread CPU 293 -> 261 ms (median of 21
// interleaved starts, load ~4; 2-fold growth: 286), page faults 11,100 -> 9,560; 100 KB 812 -> 725 ms,
// 1 MB 2.63 -> 2.46 s. V8 reads the largest size when the heap is made (src/edges/pool sets its workers' own).
setFlagsFromString('--semi-space-growth-factor=1');
// V8 first runs a regular expression in its bytecode interpreter and compiles it to machine code once it is
// used again: for the long cue patterns of the outlet names (tried at every position of a window) a start
// pays for both, and the interpreted runs are slow. Compiled at once, those patterns cost a 5 KB
// `slant analyze` about two thirds less (tick counts, 7 runs); a long run ends up with the same machine code
// either way. Set as a count of interpreted runs (none), not as --no-regexp-tier-up: turning tier-up off once
// Node had already run regular expressions under it crashed V8 (a segmentation fault at the first analysis,
// depending on which expressions ran before), while with tier-up on and no interpreted run every expression
// stays in the state V8 expects and is compiled at its first run all the same.
setFlagsFromString('--regexp-tier-up-ticks=0');

/** The commands dist/slant-cli.cjs serves; the others (batch, stats, calibrate, worker, queue) load dist/slant.js. */
const ONE_ARTICLE_COMMANDS = new Set(['analyze', 'compare', 'source', 'lexicons']);

const CACHE_FORMAT = 2;

/**
 * The CLI script at `file` (a CommonJS bundle) compiled with the code cache at `cacheFile` when that was made
 * from the same bytes (`useCache` false: never read it); returns its exports, the compiled script and whether
 * V8 took the cache, and the bundle's bytes when `useCache` is false (the build's run, which writes the cache).
 */
function loadCliScript(file, cacheFile, useCache) {
  const cache = useCache ? openCache(cacheFile) : undefined;
  // One buffer for the bundle, then for the cache: the bundle's bytes are done with once they are a string, and
  // every fresh page costs a start (~15 us each where slant is measured; 1.3 MB is ~330 of them). The bundle is
  // read between the CommonJS wrapper's two ends, so that the source V8 compiles is one flat string: wrapped by
  // concatenation, it was a string of two parts that V8 copied into a third 1.3 MB before compiling.
  const [opening, closing] = WRAPPER;
  const whole = readWhole(file, cache?.size ?? 0, opening, closing);
  const bundle = whole.subarray(opening.length, whole.length - closing.length);
  const cachedData = cache === undefined ? undefined : cachedDataFor(file, bundle, cache, whole);
  // The build writes the bundle in ASCII (scripts/build/bundle.mjs), which reads the same as Latin-1: a copy
  // of the bytes, where UTF-8 decoding checked each of the 1.2 MB (the wrapper is ASCII too).
  const source = whole.toString(isAscii(whole) ? 'latin1' : 'utf8');
  const script = new Script(source, { filename: file, ...(cachedData === undefined ? {} : { cachedData: cachedData() }) });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script, file, bytes: useCache ? undefined : bundle, cacheUsed: cachedData !== undefined && script.cachedDataRejected !== true };
}

/**
 * The CommonJS wrapper around the script's `source`, as node:vm compiles it: the script's own first statement
 * (the bundle's 'use strict') is the function's first, so its directive holds for the whole bundle.
 */
function wrapCliScript(source) {
  return `${WRAPPER[0].toString('latin1')}${source}${WRAPPER[1].toString('latin1')}`;
}
const WRAPPER = [Buffer.from('(function (exports, require, module, __filename, __dirname) {', 'latin1'), Buffer.from('\n})', 'latin1')];

// The file's bytes between `before` and `after`, in a buffer with room for at least `room` bytes.
function readWhole(file, room, before, after) {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.allocUnsafeSlow(Math.max(before.length + size + after.length, room));
    before.copy(buffer, 0);
    const read = readFully(fd, buffer.subarray(before.length), size, 0);
    after.copy(buffer, before.length + read);
    return buffer.subarray(0, before.length + read + after.length);
  } finally {
    closeSync(fd);
  }
}

// Reads up to `length` bytes at `position` into the start of `buffer`; returns how many (fewer at the file's end).
function readFully(fd, buffer, length, position) {
  let done = 0;
  for (let read = -1; done < length && read !== 0; done += read) read = readSync(fd, buffer, done, length - done, position + done);
  return done;
}

// The cache file, open, with its size; undefined when it cannot be opened.
function openCache(cacheFile) {
  try {
    const fd = openSync(cacheFile, 'r');
    return { fd, size: fstatSync(fd).size };
  } catch {
    return undefined;
  }
}

/**
 * A reader of the cache's code for the bundle `bytes` (read from `file`), or undefined when the cache is
 * unreadable or made from other bytes. The reader puts the code in `room`, the buffer the bytes were read into:
 * call it only once they are a string. Closes the cache file either way.
 */
function cachedDataFor(file, bytes, cache, room) {
  let keep = false;
  try {
    const head = Buffer.allocUnsafe(Math.min(cache.size, 4096));
    const newline = head.subarray(0, readFully(cache.fd, head, head.length, 0)).indexOf(10);
    if (newline === -1) return undefined;
    const header = JSON.parse(head.toString('utf8', 0, newline));
    if (header.format !== CACHE_FORMAT || header.v8 !== process.versions.v8) return undefined;
    if ((header.identity === '' || header.identity !== fileIdentity(file)) && header.sha256 !== sha256(bytes)) return undefined;
    keep = true;
    return () => {
      try {
        const into = Buffer.from(room.buffer, room.byteOffset, cache.size - newline - 1);
        return into.subarray(0, readFully(cache.fd, into, into.length, newline + 1));
      } finally {
        closeSync(cache.fd);
      }
    };
  } catch {
    return undefined;
  } finally {
    if (!keep) closeSync(cache.fd);
  }
}

/** Writes the code V8 has compiled so far for `loaded` (a `loadCliScript` result) to `cacheFile`, bound to its bytes. */
function writeCodeCache(loaded, cacheFile) {
  const header = { format: CACHE_FORMAT, v8: process.versions.v8, sha256: sha256(loaded.bytes), identity: settledIdentity(loaded.file) };
  const partial = `${cacheFile}.${process.pid}.tmp`;
  writeFileSync(partial, Buffer.concat([Buffer.from(`${JSON.stringify(header)}\n`), loaded.script.createCachedData()]));
  renameSync(partial, cacheFile);
}

// node:crypto is loaded only when a hash is needed (see src/core/data/parse.ts): most starts need none.
function sha256(bytes) {
  const { createHash } = require('node:crypto');
  return createHash('sha256').update(bytes).digest('hex');
}

// A file's device, inode, size, modification and change times, as the data snapshot checks its files
// (src/core/data/snapshot.ts): the same string means the same bytes as when the cache was written. A file
// changed under 2 s before is stored with none (a coarse clock's tick could hide a second change), so hashed.
function fileIdentity(file) {
  const stat = statSync(file, { bigint: true });
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

function settledIdentity(file) {
  const changed = statSync(file, { bigint: true }).ctimeNs;
  return BigInt(Date.now()) * 1_000_000n - changed < 2_000_000_000n ? '' : fileIdentity(file);
}

/**
 * Starts reading the part of the data snapshot at `file` that a start restores (its header's `prefix`: the
 * vocabulary and the tables, not those stored apart) on libuv's thread pool, and returns at once: the other
 * core reads those ~6 MB, first-touched pages and all (~1,500 of them, ~15 us each where slant is measured),
 * while this one compiles the CLI script. `ready` resolves when the read is over (never rejects: `done` says
 * whether all of it was read); give the result to the script's `useSnapshotReadAhead` once `ready`. The header
 * is src/core/data/snapshot.ts's: read here only as far as `prefix`, which the writer puts first. Undefined
 * when the file or its header cannot be read (the start reads the snapshot itself, as without this).
 */
function readDataSnapshotAhead(file) {
  let fd;
  try {
    fd = openSync(file, 'r');
    const head = Buffer.allocUnsafe(64);
    const opening = /^\{"prefix":(\d+),/.exec(head.toString('latin1', 0, readFully(fd, head, head.length, 0)));
    if (opening === null) throw new Error('no prefix');
    // The body starts after the header's line: found in pieces, the header is some 20 KB.
    const piece = Buffer.allocUnsafe(32 * 1024);
    let bodyStart = -1;
    for (let at = 0, got = -1; bodyStart === -1 && got !== 0; at += got) {
      got = readFully(fd, piece, piece.length, at);
      const newline = piece.subarray(0, got).indexOf(10);
      if (newline !== -1) bodyStart = at + newline + 1;
    }
    if (bodyStart === -1) throw new Error('no header');
    const ahead = { file, fd, bodyStart, prefix: Buffer.allocUnsafeSlow(Number(opening[1])), done: false, ready: undefined };
    ahead.ready = new Promise((resolve) => {
      read(fd, ahead.prefix, 0, ahead.prefix.length, bodyStart, (error, bytes) => {
        ahead.done = error === null && bytes === ahead.prefix.length;
        resolve();
      });
    });
    return ahead;
  } catch {
    if (fd !== undefined) closeSync(fd);
    return undefined;
  }
}

/** The paths of the CLI script, its code cache and the data snapshot in the package's dist/ folder. */
function cliScriptPaths() {
  const dist = join(__dirname, '..', 'dist');
  return { file: join(dist, 'slant-cli.cjs'), cacheFile: join(dist, 'slant-cli.cache'), snapshot: join(dist, 'data.snapshot') };
}

module.exports = { ONE_ARTICLE_COMMANDS, loadCliScript, readDataSnapshotAhead, wrapCliScript, writeCodeCache, cliScriptPaths };
