/**
 * What a report depends on besides its text: the analyzer, the report schema, every lexicon and outlet table,
 * and the bundled baseline, each with its version. A job carries its producer's; a worker with others refuses
 * it, so that one corpus never mixes reports from two versions.
 */
import type { Lexicons } from '../../core/data/index.ts';
import type { SourceTables } from '../../core/outlets/index.ts';
import { baselineLabel, type Baseline } from '../../core/report/percentiles.ts';
import { SCHEMA_VERSION } from '../../core/report/schema.ts';
import { ANALYZER_VERSION } from '../../core/version.ts';

export type AnalysisVersions = {
  analyzer: string;
  schema: string;
  /** `name@version` of every lexicon, outlet table and the baseline, sorted */
  data: string[];
};

/** The versions of this installation, from the loaded lexicons, outlet tables and baseline. */
export function analysisVersions(lexicons: Lexicons, tables: SourceTables, baseline: Baseline): AnalysisVersions {
  const data = [
    ...lexicons.info.map((info) => `${info.name}@${info.version}`),
    ...[tables.rsp, tables.cred1, tables.ownership].map((table) => `${table.name}@${table.header.version}`),
    `baseline/${baselineLabel(baseline)}`,
  ];
  return { analyzer: ANALYZER_VERSION, schema: SCHEMA_VERSION, data: data.sort() };
}

/** How a job's versions differ from a worker's, in words (`analyzer 0.2.0 on the worker, 0.1.0 in the job; ...`); null when equal. */
export function versionDifference(ours: AnalysisVersions, theirs: AnalysisVersions): string | null {
  const differences: string[] = [];
  if (ours.analyzer !== theirs.analyzer) differences.push(`analyzer ${ours.analyzer} on the worker, ${theirs.analyzer} in the job`);
  if (ours.schema !== theirs.schema) differences.push(`report schema ${ours.schema} on the worker, ${theirs.schema} in the job`);
  const name = (entry: string) => entry.slice(0, entry.lastIndexOf('@'));
  const theirsByName = new Map(theirs.data.map((entry) => [name(entry), entry]));
  const oursByName = new Map(ours.data.map((entry) => [name(entry), entry]));
  for (const [key, entry] of oursByName) {
    const other = theirsByName.get(key);
    if (other === undefined) differences.push(`${entry} on the worker, none in the job`);
    else if (other !== entry) differences.push(`${entry} on the worker, ${other} in the job`);
  }
  for (const [key, entry] of theirsByName) if (!oursByName.has(key)) differences.push(`none on the worker, ${entry} in the job`);
  return differences.length === 0 ? null : differences.join('; ');
}

/** One line for logs: `analyzer 0.1.0, schema 1.4.0, 31 data files`. */
export function describeVersions(versions: AnalysisVersions): string {
  return `analyzer ${versions.analyzer}, schema ${versions.schema}, ${versions.data.length} lexicons and tables`;
}
