/**
 * The benchmarks' corpus and process measurements, shared by bench:batch and bench:queue: at least `targetMb`
 * of JSON lines generated from the project's own corpus/ articles (shuffled paragraphs, articles recombined,
 * fresh ids; seeded, so the same on every run; kept in the temp folder for the next run), and resident memory
 * of a process tree read from /proc; and the small helpers every benchmark prints with (pinning, median, load).
 */
import { createWriteStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../src/edges/batch/random.ts';

const MB = 1024 * 1024;

/** Paragraphs of every article in corpus/ (and its subfolders), by article. */
function corpusArticles(root: string): string[][] {
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
export async function generateCorpus(root: string, targetMb: number): Promise<{ file: string; bytes: number; records: number }> {
  const file = join(tmpdir(), `slant-bench-batch-${targetMb}mb.jsonl`);
  const meta = `${file}.count`;
  if (existsSync(file) && existsSync(meta) && statSync(file).size >= targetMb * MB) {
    return { file, bytes: statSync(file).size, records: Number(readFileSync(meta, 'utf8')) };
  }
  const articles = corpusArticles(root);
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
export function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match === null ? 0 : Number(match[1]);
  } catch {
    return 0;
  }
}

/** The process and all its descendants (worker threads live inside their process). */
export function processTree(pid: number): number[] {
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


/**
 * Pins this process, every thread of it, to one core (BENCH_CORE, default 0) with taskset, once, and says
 * where it runs. `taskset -p` alone pins the main thread only: V8's garbage-collector and compiler threads,
 * started with the process, stayed free on the other cores, so a run that collects more (1 MB against 100 KB)
 * borrowed a second core the other side did not. `-a` pins all of them; threads and children started later
 * inherit it. A process started under `taskset -c N` with SLANT_BENCH_PINNED=1 is left as it is.
 */
export function pinToOneCore(): string {
  if (process.platform !== 'linux') return 'not pinned (taskset is Linux only)';
  if (process.env.SLANT_BENCH_PINNED !== '1') {
    const core = process.env.BENCH_CORE ?? '0';
    try {
      execFileSync('taskset', ['-a', '-cp', core, String(process.pid)], { stdio: 'ignore' });
      process.env.SLANT_BENCH_PINNED = '1';
    } catch {
      return `not pinned (taskset -a -cp ${core} failed)`;
    }
  }
  return `pinned to core ${allowedCores()}`;
}

// The cores this thread may run on, as the kernel has them ("0", "0-1").
function allowedCores(): string {
  const line = readFileSync('/proc/thread-self/status', 'utf8').split('\n').find((l) => l.startsWith('Cpus_allowed_list:'));
  return line === undefined ? '?' : line.slice('Cpus_allowed_list:'.length).trim();
}

/** The median of `values` (the upper one of an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** The machine's load averages over 1, 5 and 15 minutes, as printed beside every figure. */
export function loadAverage(digits = 2): string {
  return loadavg().map((l) => l.toFixed(digits)).join(' ');
}
