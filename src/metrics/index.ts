/**
 * The metrics, in the order they run. Each is a pure function of the segmented article, the lexicons and
 * the results of the metrics before it.
 */
import type { Lexicons } from '../lexicons/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import { RULES_SOURCE } from '../version.ts';
import { maskTokens } from './00-token-masks.ts';
import { detectDomains, type DomainResult } from './01-domains.ts';
import { scoreSentiment, type SentenceSentiment } from './02-sentiment.ts';
import { findLoadedLanguage, type LoadedLanguageResult } from './03-loaded-language.ts';
import { scoreSubjectivity, type SentenceSubjectivity } from './04-subjectivity.ts';

export type { DomainResult } from './01-domains.ts';
export type { SentenceSentiment, ScoredWord } from './02-sentiment.ts';
export type { LoadedLanguageResult, RawFinding, RawExemption, Voice } from './03-loaded-language.ts';
export type { SentenceSubjectivity, RawCue } from './04-subjectivity.ts';

export const METRIC_ORDER = ['tokenMasks', 'domains', 'sentiment', 'loadedLanguage', 'subjectivity'] as const;

export type MetricResults = {
  domains: DomainResult;
  sentiment: SentenceSentiment[];
  loadedLanguage: LoadedLanguageResult;
  subjectivity: SentenceSubjectivity[];
};

/** Runs every metric in METRIC_ORDER; sentence-level results are flattened in text order. */
export function runMetrics(article: SegmentedArticle, lexicons: Lexicons): MetricResults {
  const masks = maskTokens(article, lexicons);
  const domains = detectDomains(article, lexicons, masks);
  const sentiment = scoreSentiment(article, lexicons, masks);
  const loadedLanguage = findLoadedLanguage(article, lexicons, masks, domains, RULES_SOURCE);
  const subjectivity = scoreSubjectivity(article, lexicons, masks, loadedLanguage.findings, RULES_SOURCE);
  return { domains, sentiment, loadedLanguage, subjectivity };
}
