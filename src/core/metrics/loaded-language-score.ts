/**
 * Loaded language as a figure: a saturating 0..1 score of the outlet's finding weight per 100 of its words,
 * the same for a sentence, a paragraph and the article; the paragraph and article summaries beside it
 * (density, weight, counts by voice and category, the spread over paragraphs, the most frequent terms).
 * The outlet's score counts its narration and its paraphrase of others; quotations are the speakers'.
 */
import type { RawFinding } from './loaded-language.ts';
import { round } from './round.ts';
import { weightedDistribution, type Distribution } from './weighted-stats.ts';

// Score: 1 - exp(-d / SCALE), d = outlet weight per 100 words with PRIOR_WORDS neutral words added, so
// that one word in a five-word line does not read as a saturated paragraph.
const LOADED_SCALE = 5;
const LOADED_PRIOR_WORDS = 40;
const TOP_TERMS = 10;

/** How loaded language in one voice adds up: score 0..1, weight per 100 words, summed weight. */
export type LoadedFigures = { score: number; density: number; weight: number };

export type LoadedLanguageSummary = LoadedFigures & {
  quoted: LoadedFigures;
  counts: { total: number; byVoice: { author: number; reported: number; quoted: number }; byCategory: Record<string, number> };
};

export type LoadedTerm = { text: string; category: string; count: number };

/** The article's summary: a paragraph's, plus paragraph scores weighted by length and the top terms. */
export type ArticleLoadedLanguage = LoadedLanguageSummary & { paragraphs: Distribution; topTerms: LoadedTerm[] };

/** Saturating 0..1 loaded-language score for `weight` of findings over `words` words (unrounded). */
export function loadedScore(weight: number, words: number): number {
  if (weight <= 0) return 0;
  return 1 - Math.exp(-((100 * weight) / (words + LOADED_PRIOR_WORDS)) / LOADED_SCALE);
}

/** 0..1 score (4 decimals) of a stretch of text: its outlet-voice findings over its `authorWords`. */
export function scoreLoadedLanguage(findings: readonly RawFinding[], authorWords: number): number {
  return round(loadedScore(sumWeights(findings.filter((f) => f.voice !== 'quoted')), authorWords));
}

/** A paragraph's (or the body's) figures: outlet voice and quoted voice apart, counts by voice and category. */
export function summariseLoadedLanguage(findings: readonly RawFinding[], authorWords: number, quotedWords: number): LoadedLanguageSummary {
  const author = findings.filter((f) => f.voice !== 'quoted');
  const reported = findings.filter((f) => f.voice === 'reported').length;
  const quoted = findings.filter((f) => f.voice === 'quoted');
  const byCategory: Record<string, number> = {};
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.category, (counts.get(finding.category) ?? 0) + 1);
  // Keys in sorted order so that the JSON is the same whatever order findings came in.
  for (const category of [...counts.keys()].sort()) byCategory[category] = counts.get(category) as number;
  return {
    ...figures(sumWeights(author), authorWords),
    quoted: figures(sumWeights(quoted), quotedWords),
    counts: { total: findings.length, byVoice: { author: author.length - reported, reported, quoted: quoted.length }, byCategory },
  };
}

/**
 * The article's figures over its scored `findings` and words, with the spread of `paragraphs` scores
 * (weighted by words) and the outlet-voice terms found most often (as folded in `folded`, the article's
 * folded text).
 */
export function summariseArticleLoadedLanguage(
  findings: readonly RawFinding[],
  authorWords: number,
  quotedWords: number,
  paragraphs: readonly { score: number; words: number }[],
  folded: string,
): ArticleLoadedLanguage {
  const distribution = weightedDistribution(
    paragraphs.map((p) => p.score),
    paragraphs.map((p) => p.words),
  );
  return {
    ...summariseLoadedLanguage(findings, authorWords, quotedWords),
    paragraphs: { mean: round(distribution.mean), std: round(distribution.std), max: round(distribution.max) },
    topTerms: topTerms(findings, folded),
  };
}

function figures(weight: number, words: number): LoadedFigures {
  return { score: round(loadedScore(weight, words)), density: round(words === 0 ? 0 : (100 * weight) / words), weight: round(weight) };
}

function sumWeights(findings: readonly RawFinding[]): number {
  return findings.reduce((sum, f) => sum + f.weight, 0);
}

function topTerms(findings: readonly RawFinding[], folded: string): LoadedTerm[] {
  const counts = new Map<string, LoadedTerm>();
  for (const finding of findings) {
    if (finding.voice === 'quoted') continue;
    const key = `${finding.category}\u0000${folded.slice(finding.start, finding.end)}`;
    const entry = counts.get(key);
    if (entry) entry.count++;
    else counts.set(key, { text: folded.slice(finding.start, finding.end), category: finding.category, count: 1 });
  }
  return [...counts.values()]
    .sort((a, b) => b.count - a.count || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0))
    .slice(0, TOP_TERMS);
}
