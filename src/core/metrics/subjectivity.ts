/**
 * Subjectivity of the author's voice, 0..1 per sentence: a small logistic model (weights fitted on the
 * CheckThat! 2024 subjectivity training data, shipped in `lexicons/en/subjectivity-model.jsonl`) over the
 * sentence features of sentence-features.ts. Each feature's contribution to the log-odds is kept, so a score
 * shows what raised or lowered it; each word that raised it is a cue with a span. 0.5 is the boundary
 * between an objective and a subjective sentence. Quoted words are the speaker's, not the outlet's.
 */
import { BIAS_FEATURE, SENTENCE_FEATURES, type Lexicons } from '../data/index.ts';
import { releaseBuffers, type SegmentedArticle } from '../text/index.ts';
import type { RawFinding } from './loaded-language.ts';
import type { SentimentColumns } from './sentiment.ts';
import { cueColumns, filledCues, measureSentences, type CueColumns, type FeatureCue } from './sentence-features.ts';
import { logOddsOf, sigmoid } from './logistic-model.ts';
import { round } from './round.ts';

// Every sentence's non-zero feature values, for the article: feature index and value, a sentence's a run of
// them in index order. Most features of a sentence are 0 (a one-word paragraph has 2 of 43), and a vector kept
// per sentence cost ~600 bytes a sentence.
type FeaturePool = { index: Uint8Array; value: Float64Array; length: number };
// A feature's index is kept in a byte: a model with more features must widen `index`, not wrap silently.
if (SENTENCE_FEATURES.length > 256) throw new Error(`subjectivity.ts keeps feature indexes in bytes: ${SENTENCE_FEATURES.length} features are more than 256`);

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

/**
 * Every sentence's subjectivity (flattened in text order), as columns indexed by sentence: its 0..1 score, its
 * author words, its cues (cues cueFrom[s]..cueFrom[s + 1], the words that raised the score; `cueWeight` sums
 * them) and the feature values the model read (read them with sentenceValues). An object per sentence was ~13
 * MB on a megabyte of one-word paragraphs, alive until the report is serialised.
 */
export type SubjectivityColumns = {
  count: number;
  score: Float64Array;
  authorWords: Int32Array;
  cueFrom: Int32Array;
  cues: CueColumns;
  featureFrom: Int32Array;
  features: FeaturePool;
};

/** The feature values the model read of sentence `s`, per SENTENCE_FEATURES index (a new vector each time). */
export function sentenceValues(sentences: SubjectivityColumns, s: number): Float64Array {
  const values = new Float64Array(SENTENCE_FEATURES.length);
  const { index, value } = sentences.features;
  for (let k = sentences.featureFrom[s] as number; k < (sentences.featureFrom[s + 1] as number); k++) values[index[k] as number] = value[k] as number;
  return values;
}

/** The model's log-odds for sentence `s` (bias included); 0 without author words. */
export function sentenceLogOdds(sentences: SubjectivityColumns, s: number, lexicons: Lexicons): number {
  const model = lexicons.subjectivityModel;
  return sentences.authorWords[s] === 0 ? 0 : logOddsOf(model.bias, model.weights, sentenceValues(sentences, s));
}

/** The cues of sentence `s` as objects, in text order (a new list each time; the report reads the columns). */
export function sentenceCues(sentences: SubjectivityColumns, s: number): FeatureCue[] {
  const { cues } = sentences;
  const out: FeatureCue[] = [];
  for (let k = sentences.cueFrom[s] as number; k < (sentences.cueFrom[s + 1] as number); k++) {
    const label = cues.label[k] as number;
    out.push({ start: cues.start[k] as number, end: cues.end[k] as number, rule: cues.labels.rule[label] as string, source: cues.labels.source[label] as string, weight: cues.weight[k] as number });
  }
  return out;
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
  sentiment: SentimentColumns,
  rulesSource: string,
): SubjectivityColumns {
  const model = lexicons.subjectivityModel;
  const sentences = columnsFor(article.sentences.count, article.tokens.count);
  let s = 0;
  measureSentences(article, lexicons, masks, findings, sentiment, rulesSource, sentences.cues, ({ values, authorWords, cueFrom }) => {
    keep(sentences.features, values);
    sentences.featureFrom[s + 1] = sentences.features.length;
    // A sentence without author words has no score and shows no cues.
    if (authorWords === 0) dropCues(sentences.cues, cueFrom);
    sentences.cueFrom[s + 1] = sentences.cues.length;
    sentences.authorWords[s] = authorWords;
    if (authorWords > 0) sentences.score[s] = sigmoid(logOddsOf(model.bias, model.weights, values));
    s++;
  });
  sentences.cues = filledCues(sentences.cues);
  // The pool as filled (`length` first, its arrays replaced as it grows) handed on in the readers' shape, as the cues
  // are: in one shape, its first growth past an article's room (PolNeAR's 402nd) deoptimised summariseSubjectivity.
  const { index, value, length } = sentences.features;
  sentences.features = { index, value, length };
  return sentences;
}

/** Frees the memory of the columns now (text/release-buffers.ts): for the pipeline once the report is built; they must not be read after. */
export function releaseSubjectivity(sentences: SubjectivityColumns): void {
  const { features, cues } = sentences;
  releaseBuffers([sentences.score, sentences.authorWords, sentences.cueFrom, sentences.featureFrom, features.index, features.value, cues.start, cues.end, cues.weight, cues.label]);
}

function dropCues(cues: CueColumns, from: number): void {
  cues.length = from;
}

// Room for this many cues at first, in an article's columns (they grow as needed).
const FIRST_CUES = 256;

// An article's columns for `count` sentences, as views into one buffer: a buffer per typed array (ten per
// article) cost more than filling them, ~1 µs each measured, where a view costs a small object.
// The feature pool's first room: 2 a sentence (a one-word paragraph's count) and one per 4 tokens. News holds
// ~6 a sentence (0.3 a token): at 2 a sentence alone, 610 of PolNeAR's 840 articles grew the pool, a new pair
// of off-heap buffers and a copy each time; at 1 MB of one-word paragraphs this adds ~1 MB.
function columnsFor(count: number, tokens: number): SubjectivityColumns {
  const pooled = 64 + count * 2 + (tokens >> 2);
  const f64 = count + pooled + FIRST_CUES;
  const i32 = 3 * count + 2 + 3 * FIRST_CUES;
  const buffer = new ArrayBuffer(8 * f64 + 4 * i32 + pooled);
  let at = 0;
  const float64 = (length: number): Float64Array => {
    const view = new Float64Array(buffer, at, length);
    at += 8 * length;
    return view;
  };
  const int32 = (length: number): Int32Array => {
    const view = new Int32Array(buffer, at, length);
    at += 4 * length;
    return view;
  };
  const score = float64(count);
  const value = float64(pooled);
  const cueWeights = float64(FIRST_CUES);
  const authorWords = int32(count);
  const cueFrom = int32(count + 1);
  const featureFrom = int32(count + 1);
  const cues = cueColumns(int32(FIRST_CUES), int32(FIRST_CUES), cueWeights, int32(FIRST_CUES));
  const index = new Uint8Array(buffer, at, pooled);
  return { count, score, authorWords, cueFrom, cues, featureFrom, features: { length: 0, index, value } };
}

/**
 * The summed weight of sentence `s`'s cues (0 without author words, which show none); summed in cue order, as
 * scoring did when it kept this per sentence (a column of 8 bytes a sentence, 1.4 MB at 1 MB of one-word lines).
 */
function cueWeight(sentences: SubjectivityColumns, s: number): number {
  let weight = 0;
  const to = sentences.cueFrom[s + 1] as number;
  for (let k = sentences.cueFrom[s] as number; k < to; k++) weight += sentences.cues.weight[k] as number;
  return weight;
}

/** The subjectivity of sentences `from` to `to` (exclusive) together: their scores averaged by author words, 4 decimals. */
export function subjectivityScore(sentences: SubjectivityColumns, from = 0, to = sentences.count): number {
  let sum = 0;
  let words = 0;
  for (let s = from; s < to; s++) {
    const authorWords = sentences.authorWords[s] as number;
    sum += (sentences.score[s] as number) * authorWords;
    words += authorWords;
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

const SUMMED_VALUES = new Float64Array(SENTENCE_FEATURES.length);

/**
 * Sentences' subjectivity taken together: scores, feature values and contributions averaged by author words
 * (the bias is a contribution too, so they add up to the mean log-odds), cues counted, weights summed.
 */
export function summariseSubjectivity(sentences: SubjectivityColumns, lexicons: Lexicons, which: ArrayLike<number> = allOf(sentences)): SubjectivitySummary {
  const model = lexicons.subjectivityModel;
  // A feature of weight 0 contributes 0 and is never listed: only the others are summed.
  const weighted = weightedFeatures(model.weights);
  const { index, value: pooled } = sentences.features;
  let sum = 0;
  let words = 0;
  let cues = 0;
  let weight = 0;
  // Summed into one vector kept between calls (cleared here, read only below): a new one per call was an
  // off-heap buffer per article.
  const values = SUMMED_VALUES.fill(0);
  for (let w = 0; w < which.length; w++) {
    const s = which[w] as number;
    cues += (sentences.cueFrom[s + 1] as number) - (sentences.cueFrom[s] as number);
    weight += cueWeight(sentences, s);
    const authorWords = sentences.authorWords[s] as number;
    if (authorWords === 0) continue;
    sum += (sentences.score[s] as number) * authorWords;
    words += authorWords;
    // Zero values are skipped, which leaves every sum exactly as adding them would.
    for (let k = sentences.featureFrom[s] as number; k < (sentences.featureFrom[s + 1] as number); k++) {
      const i = index[k] as number;
      values[i] = (values[i] as number) + (pooled[k] as number) * authorWords;
    }
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
  return { score: round(words === 0 ? 0 : sum / words), cues, weight: round(weight), contributions };
}

function allOf(sentences: SubjectivityColumns): number[] {
  const all: number[] = [];
  for (let s = 0; s < sentences.count; s++) all.push(s);
  return all;
}
