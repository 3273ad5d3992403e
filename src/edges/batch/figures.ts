/**
 * The few numbers a batch keeps per article (for statistics and calibration) and the group it falls in,
 * read from a report's summary. Flat data: one Float64Array per article in SUMMARY_METRICS order, NaN where
 * the article has no value.
 */
import { SUMMARY_METRICS } from '../../core/report/percentiles.ts';
import type { Summary } from '../../core/report/schema.ts';

/** The article's figures in SUMMARY_METRICS order; NaN where a metric has no value. */
export function figuresOf(summary: Summary): Float64Array {
  const figures = new Float64Array(SUMMARY_METRICS.length);
  SUMMARY_METRICS.forEach((metric, index) => {
    const value = metric.read(summary);
    figures[index] = value === null || !Number.isFinite(value) ? Number.NaN : value;
  });
  return figures;
}

/** `outlet` groups by the publishing outlet's name (summary.source); anything else is a dotted path into the output line. */
export const OUTLET_GROUP = 'outlet';

/** The group of an output line (a report with `id` and maybe `group`): a string, or null when it has none. */
export function groupOf(line: Record<string, unknown>, groupBy: string): string | null {
  if (groupBy === OUTLET_GROUP) {
    const summary = line.summary as Summary | undefined;
    return summary?.source?.card.name ?? summary?.source?.card.domain ?? null;
  }
  let value: unknown = line;
  for (const key of groupBy.split('.')) {
    if (value === null || typeof value !== 'object') return null;
    value = (value as Record<string, unknown>)[key];
  }
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return null;
}
