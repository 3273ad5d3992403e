// slant batch as users run it: real processes of bin/slant.js (the bundle that npm test builds first) on
// real files in temporary folders.
import { execFile, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportSchema } from '../../src/index.ts';
import { SENTENCES, recordText } from './records.ts';

const BIN = new URL('../../bin/slant.js', import.meta.url).pathname;

type Run = { code: number; stdout: string; stderr: string };

function slant(args: string[], options: { stdin?: string; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: options.cwd, maxBuffer: 256 << 20, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1, stdout, stderr });
    });
    child.stdin?.end(options.stdin ?? '');
  });
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'slant-batch-test-'));
}

function jsonLines(file: string): Record<string, unknown>[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** `count` small records with ids r1..rN, different enough that reports differ. */
function records(count: number): string {
  const lines: string[] = [];
  for (let n = 1; n <= count; n++) lines.push(JSON.stringify({ id: `r${n}`, text: recordText(n) }));
  return `${lines.join('\n')}\n`;
}

describe('slant batch', () => {
  it('survives SIGKILL: --resume completes the output exactly as an uninterrupted run writes it', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, records(1500));
    const complete = await slant(['batch', input, '--out', join(dir, 'complete.jsonl'), '--format', 'both', '--workers', '2', '--quiet']);
    expect(complete.code).toBe(0);

    const out = join(dir, 'out.jsonl');
    const child = spawn(process.execPath, [BIN, 'batch', input, '--out', out, '--format', 'both', '--workers', '2', '--quiet'], { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    // Kill once a few hundred lines are out, well before the end.
    for (let waited = 0; waited < 30_000; waited += 10) {
      const size = statSync(out, { throwIfNoEntry: false })?.size ?? 0;
      if (size > 0 && readFileSync(out, 'utf8').split('\n').length > 200) break;
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    child.kill('SIGKILL');
    await exited;
    // The kill may land in the middle of a write: only lines that end in a newline are whole.
    const killedAt = readFileSync(out, 'utf8').split('\n').slice(0, -1).map((line) => JSON.parse(line) as unknown).length;
    // More than 200 pieces when polled: at least 200 whole lines (the last piece may be a partial line).
    expect(killedAt).toBeGreaterThanOrEqual(200);
    expect(killedAt).toBeLessThan(1500);
    // As if the kill had come in the middle of a write.
    appendFileSync(out, '{"id":"r99999","schemaVersion":"1.');

    const resumed = await slant(['batch', input, '--out', out, '--format', 'both', '--workers', '2', '--resume']);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toMatch(/already done, skipped; cut a partial last line/);
    const ids = jsonLines(out).map((line) => line.id);
    expect(ids).toHaveLength(1500);
    expect(new Set(ids).size).toBe(1500);
    expect(ids).toEqual(Array.from({ length: 1500 }, (_, index) => `r${index + 1}`));
    // In input order, so byte for byte the same files as the run that was never interrupted.
    expect(readFileSync(out, 'utf8')).toBe(readFileSync(join(dir, 'complete.jsonl'), 'utf8'));
    expect(readFileSync(join(dir, 'out.csv'), 'utf8')).toBe(readFileSync(join(dir, 'complete.csv'), 'utf8'));
  });

  it('--resume reads every finished line: a line damaged in the middle stops the run and is named', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, records(4));
    const out = join(dir, 'out.jsonl');
    expect((await slant(['batch', input, '--out', out, '--workers', '1', '--quiet'])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\n');
    // The second report keeps its id prefix but is cut short in the middle of the file, as a writer that died
    // in another run, or a disk fault, would leave it.
    const damaged = (lines[1] as string).slice(0, 300);
    writeFileSync(out, [lines[0], damaged, ...lines.slice(2)].join('\n'));
    const resumed = await slant(['batch', input, '--out', out, '--workers', '1', '--quiet', '--resume']);
    expect(resumed.code).toBe(2);
    expect(resumed.stderr).toMatch(/out\.jsonl:2 is damaged: not a JSON line \(.+\); mend or delete that line, or use --force to start over/);
  });

  it('refuses to overwrite results without --resume or --force', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, records(3));
    const out = join(dir, 'out.jsonl');
    writeFileSync(out, '{"id":"old"}\n');
    const refused = await slant(['batch', input, '--out', out, '--quiet']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/out\.jsonl already holds results \(13 bytes\): add --resume to continue that run, or --force to overwrite it/);
    expect(readFileSync(out, 'utf8')).toBe('{"id":"old"}\n');
    const forced = await slant(['batch', input, '--out', out, '--quiet', '--force']);
    expect(forced.code).toBe(0);
    expect(jsonLines(out).map((line) => line.id)).toEqual(['r1', 'r2', 'r3']);
  });

  it('keeps input order by default; --unordered writes every record once, in any order', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    // Long and short records mixed, so that finishing order differs from input order.
    const lines = Array.from({ length: 40 }, (_, index) => JSON.stringify({ id: `m${index}`, text: index % 7 === 0 ? SENTENCES.join(' ').repeat(60) : SENTENCES[index % 5] }));
    writeFileSync(input, `${lines.join('\n')}\n`);
    const expected = Array.from({ length: 40 }, (_, index) => `m${index}`);
    const ordered = await slant(['batch', input, '--out', join(dir, 'ordered.jsonl'), '--workers', '2', '--progress-interval', '0.05']);
    expect(ordered.code).toBe(0);
    // Off a terminal, progress is a plain line every few seconds (here every 50 ms), then a closing line.
    expect(ordered.stderr).toMatch(/^slant batch: \d+ records \(\d+\/s, \d+\.\d\d MB\/s\), 0 errors, \d+%, ETA (-|\d+s)$/m);
    expect(ordered.stderr).toMatch(/^slant batch: 40 records in \d+s \([\d.]+ MB\/s, \d+ records\/s\): 40 reports, 0 errors; wrote .*ordered\.jsonl$/m);
    expect(jsonLines(join(dir, 'ordered.jsonl')).map((line) => line.id)).toEqual(expected);
    const unordered = await slant(['batch', input, '--out', join(dir, 'unordered.jsonl'), '--workers', '2', '--unordered', '--quiet']);
    expect(unordered.code).toBe(0);
    expect(jsonLines(join(dir, 'unordered.jsonl')).map((line) => line.id).sort()).toEqual([...expected].sort());
  });

  it('turns bad records into error lines naming the line, and goes on', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(
      input,
      [
        '{"id":"ok-1","text":"A calm report."}',
        '{"id":"broken","text":',
        '{"id":"no-text","title":"T"}',
        '',
        '[1,2]',
        JSON.stringify({ id: 'huge', text: 'word '.repeat(100) }),
        '{"text":"No id here, so the line number is the id."}',
        '{"id":"bad-title","text":"x","title":5}',
        '{"id":"blank","text":"  \\n  "}',
        '{"id":"binary","text":"\\u007fELF\\u0000\\u0001"}',
      ].join('\n'),
    );
    const run = await slant(['batch', input, '--out', join(dir, 'out.jsonl'), '--max-bytes', '200', '--workers', '1', '--quiet']);
    expect(run.code).toBe(0);
    const lines = jsonLines(join(dir, 'out.jsonl'));
    const rows = lines.map((line) => (line.error === undefined ? `${line.id} report` : `${line.id} line ${line.line} ${(line.error as { code: string }).code}: ${(line.error as { message: string }).message}`));
    expect(rows).toEqual([
      'ok-1 report',
      '2 line 2 invalid-json: invalid JSON: Unexpected end of JSON input',
      'no-text line 3 invalid-record: expected "text" or "html" (a string), and not both',
      '5 line 5 invalid-record: expected a JSON object with "text" or "html", got an array',
      '6 line 6 too-large: the record is 523 bytes, over the limit of 200 (--max-bytes)',
      '7 report',
      'bad-title line 8 invalid-record: "title": expected a string',
      'blank line 9 empty: the text is only white space',
      'binary line 10 not-text: this is not text: it holds a NUL character at offset 4 (a binary file?)',
    ]);
    expect(reportSchema.parse(lines[0]).summary.words).toBe(3);
    const stats = JSON.parse(readFileSync(join(dir, 'out.stats.json'), 'utf8'));
    expect(stats.overall).toMatchObject({ records: 9, errors: 7, errorCodes: { 'invalid-json': 1, 'invalid-record': 3, 'too-large': 1, empty: 1, 'not-text': 1 } });
    expect(run.stdout).toMatch(/^9 records: 2 reports, 7 errors \(1 empty, 1 invalid-json, 3 invalid-record, 1 not-text, 1 too-large\)/);
  });

  it('reads CSV with named columns, multi-line cells, and a broken row as an error line; writes CSV', async () => {
    const dir = tempDir();
    const input = join(dir, 'articles.csv');
    writeFileSync(
      input,
      [
        'key,headline,body,source,desk',
        'a1,Budget passes,"The council approved the budget, officials said.",Reuters,city',
        'a2,Storm,"The storm hit the coast.',
        '',
        'Residents were told to stay inside.",,weather',
        'a3,Broken,"never closed',
      ].join('\n'),
    );
    const run = await slant(['batch', input, '--out', join(dir, 'out.csv'), '--format', 'csv', '--text-column', 'body', '--id-column', 'key', '--title-column', 'headline', '--outlet-column', 'source', '--group-column', 'desk', '--quiet']);
    expect(run.code).toBe(0);
    const csv = readFileSync(join(dir, 'out.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('id,group,words,sentiment_comparative,subjectivity_score,loaded_score,loaded_density,attribution_balance,attribution_count_balance,attributions,outlet_name,outlet_label,outlet_score,error');
    expect(csv[1]).toMatch(/^a1,city,7,[\d.]+(,[\d.]*){6},Reuters,high,0\.9,$/);
    expect(csv[2]).toMatch(/^a2,weather,11,/);
    expect(csv[3]).toBe(`6,${','.repeat(12)}invalid-csv: Quote Not Closed: the parsing is finished with an opening quote at line 6`);
    expect(run.stdout).toMatch(/means by group/);

    const missing = await slant(['batch', input, '--out', join(dir, 'x.jsonl'), '--quiet']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/articles\.csv: no "text" column in the header \(columns: "key", "headline", "body", "source", "desk"\); name the text column with --text-column/);
  });

  it('walks a folder of .txt and .html files in sorted order, ids as paths inside it', async () => {
    const dir = tempDir();
    const corpus = join(dir, 'corpus');
    mkdirSync(join(corpus, 'a'), { recursive: true });
    writeFileSync(join(corpus, 'b.txt'), 'Critics slammed the reckless plan.');
    writeFileSync(join(corpus, 'a', 'z.txt'), 'The council met on Tuesday.');
    writeFileSync(join(corpus, 'a.txt'), 'Officials said the talks went well.');
    writeFileSync(join(corpus, 'page.html'), '<html><head><title>Flood</title></head><body><article><p>The river rose overnight, officials said.</p></article></body></html>');
    writeFileSync(join(corpus, '.hidden.txt'), 'skipped');
    writeFileSync(join(corpus, 'notes.md'), 'skipped');
    const run = await slant(['batch', corpus, '--out', join(dir, 'out.jsonl'), '--quiet']);
    expect(run.code).toBe(0);
    const lines = jsonLines(join(dir, 'out.jsonl'));
    expect(lines.map((line) => line.id)).toEqual(['a.txt', 'a/z.txt', 'b.txt', 'page.html']);
    expect(lines[3]).toMatchObject({ title: 'Flood' });
    expect(lines[3]?.text).toContain('The river rose overnight');
  });

  it('reads JSON lines from standard input and writes to standard output, the table on standard error', async () => {
    const run = await slant(['batch', '-', '--workers', '1'], { stdin: records(4) });
    expect(run.code).toBe(0);
    const ids = run.stdout.trim().split('\n').map((line) => JSON.parse(line).id);
    expect(ids).toEqual(['r1', 'r2', 'r3', 'r4']);
    expect(run.stderr).toMatch(/slant batch: 4 records/);
    expect(run.stderr).toMatch(/4 records: 4 reports, 0 errors/);
  });

  it('stats, calibrate and --baseline: percentiles of means and of each report', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, records(40));
    const out = join(dir, 'out.jsonl');
    expect((await slant(['batch', input, '--out', out, '--quiet'])).code).toBe(0);
    const calibrated = await slant(['calibrate', out, '--out', join(dir, 'mine.json'), '--name', 'mine']);
    expect(calibrated.code).toBe(0);
    expect(calibrated.stdout).toMatch(/^wrote .*mine\.json: mine@0\.1\.0, 40 articles, \d+ metrics/);
    const baseline = JSON.parse(readFileSync(join(dir, 'mine.json'), 'utf8'));
    expect(baseline.provenance).toMatchObject({ name: 'mine', count: 40, createdFrom: 'out.jsonl', analyzerVersion: '0.1.0' });
    expect(baseline.metrics.words.quantiles).toHaveLength(101);

    const stats = await slant(['stats', out, '--baseline', join(dir, 'mine.json'), '--json', join(dir, 'stats.json')]);
    expect(stats.code).toBe(0);
    expect(stats.stdout).toMatch(/percentiles of the mean against mine@0\.1\.0/);
    expect(stats.stdout).toMatch(/^words\s+40\s+[\d.]+\s+[\d.]+(\s+[\d.]+){5}\s+\d+\s+/m);
    const json = JSON.parse(readFileSync(join(dir, 'stats.json'), 'utf8'));
    expect(json.overall.metrics.words.count).toBe(40);
    expect(json.overall.metrics.words.meanPercentile).toBeGreaterThan(20);

    const withPercentiles = await slant(['batch', input, '--out', join(dir, 'p.jsonl'), '--baseline', join(dir, 'mine.json'), '--quiet']);
    expect(withPercentiles.code).toBe(0);
    const first = jsonLines(join(dir, 'p.jsonl'))[0] as { summary: { percentiles: Record<string, unknown> } };
    expect(first.summary.percentiles).toMatchObject({ baseline: 'mine@0.1.0', words: expect.any(Number) });

    const csv = await slant(['stats', out, '--format', 'csv']);
    expect(csv.code).toBe(0);
    const rows = csv.stdout.trim().split('\n');
    expect(rows[0]).toBe('outlet,records,errors,metric,count,mean,std,min,max,p5,p25,p50,p75,p95');
    expect(rows.find((row) => row.startsWith('(all),40,0,words,40,'))).toBeDefined();
  });

  it('refuses a --group-by field that no report has, instead of one silent group', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, records(2));
    const typo = await slant(['batch', input, '--out', join(dir, 'out.jsonl'), '--group-by', 'summary.sorce.card.name', '--quiet']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toBe('slant: --group-by "summary.sorce.card.name": a report has no field "summary.sorce" (use outlet, group, or a dotted path such as summary.source.card.name or document.siteName)\n');
    expect((await slant(['batch', input, '--out', join(dir, 'out.jsonl'), '--group-by', 'summary.source.card.name', '--quiet'])).code).toBe(0);
    expect((await slant(['stats', join(dir, 'out.jsonl'), '--group-by', 'document.sitename'])).stderr).toMatch(/a report has no field "document\.sitename"/);
  });

  it('--fail-on-error exits 1 when a record failed, after writing every line', async () => {
    const dir = tempDir();
    const input = join(dir, 'in.jsonl');
    writeFileSync(input, `${records(2)}{"id":"bad","text":5}\n`);
    const out = join(dir, 'out.jsonl');
    const run = await slant(['batch', input, '--out', out, '--quiet', '--fail-on-error']);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('slant batch: 1 of 3 records failed (--fail-on-error)\n');
    expect(jsonLines(out).map((line) => line.id)).toEqual(['r1', 'r2', 'bad']);
    // Without the flag, a failed record is an error line and the run succeeds.
    expect((await slant(['batch', input, '--out', out, '--quiet', '--force'])).code).toBe(0);
  });
});
