import { describe, expect, it } from 'vitest';
import { segmentArticle } from '../../src/index.ts';
import { METRICS, runMetrics } from '../../src/core/metrics/index.ts';
import { lexicons } from '../helpers.ts';

describe('METRICS, the order the metrics run in', () => {
  it('runs each step after the results it reads', () => {
    const done = new Set<string>();
    const early: string[] = [];
    for (const metric of METRICS) {
      for (const need of metric.needs) if (!done.has(need)) early.push(`${metric.name} reads ${need} before it runs`);
      done.add(metric.name);
    }
    expect(early).toEqual([]);
  });

  it('fills every result once, the outlet and its cited sources last', () => {
    const names = METRICS.map((metric) => metric.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.at(-1)).toBe('sources');
    const results = runMetrics(segmentArticle('"We want peace," Peskov told Reuters.', lexicons.abbreviations), lexicons);
    expect(Object.keys(results).sort()).toEqual([...names].sort());
    for (const name of names) expect(results[name], name).toBeDefined();
  });
});
