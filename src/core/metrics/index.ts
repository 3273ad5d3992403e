/**
 * The metrics, in the order they run: METRICS is the one statement of that order. Each step is a pure
 * function of the segmented article, the lexicons, what the caller passed (sides, block roles, outlet
 * tables) and the results of the steps it names as needed, which run before it.
 */
import type { Lexicons } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import { RULES_SOURCE } from '../version.ts';
import { maskTokens } from './token-masks.ts';
import { findProperNames, type ProperNames } from './proper-names.ts';
import { detectDomains, type DomainResult } from './domains.ts';
import { scoreSentiment, type SentimentColumns } from './sentiment.ts';
import { findAttributions, type AttributionResult, type SidesMapping } from './attribution/index.ts';
import { summariseAttribution, type AttributionSummary } from './sides.ts';
import { findLoadedLanguage, type LoadedLanguageResult } from './loaded-language.ts';
import { scoreSubjectivity, type SubjectivityColumns } from './subjectivity.ts';
import { checkCaptions, type CaptionCheck } from './captions.ts';
import { scoredMask, type BlockDecision } from '../roles/index.ts';
import { assessSources, type SourcesResult } from '../outlets/assess.ts';
import { loadSourceTables, type DetectHint, type SourceTables } from '../outlets/index.ts';

export type { DomainResult } from './domains.ts';
export type { ProperNames, ProperName } from './proper-names.ts';
export { comparativeScore, releaseSentiment, sentenceScore, sentimentTally, summariseSentiment, summariseTally, tallySentiment, type SentimentColumns, type SentimentSummary } from './sentiment.ts';
export type { LoadedLanguageResult, RawFinding, RawExemption, Voice } from './loaded-language.ts';
export { loadedScore, textLoadedScore, scoreLoadedLanguage, summariseLoadedLanguage, summariseArticleLoadedLanguage, type LoadedLanguageSummary, type ArticleLoadedLanguage } from './loaded-language-score.ts';
export { releaseSubjectivity, summariseSubjectivity, subjectivityScore, sentenceCues, sentenceLogOdds, sentenceValues, type SubjectivityColumns, type SubjectivitySummary } from './subjectivity.ts';
export type { AttributionResult, RawAttribution, AttributionMode, SidesMapping, ActorMention } from './attribution/index.ts';
export type { AttributionSummary, SideSummary } from './sides.ts';
export { attributionBalance, countBalance, MODE_WEIGHTS, STANCE_CREDENCE } from './sides.ts';
export { assessSources, type SourcesResult } from '../outlets/assess.ts';
export { describeCaption, type CaptionCheck, type CaptionName, type CaptionSummary } from './captions.ts';
export { compareHeadline, type BodyFigures, type HeadlineComparison, type HeadlineFigures } from './headline.ts';
export { round } from './round.ts';

/** What the caller brings besides the article and the lexicons. */
export type MetricInput = {
  article: SegmentedArticle;
  lexicons: Lexicons;
  /** side label -> actor ids, names or country codes */
  sides: SidesMapping;
  /** each paragraph's block role (missing ones are body); decides which paragraphs count in summaries */
  blocks: readonly BlockDecision[];
  /** the outlet tables and what the caller said of the outlet (url, name) */
  outlets: { tables: SourceTables; hint: DetectHint };
};

export type MetricResults = {
  /** 1 per paragraph whose block role counts in the article's scores */
  scored: Uint8Array;
  /** per token, which lexicons hold an entry starting with it (FIRST_WORD bits) */
  masks: Uint16Array;
  /** names of two or more words (case shape), whose words sentiment and loaded language leave out */
  names: ProperNames;
  domains: DomainResult;
  /** per sentence, flattened in text order */
  sentiment: SentimentColumns;
  attribution: AttributionResult;
  loadedLanguage: LoadedLanguageResult;
  /** per sentence, flattened in text order */
  subjectivity: SubjectivityColumns;
  attributionSummary: AttributionSummary;
  captions: CaptionCheck[];
  sources: SourcesResult;
};

type Name = keyof MetricResults;
/** One step: the result it fills, the results it reads (earlier in METRICS), and how it computes it. */
export type MetricStep<K extends Name = Name, N extends Name = Name> = {
  readonly name: K;
  readonly needs: readonly N[];
  readonly run: (input: MetricInput, done: Pick<MetricResults, N>) => MetricResults[K];
};

function step<K extends Name, N extends Name = never>(name: K, needs: readonly N[], run: (input: MetricInput, done: Pick<MetricResults, N>) => MetricResults[K]): MetricStep<K, N> {
  return { name, needs, run };
}

/**
 * What runs, in order. Every paragraph is measured; `scored` decides which count in the summaries.
 * Attribution comes before loaded language (a finding in someone's paraphrase is in the reported voice),
 * captions are checked once attribution has found the actors the body mentions, and the outlet's sources
 * are tied to the attributions they speak in.
 */
export const METRICS: readonly MetricStep[] = [
  step('scored', [], ({ article, blocks }) => scoredMask(article, blocks)),
  step('masks', [], ({ article, lexicons }) => maskTokens(article, lexicons)),
  step('domains', ['masks'], ({ article, lexicons }, { masks }) => detectDomains(article, lexicons, masks)),
  step('names', [], ({ article, lexicons }) => findProperNames(article, lexicons)),
  step('sentiment', ['masks', 'names'], ({ article, lexicons }, { masks, names }) => scoreSentiment(article, lexicons, masks, names)),
  step('attribution', ['masks', 'scored'], ({ article, lexicons, sides }, { masks, scored }) => findAttributions(article, lexicons, masks, RULES_SOURCE, sides, scored)),
  step('loadedLanguage', ['masks', 'domains', 'attribution', 'names'], ({ article, lexicons, blocks }, { masks, domains, attribution, names }) =>
    findLoadedLanguage(article, lexicons, masks, domains, attribution, names, RULES_SOURCE, headlineParagraph(blocks)),
  ),
  step('subjectivity', ['masks', 'sentiment', 'loadedLanguage'], ({ article, lexicons }, { masks, sentiment, loadedLanguage }) =>
    scoreSubjectivity(article, lexicons, masks, loadedLanguage.findings, sentiment, RULES_SOURCE),
  ),
  step('attributionSummary', ['attribution', 'scored'], ({ article }, { attribution, scored }) => summariseAttribution(article, attribution, scored)),
  step('captions', ['attribution', 'scored'], ({ article, lexicons, blocks }, { attribution, scored }) =>
    checkCaptions(article, lexicons, attribution.mentions, captionParagraphs(blocks), scored),
  ),
  step('sources', ['attribution'], ({ article, outlets }, { attribution }) => assessSources(article.text, outlets.hint, outlets.tables, attribution.attributions, article.tokens)),
];

// Every step's result at undefined, in METRICS order: one object of one shape, copied per call.
const NO_RESULTS: Readonly<Partial<Record<Name, unknown>>> = Object.fromEntries(METRICS.map((metric) => [metric.name, undefined]));

/**
 * Runs every step of METRICS in order; sentence-level results are flattened in text order. Without
 * `outlets`, the bundled outlet tables are used and the outlet is found from the text alone.
 */
export function runMetrics(
  article: SegmentedArticle,
  lexicons: Lexicons,
  sides: SidesMapping = {},
  blocks: readonly BlockDecision[] = [],
  outlets: { tables?: SourceTables; hint?: DetectHint } = {},
): MetricResults {
  const input: MetricInput = { article, lexicons, sides, blocks, outlets: { tables: outlets.tables ?? loadSourceTables(), hint: outlets.hint ?? {} } };
  // Filled in METRICS order: each step reads only results of steps before it. Copied from NO_RESULTS, which has
  // every key, so that each store replaces a value rather than adding a property (a new hidden class per store).
  const done: Partial<Record<Name, unknown>> = { ...NO_RESULTS };
  for (const metric of METRICS) done[metric.name] = metric.run(input, done as MetricResults);
  return done as MetricResults;
}

function headlineParagraph(blocks: readonly BlockDecision[]): number | undefined {
  const index = blocks.findIndex((block) => block.role === 'headline');
  return index < 0 ? undefined : index;
}

// An indexed loop: flatMap made an empty list for every paragraph that is no caption (nearly all of them).
function captionParagraphs(blocks: readonly BlockDecision[]): number[] {
  const captions: number[] = [];
  for (let i = 0; i < blocks.length; i++) if ((blocks[i] as BlockDecision).role === 'caption') captions.push(i);
  return captions;
}
