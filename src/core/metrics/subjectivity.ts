/**
 * Subjectivity of the author's voice, 0..1 per sentence: a small logistic model (weights fitted on the
 * CheckThat! 2024 subjectivity training data, shipped in `lexicons/en/subjectivity-model.jsonl`) over the
 * sentence features of sentence-features.ts. Each feature's contribution to the log-odds is kept, so a score
 * shows what raised or lowered it; each word that raised it is a cue with a span. 0.5 is the boundary
 * between an objective and a subjective sentence. Quoted words are the speaker's, not the outlet's.
 */
import { BIAS_FEATURE, SENTENCE_FEATURES, type Lexicons } from '../data/index.ts';
import type { SegmentedArticle } from '../text/index.ts';
import type { RawFinding } from './loaded-language.ts';
import type { SentenceSentiment } from './sentiment.ts';
import { measureSentences, NO_CUES, type FeatureCue } from './sentence-features.ts';
import { logOddsOf, sigmoid } from './logistic-model.ts';
import { round } from './round.ts';

// Every sentence's non-zero feature values, for the article: feature index and value, a sentence's a run of
// them in index order. Most features of a sentence are 0 (a one-word paragraph has 2 of 43), and a vector kept
// per sentence cost ~600 bytes a sentence.
type FeaturePool = { index: Uint8Array; value: Float64Array; length: number; bias: number; weights: Float64Array };

function poolOf(capacity: number, bias: number, weights: Float64Array): FeaturePool {
  return { index: new Uint8Array(capacity), value: new Float64Array(capacity), length: 0, bias, weights };
}

function keep(pool: FeaturePool, values: Float64Array): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i] as number;
    if (value === 0) continue;
    if (pool.length === pool.value.length) {
      const index = new Uint8Array(pool.length * 2);
      const grown = new Float64Array(pool.length * 2);
      index.set(pool.index);
      grown.set(pool.value);
      pool.index = index;
      pool.value = grown;
    }
    pool.index[pool.length] = i;
    pool.value[pool.length++] = value;
  }
}

/** A sentence's subjectivity: score 0..1, the cues that raised it, and (read on demand) what the model read. */
export class SentenceSubjectivity {
  constructor(
    readonly score: number,
    /** summed weight of the cues (the words that raised the score) */
    readonly weight: number,
    readonly authorWords: number,
    readonly cues: readonly FeatureCue[],
    private readonly pool: FeaturePool,
    /** this sentence's run in the pool: [from, to) */
    private readonly from: number,
    private readonly to: number,
  ) {}

  /** the feature values the model read, per SENTENCE_FEATURES index (a new vector each time) */
  get values(): Float64Array {
    const values = new Float64Array(SENTENCE_FEATURES.length);
    for (let k = this.from; k < this.to; k++) values[this.pool.index[k] as number] = this.pool.value[k] as number;
    return values;
  }

  /** the model's log-odds for the sentence (bias included); 0 without author words */
  get logOdds(): number {
    return this.authorWords === 0 ? 0 : logOddsOf(this.pool.bias, this.pool.weights, this.values);
  }

  /** Adds each non-zero feature value times `by` into `sums` (per SENTENCE_FEATURES index), in index order. */
  addValues(sums: Float64Array, by: number): void {
    for (let k = this.from; k < this.to; k++) {
      const i = this.pool.index[k] as number;
      sums[i] = (sums[i] as number) + (this.pool.value[k] as number) * by;
    }
  }
}
/** One feature's share of the log-odds: its mean value per sentence (by author words) times its weight. */
export type SubjectivityContribution = { feature: string; value: number; contribution: number };
/** A paragraph's or the body's subjectivity: score 0..1, cues, their summed weight, and what moved the score. */
export type SubjectivitySummary = { score: number; cues: number; weight: number; contributions: SubjectivityContribution[] };

/** Per sentence (flattened in text order): a 0..1 score, the features and the cues it was built from. */
export function scoreSubjectivity(
  article: SegmentedArticle,
  lexicons: Lexicons,
  masks: Uint16Array,
  findings: readonly RawFinding[],
  sentiment: readonly SentenceSentiment[],
  rulesSource: string,
): SentenceSubjectivity[] {
  const model = lexicons.subjectivityModel;
  const pool = poolOf(1024, model.bias, model.weights);
  const sentences: SentenceSubjectivity[] = [];
  measureSentences(article, lexicons, masks, findings, sentiment, rulesSource, ({ values, authorWords, cues }) => {
    const from = pool.length;
    keep(pool, values);
    if (authorWords === 0) {
      sentences.push(new SentenceSubjectivity(0, 0, authorWords, NO_CUES, pool, from, pool.length));
      return;
    }
    const logOdds = logOddsOf(model.bias, model.weights, values);
    // Only the words that raise the score are cues; what lowers it shows in the contributions.
    sentences.push(new SentenceSubjectivity(sigmoid(logOdds), cues.reduce((sum, cue) => sum + cue.weight, 0), authorWords, cues, pool, from, pool.length));
  });
  return sentences;
}

/** The subjectivity of sentences `from` to `to` (exclusive) together: their scores averaged by author words, 4 decimals. */
export function subjectivityScore(sentences: readonly SentenceSubjectivity[], from = 0, to = sentences.length): number {
  let sum = 0;
  let words = 0;
  for (let s = from; s < to; s++) {
    const sentence = sentences[s] as SentenceSubjectivity;
    sum += sentence.score * sentence.authorWords;
    words += sentence.authorWords;
  }
  return round(words === 0 ? 0 : sum / words);
}

// The indices of the features whose weight is not 0, in SENTENCE_FEATURES order; once per model.
const weightedCache = new WeakMap<Float64Array, number[]>();
function weightedFeatures(weights: Float64Array): number[] {
  let indices = weightedCache.get(weights);
  if (indices === undefined) {
    indices = [];
    for (let i = 0; i < weights.length; i++) if (weights[i] !== 0) indices.push(i);
    weightedCache.set(weights, indices);
  }
  return indices;
}

/**
 * Sentences' subjectivity taken together: scores, feature values and contributions averaged by author words
 * (the bias is a contribution too, so they add up to the mean log-odds), cues counted, weights summed.
 */
export function summariseSubjectivity(sentences: readonly SentenceSubjectivity[], lexicons: Lexicons): SubjectivitySummary {
  const model = lexicons.subjectivityModel;
  // A feature of weight 0 contributes 0 and is never listed: only the others are summed.
  const weighted = weightedFeatures(model.weights);
  let sum = 0;
  let words = 0;
  const values = new Float64Array(SENTENCE_FEATURES.length);
  for (const sentence of sentences) {
    if (sentence.authorWords === 0) continue;
    sum += sentence.score * sentence.authorWords;
    words += sentence.authorWords;
    // Zero values are skipped, which leaves every sum exactly as adding them would.
    sentence.addValues(values, sentence.authorWords);
  }
  const contributions: SubjectivityContribution[] = [];
  if (words > 0) {
    contributions.push({ feature: BIAS_FEATURE, value: 1, contribution: round(model.bias) });
    for (const i of weighted) {
      const value = (values[i] as number) / words;
      const contribution = round(value * (model.weights[i] as number));
      if (contribution !== 0) contributions.push({ feature: SENTENCE_FEATURES[i] as string, value: round(value), contribution });
    }
    contributions.sort((a, b) => Math.abs(b.contribution) - Math.abs(a.contribution) || (a.feature < b.feature ? -1 : 1));
  }
  return {
    score: round(words === 0 ? 0 : sum / words),
    cues: sentences.reduce((count, s) => count + s.cues.length, 0),
    weight: round(sentences.reduce((total, s) => total + s.weight, 0)),
    contributions,
  };
}
