/**
 * The few numbers a batch keeps per article (for statistics and calibration) and the group it falls in,
 * read from a report's summary. Flat data: one Float64Array per article in SUMMARY_METRICS order, NaN where
 * the article has no value.
 */
import { SUMMARY_METRICS } from '../../core/report/percentiles.ts';
import { reportSchema, type Summary } from '../../core/report/schema.ts';
import type { z } from 'zod';

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

// The fields an output line has besides the report's own: `group` (from --group-column) and the id.
const LINE_FIELDS = new Set(['group', 'id']);

/**
 * Why `groupBy` cannot name a field of an output line, or null: `outlet`, `group`, `id` or a dotted path that
 * the report schema has (`summary.source.card.name`, `document.siteName`). A typo would otherwise put every
 * article in one group without a word.
 */
export function groupByProblem(groupBy: string): string | null {
  if (groupBy === OUTLET_GROUP || LINE_FIELDS.has(groupBy)) return null;
  let schema: SchemaNode | undefined = reportSchema as unknown as SchemaNode;
  const keys = groupBy.split('.');
  for (const [index, key] of keys.entries()) {
    schema = childOf(schema, key);
    if (schema === undefined) {
      const at = keys.slice(0, index + 1).join('.');
      return `--group-by ${JSON.stringify(groupBy)}: a report has no field ${JSON.stringify(at)} (use outlet, group, or a dotted path such as summary.source.card.name or document.siteName)`;
    }
  }
  return null;
}

type SchemaNode = z.ZodType & { def: { type: string; innerType?: SchemaNode; options?: SchemaNode[] }; shape?: Record<string, SchemaNode> };

// A field of an object schema, looking through optional, nullable and union wrappers.
function childOf(schema: SchemaNode, key: string): SchemaNode | undefined {
  const { def } = schema;
  if (def.innerType !== undefined) return childOf(def.innerType, key);
  if (def.type === 'object') return schema.shape?.[key];
  for (const option of def.type === 'union' ? (def.options ?? []) : []) {
    const found = childOf(option, key);
    if (found !== undefined) return found;
  }
  return undefined;
}
