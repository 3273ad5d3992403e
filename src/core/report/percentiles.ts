/**
 * Where an article stands against a reference corpus: the summary figures compared across articles, a
 * baseline (their distribution over a corpus, as a quantile grid, with provenance) and the percentile of a
 * value within it. Pure, apart from reading a baseline file once per path.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { lazySchema } from '../data/lazy-schema.ts';
import { bundledFolder, loadOnce, readDataFile } from '../data/index.ts';
import type { Summary, percentilesSchema } from './schema.ts';
import { describeIssues } from './describe-issues.ts';

export type SummaryMetric = {
  /** key in statistics and in `summary.percentiles` */
  name: string;
  /** for tables */
  label: string;
  /** where the figure sits in a report */
  path: string;
  /** always within 0..1 (histograms then use ten bins over 0..1) */
  bounded: boolean;
  /** whether a percentile against a baseline means something for one article */
  percentile: boolean;
  /** the figure, or null when the article has none (no balance without two sides, no score for an unrated outlet) */
  read: (summary: Summary) => number | null;
};

/** The summary figures compared across articles, in the order tables list them. */
export const SUMMARY_METRICS: readonly SummaryMetric[] = [
  { name: 'sentiment', label: 'sentiment (comparative)', path: 'summary.sentiment.comparative', bounded: false, percentile: true, read: (s) => s.sentiment.comparative },
  { name: 'subjectivity', label: 'subjectivity', path: 'summary.subjectivity.score', bounded: true, percentile: true, read: (s) => s.subjectivity.score },
  { name: 'loadedLanguage', label: 'loaded language', path: 'summary.loadedLanguage.score', bounded: true, percentile: true, read: (s) => s.loadedLanguage.score },
  { name: 'loadedDensity', label: 'loaded per 100 words', path: 'summary.loadedLanguage.density', bounded: false, percentile: true, read: (s) => s.loadedLanguage.density },
  { name: 'quotedLoadedLanguage', label: 'loaded, quoted', path: 'summary.loadedLanguage.quoted.score', bounded: true, percentile: true, read: (s) => s.loadedLanguage.quoted.score },
  { name: 'balance', label: 'attribution balance', path: 'summary.attribution.balance', bounded: true, percentile: true, read: (s) => s.attribution.balance },
  { name: 'countBalance', label: 'count balance', path: 'summary.attribution.countBalance', bounded: true, percentile: true, read: (s) => s.attribution.countBalance },
  { name: 'attributions', label: 'attributions', path: 'summary.attribution.attributions', bounded: false, percentile: true, read: (s) => s.attribution.attributions },
  { name: 'anonymousRate', label: 'anonymous rate', path: 'summary.attribution.anonymousRate', bounded: true, percentile: true, read: (s) => s.attribution.anonymousRate },
  { name: 'words', label: 'words', path: 'summary.words', bounded: false, percentile: true, read: (s) => s.words },
  // The outlet's rating is a property of the outlet, not of the article's language: no percentile.
  { name: 'outletScore', label: 'outlet score', path: 'summary.source.card.reliability.score', bounded: true, percentile: false, read: (s) => s.source?.card.reliability.score ?? null },
];

/** Steps of the quantile grid a baseline stores: the 0th, 1st, ..., 100th percentile. */
export const QUANTILE_STEPS = 100;

const grid = lazySchema(() => z
  .array(z.number().finite())
  .length(QUANTILE_STEPS + 1)
  .refine((values) => values.every((value, index) => index === 0 || (values[index - 1] as number) <= value), 'quantiles must not decrease'));

export const baselineMetricSchema = lazySchema(() => z.object({
  /** articles with a value for this metric */
  count: z.number().int().nonnegative(),
  mean: z.number().finite(),
  std: z.number().finite().nonnegative(),
  /** the 0th..100th percentiles (linear interpolation, as mathjs quantileSeq) */
  quantiles: grid,
}));
export type BaselineMetric = z.infer<typeof baselineMetricSchema>;

export const baselineSchema = lazySchema(() => z.object({
  provenance: z.object({
    /** short name, used with the version as `name@version` in reports */
    name: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'a lower-case name of letters, digits, ".", "_" or "-"'),
    version: z.string().min(1),
    description: z.string(),
    /** the corpus or reports file the distributions were computed from */
    createdFrom: z.string(),
    license: z.string(),
    /** articles analysed */
    count: z.number().int().nonnegative(),
    analyzerVersion: z.string(),
    schemaVersion: z.string(),
    /** `name@version` of every lexicon used */
    lexicons: z.array(z.string()),
    howToRebuild: z.string(),
  }),
  metrics: z.record(z.string(), baselineMetricSchema.optional()),
}));
export type Baseline = z.infer<typeof baselineSchema>;

/** The bundled BASIL baseline's folder (found from `src/` and from the bundle). */
const defaultBaselineDir = bundledFolder(['lexicons', 'baseline'], ['basil.json']);

// The bundled file's path, joined once: analyze() asks for the default baseline on every call.
let defaultBaselineFile: string | undefined;

/** Reads and validates a baseline file (the bundled `lexicons/baseline/basil.json` by default), once per path. */
export function loadBaseline(file?: string): Baseline {
  return loadOnce('baseline', file ?? (defaultBaselineFile ??= join(defaultBaselineDir(), 'basil.json')), parseBaseline);
}

function parseBaseline(path: string): Baseline {
  const text = readDataFile(path, path, (reason) => new BaselineError(path, `cannot read the baseline: ${reason}`));
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BaselineError(path, `not JSON: ${(error as Error).message}`);
  }
  const parsed = baselineSchema.safeParse(json);
  if (!parsed.success) {
    throw new BaselineError(path, describeIssues(parsed.error.issues));
  }
  return parsed.data;
}

/** A baseline file that cannot be read or does not match the schema; the message names the file and field. */
export class BaselineError extends Error {
  readonly file: string;
  constructor(file: string, message: string) {
    super(`${file}: ${message}`);
    this.name = 'BaselineError';
    this.file = file;
  }
}

/** `name@version` of a baseline, as reports cite it. */
export function baselineLabel(baseline: Baseline): string {
  return `${baseline.provenance.name}@${baseline.provenance.version}`;
}

/**
 * The percentile (integer 0..100) of `value` among the baseline's articles for `metric`: 50 is the median
 * article; ties take the middle of their range. Null when the value or the metric's distribution is missing.
 */
export function percentileOf(baseline: Baseline, metric: string, value: number | null | undefined): number | null {
  const distribution = baseline.metrics[metric];
  if (value === null || value === undefined || !Number.isFinite(value) || distribution === undefined || distribution.count === 0) return null;
  return percentileIn(distribution.quantiles, value);
}

// percentileOf for a finite value and a grid of a distribution with articles.
function percentileIn(q: readonly number[], value: number): number {
  const last = q.length - 1;
  if (value < (q[0] as number)) return 0;
  if (value > (q[last] as number)) return 100;
  const lo = firstIndex(q, value, false);
  let position: number;
  if (q[lo] === value) {
    const hi = firstIndex(q, value, true) - 1;
    position = (lo + hi) / 2;
  } else {
    const below = q[lo - 1] as number;
    position = lo - 1 + (value - below) / ((q[lo] as number) - below);
  }
  return Math.round((position * 100) / last);
}

// The first index of the sorted grid whose value is >= `value` (> with `strict`), length when none; the bound
// as a flag rather than a predicate, which was a closure made per search (20 a report).
function firstIndex(values: readonly number[], value: number, strict: boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const at = values[mid] as number;
    if (strict ? at > value : at >= value) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

export type Percentiles = z.infer<typeof percentilesSchema>;

/** Percentiles of an article's summary figures against a baseline (metrics the baseline lacks are left out). */
export function percentilesFor(summary: Summary, baseline: Baseline): Percentiles {
  const { label, graded } = gradedBy(baseline);
  const result: Record<string, string | number | null> = { baseline: label };
  for (let k = 0; k < graded.length; k++) {
    const { metric, distribution } = graded[k] as Graded;
    const value = metric.read(summary);
    result[metric.name] = value === null || !Number.isFinite(value) || distribution.count === 0 ? null : percentileIn(distribution.quantiles, value);
  }
  return result as Percentiles;
}

// What percentilesFor reads of a baseline, the same for every report: its label and, in SUMMARY_METRICS order,
// the metrics with a percentile that it has a distribution for. Looked up afresh per report, it was ~6 us of a
// report's ~1.3 ms. Kept per baseline object: a baseline is loaded once (loadBaseline) and not changed after.
type Graded = { metric: SummaryMetric; distribution: BaselineMetric };
const gradedCache = new WeakMap<Baseline, { label: string; graded: readonly Graded[] }>();
function gradedBy(baseline: Baseline): { label: string; graded: readonly Graded[] } {
  let found = gradedCache.get(baseline);
  if (found === undefined) {
    const graded: Graded[] = [];
    for (const metric of SUMMARY_METRICS) {
      const distribution = baseline.metrics[metric.name];
      if (metric.percentile && distribution !== undefined) graded.push({ metric, distribution });
    }
    found = { label: baselineLabel(baseline), graded };
    gradedCache.set(baseline, found);
  }
  return found;
}
