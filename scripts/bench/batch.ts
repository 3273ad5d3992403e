/**
 * npm run bench:batch (after npm run build): throughput and memory of the real `slant batch` on a large
 * generated corpus. Builds at least 200 MB of JSON lines in the system's temp folder from the project's own
 * corpus/ articles (shuffled paragraphs, articles recombined, fresh ids; seeded, so the same on every run),
 * runs `slant batch` on it with 1 and with 2 workers, and prints MB/s, records/s, the speed-up and the peak
 * resident memory of the process tree (sampled from /proc). Prints figures; asserts nothing.
 *
 *   BENCH_MB=50 npm run bench:batch      a smaller corpus
 *   BENCH_WORKERS=1,2,4                  other worker counts
 *   BENCH_FORMAT=csv                     CSV output instead of full reports
 */
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { seededRandom } from '../../src/edges/batch/random.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const bin = join(root, 'bin', 'slant.js');
const targetMb = Number(process.env.BENCH_MB ?? 200);
const workerCounts = (process.env.BENCH_WORKERS ?? '1,2').split(',').map(Number);
const format = process.env.BENCH_FORMAT ?? 'jsonl';
const MB = 1024 * 1024;

if (!existsSync(join(root, 'dist', 'slant.js')) || !existsSync(join(root, 'dist', 'pool-worker.js'))) {
  console.error('bench:batch measures the bundle: run npm run build first');
  process.exit(1);
}

/** Paragraphs of every article in corpus/ (and its subfolders), by article. */
function corpusArticles(): string[][] {
  const articles: string[][] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.txt')) articles.push(readFileSync(path, 'utf8').split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== ''));
    }
  };
  walk(join(root, 'corpus'));
  return articles;
}


/** Writes the corpus (reused when a file of the same size target exists); returns its path, size and record count. */
async function generate(): Promise<{ file: string; bytes: number; records: number }> {
  const file = join(tmpdir(), `slant-bench-batch-${targetMb}mb.jsonl`);
  const meta = `${file}.count`;
  if (existsSync(file) && existsSync(meta) && statSync(file).size >= targetMb * MB) {
    return { file, bytes: statSync(file).size, records: Number(readFileSync(meta, 'utf8')) };
  }
  const articles = corpusArticles();
  const random = seededRandom(20251128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const out = createWriteStream(file);
  let bytes = 0;
  let records = 0;
  while (bytes < targetMb * MB) {
    // One to three source articles, their paragraphs shuffled and partly dropped.
    const sources = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pick(articles));
    const paragraphs = sources.flat().filter(() => random() < 0.8);
    for (let i = paragraphs.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [paragraphs[i], paragraphs[j]] = [paragraphs[j] as string, paragraphs[i] as string];
    }
    if (paragraphs.length === 0) continue;
    records++;
    const line = `${JSON.stringify({ id: `bench-${String(records).padStart(7, '0')}`, title: (paragraphs[0] as string).slice(0, 80), text: paragraphs.join('\n\n') })}\n`;
    bytes += Buffer.byteLength(line);
    if (!out.write(line)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise<void>((resolve) => out.end(resolve));
  await import('node:fs/promises').then((fs) => fs.writeFile(meta, String(records)));
  return { file, bytes, records };
}

/** kB from a /proc/<pid>/status field. */
function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

/** The process and all its descendants (worker threads live inside their process). */
function processTree(pid: number): number[] {
  const tree = [pid];
  for (let index = 0; index < tree.length; index++) {
    try {
      for (const task of readdirSync(`/proc/${tree[index]}/task`)) {
        const children = readFileSync(`/proc/${tree[index]}/task/${task}/children`, 'utf8').trim();
        if (children !== '') tree.push(...children.split(/\s+/).map(Number));
      }
    } catch {
      // gone already
    }
  }
  return tree;
}

async function run(input: string, workers: number): Promise<{ seconds: number; peakRssMb: number; outputBytes: number }> {
  const out = join(tmpdir(), `slant-bench-batch-out-${process.pid}.${format === 'csv' ? 'csv' : 'jsonl'}`);
  rmSync(out, { force: true });
  const started = performance.now();
  const stats = join(tmpdir(), `slant-bench-batch-stats-${process.pid}.json`);
  const child = spawn(process.execPath, [bin, 'batch', input, '--out', out, '--format', format, '--workers', String(workers), '--quiet', '--stats', stats], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let peak = 0;
  const sample = () => {
    const tree = processTree(child.pid as number);
    const rss = tree.reduce((sum, pid) => sum + statusField(pid, 'VmRSS'), 0);
    const hwm = tree.reduce((sum, pid) => sum + statusField(pid, 'VmHWM'), 0);
    peak = Math.max(peak, rss, hwm);
  };
  const timer = setInterval(sample, 100);
  const code = await new Promise<number | null>((resolve) => child.on('exit', (exit) => resolve(exit)));
  clearInterval(timer);
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`slant batch exited with ${code}`);
  const outputBytes = statSync(out).size;
  rmSync(out, { force: true });
  rmSync(stats, { force: true });
  return { seconds, peakRssMb: peak / 1024, outputBytes };
}

const corpus = await generate();
console.log(`corpus: ${corpus.file}, ${(corpus.bytes / MB).toFixed(0)} MB, ${corpus.records} records (${(corpus.bytes / corpus.records / 1024).toFixed(1)} KB each); output ${format}`);
const results: { workers: number; mbps: number }[] = [];
for (const workers of workerCounts) {
  const { seconds, peakRssMb, outputBytes } = await run(corpus.file, workers);
  const mbps = corpus.bytes / MB / seconds;
  results.push({ workers, mbps });
  console.log(
    `${workers} worker${workers === 1 ? ' ' : 's'}: ${seconds.toFixed(1)} s, ${mbps.toFixed(2)} MB/s, ${(corpus.records / seconds).toFixed(0)} records/s, peak RSS ${peakRssMb.toFixed(0)} MB (process tree), output ${(outputBytes / MB).toFixed(0)} MB`,
  );
}
const one = results.find((result) => result.workers === 1);
for (const result of results) if (one !== undefined && result.workers !== 1) console.log(`speed-up with ${result.workers} workers: ${(result.mbps / one.mbps).toFixed(2)}x`);
