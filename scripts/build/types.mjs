// npm run build:types (run by npm pack and npm publish through "prepack"): declarations for the library in
// dist/types, so a consumer with default TypeScript settings type-checks against them. tsc writes the
// source's own import paths (`./analyze.ts`); a consumer's compiler wants the paths of the emitted
// JavaScript, so they are rewritten to `.js` here.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = join(root, 'dist', 'types');
rmSync(out, { recursive: true, force: true });
execFileSync(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(root, 'tsconfig.types.json')], { stdio: 'inherit' });

let files = 0;
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) walk(path);
    else if (entry.name.endsWith('.d.ts')) {
      const text = readFileSync(path, 'utf8');
      writeFileSync(path, text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]+)\.ts\2/g, '$1$2$3.js$2'));
      files++;
    }
  }
};
walk(out);
console.log(`dist/types: ${files} declaration files`);
