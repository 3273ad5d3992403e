// slant batch --queue with slant worker processes, as users run them: real processes of bin/slant.js (the bundle
// that npm test builds first) against a real redis-server on a free loopback port, with a password.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseQueueAddress } from '../../src/edges/queue/address.ts';
import { connectQueue } from '../../src/edges/queue/connection.ts';
import { findRedisServer, selfSignedCertificate, startRedis, type RedisServer } from './redis-server.ts';
import { recordText } from '../batch/records.ts';

const BIN = new URL('../../bin/slant.js', import.meta.url).pathname;
const LEXICONS = new URL('../../lexicons/en', import.meta.url).pathname;
const REDIS = findRedisServer();
// Input bytes per job: a few dozen chunks for the 56 KB corpus, so that kills land mid-run.
const CHUNK = '3KB';
const runnable = REDIS !== null || process.env.CI !== undefined;
if (!runnable) console.warn('test/queue: skipped, redis-server is missing (apt-get install -y redis-server); in CI (CI=true) these tests run and fail instead');
// Under CI the tests run, and fail for want of redis-server, instead of passing unseen.
const suite = describe.skipIf(!runnable);

type Run = { code: number; stdout: string; stderr: string };

function slant(args: string[], env: Record<string, string> = {}, timeoutMs = 0): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { maxBuffer: 256 << 20, encoding: 'utf8', env: { ...process.env, ...env }, timeout: timeoutMs, killSignal: 'SIGKILL' }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
  });
}

type Worker = { child: ChildProcess; log: () => string; exited: Promise<number | null> };

/** A `slant worker` process with one analysis thread and a short stall interval. */
function worker(url: string, extra: string[] = [], env: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, [BIN, 'worker', '--queue', url, '--workers', '1', '--stall-seconds', '1', ...extra], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString('utf8')));
  return { child, log: () => log, exited: new Promise((resolve) => child.on('exit', (code) => resolve(code))) };
}

async function stopWorkers(workers: Worker[]): Promise<void> {
  for (const { child } of workers) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  await Promise.all(workers.map((w) => w.exited));
}

/** Waits until `file` holds at least `lines` lines. */
async function untilLines(file: string, lines: number): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 20) {
    const size = statSync(file, { throwIfNoEntry: false })?.size ?? 0;
    if (size > 0 && readFileSync(file, 'utf8').split('\n').length > lines) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${file} never reached ${lines} lines`);
}

/** `count` records r1..rN, with a broken line and one over --max-bytes among them. */
function corpus(count: number): string {
  const lines: string[] = [];
  for (let n = 1; n <= count; n++) lines.push(JSON.stringify({ id: `r${n}`, outlet: n % 4 === 0 ? 'Reuters' : undefined, text: recordText(n) }));
  lines.splice(5, 0, '{"id":"broken","text":');
  lines.splice(9, 0, JSON.stringify({ id: 'huge', text: 'word '.repeat(1000) }));
  return `${lines.join('\n')}\n`;
}

function ids(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => String((JSON.parse(line) as { id: unknown }).id));
}

suite('slant batch --queue with slant worker', () => {
  let redis: RedisServer;
  let dir: string;
  let input: string;
  let folder: string;
  // Two workers serve every run; the test that kills one starts its own.
  let shared: Worker[] = [];
  const expected = (name: string) => readFileSync(join(dir, `local.${name}`), 'utf8');

  beforeAll(async () => {
    if (REDIS === null) throw new Error('redis-server is not installed (apt-get install redis-server): the queue tests need it under CI');
    redis = await startRedis(REDIS);
    dir = mkdtempSync(join(tmpdir(), 'slant-queue-test-'));
    input = join(dir, 'in.jsonl');
    writeFileSync(input, corpus(400));
    // A folder too: its files travel as bytes, since a worker elsewhere cannot read the producer's paths.
    folder = join(dir, 'pages');
    mkdirSync(folder);
    writeFileSync(join(folder, 'a.txt'), 'Critics slammed the reckless plan, officials said.');
    writeFileSync(join(folder, 'b.html'), '<html><head><meta charset="windows-1252"><title>Flood</title></head><body><article><p>The river rose overnight, officials said. Caf\xe9 owners waited.</p></article></body></html>', 'latin1');
    const local = await slant(['batch', input, folder, '--out', join(dir, 'local.jsonl'), '--format', 'both', '--max-bytes', '4KB', '--workers', '2', '--quiet']);
    expect(local.code).toBe(0);
    shared = [worker(redis.url), worker(redis.url)];
  }, 60_000);

  afterAll(async () => {
    await stopWorkers(shared);
    await redis?.stop();
  });

  it('writes byte for byte what a local run writes, with two worker processes; Redis keeps nothing after; the password is never printed', async () => {
    const out = join(dir, 'queue.jsonl');
    const run = await slant(['batch', input, folder, '--out', out, '--format', 'both', '--max-bytes', '4KB', '--queue', redis.url, '--chunk-size', CHUNK]);
    const status = await slant(['queue', 'status', redis.url, '--json']);
    expect(run.stderr).toMatch(/^slant batch: 404 records in \d+s \([\d.]+ MB\/s, \d+ records\/s\): 402 reports, 2 errors; wrote .*queue\.jsonl and .*queue\.csv$/m);
    expect(run.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected('jsonl'));
    expect(readFileSync(join(dir, 'queue.csv'), 'utf8')).toBe(expected('csv'));
    expect(readFileSync(join(dir, 'queue.stats.json'), 'utf8')).toBe(expected('stats.json'));
    expect(JSON.parse(status.stdout)).toMatchObject({ queue: `redis://:***@127.0.0.1:${redis.port}/0`, waiting: 0, active: 0, done: 0, failed: 0, workers: [expect.anything(), expect.anything()] });
    const printed = [run.stdout, run.stderr, status.stdout, status.stderr, ...shared.map((w) => w.log())].join('\n');
    expect(printed).toContain('redis://:***@127.0.0.1');
    expect(printed).not.toContain(redis.password);
  });

  it('refuses a wrong password or an unreachable address at once, with a clear message and no password', async () => {
    const wrong = await slant(['batch', input, '--out', join(dir, 'wrong.jsonl'), '--queue', `redis://:not-${redis.password}@127.0.0.1:${redis.port}`, '--quiet']);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toMatch(/^slant: cannot use the queue at redis:\/\/:\*\*\*@127\.0\.0\.1:\d+: WRONGPASS/);
    expect(wrong.stderr).not.toContain(redis.password);
    const bad = await slant(['worker', '--queue', 'http://127.0.0.1:1']);
    expect(bad).toMatchObject({ code: 2, stderr: 'slant: --queue must start with redis:// or rediss:// (TLS), got http://\n' });
  });

  it('finishes a killed producer\'s run with --resume, taking the chunks the workers finished meanwhile', async () => {
    const out = join(dir, 'killed-producer.jsonl');
    const args = ['batch', input, folder, '--out', out, '--format', 'both', '--max-bytes', '4KB', '--queue', redis.url, '--chunk-size', CHUNK, '--quiet'];
    const producer = spawn(process.execPath, [BIN, ...args], { stdio: 'ignore' });
    const exited = new Promise((resolve) => producer.on('exit', resolve));
    await untilLines(out, 80);
    producer.kill('SIGKILL');
    await exited;
    const killedAt = ids(out).length;
    expect(killedAt).toBeLessThan(404);
    // The workers finish the chunks already queued; their results wait in Redis.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const resumed = await slant([...args.filter((arg) => arg !== '--quiet'), '--resume']);
    const status = await slant(['queue', 'status', redis.url, '--json']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(new RegExp(`; ${killedAt} already done, skipped`));
    expect(readFileSync(out, 'utf8')).toBe(expected('jsonl'));
    expect(readFileSync(join(dir, 'killed-producer.csv'), 'utf8')).toBe(expected('csv'));
    expect(JSON.parse(status.stdout)).toMatchObject({ waiting: 0, active: 0, done: 0, failed: 0 });
  });

  it('resumes an output cut inside a chunk: the chunk runs again and only its missing records are written', async () => {
    // A producer killed while writing a chunk's lines leaves part of that chunk in the output, its job
    // already removed or completed; the resumed run's job for that chunk returns results for every record.
    const out = join(dir, 'cut-chunk.jsonl');
    const args = ['batch', input, folder, '--out', out, '--format', 'both', '--max-bytes', '4KB', '--queue', redis.url, '--chunk-size', CHUNK, '--quiet'];
    expect((await slant(args)).code).toBe(0);
    // 7 lines: the first chunk (3 KB, some 20 records) only in part.
    const lines = readFileSync(out, 'utf8').split('\n');
    writeFileSync(out, `${lines.slice(0, 7).join('\n')}\n`);
    const resumed = await slant([...args.filter((arg) => arg !== '--quiet'), '--resume'], {}, 30_000);
    expect(resumed.stderr).toMatch(/; 7 already done, skipped/);
    expect(resumed.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected('jsonl'));
    expect(readFileSync(join(dir, 'cut-chunk.csv'), 'utf8')).toBe(expected('csv'));
    const status = await slant(['queue', 'status', redis.url, '--json']);
    expect(JSON.parse(status.stdout)).toMatchObject({ waiting: 0, active: 0, done: 0, failed: 0 });
  });

  it('goes on when Redis restarts mid-run: the jobs persist and everyone reconnects', async () => {
    const out = join(dir, 'restarted.jsonl');
    const run = slant(['batch', input, folder, '--out', out, '--format', 'both', '--max-bytes', '4KB', '--queue', redis.url, '--chunk-size', CHUNK]);
    await untilLines(out, 60);
    await redis.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await redis.start();
    const finished = await run;
    expect(finished.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected('jsonl'));
    expect(readFileSync(join(dir, 'restarted.csv'), 'utf8')).toBe(expected('csv'));
    expect(finished.stderr).not.toContain(redis.password);
  });

  it('connects over TLS (rediss://) with the password from SLANT_REDIS_PASSWORD, and says at once when the certificate is not trusted', async () => {
    const { cert, key } = selfSignedCertificate(dir);
    const secure = await startRedis(REDIS as string, { tls: { cert, key }, password: 'tls-pw-31337' });
    try {
      const url = `rediss://127.0.0.1:${secure.port}/0`;
      const env = { NODE_EXTRA_CA_CERTS: cert, SLANT_REDIS_PASSWORD: secure.password };
      const small = join(dir, 'small.jsonl');
      writeFileSync(small, corpus(30));
      expect((await slant(['batch', small, '--out', join(dir, 'small-local.jsonl'), '--workers', '1', '--quiet'])).code).toBe(0);
      const tlsWorker = worker(url, [], env);
      const run = await slant(['batch', small, '--out', join(dir, 'small-tls.jsonl'), '--queue', url, '--chunk-size', CHUNK], env);
      await stopWorkers([tlsWorker]);
      expect(run.code).toBe(0);
      expect(readFileSync(join(dir, 'small-tls.jsonl'), 'utf8')).toBe(readFileSync(join(dir, 'small-local.jsonl'), 'utf8'));
      expect(tlsWorker.log()).toMatch(new RegExp(`taking chunks from rediss://127\\.0\\.0\\.1:${secure.port}/0 `));
      const untrusted = await slant(['queue', 'status', url], { SLANT_REDIS_PASSWORD: secure.password });
      expect(untrusted.code).toBe(2);
      expect(untrusted.stderr).toMatch(/^slant: cannot use the queue at rediss:\/\/127\.0\.0\.1:\d+\/0: .*certificate/);
      expect([run.stderr, tlsWorker.log(), untrusted.stderr].join('')).not.toContain(secure.password);
    } finally {
      await secure.stop();
    }
  });

  it('SIGTERM finishes the chunks in hand; SIGKILL loses and repeats nothing: the chunks go to another worker after the stall interval', async () => {
    const [leaving, survivor] = shared as [Worker, Worker];
    // What the survivor says from here on (before this, it lived through the Redis restart of another test).
    const mark = survivor.log().length;
    const said = (): string => survivor.log().slice(mark);
    const doomed = worker(redis.url, ['--verbose']);
    shared = [survivor];
    for (let waited = 0; !doomed.log().includes('taking chunks'); waited += 20) {
      if (waited > 30_000) throw new Error(`the worker did not start: ${doomed.log()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const out = join(dir, 'killed-worker.jsonl');
    const run = slant(['batch', input, folder, '--out', out, '--format', 'both', '--max-bytes', '4KB', '--queue', redis.url, '--chunk-size', CHUNK, '--quiet']);
    await untilLines(out, 40);
    leaving.child.kill('SIGTERM');
    expect(await leaving.exited).toBe(0);
    expect(leaving.log()).toMatch(/SIGTERM: finishing the chunks in hand, then exiting\n(.*\n)*.*stopped after [1-9]\d* chunks/);
    // It left nothing behind for the stall check to find.
    expect(said()).not.toMatch(/stalled/);
    // Killed as soon as it holds a chunk: one it took and has not finished (by now it may have finished
    // every chunk it took while the other worker was leaving). On a fast machine the run can end before it
    // takes another: then it is killed idle, and only the run's completeness is checked.
    const inHand = (log: string): boolean => {
      const finished = new Set([...log.matchAll(/finished chunk (\d+) of run/g)].map((match) => match[1]));
      return [...log.matchAll(/took chunk (\d+) of run/g)].some((match) => !finished.has(match[1]));
    };
    let runEnded = false;
    void run.then(() => (runEnded = true));
    while (!inHand(doomed.log()) && !runEnded) await new Promise((resolve) => setTimeout(resolve, 5));
    doomed.child.kill('SIGKILL');
    await doomed.exited;
    const diedHolding = inHand(doomed.log());
    const finished = await run;
    expect(finished.code).toBe(0);
    expect(doomed.log()).not.toMatch(/stopped after/);
    // The doomed worker died holding a chunk, and the survivor saw it stall and took it.
    if (diedHolding) expect(said(), `the survivor saw no stall; the doomed worker said: ${doomed.log()}`).toMatch(/chunk [0-9a-f]+-\d+-[0-9a-f]+ stalled \(its worker stopped answering\); back in the queue/);
    const written = ids(out);
    expect(new Set(written).size).toBe(written.length);
    expect(readFileSync(out, 'utf8')).toBe(expected('jsonl'));
    expect(readFileSync(join(dir, 'killed-worker.csv'), 'utf8')).toBe(expected('csv'));
  });

  it('adds a chunk again when its job vanishes from the queue before any worker took it, and says so', async () => {
    // Database 1: no worker listens there yet, so the jobs wait while one is removed by hand.
    const url = redis.url.replace(/\/0$/, '/1');
    const connection = await connectQueue(parseQueueAddress(url), { stderr: process.stderr, who: 'test' });
    const queue = connection.queue;
    const out = join(dir, 'vanished.jsonl');
    const producer = slant(['batch', input, folder, '--out', out, '--format', 'both', '--max-bytes', '4KB', '--queue', url, '--chunk-size', CHUNK, '--quiet'], {}, 120_000);
    let first: Awaited<ReturnType<typeof queue.getJobs>>[number] | undefined;
    for (let waited = 0; first === undefined && waited < 60_000; waited += 50) {
      first = (await queue.getJobs(['waiting'])).find((job) => (job.data as { chunk?: number }).chunk === 0);
      if (first === undefined) await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(first, 'the producer never added chunk 0').toBeDefined();
    await first?.remove();
    const late = worker(url);
    const run = await producer;
    await stopWorkers([late]);
    await connection.close();
    // A producer killed at its time limit says nothing of its own: the worker's log tells where the run stood.
    const story = `the producer (exit ${run.code}) said: ${run.stderr}\nthe worker said: ${late.log()}`;
    expect(run.stderr, story).toContain('the job of chunk 0 is gone from the queue; running it again');
    expect(run.code, story).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(expected('jsonl'));
    expect(readFileSync(join(dir, 'vanished.csv'), 'utf8')).toBe(expected('csv'));
    // The producer gets 120 s on a busy machine (a full suite on two cores); the test outlives it to report why.
  }, 180_000);

  it('refuses jobs from another lexicon version: the run stops naming both, nothing is mixed', async () => {
    // A worker whose loaded-language list is one version ahead of the producer's.
    const lexicons = join(dir, 'lexicons-next');
    cpSync(LEXICONS, lexicons, { recursive: true });
    const file = join(lexicons, 'loaded.jsonl');
    const text = readFileSync(file, 'utf8');
    const version = /^# version: (\d+)\.(\d+)\.(\d+)$/m.exec(text);
    expect(version).not.toBeNull();
    const [, major, minor, patch] = version as RegExpExecArray;
    const next = `${major}.${minor}.${Number(patch) + 1}`;
    writeFileSync(file, text.replace(/^# version: \S+$/m, `# version: ${next}`));
    // Only the stale worker serves this run.
    await stopWorkers(shared);
    const stale = worker(redis.url, ['--lexicons', lexicons]);
    const out = join(dir, 'mismatch.jsonl');
    const run = await slant(['batch', input, '--out', out, '--queue', redis.url, '--chunk-size', CHUNK, '--quiet']);
    await stopWorkers([stale]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(new RegExp(`^slant: chunk \\d+ was refused: the worker \\S+ has other versions than the run: loaded@${next.replace(/\./g, '\\.')} on the worker, loaded@${major}\\.${minor}\\.${patch} in the job; start workers of the same slant version and lexicons, then --resume\\n$`));
    expect(stale.log()).toMatch(/refused chunk \d+ of run [0-9a-f]+: loaded@/);
    expect(statSync(out).size).toBe(0);
  });
});
