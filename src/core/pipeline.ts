/**
 * One document's analysis, stage by stage, as the data travels: segmentation (core/text), block roles
 * (core/roles), the metrics in METRICS order (core/metrics), the outlet and the sources it cites
 * (core/outlets), then assembly (core/report) and percentiles against the reference corpus; the article's and
 * subjectivity's column buffers are released once the report holds what it needs of them. The text comes
 * prepared: reading HTML or fetching a URL is the edges' work (src/edges/ingest), done before this.
 */
import { loadLexicons, type Lexicons } from './data/index.ts';
import { releaseSentiment, releaseSubjectivity, runMetrics } from './metrics/index.ts';
import { loadSourceTables, type SourceTables } from './outlets/index.ts';
import { buildReport } from './report/build.ts';
import { loadBaseline, percentilesFor, type Baseline } from './report/percentiles.ts';
import type { DocumentInfo, Report } from './report/schema.ts';
import { classifyBlocks, type BlockHint } from './roles/index.ts';
import { releaseArticle, segmentArticleForAnalysis } from './text/index.ts';

/** What the analysis needs besides the text: data other than the bundled, and the reference corpus. */
export type PipelineOptions = {
  /** outlet tables other than the bundled lexicons/sources (loaded once per folder) */
  sourceTables?: SourceTables;
  /** a lexicon folder other than the bundled one (loaded and validated once per folder) */
  lexiconDir?: string;
  /** already loaded lexicons, for callers that analyze many texts */
  lexicons?: Lexicons;
  /** the reference corpus for `summary.percentiles` (default: the bundled BASIL baseline); false for none */
  baseline?: Baseline | false;
};

/** A document ready for analysis: its text, what its markup said about blocks, and what the caller knows of it. */
export type PreparedDocument = {
  text: string;
  hints: readonly BlockHint[];
  meta: { id?: string; title?: string; url?: string };
  hint: { url?: string; outlet?: string };
  sides: Readonly<Record<string, readonly string[]>>;
  document?: DocumentInfo;
};

// The outlet tables' names and versions, one list per loaded set of tables: the report's `lexicons` is made
// once per lexicons and list (report/build.ts), so the list must be the same object from report to report.
const versionsOfTables = new WeakMap<SourceTables, readonly { name: string; version: string }[]>();
function tableVersions(tables: SourceTables): readonly { name: string; version: string }[] {
  let versions = versionsOfTables.get(tables);
  if (versions === undefined) {
    versions = [tables.rsp, tables.cred1, tables.ownership].map((table) => ({ name: table.name, version: table.header.version }));
    versionsOfTables.set(tables, versions);
  }
  return versions;
}

/** Analyses a prepared document; never throws on any text (a broken lexicon throws LexiconError when it loads). */
export function analyzeDocument(prepared: PreparedDocument, options: PipelineOptions = {}): Report {
  const lexicons = options.lexicons ?? loadLexicons(options.lexiconDir);
  // Its token columns are reused by the next analysis: nothing returned below holds the article.
  const article = segmentArticleForAnalysis(prepared.text, lexicons.abbreviations);
  // Options and meta as literals, not spread: every spread is a clone through V8's runtime, several per call.
  const blocks = classifyBlocks(article, lexicons.words, prepared.meta.title === undefined ? { hints: prepared.hints } : { hints: prepared.hints, title: prepared.meta.title });
  const tables = options.sourceTables ?? loadSourceTables();
  const metrics = runMetrics(article, lexicons, prepared.sides, blocks, { tables, hint: prepared.hint });
  const meta = prepared.document === undefined ? prepared.meta : { ...prepared.meta, document: prepared.document };
  const report = buildReport(article, lexicons, metrics, meta, tableVersions(tables), blocks);
  const baseline = options.baseline ?? loadBaseline();
  if (baseline !== false) report.summary.percentiles = percentilesFor(report.summary, baseline);
  // The report holds none of them: the columns' memory goes back now, before the caller serialises the report.
  releaseArticle(article);
  releaseSubjectivity(metrics.subjectivity);
  releaseSentiment(metrics.sentiment);
  return report;
}
