/**
 * npm run bench: full-analysis throughput (analyze() and the report's JSON) against the `sentiment`
 * package's analyze on the same articles, interleaved in one process pinned to one core: each round times
 * one pass of each, and the ratio printed is the median of the rounds' ratios, so a busy machine slows both
 * alike; then the same ratio in CPU time, the two interleaved article by article (steadier when the machine
 * is shared). Then the wall time of `slant analyze` on a 5 KB file against `node -e 0`, interleaved the same way.
 * Prints figures and the load average; targets are checked by reading them, never in tests.
 * With `--html`, instead: analyze() + JSON of saved web pages (the HTML path: parsing, the page walk,
 * Readability, then the analysis), CPU time per page.
 *
 *   BENCH_CORPUS=path    a folder of .txt articles, or a JSON-lines file of {text} records. Default: the
 *                        PolNeAR news articles in ../shared/data/dev/ (840 real articles, 7.4 MB) when that
 *                        folder is there, else the project's own corpus/ (short written articles, 30 KB)
 *   BENCH_ROUNDS=9       rounds (default 5)
 *   BENCH_AGAINST=path   another build's dist/index.js (main's, say): also prints this build's speed against
 *                        it in CPU time, the two interleaved article by article (how to measure a change on a
 *                        shared machine, where two runs minutes apart differ by more than the change)
 *   BENCH_HTML=folder    with --html: the .html pages to read (default test/fixtures/html, two news pages)
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Sentiment from 'sentiment';
import type * as Library from '../../src/index.ts';
import { loadAverage, median, pinToOneCore } from './corpus.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const pinning = pinToOneCore();
// Measure what users run: the bundled library (npm run build), or the TypeScript sources when it is absent.
const bundle = join(root, 'dist', 'index.js');
const built = existsSync(bundle);
const { analyze, loadLexicons } = (await import(built ? bundle : '../../src/index.ts')) as typeof Library;
const realNews = join(root, '..', 'shared', 'data', 'dev', 'polnear_train.jsonl');
const corpusPath = resolve(process.env.BENCH_CORPUS ?? (existsSync(realNews) ? realNews : join(root, 'corpus')));
const texts = readCorpus(corpusPath);
const corpusBytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
// Each pass of slant covers at least 1 MB, so a round is long enough to time and short enough to interleave.
const passes = Math.max(1, Math.ceil((1024 * 1024) / corpusBytes));
// npm run bench -- --cli: the command-line start-up figure alone.
if (process.argv.includes('--cli')) {
  benchCli();
  process.exit(0);
}
// npm run bench -- --html: saved pages through the HTML path.
if (process.argv.includes('--html')) {
  await benchHtml(resolve(process.env.BENCH_HTML ?? join(root, 'test', 'fixtures', 'html')));
  process.exit(0);
}

function readCorpus(path: string): string[] {
  if (statSync(path).isDirectory()) {
    return readdirSync(path)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => readFileSync(join(path, f), 'utf8'));
  }
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => String((JSON.parse(line) as { text?: unknown }).text ?? ''));
}

function timePass(fn: (text: string) => unknown, count: number): number {
  const start = process.hrtime.bigint();
  for (let pass = 0; pass < count; pass++) for (const text of texts) fn(text);
  return Number(process.hrtime.bigint() - start) / 1e9;
}

console.log(`corpus: ${texts.length} articles, ${(corpusBytes / 1e6).toFixed(2)} MB (${corpusPath}); node ${process.version}, ${pinning}, ${built ? 'bundled dist/index.js' : 'TypeScript sources through tsx'}; load ${loadAverage()}`);
const lexicons = loadLexicons();
const sentiment = new Sentiment();
const slant = (text: string) => JSON.stringify(analyze(text, { lexicons }));
const baseline = (text: string) => sentiment.analyze(text);
timePass(slant, 1); // warm-up: lexicon loading and JIT
timePass(baseline, 1);
// sentiment is ~10x faster: give it more passes so both sides of a round take a similar time.
const baselinePasses = passes * 10;
const slantSeconds: number[] = [];
const baselineSeconds: number[] = [];
const ratios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  const s = timePass(slant, passes) / passes;
  const b = timePass(baseline, baselinePasses) / baselinePasses;
  slantSeconds.push(s);
  baselineSeconds.push(b);
  ratios.push(b / s);
}
// The same ratio in CPU time with the two interleaved article by article: on a shared machine (other
// processes on the core, the load printed above) wall-clock rounds swing by 2x, while time off the CPU
// counts for neither side here and both see the same conditions within a millisecond.
const cpuRatios: number[] = [];
for (let round = 0; round < ROUNDS; round++) {
  let slantCpu = 0;
  let baselineCpu = 0;
  for (const text of texts) {
    const before = cpuMicros();
    slant(text);
    const between = cpuMicros();
    for (let k = 0; k < 10; k++) baseline(text);
    slantCpu += between - before;
    baselineCpu += (cpuMicros() - between) / 10;
  }
  cpuRatios.push(baselineCpu / slantCpu);
}

function cpuMicros(): number {
  const { user, system } = process.cpuUsage();
  return user + system;
}
const mbps = (seconds: number) => (corpusBytes / seconds / 1e6).toFixed(2).padStart(7);
console.log(`slant analyze + JSON          ${mbps(median(slantSeconds))} MB/s  ${(texts.length / median(slantSeconds)).toFixed(0).padStart(6)} articles/s`);
console.log(`sentiment.analyze alone       ${mbps(median(baselineSeconds))} MB/s  ${(texts.length / median(baselineSeconds)).toFixed(0).padStart(6)} articles/s`);
console.log(`ratio slant / sentiment: ${median(ratios).toFixed(3)}x, median of ${ROUNDS} interleaved rounds (range ${Math.min(...ratios).toFixed(3)}-${Math.max(...ratios).toFixed(3)}; target >= 0.30x)`);
console.log(`ratio in CPU time, interleaved per article: ${median(cpuRatios).toFixed(3)}x, median of ${ROUNDS} rounds (range ${Math.min(...cpuRatios).toFixed(3)}-${Math.max(...cpuRatios).toFixed(3)})`);
let jsonBytes = 0;
for (const text of texts) jsonBytes += Buffer.byteLength(slant(text));
console.log(`report JSON: ${(jsonBytes / corpusBytes).toFixed(2)} bytes per input byte (${(jsonBytes / 1e6).toFixed(2)} MB for ${(corpusBytes / 1e6).toFixed(2)} MB; target <= 6, aim 4)`);

const against = process.env.BENCH_AGAINST;
if (against !== undefined) await benchAgainst(resolve(against));

benchCli();

/** This build's speed over another's (BENCH_AGAINST), CPU time, interleaved article by article. */
async function benchAgainst(path: string): Promise<void> {
  const other = (await import(pathToFileURL(path).href)) as typeof Library;
  const otherLexicons = other.loadLexicons();
  const theirs = (text: string) => JSON.stringify(other.analyze(text, { lexicons: otherLexicons }));
  timePass(theirs, 1); // warm-up, as for this build
  const speedUps: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    let ours = 0;
    let them = 0;
    texts.forEach((text, i) => {
      // Which runs first alternates, so that neither always finds the caches as the other left them.
      const oursFirst = (i + round) % 2 === 0;
      const start = cpuMicros();
      (oursFirst ? slant : theirs)(text);
      const between = cpuMicros();
      (oursFirst ? theirs : slant)(text);
      const end = cpuMicros();
      ours += oursFirst ? between - start : end - between;
      them += oursFirst ? end - between : between - start;
    });
    speedUps.push(them / ours);
  }
  console.log(`this build against ${path}: ${median(speedUps).toFixed(3)}x the speed in CPU time, interleaved per article, median of ${ROUNDS} rounds (range ${Math.min(...speedUps).toFixed(3)}-${Math.max(...speedUps).toFixed(3)}; load ${loadAverage()})`);
}

/**
 * analyze({ html }) + JSON of every .html page in `folder`, CPU time per page. Not against BENCH_AGAINST: two
 * builds in one process share the installed HTML libraries, and a change to how slant patches those (see
 * src/edges/ingest/libraries.ts) would show in both. Compare builds by running this in each tree, alternately.
 */
async function benchHtml(folder: string): Promise<void> {
  const pages = readdirSync(folder)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((f) => readFileSync(join(folder, f), 'utf8'));
  const bytes = pages.reduce((sum, page) => sum + Buffer.byteLength(page), 0);
  const lexicons = loadLexicons();
  const run = (html: string) => JSON.stringify(analyze({ html }, { lexicons }));
  console.log(`pages: ${pages.length} from ${folder}, ${(bytes / 1024).toFixed(0)} KB; ${pinning}; ${built ? 'bundled dist/index.js' : 'TypeScript sources through tsx'}; load ${loadAverage()}`);
  // A few hundred pages a round, after as many again to warm up.
  const passes = Math.max(1, Math.ceil(300 / pages.length));
  for (let warm = 0; warm < 3 * passes; warm++) for (const page of pages) run(page);
  const perPage: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const start = cpuMicros();
    for (let pass = 0; pass < passes; pass++) for (const page of pages) run(page);
    perPage.push((cpuMicros() - start) / 1000 / (passes * pages.length));
  }
  const ms = median(perPage);
  console.log(`analyze({ html }) + JSON: ${ms.toFixed(2)} ms of CPU per page (${(bytes / pages.length / 1024 / 1024 / (ms / 1000)).toFixed(2)} MB of HTML/s), median of ${ROUNDS} rounds (range ${Math.min(...perPage).toFixed(2)}-${Math.max(...perPage).toFixed(2)}); load ${loadAverage()}`);
}

/**
 * CLI wall time on a 5 KB article, Node start included, against `node -e 0` in the same rounds; and the same
 * command with SLANT_NO_CACHE=1 (no data snapshot, no code cache, no validated-records cache), which shows what
 * they save.
 */
function benchCli(): void {
  const dir = mkdtempSync(join(tmpdir(), 'slant-bench-'));
  const file = join(dir, 'article-5k.txt');
  let fiveK = '';
  for (let i = 0; Buffer.byteLength(fiveK) < 5 * 1024; i++) fiveK += `${texts[i % texts.length]}\n\n`;
  writeFileSync(file, Buffer.from(fiveK).subarray(0, 5 * 1024).toString('utf8').replace(/\uFFFD$/, ''));
  const bin = join(root, 'bin', 'slant.js');
  const wall = (args: string[], env: Record<string, string> = {}): number => {
    const start = process.hrtime.bigint();
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...env } });
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  console.log(`load before: ${loadAverage()}`);
  const cli: number[] = [];
  const cold: number[] = [];
  const bare: number[] = [];
  const rounds = Number(process.env.BENCH_CLI_ROUNDS ?? 9);
  for (let run = 0; run < rounds; run++) {
    bare.push(wall(['-e', '0']));
    cli.push(wall([bin, 'analyze', file, '--format', 'json']));
    cold.push(wall([bin, 'analyze', file, '--format', 'json'], { SLANT_NO_CACHE: '1' }));
  }
  const has = (file: string) => existsSync(join(root, 'dist', file));
  const how = has('slant-cli.cjs') ? `bundled dist/slant-cli.cjs, ${has('slant-cli.cache') ? 'with' : 'without'} its code cache, ${has('data.snapshot') ? 'with' : 'without'} dist/data.snapshot` : 'tsx from src/';
  console.log(`slant analyze on a 5 KB file: ${median(cli).toFixed(0)} ms wall, node -e 0 ${median(bare).toFixed(0)} ms: ${(median(cli) / median(bare)).toFixed(1)}x, median of ${rounds} interleaved (target <= 3x; ${how})`);
  console.log(`  with SLANT_NO_CACHE=1 (data read and validated, bundle compiled): ${median(cold).toFixed(0)} ms: ${(median(cold) / median(bare)).toFixed(1)}x`);
  console.log(`load after: ${loadAverage()}`);
}
