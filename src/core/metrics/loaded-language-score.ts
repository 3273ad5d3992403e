/**
 * Loaded language as a figure: a saturating 0..1 score of finding weight per 100 words, the same for a
 * sentence, a paragraph and the article; the paragraph and article summaries beside it (density, weight,
 * counts by voice and category, the spread over paragraphs, the most frequent terms). The outlet's narration
 * and its paraphrase of others count in full; quotations are the speakers', scored apart (`quoted`), and
 * count at QUOTED_SHARE in the text's score: printing them was the outlet's choice, saying them was not.
 */
import { FINDING_CATEGORIES } from '../data/index.ts';
import type { RawFinding } from './loaded-language.ts';
import { round } from './round.ts';
import { weightedDistribution, type Distribution } from './weighted-stats.ts';

// Score: 1 - exp(-d / SCALE), d = finding weight per 100 words (quoted ones at QUOTED_SHARE) with PRIOR_WORDS neutral words added, so
// that one word in a five-word line does not read as a saturated paragraph.
const LOADED_SCALE = 5;
/**
 * Chosen on BASIL folds 0-2 by `npm run build:loaded-language-fit`: the smallest prior within 0.001 of the best
 * sentence AUC there (40: 0.768, 150: 0.772, 1000: 0.773; higher in each fold). A long sentence with a loaded
 * word is no less likely to be loaded than a short one, which a small prior held against it. Folds 3-4, not
 * seen: 0.744 at 40, 0.748 at 150. In an article of several hundred words the prior matters little.
 */
export const LOADED_PRIOR_WORDS = 150;
/**
 * How much a quoted word counts in the text's score, beside a word of the outlet's own: its loaded weight and
 * its length both. Half, because the outlet chose the quotation but did not say it. On BASIL (expert-labelled
 * news sentences, 37% of whose biased spans sit inside quotation marks) the sentence AUC is 0.701 with quoted
 * words left out, 0.756 at 0.3, 0.759 at a half and 0.759 in full (`npm run eval`; folds 0-2 alone: 0.772 at a
 * half, 0.767 in full).
 */
export const QUOTED_SHARE = 0.5;
const TOP_TERMS = 10;
// The finding categories in sorted order, and each one's place in it.
const SORTED_CATEGORIES: readonly string[] = FINDING_CATEGORIES.map((spec) => spec.id).sort();
const CATEGORY_ORDER: ReadonlyMap<string, number> = new Map(SORTED_CATEGORIES.map((id, k) => [id, k]));

/** How loaded language in one voice adds up: score 0..1, weight per 100 words, summed weight. */
export type LoadedFigures = { score: number; density: number; weight: number };

export type LoadedLanguageSummary = LoadedFigures & {
  quoted: LoadedFigures;
  counts: { total: number; byVoice: { author: number; reported: number; quoted: number }; byCategory: Record<string, number> };
};

export type LoadedTerm = { text: string; category: string; count: number };

/** The article's summary: a paragraph's, plus paragraph scores weighted by length and the top terms. */
export type ArticleLoadedLanguage = LoadedLanguageSummary & { paragraphs: Distribution; topTerms: LoadedTerm[] };

/**
 * Finding weight per 100 words with `priorWords` neutral words added: what the score saturates (the score is
 * monotone in it). `priorWords` other than LOADED_PRIOR_WORDS only for `npm run build:loaded-language-fit`.
 */
export function loadedDensity(weight: number, words: number, priorWords = LOADED_PRIOR_WORDS): number {
  return (100 * weight) / (words + priorWords);
}

/** Saturating 0..1 loaded-language score for `weight` of findings over `words` words (unrounded). */
export function loadedScore(weight: number, words: number): number {
  if (weight <= 0) return 0;
  return 1 - Math.exp(-loadedDensity(weight, words) / LOADED_SCALE);
}

/**
 * A stretch of text's finding weight and words as its score counts them: the outlet's in full, the quoted
 * at `quotedShare` (QUOTED_SHARE; another share only to show how the shipped one compares).
 */
export function countedWeightAndWords(authorWeight: number, authorWords: number, quotedWeight: number, quotedWords: number, quotedShare = QUOTED_SHARE): { weight: number; words: number } {
  return { weight: authorWeight + quotedShare * quotedWeight, words: authorWords + quotedShare * quotedWords };
}

/**
 * 0..1 score (unrounded) of a stretch of text: the outlet's finding weight over its `authorWords`, with the
 * quoted findings' weight and the `quotedWords` counted at QUOTED_SHARE.
 */
export function textLoadedScore(authorWeight: number, authorWords: number, quotedWeight: number, quotedWords: number): number {
  const { weight, words } = countedWeightAndWords(authorWeight, authorWords, quotedWeight, quotedWords);
  return loadedScore(weight, words);
}

/** 0..1 score (4 decimals) of a stretch of text from its findings, its outlet-voice and its quoted words. */
export function scoreLoadedLanguage(findings: readonly RawFinding[], authorWords: number, quotedWords: number): number {
  // One pass, no filtered copies: this runs for every paragraph.
  let author = 0;
  let quoted = 0;
  for (const finding of findings) {
    if (finding.voice === 'quoted') quoted += finding.weight;
    else author += finding.weight;
  }
  return round(textLoadedScore(author, authorWords, quoted, quotedWords));
}

/**
 * A paragraph's (or the body's) figures: the score of the whole text (quoted words at QUOTED_SHARE), the
 * outlet voice's density and weight, the quoted voice's figures apart, counts by voice and category.
 */
export function summariseLoadedLanguage(findings: readonly RawFinding[], authorWords: number, quotedWords: number): LoadedLanguageSummary {
  return tally(findings, authorWords, quotedWords);
}

// The outlet-voice terms of an article as tally meets them: each term once, in the order first seen, found again
// by category and text (no key string joined per finding).
type TermCounts = { readonly folded: string; readonly terms: LoadedTerm[]; readonly byCategory: Map<string, Map<string, LoadedTerm>> };

// summariseLoadedLanguage, and with `terms` the article's term counts in the same walk over its findings.
function tally(findings: readonly RawFinding[], authorWords: number, quotedWords: number, terms?: TermCounts): LoadedLanguageSummary {
  // One pass, no filtered copies (the weights are summed in the same order, so to the same figures).
  let authorCount = 0;
  let reported = 0;
  let quoted = 0;
  let authorWeight = 0;
  let quotedWeight = 0;
  const counts = new Int32Array(SORTED_CATEGORIES.length);
  for (const finding of findings) {
    const k = CATEGORY_ORDER.get(finding.category) as number;
    counts[k] = (counts[k] as number) + 1;
    if (finding.voice === 'quoted') {
      quoted++;
      quotedWeight += finding.weight;
    } else {
      if (finding.voice === 'reported') reported++;
      else authorCount++;
      authorWeight += finding.weight;
      if (terms !== undefined) countTerm(terms, finding);
    }
  }
  const byCategory: Record<string, number> = {};
  // Keys in sorted order so that the JSON is the same whatever order findings came in (and their sequences,
  // so the objects' shapes, repeat from report to report).
  for (let k = 0; k < counts.length; k++) if (counts[k] !== 0) byCategory[SORTED_CATEGORIES[k] as string] = counts[k] as number;
  // Written out key by key rather than spread from `figures` with `score` replaced: V8 clones a spread object
  // through its runtime once the source's shape has more than one transition, 2-7 us a summary (measured).
  return {
    score: round(textLoadedScore(authorWeight, authorWords, quotedWeight, quotedWords)),
    density: densityOf(authorWeight, authorWords),
    weight: round(authorWeight),
    quoted: figures(quotedWeight, quotedWords),
    counts: { total: findings.length, byVoice: { author: authorCount, reported, quoted }, byCategory },
  };
}

function countTerm(terms: TermCounts, finding: RawFinding): void {
  let byText = terms.byCategory.get(finding.category);
  if (byText === undefined) terms.byCategory.set(finding.category, (byText = new Map()));
  const text = terms.folded.slice(finding.start, finding.end);
  const entry = byText.get(text);
  if (entry !== undefined) entry.count++;
  else {
    const term: LoadedTerm = { text, category: finding.category, count: 1 };
    byText.set(text, term);
    terms.terms.push(term);
  }
}

/**
 * The article's figures over its scored `findings` and words, with the spread of its paragraphs' scores
 * (`paragraphScores`, weighted by `paragraphWords`, two lists rather than an object per paragraph) and the
 * outlet-voice terms found most often (as folded in `folded`, the article's folded text).
 */
export function summariseArticleLoadedLanguage(
  findings: readonly RawFinding[],
  authorWords: number,
  quotedWords: number,
  paragraphScores: ArrayLike<number>,
  paragraphWords: ArrayLike<number>,
  folded: string,
): ArticleLoadedLanguage {
  const distribution = weightedDistribution(paragraphScores, paragraphWords);
  const terms: TermCounts = { folded, terms: [], byCategory: new Map() };
  const summary = tally(findings, authorWords, quotedWords, terms);
  // Key by key, not spread (see tally); the same keys in the same order as the paragraph summary's.
  return {
    score: summary.score,
    density: summary.density,
    weight: summary.weight,
    quoted: summary.quoted,
    counts: summary.counts,
    paragraphs: { mean: round(distribution.mean), std: round(distribution.std), max: round(distribution.max) },
    topTerms: topTerms(terms.terms),
  };
}

function figures(weight: number, words: number): LoadedFigures {
  return { score: round(loadedScore(weight, words)), density: densityOf(weight, words), weight: round(weight) };
}

// Finding weight per 100 words, without the prior the score adds (4 decimals).
function densityOf(weight: number, words: number): number {
  return round(words === 0 ? 0 : (100 * weight) / words);
}

// The terms found most often, ties by text (then as first seen: the sort is stable).
function topTerms(terms: LoadedTerm[]): LoadedTerm[] {
  return terms.sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0)).slice(0, TOP_TERMS);
}
