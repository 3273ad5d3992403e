// The pool as the HTTP service uses it, run from source: the workers start through tsx. (The CLI tests run
// it from the bundle, dist/pool-worker.js.) One pool for the file: each worker start compiles the sources.
import { afterAll, describe, expect, it } from 'vitest';
import { AnalysisError, AnalysisPool, AnalysisTimeoutError, PoolOverloadedError } from '../../src/edges/pool/index.ts';
import { analyzeJsonOn, SERVER_TASKS } from '../../src/edges/server/worker-tasks.ts';
import { reportSchema } from '../../src/index.ts';

const pool = new AnalysisPool({ tasks: SERVER_TASKS, workers: 1, maxQueue: 2 });
afterAll(() => pool.close());
const analyzeJson = (input: unknown, options?: { timeoutMs?: number }): Promise<string> => analyzeJsonOn(pool, input, options).then((bytes) => new TextDecoder().decode(bytes));

describe('AnalysisPool', () => {
  it('answers with the report as JSON in UTF-8 bytes, the same as analyze() in process', async () => {
    const bytes = await analyzeJsonOn(pool, { id: 'p1', text: 'The regime slammed the reckless plan, critics said.' });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const json = new TextDecoder().decode(bytes);
    const report = reportSchema.parse(JSON.parse(json));
    expect(report.id).toBe('p1');
    expect(report.summary.loadedLanguage.counts.total).toBeGreaterThan(0);
  });

  it('rejects input of the wrong shape with the zod issues', async () => {
    const error = await analyzeJson({ text: 42 }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error).toMatchObject({ code: 'invalid-input' });
    expect((error as AnalysisError).message).toMatch(/"text": .*string/i);
    expect((error as AnalysisError).issues?.length).toBeGreaterThan(0);
  });

  it('refuses tasks beyond the queue instead of buffering them', async () => {
    const text = 'Officials said the talks would continue. '.repeat(200);
    const accepted = [1, 2, 3].map((n) => analyzeJson({ id: `q${n}`, text }));
    // One runs, two wait: the fourth finds the queue full.
    await expect(analyzeJson({ text })).rejects.toBeInstanceOf(PoolOverloadedError);
    expect(pool.pending).toBe(2);
    const ids = (await Promise.all(accepted)).map((json) => JSON.parse(json).id);
    expect(ids).toEqual(['q1', 'q2', 'q3']);
    expect(pool.pending).toBe(0);
  });

  it('stops a task past its time limit, replaces the worker and goes on', async () => {
    const long = 'The minister said the reckless plan was a disaster, and critics slammed it. '.repeat(3000);
    await expect(analyzeJson({ text: long }, { timeoutMs: 5 })).rejects.toBeInstanceOf(AnalysisTimeoutError);
    expect(pool.size).toBe(1);
    const json = await analyzeJson({ id: 'after', text: 'A calm report.' });
    expect(JSON.parse(json).id).toBe('after');
  });

  it('finishes accepted tasks on close, then refuses new ones', async () => {
    const running = ['last-1', 'last-2'].map((id) => analyzeJson({ id, text: 'A calm report.' }));
    const closed = pool.close();
    await expect(analyzeJson('x')).rejects.toMatchObject({ code: 'closed' });
    expect(await Promise.all(running.map((json) => json.then((text) => JSON.parse(text).id)))).toEqual(['last-1', 'last-2']);
    await closed;
  });

  it('runs the tasks of the module its caller gives it, and names a kind that module lacks', async () => {
    const own = new AnalysisPool({ tasks: new URL('./echo-tasks.ts', import.meta.url), workers: 1 });
    try {
      expect(await own.run('shout', 'quiet words')).toBe('QUIET WORDS');
      await expect(own.run('analyze', 'text')).rejects.toThrow(/unknown task kind "analyze"/);
    } finally {
      await own.close();
    }
  });

  it('with two tasks per worker, runs them in order, and a task waiting behind one that times out still runs', async () => {
    const own = new AnalysisPool({ tasks: new URL('./echo-tasks.ts', import.meta.url), workers: 1, prefetch: 2 });
    try {
      expect(await Promise.all([own.run('shout', 'one'), own.run('shout', 'two'), own.run('shout', 'three')])).toEqual(['ONE', 'TWO', 'THREE']);
      // The first outlasts its limit and its worker is replaced; the second was handed to that worker too.
      const stuck = own.run('spin', 3000, { timeoutMs: 200 });
      const behind = own.run('shout', 'behind');
      await expect(stuck).rejects.toBeInstanceOf(AnalysisTimeoutError);
      expect(await behind).toBe('BEHIND');
      expect(own.size).toBe(1);
      // The same with a record whose bytes are transferred (as a batch sends JSON lines): the task waiting
      // behind the stuck one reaches the new worker with its bytes, not an emptied buffer.
      const again = own.run('spin', 3000, { timeoutMs: 200 });
      const bytes = new TextEncoder().encode('record behind');
      const record = own.run('shoutBytes', bytes, { transfer: [bytes.buffer as ArrayBuffer], timeoutMs: 2000 });
      await expect(again).rejects.toBeInstanceOf(AnalysisTimeoutError);
      expect(await record).toBe('RECORD BEHIND');
    } finally {
      await own.close();
    }
  });
});
