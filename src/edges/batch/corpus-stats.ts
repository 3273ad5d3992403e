/**
 * Statistics over a batch's reports, overall and per group (the outlet, or any field): per metric the
 * count, mean, standard deviation, quantiles (mathjs) and a histogram. Figures are collected as flat
 * arrays; past a quarter of a million values per metric and group a seeded reservoir sample keeps memory
 * bounded (the count stays exact, the figures say how many values they come from).
 */
import { create, quantileSeqDependencies, type FactoryFunctionMap } from 'mathjs';
import { SUMMARY_METRICS, percentileOf, baselineLabel, type Baseline } from '../../core/report/percentiles.ts';
import { seededRandom } from './random.ts';
import { csvRow } from './lines.ts';

// The dependency maps are typed as optional; they are always present in mathjs' build.
const math = create({ quantileSeqDependencies } as FactoryFunctionMap);

/** Values kept per metric and group before sampling starts. */
export const SAMPLE_CAP = 250_000;
export const QUANTILES = [0.05, 0.25, 0.5, 0.75, 0.95] as const;
export const HISTOGRAM_BINS = 10;

type Column = { values: Float64Array; kept: number; seen: number; random: () => number };
type GroupFigures = { records: number; errors: number; errorCodes: Map<string, number>; columns: Column[] };

export type MetricStats = {
  /** articles with a value */
  count: number;
  /** values the figures come from: `count`, or the sample size past SAMPLE_CAP */
  sampled: number;
  mean: number | null;
  /** sample standard deviation (n - 1); 0 for a single value */
  std: number | null;
  min: number | null;
  max: number | null;
  quantiles: { p5: number; p25: number; p50: number; p75: number; p95: number } | null;
  /** equal-width bins over 0..1 for bounded metrics, over min..max otherwise */
  histogram: { from: number; to: number; counts: number[] } | null;
  /** percentile of the mean within the baseline, when one is given */
  meanPercentile?: number | null;
};

export type GroupStats = {
  /** the group's value; null for records that have none (an unknown outlet) */
  group: string | null;
  records: number;
  errors: number;
  errorCodes: Record<string, number>;
  metrics: Record<string, MetricStats>;
};

export type BatchStats = {
  groupBy: string;
  baseline?: string;
  overall: GroupStats;
  groups: GroupStats[];
};

/** Collects figures record by record; `summarize` computes the statistics. */
export function createStatsCollector(groupBy: string) {
  const overall = newGroup();
  const groups = new Map<string | null, GroupFigures>();
  const groupFor = (key: string | null): GroupFigures => {
    let group = groups.get(key);
    if (group === undefined) {
      group = newGroup();
      groups.set(key, group);
    }
    return group;
  };
  return {
    /** one report's figures (SUMMARY_METRICS order, NaN where missing) */
    add(figures: Float64Array, group: string | null): void {
      for (const target of [overall, groupFor(group)]) {
        target.records++;
        figures.forEach((value, index) => {
          if (!Number.isNaN(value)) push(target.columns[index] as Column, value);
        });
      }
    },
    /** a record that has an error line instead of a report */
    addError(code: string): void {
      overall.records++;
      overall.errors++;
      overall.errorCodes.set(code, (overall.errorCodes.get(code) ?? 0) + 1);
    },
    get records(): number {
      return overall.records;
    },
    /** every value kept for a metric over all groups (a sample past SAMPLE_CAP), by metric name */
    values(): Map<string, Float64Array> {
      return new Map(SUMMARY_METRICS.map((metric, index) => {
        const column = overall.columns[index] as Column;
        return [metric.name, column.values.subarray(0, column.kept)];
      }));
    },
    summarize(baseline?: Baseline): BatchStats {
      const ordered = [...groups.entries()].sort(([a, x], [b, y]) => y.records - x.records || (a === null ? 1 : b === null ? -1 : a < b ? -1 : a > b ? 1 : 0));
      const stats: BatchStats = {
        groupBy,
        overall: summarizeGroup(null, overall, baseline),
        groups: ordered.map(([key, group]) => summarizeGroup(key, group, baseline)),
      };
      if (baseline !== undefined) stats.baseline = baselineLabel(baseline);
      return stats;
    },
  };
}
export type StatsCollector = ReturnType<typeof createStatsCollector>;

function newGroup(): GroupFigures {
  return {
    records: 0,
    errors: 0,
    errorCodes: new Map(),
    columns: SUMMARY_METRICS.map((_, index) => ({ values: new Float64Array(64), kept: 0, seen: 0, random: seededRandom(0x51a7 + index) })),
  };
}

function push(column: Column, value: number): void {
  column.seen++;
  if (column.kept < SAMPLE_CAP) {
    if (column.kept === column.values.length) {
      const grown = new Float64Array(Math.min(SAMPLE_CAP, column.values.length * 2));
      grown.set(column.values);
      column.values = grown;
    }
    column.values[column.kept++] = value;
    return;
  }
  // Reservoir sampling (Algorithm R): every value seen has the same chance to be kept.
  const slot = Math.floor(column.random() * column.seen);
  if (slot < SAMPLE_CAP) column.values[slot] = value;
}


function summarizeGroup(key: string | null, group: GroupFigures, baseline: Baseline | undefined): GroupStats {
  const metrics: Record<string, MetricStats> = {};
  SUMMARY_METRICS.forEach((metric, index) => {
    const column = group.columns[index] as Column;
    const stats = describe(column.values.subarray(0, column.kept), column.seen, metric.bounded);
    if (baseline !== undefined && metric.percentile) stats.meanPercentile = percentileOf(baseline, metric.name, stats.mean);
    metrics[metric.name] = stats;
  });
  return { group: key, records: group.records, errors: group.errors, errorCodes: Object.fromEntries([...group.errorCodes].sort()), metrics };
}

/** Count, mean, standard deviation, quantiles and histogram of `values` (`count` values seen in all). */
export function describe(values: Float64Array, count: number, bounded: boolean): MetricStats {
  if (values.length === 0) return { count, sampled: 0, mean: null, std: null, min: null, max: null, quantiles: null, histogram: null };
  // A typed array sorts numbers without a comparator call per pair (it orders -0 before 0, which no figure shows).
  const sorted = Array.from(Float64Array.from(values).sort());
  const mean = meanOf(sorted);
  const std = sorted.length > 1 ? Math.sqrt(sumOfSquaredDeviations(sorted, mean) / (sorted.length - 1)) : 0;
  const [p5, p25, p50, p75, p95] = quantilesOf(sorted, QUANTILES);
  const min = sorted[0] as number;
  const max = sorted[sorted.length - 1] as number;
  const from = bounded ? 0 : min;
  const to = bounded ? 1 : max;
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  const width = (to - from) / HISTOGRAM_BINS;
  for (const value of sorted) {
    const bin = width > 0 ? Math.min(HISTOGRAM_BINS - 1, Math.max(0, Math.floor((value - from) / width))) : 0;
    counts[bin] = (counts[bin] as number) + 1;
  }
  return {
    count,
    sampled: sorted.length,
    mean,
    std,
    min,
    max,
    quantiles: { p5: p5 as number, p25: p25 as number, p50: p50 as number, p75: p75 as number, p95: p95 as number },
    histogram: { from, to, counts },
  };
}

/** The mean as mathjs' `mean` computes it (the sum in order, then one division), without a typed call per value. */
function meanOf(values: readonly number[]): number {
  let sum = values[0] as number;
  for (let index = 1; index < values.length; index++) sum += values[index] as number;
  return sum / values.length;
}

/** The sum of squared deviations from `mean`, in order, as mathjs' `variance` adds them (its `std` divides by n - 1 and takes the root). */
function sumOfSquaredDeviations(values: readonly number[], mean: number): number {
  let sum = 0;
  for (let index = 0; index < values.length; index++) {
    const diff = (values[index] as number) - mean;
    sum += diff * diff;
  }
  return sum;
}

/**
 * Quantiles of sorted values at ascending probabilities, by mathjs quantileSeq (linear interpolation). Two
 * repairs: mathjs treats an index within its epsilon of a whole number as whole and then reads
 * `sorted[7.000000000000001]`, which is undefined (0.07 of 101 values), so such an index is read at the
 * whole number it stands for; and interpolating between equal values can come out an ulp lower than the
 * quantile before, so the result is kept from decreasing.
 */
export function quantilesOf(sorted: readonly number[], probabilities: readonly number[]): number[] {
  const values = math.quantileSeq([...sorted], [...probabilities], true) as unknown as (number | undefined)[];
  let floor = Number.NEGATIVE_INFINITY;
  return values.map((value, index) => {
    floor = Math.max(floor, value ?? (sorted[Math.round((probabilities[index] as number) * (sorted.length - 1))] as number));
    return floor;
  });
}

const BLOCKS = ' ▁▂▃▄▅▆▇█';

/** The statistics as tables: every metric overall, then the groups' means side by side (the largest groups first). */
export function renderStats(stats: BatchStats, options: { maxGroups?: number } = {}): string {
  const out: string[] = [];
  const { overall } = stats;
  const reports = overall.records - overall.errors;
  const codes = Object.entries(overall.errorCodes).map(([code, count]) => `${count} ${code}`).join(', ');
  out.push(`${plural(overall.records, 'record')}: ${plural(reports, 'report')}, ${plural(overall.errors, 'error')}${codes === '' ? '' : ` (${codes})`}${stats.baseline === undefined ? '' : `; percentiles of the mean against ${stats.baseline}`}`);
  out.push('');
  const withPercentile = stats.baseline !== undefined;
  const head = ['metric'.padEnd(24), 'count'.padStart(7), 'mean'.padStart(9), 'std'.padStart(9), 'p5'.padStart(9), 'p25'.padStart(9), 'p50'.padStart(9), 'p75'.padStart(9), 'p95'.padStart(9)];
  if (withPercentile) head.push('pct'.padStart(4));
  head.push('  histogram');
  out.push(head.join(' '));
  for (const metric of SUMMARY_METRICS) {
    const m = overall.metrics[metric.name] as MetricStats;
    const q = m.quantiles;
    const row = [
      metric.label.padEnd(24),
      String(m.count).padStart(7),
      formatNumber(m.mean).padStart(9),
      formatNumber(m.std).padStart(9),
      formatNumber(q?.p5).padStart(9),
      formatNumber(q?.p25).padStart(9),
      formatNumber(q?.p50).padStart(9),
      formatNumber(q?.p75).padStart(9),
      formatNumber(q?.p95).padStart(9),
    ];
    if (withPercentile) row.push((m.meanPercentile === undefined || m.meanPercentile === null ? '' : String(m.meanPercentile)).padStart(4));
    row.push(`  ${sparkline(m.histogram)}${m.histogram === null ? '' : ` ${formatNumber(m.histogram.from)}..${formatNumber(m.histogram.to)}`}`);
    out.push(row.join(' ').trimEnd());
  }
  const named = stats.groups;
  if (named.length > 0 && !(named.length === 1 && named[0]?.group === null)) {
    const limit = options.maxGroups ?? 20;
    out.push('');
    out.push(`means by ${stats.groupBy}${named.length > limit ? ` (the ${limit} largest of ${named.length} groups; all in the JSON)` : ''}:`);
    const columns = SUMMARY_METRICS.map((metric) => shortLabel(metric.name));
    out.push([stats.groupBy.padEnd(28), 'records'.padStart(7), ...columns.map((c) => c.padStart(9))].join(' '));
    for (const group of named.slice(0, limit)) {
      const name = group.group ?? (stats.groupBy === 'outlet' ? '(outlet unknown)' : '(none)');
      const cells = SUMMARY_METRICS.map((metric) => formatNumber(group.metrics[metric.name]?.mean).padStart(9));
      out.push([(name.length > 28 ? `${name.slice(0, 27)}…` : name).padEnd(28), String(group.records).padStart(7), ...cells].join(' '));
    }
  }
  return `${out.join('\n')}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function shortLabel(name: string): string {
  const labels: Record<string, string> = {
    sentiment: 'sentiment',
    subjectivity: 'subject.',
    loadedLanguage: 'loaded',
    loadedDensity: 'load/100w',
    quotedLoadedLanguage: 'ld.quoted',
    balance: 'balance',
    countBalance: 'cnt.bal.',
    attributions: 'attrib.',
    anonymousRate: 'anon.',
    words: 'words',
    outletScore: 'outlet',
  };
  return labels[name] ?? name.slice(0, 9);
}

function sparkline(histogram: MetricStats['histogram']): string {
  if (histogram === null) return '';
  const top = Math.max(...histogram.counts);
  return histogram.counts.map((count) => (count === 0 ? BLOCKS[0] : BLOCKS[Math.max(1, Math.round((count / top) * (BLOCKS.length - 1)))])).join('');
}

/** Three decimals below 10, one below 1000, none above; empty for a missing value. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '';
  const size = Math.abs(value);
  if (size >= 1000) return value.toFixed(0);
  if (size >= 10) return value.toFixed(1);
  return value.toFixed(3);
}

const CSV_COLUMNS = ['count', 'mean', 'std', 'min', 'max', 'p5', 'p25', 'p50', 'p75', 'p95'] as const;

/**
 * The statistics as CSV, one row per group and figure (`overall` first, then each group), for spreadsheets:
 * group, records, errors, metric, then the columns above (and the mean's percentile with a baseline).
 */
export function statsCsv(stats: BatchStats): string {
  const withPercentile = stats.baseline !== undefined;
  const header = csvRow([stats.groupBy === 'outlet' ? 'outlet' : stats.groupBy, 'records', 'errors', 'metric', ...CSV_COLUMNS, ...(withPercentile ? ['meanPercentile'] : [])]);
  const rows = [{ name: '(all)', group: stats.overall }, ...stats.groups.map((group) => ({ name: group.group ?? '(none)', group }))].flatMap(({ name, group }) =>
    Object.entries(group.metrics).map(([metric, figures]) => {
      const { quantiles } = figures;
      const cells = [figures.count, figures.mean, figures.std, figures.min, figures.max, quantiles?.p5, quantiles?.p25, quantiles?.p50, quantiles?.p75, quantiles?.p95];
      return csvRow([name, group.records, group.errors, metric, ...cells, ...(withPercentile ? [figures.meanPercentile] : [])]);
    }),
  );
  return header + rows.join('');
}
