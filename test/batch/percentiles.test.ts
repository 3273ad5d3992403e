import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { create, meanDependencies, stdDependencies, type FactoryFunctionMap } from 'mathjs';
import { describe, expect, it } from 'vitest';
import { baselineFrom } from '../../src/edges/batch/calibrate.ts';
import { describe as describeValues } from '../../src/edges/batch/corpus-stats.ts';
import { analyze, reportSchema } from '../../src/index.ts';
import { BaselineError, loadBaseline, percentileOf, percentilesFor, type Baseline } from '../../src/core/report/percentiles.ts';
import { lexicons } from '../helpers.ts';

const math = create({ meanDependencies, stdDependencies } as FactoryFunctionMap);

const provenance: Baseline['provenance'] = {
  name: 'test',
  version: '1',
  description: 'test',
  createdFrom: 'test',
  license: 'test',
  count: 0,
  analyzerVersion: '0.1.0',
  schemaVersion: '1.3.0',
  lexicons: [],
  howToRebuild: 'test',
};

/** A baseline whose `words` are the given values. */
function baselineOf(values: number[]): Baseline {
  return baselineFrom(new Map([['words', values]]), { ...provenance, count: values.length });
}

describe('percentileOf', () => {
  // Words 1..101: the k-th value is the (k-1)-th percentile.
  const uniform = baselineOf(Array.from({ length: 101 }, (_, index) => index + 1));
  // Mostly zeros, as attribution counts often are.
  const zeros = baselineOf([...new Array<number>(60).fill(0), ...Array.from({ length: 40 }, (_, index) => index + 1)]);

  it.each([
    ['the smallest value', uniform, 1, 0],
    ['the median', uniform, 51, 50],
    ['between grid points', uniform, 26.5, 26],
    ['the largest value', uniform, 101, 100],
    ['below every value', uniform, -5, 0],
    ['above every value', uniform, 1e6, 100],
    ['a value shared by 60% of articles: the middle of their range', zeros, 0, 30],
    ['just above the shared value', zeros, 1, 61],
  ])('%s', (_, baseline, value, expected) => {
    expect(percentileOf(baseline, 'words', value)).toBe(expected);
  });

  it('summary.percentiles reads each baseline it is given, whichever was read before', () => {
    // What percentilesFor reads of a baseline is kept per baseline object: one must not answer for another.
    const summary = analyze({ text: 'The council met on Monday. It approved the budget, officials said.' }, { lexicons }).summary;
    const words = summary.words;
    const low = baselineOf([words - 2, words - 1, words - 1, words]);
    const high = baselineOf([words, words + 1, words + 2, words + 3]);
    const named = baselineFrom(new Map([['words', [words]]]), { ...provenance, name: 'other', count: 1 });
    const first = [low, high, named].map((baseline) => percentilesFor(summary, baseline));
    const again = [named, high, low].map((baseline) => percentilesFor(summary, baseline)).reverse();
    expect(first.map((p) => [p.baseline, p.words])).toEqual([['test@1', 100], ['test@1', 0], ['other@1', 50]]);
    expect(again).toEqual(first);
  });

  it('is null for a missing value or a metric the baseline lacks', () => {
    expect(percentileOf(uniform, 'words', null)).toBeNull();
    expect(percentileOf(uniform, 'words', Number.NaN)).toBeNull();
    expect(percentileOf(uniform, 'balance', 0.5)).toBeNull();
  });

  it('never decreases as the value grows, and stays within 0..100', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.double({ min: -2e3, max: 2e3, noNaN: true }), fc.double({ min: 0, max: 100, noNaN: true }), (values, value, step) => {
        const baseline = baselineOf(values);
        const here = percentileOf(baseline, 'words', value) as number;
        const further = percentileOf(baseline, 'words', value + step) as number;
        expect(Number.isInteger(here) && here >= 0 && here <= 100).toBe(true);
        expect(further).toBeGreaterThanOrEqual(here);
      }),
    );
  });
});

describe('the bundled BASIL baseline', () => {
  const baseline = loadBaseline();

  it('loads from the project itself, with provenance and no text', () => {
    expect(baseline.provenance).toMatchObject({ name: 'basil', count: 300 });
    expect(baseline.provenance.description).toContain('Fan et al.');
    expect(baseline.provenance.createdFrom).toContain('launchnlp/BASIL');
    const file = readFileSync(new URL('../../lexicons/baseline/basil.json', import.meta.url), 'utf8');
    expect(Object.keys(JSON.parse(file))).toEqual(['provenance', 'metrics']);
  });

  it('places a loaded opinion column higher than a neutral wire report, as summary.percentiles', () => {
    const column = readFileSync(new URL('../../corpus/opinion-column-transit.txt', import.meta.url), 'utf8');
    const wire = readFileSync(new URL('../../corpus/wire-neutral-council-budget.txt', import.meta.url), 'utf8');
    const [opinion, neutral] = [column, wire].map((text) => percentilesFor(analyze({ text }, { lexicons }).summary, baseline));
    expect(opinion?.baseline).toBe(`basil@${baseline.provenance.version}`);
    expect(opinion?.subjectivity as number).toBeGreaterThan(neutral?.subjectivity as number);
    for (const value of Object.values(opinion ?? {})) if (typeof value === 'number') expect(Number.isInteger(value) && value >= 0 && value <= 100).toBe(true);
    // The schema takes them.
    const report = analyze({ text: column }, { lexicons });
    report.summary.percentiles = opinion as NonNullable<typeof opinion>;
    expect(() => reportSchema.parse(report)).not.toThrow();
  });

  it('a broken baseline names its file and the field', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slant-baseline-'));
    const file = join(dir, 'broken.json');
    const grid = Array.from({ length: 101 }, (_, index) => index);
    grid[50] = -1;
    writeFileSync(file, JSON.stringify({ provenance: { ...provenance, name: 'broken' }, metrics: { words: { count: 3, mean: 1, std: 1, quantiles: grid } } }));
    expect(() => loadBaseline(file)).toThrow(BaselineError);
    expect(() => loadBaseline(file)).toThrow(/broken\.json: "metrics\.words\.quantiles": quantiles must not decrease/);
  });
});

describe('statistics of one metric', () => {
  it('count, mean, sample standard deviation, quantiles and ten bins over 0..1 for a bounded metric', () => {
    const stats = describeValues(Float64Array.from([0.05, 0.15, 0.15, 0.35, 0.95]), 5, true);
    expect(stats).toMatchObject({ count: 5, sampled: 5, min: 0.05, max: 0.95 });
    expect(stats.mean).toBeCloseTo(0.33, 10);
    expect(stats.std).toBeCloseTo(0.3633, 4);
    expect(stats.quantiles?.p50).toBeCloseTo(0.15, 10);
    expect(stats.histogram).toEqual({ from: 0, to: 1, counts: [1, 2, 0, 1, 0, 0, 0, 0, 0, 1] });
  });

  it('bins over the data range for an unbounded metric, and has nothing to say without values', () => {
    expect(describeValues(Float64Array.from([100, 200, 300]), 3, false).histogram).toEqual({ from: 100, to: 300, counts: [1, 0, 0, 0, 0, 1, 0, 0, 0, 1] });
    expect(describeValues(new Float64Array(0), 0, true)).toMatchObject({ count: 0, mean: null, histogram: null });
  });

  it('mean and standard deviation equal mathjs mean and std to the bit (the batch summary computed them with mathjs)', () => {
    const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.constantFrom(0, -0, 0.1, 0.3, 1));
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 300 }), (values) => {
        const sorted = [...values].sort((a, b) => a - b);
        const stats = describeValues(Float64Array.from(values), values.length, false);
        expect(stats.mean).toBe(math.mean(sorted) as number);
        expect(stats.std).toBe(sorted.length > 1 ? (math.std(sorted) as unknown as number) : 0);
      }),
      { numRuns: 300 },
    );
  });
});
