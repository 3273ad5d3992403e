/**
 * npm run bench:http: starts the bundled server (dist/server.js, built by the npm script) as a subprocess
 * on a loopback port, warms it up, then drives POST /v1/analyze with a 5 KB corpus article through
 * autocannon and prints requests per second, latency percentiles and failures, twice: cold (every request a
 * distinct article, by its id, so each is analysed) and repeated (the same article each time, answered from
 * the report cache after the first). Each is compared with a bare Hono app serving the precomputed report,
 * and the server's CPU per request is split into its main thread (HTTP, validation, the pool hop: the
 * service's own overhead) and the rest (analysis in the workers, GC).
 *
 *   npm run bench:http -- [--connections 4] [--duration 10] [--warmup 3] [--workers N] [--log]
 *   npm run bench:http -- --load [--connections 200] [--duration 10]
 *
 * --load is the overload run (distinct articles): 200 connections (at most 400) on loopback for at most 30 s, against the
 * default queue (2 per worker, or SLANT_MAX_QUEUE). It prints latency for the admitted requests (2xx) and the shed ones (503)
 * apart: the first should keep p99 under a second, the second should be answered at once.
 *
 * Four connections keep two workers busy with one request waiting each; more only add queueing (on a
 * 2-core machine 8 connections gave fewer requests/s and twice the latency). Request logs are off unless
 * --log (they would go to /dev/null here; --log measures their cost).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, tmpdir } from 'node:os';
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { loadAverage } from './corpus.ts';

type AutocannonResult = {
  requests: { average: number; total: number; sent: number };
  latency: { p50: number; p90: number; p99: number; max: number; average: number };
  throughput: { average: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  '2xx': number;
  duration: number;
};
type AutocannonClient = { on(event: 'response', listener: (status: number, bytes: number, ms: number) => void): void };
type AutocannonRequest = { method: string; headers: Record<string, string>; body: string };
type AutocannonOptions = {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
  connections: number;
  duration: number;
  pipelining: number;
  setupClient?: (client: AutocannonClient) => void;
  requests?: { setupRequest: (request: AutocannonRequest) => AutocannonRequest }[];
};
// autocannon ships no type declarations; the part used here is typed above.
const autocannon = createRequire(import.meta.url)('autocannon') as (options: AutocannonOptions) => Promise<AutocannonResult>;

const { values } = parseArgs({
  options: {
    connections: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    workers: { type: 'string' },
    log: { type: 'boolean', default: false },
    load: { type: 'boolean', default: false },
  },
  strict: true,
});
// Bounded whatever is asked: the load run is for this machine's loopback, not a load generator.
const connections = Math.min(400, Number(values.connections ?? (values.load ? 200 : 4)));
const duration = Math.min(30, Number(values.duration));
// Seconds of distinct articles before measuring. Each worker runs its first ~2,000 analyses at a fraction of its
// later speed (V8 compiles the analysis as it meets it): 3 s is the service soon after a start, --warmup 20 its
// steady state.
const warmup = Math.min(120, Number(values.warmup));
for (const [name, value] of [['--duration', duration], ['--warmup', warmup]] as const) {
  if (!Number.isFinite(value) || value < (name === '--warmup' ? 0 : 1)) {
    console.error(`bench:http: ${name} takes seconds (${name === '--warmup' ? '0' : '1'} or more), got ${JSON.stringify(name === '--warmup' ? values.warmup : values.duration)}`);
    process.exit(2);
  }
}

// A 5 KB article: the seed article and a second corpus article, as one text.
const root = new URL('../../', import.meta.url);
const text = ['presstv-putin-biden', 'conflict-balanced'].map((name) => readFileSync(new URL(`corpus/${name}.txt`, root), 'utf8')).join('\n\n');
const body = JSON.stringify({ id: 'bench', text });

const env: Record<string, string | undefined> = { ...process.env, PORT: '0', HOST: '127.0.0.1', SLANT_LOG: values.log ? 'on' : 'off' };
if (values.workers !== undefined) env.SLANT_WORKERS = values.workers;
// Starts a server process and resolves with the URL it prints once it listens.
function listening(child: ReturnType<typeof spawn>, pattern: RegExp): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const match = pattern.exec(stderr);
      if (match !== null) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`the server exited (${code}) before listening: ${stderr}`)));
  });
}
const server = spawn(process.execPath, [new URL('dist/server.js', root).pathname], { env, stdio: ['ignore', 'ignore', 'pipe'] });
const url = await listening(server, /slant listening on (\S+)\n/);

// CPU seconds used by a process (Linux /proc), and the machine's CPU time by kind, to show where the time
// went and whether anything else competed for the cores during the run.
function cpuSeconds(statFile: string): number | null {
  try {
    const fields = readFileSync(statFile, 'utf8').replace(/^.*\) /, '').split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return null;
  }
}
// The whole process, and its main thread alone (the event loop: HTTP, validation, messages to workers).
const processCpuSeconds = (pid: number) => cpuSeconds(`/proc/${pid}/stat`);
const mainThreadCpuSeconds = (pid: number) => cpuSeconds(`/proc/${pid}/task/${pid}/stat`);
function machineCpu(): { busy: number; total: number } | null {
  try {
    const [, ...ticks] = (readFileSync('/proc/stat', 'utf8').split('\n')[0] as string).trim().split(/\s+/);
    const values = ticks.map(Number);
    const total = values.reduce((a, b) => a + b, 0);
    return { busy: total - (values[3] as number) - (values[4] as number), total };
  } catch {
    return null;
  }
}

// Latency by answer: the admitted (2xx) and the shed (503) apart, since their mix decides the overall figures.
const latencies = new Map<number, number[]>();
const record = (client: AutocannonClient): void => client.on('response', (status, _bytes, ms) => void (latencies.get(status) ?? latencies.set(status, []).get(status))?.push(ms));
// Cold: every request a distinct article (the same text under a fresh id, which the report echoes), so no
// answer can come from the report cache.
let coldIds = 0;
const distinct = [{ setupRequest: (request: AutocannonRequest) => ({ ...request, body: JSON.stringify({ id: `cold-${++coldIds}`, text }) }) }];
const run = (seconds: number, measure = false, target = url, cold = false) =>
  autocannon({
    url: `${target}/v1/analyze`,
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
    connections,
    duration: seconds,
    pipelining: 1,
    ...(measure ? { setupClient: record } : {}),
    ...(cold ? { requests: distinct } : {}),
  });
function percentiles(values: number[]): string {
  if (values.length === 0) return 'none';
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => (sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] as number).toFixed(1);
  return `${sorted.length} answers, p50 ${at(0.5)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`;
}

if (values.load) {
  try {
    // Distinct articles, so that every admitted request is an analysis (not a report-cache answer).
    if (warmup > 0) await run(warmup, false, url, true);
    const result = await run(duration, true, url, true);
    const admitted = latencies.get(200) ?? [];
    const shed = latencies.get(503) ?? [];
    const others = [...latencies].filter(([status]) => status !== 200 && status !== 503).map(([status, list]) => `${status}: ${list.length}`);
    const rows: [string, string][] = [
      ['setup', `node dist/server.js, ${values.workers ?? `${availableParallelism()} (one per core)`} workers, ${process.env.SLANT_MAX_QUEUE === undefined ? 'default queue' : `SLANT_MAX_QUEUE=${process.env.SLANT_MAX_QUEUE}`}, ${connections} connections, ${duration} s after a ${warmup} s warm-up, loopback`],
      ['admitted (200)', percentiles(admitted)],
      ['useful throughput', `${(admitted.length / result.duration).toFixed(0)} reports/s`],
      ['shed (503)', percentiles(shed)],
      ['other answers', others.length === 0 ? 'none' : others.join(', ')],
      ['errors (timeouts)', `${result.errors} (${result.timeouts})`],
    ];
    for (const [name, value] of rows) process.stdout.write(`${name.padEnd(18)} ${value}\n`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((resolve) => server.once('exit', resolve));
  }
  process.exit();
}

try {
  // Warm-up: workers start, JIT compiles, caches fill; not measured.
  if (warmup > 0) await run(warmup, false, url, true);
  const workers = values.workers ?? `${availableParallelism()} (one per core)`;
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  const rows: [string, string][] = [
    ['article', `${Buffer.byteLength(text)} bytes (corpus/presstv-putin-biden.txt + corpus/conflict-balanced.txt)`],
    ['setup', `node dist/server.js, ${workers} analysis workers, ${connections} connections, keep-alive, ${duration} s per run after a ${warmup} s warm-up of distinct articles, request logs ${values.log ? 'on' : 'off'}`],
  ];
  // One run against the service, with where its CPU went and what else competed for the cores.
  const measure = async (label: string, cold: boolean) => {
    const serverBefore = processCpuSeconds(server.pid as number);
    const mainBefore = mainThreadCpuSeconds(server.pid as number);
    const selfBefore = process.cpuUsage();
    const machineBefore = machineCpu();
    const result = await run(duration, false, url, cold);
    const serverCpu = serverBefore === null ? null : (processCpuSeconds(server.pid as number) as number) - serverBefore;
    const mainCpu = mainBefore === null ? null : (mainThreadCpuSeconds(server.pid as number) as number) - mainBefore;
    const selfCpu = process.cpuUsage(selfBefore);
    const machineAfter = machineCpu();
    rows.push(
      [`${label} requests/s`, result.requests.average.toFixed(0)],
      [`${label} latency`, `p50 ${ms(result.latency.p50)}, p90 ${ms(result.latency.p90)}, p99 ${ms(result.latency.p99)}, max ${ms(result.latency.max)}`],
      [`${label} answers`, `${result['2xx']} 2xx, ${result.non2xx} other, ${result.errors} errors (${result.timeouts} timeouts); ${(result.throughput.average / 1e6).toFixed(1)} MB/s of reports`],
    );
    const completed = result['2xx'] + result.non2xx;
    if (serverCpu !== null && mainCpu !== null && completed > 0) {
      const perRequest = (seconds: number) => `${((seconds * 1000) / completed).toFixed(2)} ms`;
      rows.push([`${label} server CPU`, `${perRequest(serverCpu)} per request: ${perRequest(mainCpu)} main thread (the service's own), ${perRequest(serverCpu - mainCpu)} workers and GC; ${(serverCpu / result.duration).toFixed(2)} cores`]);
    }
    if (machineBefore !== null && machineAfter !== null) {
      const cores = availableParallelism();
      const busyCores = ((machineAfter.busy - machineBefore.busy) / (machineAfter.total - machineBefore.total)) * cores;
      const clientCores = (selfCpu.user + selfCpu.system) / 1e6 / result.duration;
      const others = busyCores - (serverCpu ?? 0) / result.duration - clientCores;
      rows.push([`${label} machine`, `${busyCores.toFixed(2)} of ${cores} cores busy: client (autocannon) ${clientCores.toFixed(2)}, other processes about ${Math.max(0, others).toFixed(2)}`]);
    }
    if (result.errors > 0 || result.non2xx > 0) process.exitCode = 1;
    return result;
  };
  const cold = await measure('cold', true);
  const repeated = await measure('repeated', false);
  // One more request of the repeated article: its header says whether the cache answered, its body is the report.
  const answer = await fetch(`${url}/v1/analyze`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
  const cacheHeader = answer.headers.get('x-slant-cache');
  rows.push(['report cache', cacheHeader === null ? 'off (SLANT_REPORT_CACHE_ENTRIES=0): repeated requests are analysed again' : `on: the repeated article is answered ${cacheHeader === 'hit' ? 'from the cache' : 'by an analysis (not cached?)'}`]);
  // The yardstick, right after in the same run: a bare Hono app answering with this article's report,
  // computed beforehand, for the same connections and duration.
  const reportFolder = mkdtempSync(join(tmpdir(), 'slant-bench-http-'));
  const reportFile = join(reportFolder, 'report.json');
  writeFileSync(reportFile, await answer.text());
  const bare = spawn(process.execPath, [new URL('scripts/bench/bare-hono.mjs', root).pathname, reportFile], { env: { ...process.env, PORT: '0' }, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const bareUrl = await listening(bare, /bare hono listening on (\S+)\n/);
    await run(3, false, bareUrl);
    const bareResult = await run(duration, false, bareUrl);
    const ratio = (result: AutocannonResult) => (result.requests.average / bareResult.requests.average).toFixed(2);
    rows.push(['bare Hono app', `${bareResult.requests.average.toFixed(0)} requests/s serving the precomputed report, p50 ${ms(bareResult.latency.p50)}`]);
    rows.push(['ratio, cold', `slant / bare Hono: ${ratio(cold)}x, every request analysed (target >= 0.5x; bounded by analysis CPU)`]);
    rows.push(['ratio, repeated', `slant / bare Hono: ${ratio(repeated)}x, the same article each time (report cache)`]);
    rows.push(['load', loadAverage()]);
  } finally {
    bare.kill('SIGTERM');
    rmSync(reportFolder, { recursive: true, force: true });
  }
  for (const [name, value] of rows) process.stdout.write(`${name.padEnd(20)} ${value}\n`);
} finally {
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
}
