// npm run build (also run by npm ci through "prepare"): bundles the library (dist/index.js) and the CLI
// (dist/slant.js) with esbuild, so that `slant` starts without compiling TypeScript and only the parts of
// mathjs in use are loaded.
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const shared = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // CommonJS dependencies bundled into ESM need a require().
  banner: { js: "import { createRequire as __slantCreateRequire } from 'node:module'; const require = __slantCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};
const path = (relative) => new URL(relative, import.meta.url).pathname;

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
