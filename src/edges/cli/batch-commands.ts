/**
 * The batch commands of the CLI: `slant batch` (score a corpus), `slant stats` (statistics of a reports
 * file) and `slant calibrate` (a baseline from a reports file). Arguments and streams come in, an exit code
 * goes out; problems the user can fix are CliErrors (one line on stderr, exit 2).
 */
import { writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { CliError, type CliIo } from './io.ts';
import { BaselineError, loadBaseline, SUMMARY_METRICS, type Baseline } from '../../core/report/percentiles.ts';
import { SCHEMA_VERSION, type Summary } from '../../core/report/schema.ts';
import { ANALYZER_VERSION } from '../../core/version.ts';
import { baselineFrom, formatBaseline, readReportLines } from '../batch/calibrate.ts';
import { figuresOf, groupByProblem, groupOf, OUTLET_GROUP } from '../batch/figures.ts';
import { BatchInputError, DEFAULT_COLUMNS } from '../batch/input.ts';
import { formatDuration } from '../batch/progress.ts';
import type { OutputFormat } from '../batch/record.ts';
import { runBatch, type BatchOptions } from '../batch/run.ts';
import { createStatsCollector, renderStats, statsCsv, type BatchStats } from '../batch/corpus-stats.ts';

export const BATCH_USAGE = `Usage:
  slant batch INPUT... [--out FILE] [options]

INPUT is a JSON lines file ({id?, text | html, title?, url?, outlet?, sides?} per line; the id defaults to
the line number), a CSV file with a header row, a folder of .txt and .html files (walked in sorted order; the
id is the path inside it), a single .txt or .html file, or - for JSON lines on standard input.

Output (one line per record, in input order):
  --out FILE              where results go (standard output without it); never overwritten without --force
  --format jsonl|csv|both full reports as JSON lines (default), a CSV row of summary figures per article, or both
  --csv FILE              the CSV file with --format both (default: --out with a .csv extension)
  --resume                continue an interrupted run: cut a partial last line, skip the ids already written
  --force                 overwrite --out
  --unordered             write results as they finish instead of in input order
  --stats FILE            the statistics as JSON (default: beside --out, as NAME.stats.json)
  --baseline FILE         add summary.percentiles against this baseline (from slant calibrate) to every report

Reading:
  --input-format jsonl|csv   read input files as this whatever their extension
  --text-column NAME      CSV columns (defaults: text, id, title, url, outlet; html when there is no text column)
  --id-column NAME, --title-column NAME, --url-column NAME, --outlet-column NAME, --html-column NAME
  --group-column NAME     keep this column (CSV) or field (JSON lines) as "group" and group statistics by it
  --group-by outlet|FIELD group statistics by the publishing outlet (default) or a field of the output line
  --max-bytes SIZE        larger records become error lines (default 2MB; 500KB, 10MB, or bytes)

Running:
  --workers N             worker threads (default: one per core)
  --timeout SECONDS       a record analysed longer becomes an error line (default 120)
  --quiet                 no progress on standard error
  --progress-interval S   seconds between progress lines when standard error is not a terminal (default 5)
  --fail-on-error         exit 1 when any record became an error line (the run still goes to the end)

Over several machines (see slant worker --help):
  --queue redis://HOST:PORT[/DB]   send the records to this Redis queue, where slant worker processes analyse
                          them, instead of local threads (rediss:// for TLS; a password as redis://:PASSWORD@HOST or in SLANT_REDIS_PASSWORD);
                          the output, order, progress and --resume are as above
  --chunk-size SIZE       input bytes per queued job (default 256KB)

A record that cannot be analysed becomes {"id", "line"?, "error": {"code", "message"}} and the run goes on.
`;

export const STATS_USAGE = `Usage:
  slant stats REPORTS.jsonl... [--group-by outlet|FIELD] [--format table|json|csv] [--json FILE|-] [--baseline FILE]

Count, mean, standard deviation, quantiles and a histogram of every summary figure, overall and per outlet
(or per FIELD, a dotted path into each line such as group or summary.source.card.name; a path no report has
is an error). --format json or csv prints the statistics as JSON or as CSV (a row per group and figure)
instead of the table; --json FILE also writes the JSON; --baseline adds the percentile of each mean within
that baseline.
`;

export const CALIBRATE_USAGE = `Usage:
  slant calibrate REPORTS.jsonl... --out BASELINE.json [--name NAME] [--description TEXT] [--license TEXT]

Stores the distribution of every summary figure in REPORTS (101 quantiles, mean, standard deviation) with
its provenance, for slant batch --baseline and slant stats --baseline. No text is stored.
`;

const DEFAULT_MAX_BYTES = 2 * 1024 * 1024;
const DEFAULT_TIMEOUT_SECONDS = 120;

/** `slant batch`. */
export async function batchCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', short: 'o' },
    format: { type: 'string' },
    csv: { type: 'string' },
    workers: { type: 'string' },
    unordered: { type: 'boolean' },
    resume: { type: 'boolean' },
    force: { type: 'boolean' },
    'max-bytes': { type: 'string' },
    timeout: { type: 'string' },
    'input-format': { type: 'string' },
    'text-column': { type: 'string' },
    'html-column': { type: 'string' },
    'id-column': { type: 'string' },
    'title-column': { type: 'string' },
    'url-column': { type: 'string' },
    'outlet-column': { type: 'string' },
    'group-column': { type: 'string' },
    'group-by': { type: 'string' },
    baseline: { type: 'string' },
    stats: { type: 'string' },
    quiet: { type: 'boolean', short: 'q' },
    'progress-interval': { type: 'string' },
    'fail-on-error': { type: 'boolean' },
    queue: { type: 'string' },
    'chunk-size': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(BATCH_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new CliError('usage', 'slant batch needs at least one INPUT (a .jsonl or .csv file, a folder, or - for standard input); see slant batch --help');
  const format = (values.format ?? 'jsonl') as OutputFormat;
  if (!['jsonl', 'csv', 'both'].includes(format)) throw new CliError('usage', `--format must be jsonl, csv or both, got "${values.format}"`);
  if (values.resume === true && values.force === true) throw new CliError('usage', 'give --resume or --force, not both');
  if (values.csv !== undefined && format !== 'both') throw new CliError('usage', '--csv names the CSV file of --format both');
  const inputFormat = values['input-format'];
  if (inputFormat !== undefined && inputFormat !== 'jsonl' && inputFormat !== 'csv') throw new CliError('usage', `--input-format must be jsonl or csv, got "${inputFormat}"`);
  const options: BatchOptions = {
    inputs: positionals,
    out: values.out ?? null,
    format,
    unordered: values.unordered === true,
    resume: values.resume === true,
    force: values.force === true,
    maxBytes: values['max-bytes'] === undefined ? DEFAULT_MAX_BYTES : parseSize(values['max-bytes']),
    timeoutMs: Math.round(1000 * (values.timeout === undefined ? DEFAULT_TIMEOUT_SECONDS : parsePositive('--timeout', values.timeout))),
    columns: {
      text: values['text-column'] ?? DEFAULT_COLUMNS.text,
      html: values['html-column'] ?? DEFAULT_COLUMNS.html,
      id: values['id-column'] ?? DEFAULT_COLUMNS.id,
      title: values['title-column'] ?? DEFAULT_COLUMNS.title,
      url: values['url-column'] ?? DEFAULT_COLUMNS.url,
      outlet: values['outlet-column'] ?? DEFAULT_COLUMNS.outlet,
    },
    quiet: values.quiet === true,
    progressIntervalSeconds: values['progress-interval'] === undefined ? 5 : parsePositive('--progress-interval', values['progress-interval']),
  };
  if (inputFormat !== undefined) options.inputFormat = inputFormat;
  if (values.csv !== undefined) options.csvFile = values.csv;
  if (values.workers !== undefined) {
    const workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 256) throw new CliError('usage', `--workers must be a whole number from 1 to 256, got "${values.workers}"`);
    options.workers = workers;
  }
  if (values['group-column'] !== undefined) options.groupField = values['group-column'];
  if (values['group-by'] !== undefined) options.groupBy = checkedGroupBy(values['group-by']);
  if (values.baseline !== undefined) options.baselineFile = values.baseline;
  if (values['chunk-size'] !== undefined && values.queue === undefined) throw new CliError('usage', '--chunk-size sizes the jobs of --queue');
  if (values.queue !== undefined) {
    if (values.workers !== undefined) throw new CliError('usage', '--workers is for local threads; with --queue, start slant worker processes (slant worker --workers N)');
    // The queue's code (BullMQ and the Redis client, 3.8 MB bundled) loads only for --queue.
    const { DEFAULT_CHUNK_BYTES, queueRunnerFor } = await import('./queue-commands.ts');
    options.runner = queueRunnerFor(values.queue, values['chunk-size'] === undefined ? DEFAULT_CHUNK_BYTES : parseSize(values['chunk-size'], '--chunk-size'), options, io);
  }

  const outcome = await withInputErrors(() =>
    runBatch(options, { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, stderrIsTTY: (io.stderr as { isTTY?: boolean }).isTTY === true }),
  );
  const written = [outcome.files.jsonl, outcome.files.csv].filter((file): file is string => file !== null && file !== '-');
  if (!options.quiet) {
    const rate = outcome.seconds > 0 ? ` (${(outcome.bytes / 1024 / 1024 / outcome.seconds).toFixed(2)} MB/s, ${(outcome.records / outcome.seconds).toFixed(0)} records/s)` : '';
    const skipped = outcome.skipped > 0 ? `; ${outcome.skipped} already done, skipped` : '';
    const trimmed = outcome.resumed !== null && outcome.resumed.trimmedBytes > 0 ? `; cut a partial last line (${outcome.resumed.trimmedBytes} bytes)` : '';
    io.stderr.write(
      `slant batch: ${outcome.records} records in ${formatDuration(outcome.seconds)}${rate}: ${outcome.records - outcome.errors} reports, ${outcome.errors} ${outcome.errors === 1 ? 'error' : 'errors'}${skipped}${trimmed}${written.length > 0 ? `; wrote ${written.join(' and ')}` : ''}\n`,
    );
  }
  const statsFile = values.stats ?? (options.out === null ? undefined : `${options.out.replace(/\.(jsonl|ndjson|json|csv)$/i, '')}.stats.json`);
  if (statsFile !== undefined) await writeText(statsFile, `${JSON.stringify(outcome.stats, null, 2)}\n`);
  const note = outcome.resumed !== null && outcome.skipped > 0 ? `(statistics of the ${outcome.records} records of this run; slant stats ${outcome.files.jsonl ?? ''} covers the whole file)\n` : '';
  // The table goes to standard output unless the results do.
  const tableStream = outcome.files.jsonl === '-' || outcome.files.csv === '-' ? io.stderr : io.stdout;
  if (!(options.quiet && tableStream === io.stderr)) tableStream.write(`${note}${renderStats(outcome.stats)}`);
  if (values['fail-on-error'] === true && outcome.errors > 0) {
    io.stderr.write(`slant batch: ${outcome.errors} of ${outcome.records} records failed (--fail-on-error)\n`);
    return 1;
  }
  return 0;
}

/** `slant stats`. */
export async function statsCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    'group-by': { type: 'string' },
    format: { type: 'string' },
    json: { type: 'string' },
    baseline: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(STATS_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new CliError('usage', 'slant stats needs a reports file (JSON lines from slant batch, or - for standard input)');
  const format = values.format ?? 'table';
  if (format !== 'table' && format !== 'json' && format !== 'csv') throw new CliError('usage', `--format must be table, json or csv, got "${format}"`);
  const baseline = values.baseline === undefined ? undefined : readBaseline(values.baseline);
  const groupBy = checkedGroupBy(values['group-by'] ?? OUTLET_GROUP);
  const collector = createStatsCollector(groupBy);
  const invalid = await withInputErrors(() => collect(positionals, io, (record) => collector.add(figuresOf(record.summary), groupOf(record, groupBy)), (code) => collector.addError(code)));
  const stats: BatchStats = collector.summarize(baseline);
  if (values.json === '-' || format === 'json') {
    io.stdout.write(`${JSON.stringify(stats, null, 2)}\n`);
    return 0;
  }
  if (values.json !== undefined) await writeText(values.json, `${JSON.stringify(stats, null, 2)}\n`);
  if (format === 'csv') {
    io.stdout.write(statsCsv(stats));
    return 0;
  }
  io.stdout.write(`${invalid > 0 ? `(${invalid} lines were neither reports nor error lines and were left out)\n` : ''}${renderStats(stats)}`);
  return 0;
}

/** `slant calibrate`. */
export async function calibrateCommand(args: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parse(args, {
    out: { type: 'string', short: 'o' },
    name: { type: 'string' },
    description: { type: 'string' },
    license: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) {
    io.stdout.write(CALIBRATE_USAGE);
    return 0;
  }
  if (positionals.length === 0) throw new CliError('usage', 'slant calibrate needs a reports file (JSON lines from slant batch)');
  if (values.out === undefined) throw new CliError('usage', 'slant calibrate needs --out BASELINE.json');
  // A name the schema takes: lower case, from the file's name unless given.
  const name = (values.name ?? basename(values.out).replace(/\.json$/i, '')).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+/, '') || 'baseline';
  const collector = createStatsCollector(OUTLET_GROUP);
  const versions = { analyzer: new Set<string>(), schema: new Set<string>(), lexicons: new Set<string>() };
  await withInputErrors(() =>
    collect(positionals, io, (record) => {
      collector.add(figuresOf(record.summary), null);
      const analyzer = (record.analyzer as { version?: unknown } | undefined)?.version;
      if (typeof analyzer === 'string') versions.analyzer.add(analyzer);
      if (typeof record.schemaVersion === 'string') versions.schema.add(record.schemaVersion);
      // Schema 1.x listed lexicons as [{name, version}], 2.0 as an object name -> version: both read alike.
      if (versions.lexicons.size === 0 && Array.isArray(record.lexicons)) for (const lexicon of record.lexicons as { name: string; version: string }[]) versions.lexicons.add(`${lexicon.name}@${lexicon.version}`);
      else if (versions.lexicons.size === 0 && typeof record.lexicons === 'object' && record.lexicons !== null) for (const [lexicon, version] of Object.entries(record.lexicons)) versions.lexicons.add(`${lexicon}@${String(version)}`);
    }),
  );
  const count = collector.records;
  if (count === 0) throw new CliError('io', `no reports in ${positionals.join(', ')}: nothing to calibrate on`);
  if (versions.analyzer.size > 1) throw new CliError('io', `the reports come from several analyzer versions (${[...versions.analyzer].join(', ')}); a baseline must come from one`);
  const baseline = baselineFrom(collector.values(), {
    name,
    version: [...versions.analyzer][0] ?? ANALYZER_VERSION,
    description: values.description ?? `Distributions of slant's summary figures over ${count} articles.`,
    createdFrom: positionals.map((file) => basename(file)).join(', '),
    license: values.license ?? 'as the reports it was computed from; only distribution figures are stored, no text',
    count,
    analyzerVersion: [...versions.analyzer][0] ?? ANALYZER_VERSION,
    schemaVersion: [...versions.schema][0] ?? SCHEMA_VERSION,
    lexicons: [...versions.lexicons].sort(),
    howToRebuild: `slant calibrate ${positionals.join(' ')} --out ${values.out}`,
  });
  await writeText(values.out, formatBaseline(baseline));
  const metrics = SUMMARY_METRICS.filter((metric) => baseline.metrics[metric.name] !== undefined).map((metric) => metric.name);
  io.stdout.write(`wrote ${values.out}: ${baseline.provenance.name}@${baseline.provenance.version}, ${count} articles, ${metrics.length} metrics (${metrics.join(', ')})\n`);
  return 0;
}

function parse<O extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...args], allowPositionals: true, strict: true, options });
  } catch (error) {
    throw new CliError('usage', `${(error as Error).message} (see --help)`);
  }
}

/** `2MB`, `500KB`, `1.5MiB` or a number of bytes. */
export function parseSize(text: string, flag = '--max-bytes'): number {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|kib|k|mb|mib|m|gb|gib|g)?\s*$/i.exec(text);
  if (match === null) throw new CliError('usage', `${flag} must be a size such as 2MB, 500KB or 1048576, got "${text}"`);
  const unit = (match[2] ?? 'b').toLowerCase();
  const factor = unit.startsWith('k') ? 1024 : unit.startsWith('m') ? 1024 ** 2 : unit.startsWith('g') ? 1024 ** 3 : 1;
  const bytes = Math.round(Number(match[1]) * factor);
  if (bytes < 1) throw new CliError('usage', `${flag} must be at least 1 byte, got "${text}"`);
  return bytes;
}

function parsePositive(flag: string, text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) throw new CliError('usage', `${flag} must be a positive number of seconds, got "${text}"`);
  return value;
}

function readBaseline(file: string): Baseline {
  try {
    return loadBaseline(file);
  } catch (error) {
    if (error instanceof BaselineError) throw new CliError('io', error.message);
    throw error;
  }
}

/** Reads report files, handing on reports and error codes; returns the lines that were neither (and warns once). */
async function collect(files: readonly string[], io: CliIo, onReport: (record: Record<string, unknown> & { summary: Summary }) => void, onError: (code: string) => void = () => {}): Promise<number> {
  let invalid = 0;
  for (const file of files) {
    for await (const line of readReportLines(file, io.stdin)) {
      if (line.kind === 'report') onReport(line.record);
      else if (line.kind === 'error') onError(line.code);
      else if (invalid++ === 0) io.stderr.write(`slant: ${file}:${line.line}: ${line.reason}; left out\n`);
    }
  }
  return invalid;
}

async function withInputErrors<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof BatchInputError) throw new CliError('io', error.message);
    if (error instanceof BaselineError) throw new CliError('io', error.message);
    if (error instanceof Error && QUEUE_ERRORS.has(error.name)) throw new CliError('io', error.message);
    throw error;
  }
}

/** Errors of src/edges/queue the user can act on (an address, Redis unreachable, a worker of another version). */
const QUEUE_ERRORS = new Set(['QueueAddressError', 'QueueUnavailableError', 'QueueRefusedError']);

async function writeText(file: string, text: string): Promise<void> {
  try {
    await writeFile(file, text);
  } catch (error) {
    throw new CliError('io', `cannot write ${file}: ${(error as Error).message}`);
  }
}

function checkedGroupBy(groupBy: string): string {
  const problem = groupByProblem(groupBy);
  if (problem !== null) throw new CliError('usage', problem);
  return groupBy;
}
