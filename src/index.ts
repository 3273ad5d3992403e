/** slant's library API: `analyze`, the report schema and its types, and the lexicon loader. */
export { analyze, analyzeAsync, fetchArticle, checkArticle, type AnalyzeOptions } from './analyze.ts';
export type { NotAnArticle } from './core/text/index.ts';
export { InputError } from './core/report/input-error.ts';
export { IngestError } from './edges/ingest/index.ts';
export {
  reportSchema,
  findingSchema,
  paragraphSchema,
  summarySchema,
  analyzeInputSchema,
  SCHEMA_VERSION,
  type Report,
  type Finding,
  type ParagraphReport,
  type Summary,
  type AnalyzeInput,
  attributionSchema,
  type Attribution,
  type Exemption,
} from './core/report/schema.ts';
export { findingMessage, exemptionMessage, spanText } from './core/report/messages.ts';
export { loadLexicons, LexiconError, type Lexicons, type LexiconInfo } from './core/data/index.ts';
export { segmentArticle, sentenceAt, quoteAt, QUOTE_KINDS, type SegmentedArticle, type SentenceColumns, type QuoteColumns, type QuoteSpan } from './core/text/index.ts';
export { ANALYZER_VERSION } from './core/version.ts';
export { attributionBalance, countBalance, MODE_WEIGHTS, STANCE_CREDENCE } from './core/metrics/index.ts';
export type { SidesMapping, AttributionMode } from './core/metrics/index.ts';
export { lookupOutlet, detectOutlet, findCitedSources, loadSourceTables, renderOutletCard, outletCardSchema } from './core/outlets/index.ts';
export type { OutletCard, OutletDetection, CitedSource, Rating, SourceTables } from './core/outlets/index.ts';
export { compareReports, comparisonSchema, renderComparison, CompareInputError, COMPARISON_VERSION, MAX_ARTICLES, type Comparison, type NamedReport } from './core/compare/index.ts';
