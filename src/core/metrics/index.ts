/**
 * The metrics, in the order they run. Each is a pure function of the segmented article, the lexicons and
 * the results of the metrics before it.
 */
import type { Lexicons } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import { RULES_SOURCE } from '../version.ts';
import { maskTokens } from './token-masks.ts';
import { detectDomains, type DomainResult } from './domains.ts';
import { scoreSentiment, type SentenceSentiment } from './sentiment.ts';
import { findAttributions, type AttributionResult, type SidesMapping } from './attribution/index.ts';
import { summariseAttribution, type AttributionSummary } from './sides.ts';
import { findLoadedLanguage, type LoadedLanguageResult } from './loaded-language.ts';
import { scoreSubjectivity, type SentenceSubjectivity } from './subjectivity.ts';
import { checkCaptions, type CaptionCheck } from './captions.ts';
import { scoredMask, type BlockDecision } from '../roles/index.ts';

export type { DomainResult } from './domains.ts';
export type { SentenceSentiment, ScoredWord } from './sentiment.ts';
export type { LoadedLanguageResult, RawFinding, RawExemption, Voice } from './loaded-language.ts';
export type { SentenceSubjectivity, RawCue } from './subjectivity.ts';
export type { AttributionResult, RawAttribution, AttributionMode, SidesMapping, ActorMention } from './attribution/index.ts';
export type { AttributionSummary, SideSummary } from './sides.ts';
export { attributionBalance, countBalance, MODE_WEIGHTS, STANCE_CREDENCE } from './sides.ts';
export { assessSources, type SourcesResult } from '../outlets/assess.ts';
export type { CaptionCheck, CaptionName } from './captions.ts';

// Then, in analyze(), the outlet and the sources it cites (07-sources.ts), which need the outlet tables.
// Captions are checked against the body once attribution has found the actors it mentions.
export const METRIC_ORDER = ['tokenMasks', 'domains', 'sentiment', 'attribution', 'loadedLanguage', 'subjectivity', 'sides', 'captions', 'sources'] as const;

export type MetricResults = {
  attribution: AttributionResult;
  attributionSummary: AttributionSummary;
  domains: DomainResult;
  sentiment: SentenceSentiment[];
  loadedLanguage: LoadedLanguageResult;
  subjectivity: SentenceSubjectivity[];
  /** 1 per paragraph whose block role counts in the article's scores */
  scored: Uint8Array;
  captions: CaptionCheck[];
};

/**
 * Runs every metric in METRIC_ORDER; sentence-level results are flattened in text order. Every paragraph
 * is measured; `blocks` (default: all body) decides which count in the summaries.
 */
export function runMetrics(article: SegmentedArticle, lexicons: Lexicons, sides: SidesMapping = {}, blocks: readonly BlockDecision[] = []): MetricResults {
  const scored = scoredMask(article, blocks);
  const masks = maskTokens(article, lexicons);
  const domains = detectDomains(article, lexicons, masks);
  const sentiment = scoreSentiment(article, lexicons, masks);
  const attribution = findAttributions(article, lexicons, masks, RULES_SOURCE, sides, scored);
  const loadedLanguage = findLoadedLanguage(article, lexicons, masks, domains, attribution, RULES_SOURCE);
  const subjectivity = scoreSubjectivity(article, lexicons, masks, loadedLanguage.findings, RULES_SOURCE);
  const attributionSummary = summariseAttribution(article, attribution, scored);
  const captionParagraphs = blocks.flatMap((block, i) => (block.role === 'caption' ? [i] : []));
  const captions = checkCaptions(article, lexicons, attribution.mentions, captionParagraphs, scored);
  return { domains, sentiment, attribution, loadedLanguage, subjectivity, attributionSummary, scored, captions };
}
