/**
 * The library's entry point: text in, report out. Segmentation, metrics and assembly run in that order;
 * analysis never throws on any string, and the same input always gives the same report.
 */
import { loadLexicons, type Lexicons } from './lexicons/index.ts';
import { assessSources, runMetrics } from './metrics/index.ts';
import { loadSourceTables, type SourceTables } from './sources/index.ts';
import { buildReport } from './report/build.ts';
import { analyzeInputSchema, type AnalyzeInput, type Report } from './report/schema.ts';
import { segmentArticle } from './text/index.ts';

export type AnalyzeOptions = {
  /** outlet tables other than the bundled lexicons/sources (loaded once per folder) */
  sourceTables?: SourceTables;
  /** a lexicon folder other than the bundled one (loaded and validated once per folder) */
  lexiconDir?: string;
  /** already loaded lexicons, for callers that analyze many texts */
  lexicons?: Lexicons;
};

/** Analyzes an article given as a string or `{text, id?, title?, url?}`; throws only on invalid input types or a broken lexicon. */
export function analyze(input: AnalyzeInput, options: AnalyzeOptions = {}): Report {
  const parsed = analyzeInputSchema.parse(input);
  const record = typeof parsed === 'string' ? { text: parsed } : parsed;
  const lexicons = options.lexicons ?? loadLexicons(options.lexiconDir);
  const article = segmentArticle(record.text, lexicons.abbreviations);
  const metrics = runMetrics(article, lexicons, typeof parsed === 'string' ? {} : (parsed.sides ?? {}));
  const hint: { url?: string; outlet?: string } = {};
  if (record.url !== undefined) hint.url = record.url;
  if (typeof parsed !== 'string' && parsed.outlet !== undefined) hint.outlet = parsed.outlet;
  const tables = options.sourceTables ?? loadSourceTables();
  const credibility = assessSources(record.text, hint, tables, metrics.attribution.attributions, article.tokens);
  const meta: { id?: string; title?: string; url?: string } = {};
  if (record.id !== undefined) meta.id = record.id;
  if (record.title !== undefined) meta.title = record.title;
  if (record.url !== undefined) meta.url = record.url;
  const versions = [tables.rsp, tables.cred1, tables.ownership].map((table) => ({ name: `sources/${table.file.replace(/^.*\//, '').replace(/\.jsonl$/, '')}`, version: table.header.version }));
  return buildReport(article, lexicons, metrics, credibility, meta, versions);
}
