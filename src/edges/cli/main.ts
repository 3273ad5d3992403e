/**
 * The `slant` command line. Arguments and streams are passed in, so the CLI can be tested without
 * spawning a process; `bin/slant.js` wires it to the real process.
 */
import { parseArgs } from 'node:util';
import { COMPARE_USAGE, compareCommand } from './compare-command.ts';
import { fetchOptions, readArticle } from './article-input.ts';
import { CliError, write, type CliIo } from './io.ts';
import { analyze, checkArticle, type AnalyzeOptions } from '../../analyze.ts';
import { loadCompareWords, loadLexicons, type Lexicons } from '../../core/data/index.ts';
import { renderText } from '../../core/report/render-text.ts';
import { describeIssues } from '../../core/report/describe-issues.ts';
import { jsonRecordSchema } from '../../core/report/schema.ts';
import { errorLine } from '../../core/report/error-line.ts';
import { lookupOutlet, renderOutletCard } from '../../core/outlets/index.ts';
import { ANALYZER_VERSION } from '../../core/version.ts';

export { CliError, type CliIo } from './io.ts';
// For bin/slant.js: the data snapshot's body, read while this script was compiled (bin/cli-start.js).
export { useSnapshotReadAhead } from '../../core/data/index.ts';

export const USAGE = `slant ${ANALYZER_VERSION}: explainable media-bias analysis

Usage:
  slant analyze [FILE|URL|-] [--format text|json] [--color|--no-color]
                                      FILE is plain text or a saved web page (.html, or HTML inside);
                                      URL (http or https) is fetched, with private addresses refused
  slant analyze FILE --html | --text  force how FILE is read
  slant analyze --jsonl [FILE|-]      one {id, text | html, title?, url?, outlet?, sides?} record per line in,
                                      one report (or {line, error}) per line out
  slant analyze FILE --url URL | --outlet NAME    say which outlet published the article
  fetching: --timeout MS (10000), --max-bytes N (5 MB), --allow-private (loopback and private addresses too)
  ${COMPARE_USAGE}
  slant source DOMAIN|URL|NAME        the outlet card: ownership, reliability and every rating with its provenance
  slant lexicons                      bundled lexicons with versions, entry counts and licences
  slant batch INPUT... [--out FILE] [--format jsonl|csv|both] [--workers N] [--resume|--force]
                                      score a corpus (JSON lines, CSV, folders) in parallel, one line per record;
                                      statistics at the end (slant batch --help for every option)
  slant stats REPORTS.jsonl [--group-by outlet|FIELD] [--json FILE] [--baseline FILE]
  slant calibrate REPORTS.jsonl --out BASELINE.json    distributions to compare articles against
  slant batch INPUT... --queue redis://HOST:PORT --out FILE    the same run, analysed by slant worker processes
  slant worker --queue redis://HOST:PORT [--workers N]         analyse a queue's chunks on this machine
  slant queue status redis://HOST:PORT                         chunks waiting, active, done, failed; workers
  slant --version | --help

FILE defaults to standard input. --format defaults to text on a terminal and json elsewhere.
Exit status: 0 on success, 2 on usage or input/output errors or input that is not an article;
1 from slant batch --fail-on-error when a record failed.
`;

/** Runs the CLI; resolves to the exit code. Never rejects. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const message = error instanceof CliError ? error.message : `unexpected error: ${(error as Error).message ?? String(error)}`;
    io.stderr.write(`slant: ${message.split('\n')[0]}\n`);
    return 2;
  }
}

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    io.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout.write(`${ANALYZER_VERSION}\n`);
    return 0;
  }
  if (command === 'analyze') return analyzeCommand(rest, io);
  if (command === 'lexicons') return lexiconsCommand(io);
  if (command === 'source') return sourceCommand(rest, io);
  if (command === 'compare') return compareCommand(rest, io);
  // The corpus commands (and mathjs, csv, the progress bar, BullMQ and Redis behind them) load only when asked for.
  if (command === 'batch') return (await import('./batch-commands.ts')).batchCommand(rest, io);
  if (command === 'stats') return (await import('./batch-commands.ts')).statsCommand(rest, io);
  if (command === 'calibrate') return (await import('./batch-commands.ts')).calibrateCommand(rest, io);
  if (command === 'worker') return (await import('./queue-commands.ts')).workerCommand(rest, io);
  if (command === 'queue') return (await import('./queue-commands.ts')).queueCommand(rest, io);
  throw new CliError('usage', `unknown command "${command}" (expected analyze, compare, source, lexicons, batch, stats, calibrate, worker or queue; see slant --help)`);
}

function parse(args: readonly string[]) {
  try {
    return parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        format: { type: 'string' },
        jsonl: { type: 'boolean', default: false },
        color: { type: 'boolean' },
        url: { type: 'string' },
        outlet: { type: 'string' },
        html: { type: 'boolean' },
        text: { type: 'boolean' },
        timeout: { type: 'string' },
        'max-bytes': { type: 'string' },
        'allow-private': { type: 'boolean' },
        json: { type: 'boolean', default: false },
        'no-color': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new CliError('usage', `${(error as Error).message} (see slant --help)`);
  }
}

async function analyzeCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (values.help === true) {
    io.stdout.write(USAGE);
    return 0;
  }
  if (positionals.length > 1) throw new CliError('usage', `expected at most one FILE, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = values.format ?? (io.stdoutIsTTY && values.jsonl !== true ? 'text' : 'json');
  if (format !== 'text' && format !== 'json') throw new CliError('usage', `--format must be text or json, got "${format}"`);
  const file = positionals[0] ?? '-';
  const color = values['no-color'] === true ? false : values.color === true ? true : io.stdoutIsTTY && io.env?.NO_COLOR === undefined;
  const lexicons = loadLexicons();
  if (values.jsonl === true) {
    if (format === 'text') throw new CliError('usage', '--jsonl writes JSON lines; drop --format text');
    await analyzeJsonl(file, io, lexicons);
    return 0;
  }
  if (values.html === true && values.text === true) throw new CliError('usage', 'give --html or --text, not both');
  const options: AnalyzeOptions = { lexicons, fetch: fetchOptions(values) };
  const meta: { url?: string; outlet?: string } = {};
  if (values.url !== undefined) meta.url = values.url;
  if (values.outlet !== undefined) meta.outlet = values.outlet;
  const input = await readArticle(file, io, options.fetch, { html: values.html === true, text: values.text === true, meta });
  // Text alone goes in as a string, which analyze() takes without validating a record (the same report): such a
  // start never evaluates zod (scripts/build/bundle.mjs).
  const report = analyze('text' in input && Object.keys(input).length === 1 ? input.text : input, options);
  if (format === 'json') await write(io.stdout, `${JSON.stringify(report, null, 2)}\n`);
  else await write(io.stdout, renderText(report, file === '-' ? { color } : { color, name: file }));
  return 0;
}

async function sourceCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args);
  if (positionals.length !== 1) throw new CliError('usage', `slant source takes one domain, URL or outlet name, got ${positionals.length}`);
  const card = lookupOutlet(positionals[0] as string);
  await write(io.stdout, values.json === true ? `${JSON.stringify(card, null, 2)}\n` : renderOutletCard(card).replace(/\n?$/, '\n'));
  return 0;
}

async function lexiconsCommand(io: CliIo): Promise<number> {
  // The analyzer's lists, then the comparison's (they load apart: analyses never read them).
  const infos = [...loadLexicons().info, ...loadCompareWords().info];
  const rows = infos.map((info) => `${info.name.padEnd(20)} ${info.version.padEnd(8)} ${String(info.entries).padStart(6)}  ${info.license}`);
  await write(io.stdout, `${'name'.padEnd(20)} ${'version'.padEnd(8)} ${'entries'.padStart(6)}  license\n${rows.join('\n')}\n`);
  return 0;
}

/** Reads JSON lines one at a time (memory stays flat) and writes one report or error line per input line. */
async function analyzeJsonl(file: string, io: CliIo, lexicons: Lexicons): Promise<void> {
  // Loaded here: readline and file streams cost a single-article start time for nothing.
  const [{ createReadStream }, { createInterface }] = await Promise.all([import('node:fs'), import('node:readline')]);
  const input = file === '-' ? io.stdin : createReadStream(file);
  const opened = new Promise<void>((resolve, reject) => {
    if (file === '-') resolve();
    input.once('open', () => resolve());
    input.once('error', (error: Error) => reject(new CliError('io', `cannot read ${file}: ${error.message}`)));
  });
  await opened;
  const lines = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber++;
    if (line.trim() === '') continue;
    await write(io.stdout, `${analyzeLine(line, lineNumber, lexicons)}\n`);
  }
}

function analyzeLine(line: string, lineNumber: number, lexicons: Lexicons): string {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch (error) {
    return errorLine({ line: lineNumber }, { code: 'invalid-json', message: `invalid JSON: ${(error as Error).message}` });
  }
  const record = jsonRecordSchema.safeParse(json);
  if (!record.success) {
    const id = typeof json === 'object' && json !== null && 'id' in json ? (json as { id: unknown }).id : undefined;
    return errorLine({ line: lineNumber, id: typeof id === 'string' || typeof id === 'number' ? id : undefined }, { code: 'invalid-record', message: describeIssues(record.error.issues) });
  }
  const { id, text, html, title, url, outlet, sides } = record.data;
  const meta: { id?: string; title?: string; url?: string; outlet?: string; sides?: Record<string, string[]> } = {};
  if (sides !== undefined) meta.sides = sides;
  if (id !== undefined) meta.id = String(id);
  if (title !== undefined) meta.title = title;
  if (url !== undefined) meta.url = url;
  if (outlet !== undefined) meta.outlet = outlet;
  const input = text !== undefined ? { text, ...meta } : { html: html as string, ...meta };
  const problem = checkArticle(input);
  if (problem !== null) return errorLine({ line: lineNumber, id }, problem);
  return JSON.stringify(analyze(input, { lexicons }));
}
