/**
 * npm run golden: rewrites test/golden/<corpus file>.golden from the current analyzer. Review the diff
 * before committing: every changed line is a changed finding or score.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { goldenOf } from '../../test/golden-render.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const goldenDir = join(root, 'test', 'golden');
mkdirSync(goldenDir, { recursive: true });
for (const file of readdirSync(join(root, 'corpus')).filter((f) => f.endsWith('.txt')).sort()) {
  const text = readFileSync(join(root, 'corpus', file), 'utf8');
  writeFileSync(join(goldenDir, `${file}.golden`), goldenOf(file, text));
  console.log(`test/golden/${file}.golden`);
}
