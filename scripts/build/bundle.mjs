// npm run build (also run by npm ci through "prepare"): bundles the library (dist/index.js) and the CLI
// (dist/slant.js) with esbuild, so that `slant` starts without compiling TypeScript and only the parts of
// mathjs in use are loaded.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

const path = (relative) => new URL(relative, import.meta.url).pathname;

// The code's identity: the data snapshot (below) is used only by bundles of the code that wrote it, since the
// tables depend on the code that derives them (and on dependencies, hence the lock file) as well as on the files.
function codeHash() {
  const hash = createHash('sha256');
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|mts|js|mjs|json)$/.test(entry.name)) hash.update(`${full}\0`).update(readFileSync(full));
    }
  };
  walk(path('../../src'));
  hash.update(readFileSync(path('../../package-lock.json')));
  return hash.digest('hex').slice(0, 32);
}
const buildId = codeHash();

// zod exports every locale's error messages (`z.locales`, 40-odd languages, ~500 KB) from its main entry, so
// a bundle cannot drop them; slant uses only the English default, and parsing the rest costs every start.
const englishZodOnly = {
  name: 'english-zod-only',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      /[\\/]zod[\\/]v4[\\/]/.test(args.importer) ? { path: join(args.resolveDir, '..', 'locales', 'index.js'), namespace: 'zod-locales' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(args.path, '..', 'en.js'))};`,
      resolveDir: join(args.path, '..'),
    }));
  },
};

// tldts builds its public-suffix tables when its module is first evaluated (~2% of a `slant analyze` start), and
// a start reads no domain unless the text or the page names one: the code imports it through a module that
// loads it on the first call. Only the names slant calls are forwarded; a new one is an error at bundle time.
const lazyTldts = {
  name: 'lazy-tldts',
  setup(build) {
    build.onResolve({ filter: /^tldts$/ }, (args) => (args.namespace === 'lazy-tldts' ? undefined : { path: 'tldts', namespace: 'lazy-tldts' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-tldts' }, () => ({
      contents: [
        'let tldts;',
        "const load = () => (tldts ??= require('tldts'));",
        'export function getDomain(url, options) { return load().getDomain(url, options); }',
        'export function parse(url, options) { return load().parse(url, options); }',
      ].join('\n'),
      resolveDir: path('../..'),
    }));
  },
};

// zod's modules define some hundreds of classes and namespaces when evaluated (~6 ms of a 5 KB `slant analyze`
// start, and their pages), and `slant analyze FILE` runs no zod: its schemas are built on first use
// (src/core/data/lazy-schema.ts) and its tables come from the data snapshot. In the CLI script, zod is evaluated
// when `z` is first read (esbuild wraps a module reached by require() in a function run on its first call); the
// commands that validate records (--jsonl, compare, an article with metadata) load it then. Only `z` is
// forwarded: an import of another name from zod fails at bundle time.
const lazyZod = {
  name: 'lazy-zod',
  setup(build) {
    build.onResolve({ filter: /^zod$/ }, (args) => (args.namespace === 'lazy-zod' ? { path: path('../../node_modules/zod/index.js') } : { path: 'zod', namespace: 'lazy-zod' }));
    build.onLoad({ filter: /.*/, namespace: 'lazy-zod' }, () => ({
      contents: [
        'let zod;',
        "const load = () => (zod ??= require('zod').z);",
        'export const z = new Proxy({}, { get: (_target, key) => load()[key], has: (_target, key) => key in load() });',
      ].join('\n'),
      resolveDir: path('../..'),
    }));
  },
};

// slant reads one function of natural's distance module (people.ts: JaroWinklerDistance), whose index also
// loads the Levenshtein and Dice measures and, behind them, all of underscore (~76 KB, its modules evaluated at
// every start): the bundles take that one file. The same function, so the same results.
const jaroWinklerOnly = {
  name: 'jaro-winkler-only',
  setup(build) {
    build.onResolve({ filter: /^natural\/lib\/natural\/distance\/index\.js$/ }, () => ({ path: 'natural-distance', namespace: 'jaro-winkler-only' }));
    build.onLoad({ filter: /.*/, namespace: 'jaro-winkler-only' }, () => ({
      contents: "export const JaroWinklerDistance = require('natural/lib/natural/distance/jaro-winkler_distance.js');",
      resolveDir: path('../..'),
    }));
  },
};

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Node 20 has \p{...} in regular expressions: without this, esbuild rewrites every such literal as
  // `new RegExp(source, 'u')`, which a function then compiles on each call (~490 ns against ~30 ns per test
  // measured), and several run per token or per quote (scare quotes, captions, sentence ends).
  supported: { 'regexp-unicode-property-escapes': true },
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __slantCreateRequire } from 'node:module'; const require = __slantCreateRequire(import.meta.url);" },
  logLevel: 'warning',
  define: { __SLANT_BUILD__: JSON.stringify(buildId) },
  plugins: [englishZodOnly, lazyTldts, jaroWinklerOnly],
};

// The commands that read one article (bin/cli-start.js) as one CommonJS script, the form node:vm compiles with
// V8's code cache; the corpus and queue commands stay in dist/slant.js, and never reach this script.
const oneArticleCommands = {
  name: 'one-article-commands',
  setup(build) {
    build.onResolve({ filter: /[\\/](batch|queue)-commands\.ts$/ }, (args) => ({ path: args.path, namespace: 'elsewhere' }));
    build.onLoad({ filter: /.*/, namespace: 'elsewhere' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is in dist/slant.js, not in dist/slant-cli.cjs`)});`,
    }));
  },
};
const cliScript = {
  ...shared,
  format: 'cjs',
  // import() of node's modules becomes require(): a script compiled by node:vm has no module loader of its own.
  supported: { ...shared.supported, 'dynamic-import': false },
  define: { ...shared.define, 'import.meta.url': '__slantModuleUrl' },
  // The directive first: esbuild writes its own "use strict" after the banner, where it is no directive, and
  // the code (strict as ES modules, like dist/slant.js and the library) would run in sloppy mode.
  banner: { js: "'use strict'; var __slantModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  plugins: [lazyZod, ...shared.plugins, oneArticleCommands],
};

// Chunk names carry a content hash: remove the previous build's, or they pile up in dist/.
const dist = path('../../dist/');
try {
  for (const file of readdirSync(dist)) if (file.startsWith('slant-') && file.endsWith('.js')) rmSync(new URL(file, `file://${dist}`));
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}

await Promise.all([
  // The CLI splits what only some commands load (the corpus commands and mathjs behind them) into chunks
  // it imports when asked (beside the other bundles, which pool workers find by address), so that `slant analyze` does not parse them at start-up.
  build({ ...shared, entryPoints: { slant: path('../../src/edges/cli/main.ts') }, outdir: path('../../dist'), splitting: true, chunkNames: 'slant-[name]-[hash]' }),
  build({ ...cliScript, entryPoints: [path('../../src/edges/cli/main.ts')], outfile: path('../../dist/slant-cli.cjs') }),
  build({ ...shared, entryPoints: [path('../../src/index.ts')], outfile: path('../../dist/index.js') }),
  // slant/client: the typed HTTP client; only hono's client code goes in.
  build({ ...shared, entryPoints: [path('../../src/client.ts')], outfile: path('../../dist/client.js') }),
  // The analysis pool's worker thread (src/edges/pool): a file of its own, found next to whichever bundle starts it.
  build({ ...shared, entryPoints: [path('../../src/edges/pool/worker.ts')], outfile: path('../../dist/pool-worker.js') }),
  // The HTTP service (npm start): bundled so that it starts without compiling TypeScript.
  build({ ...shared, entryPoints: [path('../../src/edges/server/main.ts')], outfile: path('../../dist/server.js') }),
  // The task modules the pool's workers import: what a worker does is its caller's (src/edges/*/worker-tasks.ts).
  build({ ...shared, entryPoints: [path('../../src/edges/server/worker-tasks.ts')], outfile: path('../../dist/server-tasks.js') }),
  build({ ...shared, entryPoints: [path('../../src/edges/batch/worker-tasks.ts')], outfile: path('../../dist/batch-tasks.js') }),
  build({ ...shared, entryPoints: [path('../../src/edges/queue/worker-tasks.ts')], outfile: path('../../dist/queue-tasks.js') }),
]);

// dist/slant-cli.cjs in ASCII only: esbuild escapes other characters in strings but leaves them in regular
// expression literals and comments (’, —, ©, §), and a single one makes V8 hold the whole 1.1 MB source as a
// two-byte string, slower to decode from UTF-8 at every start and to scan when a function is compiled. Outside
// comments they are in regular expressions, strings and templates, where `\uXXXX` (a surrogate pair beyond
// U+FFFF) reads as the same character; the one tagged template, String.raw`...` in the ingest code, is passed to
// new RegExp(), where the escape means the same again.
const cliFile = path('../../dist/slant-cli.cjs');
const cliSource = readFileSync(cliFile, 'utf8');
writeFileSync(cliFile, cliSource.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`));

// The data snapshot: the validated, indexed tables of the bundled data, restored at start-up instead of rebuilt
// (src/core/data/snapshot.ts). Written by a bundle of scripts/build/snapshot.ts with the same code hash.
const writer = path('../../dist/snapshot-writer.mjs');
await build({ ...shared, entryPoints: [path('./snapshot.ts')], outfile: writer });
try {
  const { writeDataSnapshot } = await import(writer);
  writeDataSnapshot(path('../..'), path('../../dist'), buildId);
} finally {
  rmSync(writer);
}

// V8's code cache for dist/slant-cli.cjs, made by running it (bin/cli-start.js), after the data snapshot that
// run restores its tables from. A fresh process: the cache holds what that run compiled, under the CLI's flags.
rmSync(path('../../dist/slant-cli.cache'), { force: true });
execFileSync(process.execPath, [path('./code-cache.mjs')], { stdio: 'inherit' });
