/**
 * npm run bench: full-analysis throughput over the corpus (one core, median of several runs), beside the
 * `sentiment` package's analyze alone over the same texts, and the wall time of `slant analyze` on a 5 KB
 * file including Node start. Prints figures; targets are checked by reading them, never in tests.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Sentiment from 'sentiment';
import type * as Library from '../../src/index.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
// Measure what users run: the bundled library (npm run build), or the TypeScript sources when it is absent.
const bundle = join(root, 'dist', 'index.js');
const built = existsSync(bundle);
const { analyze, loadLexicons } = (await import(built ? bundle : '../../src/index.ts')) as typeof Library;
const corpusDir = join(root, 'corpus');
const texts = readdirSync(corpusDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((f) => readFileSync(join(corpusDir, f), 'utf8'));
const corpusBytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const RUNS = 7;
const MIN_BYTES_PER_RUN = 4 * 1024 * 1024;
const passes = Math.ceil(MIN_BYTES_PER_RUN / corpusBytes);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function measure(label: string, fn: (text: string) => unknown): number {
  for (const text of texts) fn(text); // warm-up: lexicon loading and JIT
  const seconds: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = process.hrtime.bigint();
    for (let pass = 0; pass < passes; pass++) for (const text of texts) fn(text);
    seconds.push(Number(process.hrtime.bigint() - start) / 1e9);
  }
  const s = median(seconds);
  const mbps = (corpusBytes * passes) / s / 1e6;
  const articles = (texts.length * passes) / s;
  console.log(`${label.padEnd(28)} ${mbps.toFixed(2).padStart(7)} MB/s  ${articles.toFixed(0).padStart(7)} articles/s  (median of ${RUNS} runs of ${((corpusBytes * passes) / 1e6).toFixed(1)} MB)`);
  return mbps;
}

console.log(`corpus: ${texts.length} articles, ${(corpusBytes / 1024).toFixed(1)} KiB; node ${process.version}, one core; ${built ? 'bundled dist/index.js' : 'TypeScript sources through tsx'}`);
const lexicons = loadLexicons();
const slant = measure('slant analyze (full report)', (text) => analyze(text, { lexicons }));
const sentiment = new Sentiment();
const baseline = measure('sentiment.analyze alone', (text) => sentiment.analyze(text));
console.log(`ratio slant / sentiment: ${(slant / baseline).toFixed(2)}x   (targets: >= 10 MB/s, >= 0.5x)`);

// CLI wall time on a 5 KB article, Node start included.
const dir = mkdtempSync(join(tmpdir(), 'slant-bench-'));
const file = join(dir, 'article-5k.txt');
let fiveK = '';
for (let i = 0; Buffer.byteLength(fiveK) < 5 * 1024; i++) fiveK += `${texts[i % texts.length]}\n\n`;
writeFileSync(file, Buffer.from(fiveK).subarray(0, 5 * 1024).toString('utf8').replace(/\uFFFD$/, ''));
const bin = join(root, 'bin', 'slant.js');
const walls: number[] = [];
for (let run = 0; run < 9; run++) {
  const start = process.hrtime.bigint();
  execFileSync(process.execPath, [bin, 'analyze', file, '--format', 'json'], { stdio: ['ignore', 'ignore', 'inherit'] });
  walls.push(Number(process.hrtime.bigint() - start) / 1e6);
}
console.log(`slant analyze on a 5 KB file: ${median(walls).toFixed(0)} ms wall, median of 9 (target <= 400 ms; ${existsSync(join(root, 'dist', 'slant.js')) ? 'bundled dist/slant.js' : 'tsx from src/'})`);
