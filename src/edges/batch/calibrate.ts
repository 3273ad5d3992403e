/**
 * Reading report files back (for `slant stats` and `slant calibrate`) and turning a corpus's figures into a
 * baseline: per metric a 101-point quantile grid, mean and standard deviation, with provenance.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { create, meanDependencies, stdDependencies, type FactoryFunctionMap } from 'mathjs';
import { QUANTILE_STEPS, SUMMARY_METRICS, baselineSchema, type Baseline, type BaselineMetric } from '../../core/report/percentiles.ts';
import type { Summary } from '../../core/report/schema.ts';
import { BatchInputError } from './input.ts';
import { quantilesOf } from './corpus-stats.ts';

// The dependency maps are typed as optional; they are always present in mathjs' build.
const math = create({ meanDependencies, stdDependencies } as FactoryFunctionMap);

/** A line of a report file: a report (with `summary`), an error line, or something else (`invalid`). */
export type ReportLine =
  | { kind: 'report'; line: number; record: Record<string, unknown> & { summary: Summary } }
  | { kind: 'error'; line: number; code: string }
  | { kind: 'invalid'; line: number; reason: string };

/** The lines of a JSON lines file of reports (`-`: standard input), one at a time. */
export async function* readReportLines(file: string, stdin: Readable): AsyncGenerator<ReportLine> {
  const input = file === '-' ? stdin : createReadStream(file);
  if (file !== '-') {
    await new Promise<void>((resolve, reject) => {
      input.once('open', () => resolve());
      input.once('error', (error: NodeJS.ErrnoException) => reject(new BatchInputError(`cannot read ${file}: ${error.code === 'ENOENT' ? 'no such file' : error.message}`)));
    });
  }
  let line = 0;
  for await (const text of createInterface({ input, crlfDelay: Infinity })) {
    line++;
    if (text.trim() === '') continue;
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      yield { kind: 'invalid', line, reason: 'not JSON (a partial last line of an interrupted run?)' };
      continue;
    }
    if (record === null || typeof record !== 'object') yield { kind: 'invalid', line, reason: 'not a JSON object' };
    else if ('error' in record) yield { kind: 'error', line, code: String((record.error as { code?: unknown } | null)?.code ?? 'error') };
    else if ('summary' in record && typeof record.summary === 'object' && record.summary !== null) yield { kind: 'report', line, record: record as Record<string, unknown> & { summary: Summary } };
    else yield { kind: 'invalid', line, reason: 'neither a report (no "summary") nor an error line' };
  }
}

/** The distributions of `values` (per metric name) as a baseline with the given provenance; numbers kept to 6 significant digits. */
export function baselineFrom(values: ReadonlyMap<string, ArrayLike<number>>, provenance: Baseline['provenance']): Baseline {
  const metrics: Record<string, BaselineMetric> = {};
  const probabilities = Array.from({ length: QUANTILE_STEPS + 1 }, (_, index) => index / QUANTILE_STEPS);
  // Only figures of the article's own language: an outlet's rating has no percentile.
  for (const metric of SUMMARY_METRICS.filter((candidate) => candidate.percentile)) {
    const list = values.get(metric.name);
    if (list === undefined || list.length === 0) continue;
    const sorted = Array.from(list).sort((a, b) => a - b);
    const quantiles = quantilesOf(sorted, probabilities).map(round);
    metrics[metric.name] = {
      count: sorted.length,
      mean: round(math.mean(sorted) as number),
      std: sorted.length > 1 ? round(math.std(sorted) as unknown as number) : 0,
      quantiles,
    };
  }
  return baselineSchema.parse({ provenance, metrics });
}

// Rounding is monotone, so the rounded grid still never decreases.
function round(value: number): number {
  return Number(value.toPrecision(6));
}

/** The baseline as a JSON file: provenance first, each quantile grid on one line. */
export function formatBaseline(baseline: Baseline): string {
  return `${JSON.stringify(baseline, null, 2).replace(/\[\n\s+(-?[\d.e+-]+(?:,\n\s+-?[\d.e+-]+)*)\n\s+\]/g, (_, list: string) => `[${list.split(/,\s+/).join(', ')}]`)}\n`;
}
