/**
 * Fits the subjectivity model and writes lexicons/en/subjectivity-model.jsonl: an L2-regularised logistic
 * regression over the sentence features (src/core/data/subjectivity-model.ts) on the CheckThat! 2024 Task 2
 * English `train` and `dev` splits only (`dev_test` is left for `npm run eval`). The penalty is chosen by
 * 5-fold cross-validation (repeated over 10 fixed shuffles) on those splits, the decision threshold on their
 * out-of-fold predictions and folded into the bias, so that 0.5 is the boundary. Deterministic: the same
 * data gives the same file.
 * Run: npm run build:subjectivity-model (reads ../shared/data/dev/ or $SLANT_DEV_DATA).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadLexicons, segmentArticle } from '../../src/index.ts';
import { BIAS_FEATURE, SENTENCE_FEATURES, type Lexicons } from '../../src/core/data/index.ts';
import { runMetrics, sentenceValues } from '../../src/core/metrics/index.ts';
import { classifyBlocks } from '../../src/core/roles/index.ts';
import { fitLogistic, logOddsOf, logit, sigmoid } from '../../src/core/metrics/logistic-model.ts';
import { bestThreshold, macroF1, rocAuc } from '../eval/metrics.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const devDir = process.env.SLANT_DEV_DATA ?? join(root, '..', 'shared', 'data', 'dev');
const DATA_FILE = 'checkthat_subj_en_dev.jsonl';
const FIT_SPLITS = ['train', 'dev'];
const PENALTIES = [0.3, 1, 3, 10, 30, 50, 100, 200];
const FOLDS = 5;
// Cross-validation is repeated over this many fold assignments, so the threshold does not hang on one split.
const REPEATS = 10;

type Row = { text: string; label: 0 | 1; split: string };

/**
 * A text's feature vector as the report's summary reads it: its scored sentences' feature values averaged by
 * author words (the same average that gives `summary.subjectivity`), or undefined without author words.
 */
export function textFeatures(text: string, lexicons: Lexicons): number[] | undefined {
  const article = segmentArticle(text, lexicons.abbreviations);
  const blocks = classifyBlocks(article, lexicons.words, { hints: [] });
  const metrics = runMetrics(article, lexicons, {}, blocks);
  const sums = new Array<number>(SENTENCE_FEATURES.length).fill(0);
  let words = 0;
  article.paragraphs.forEach((paragraph, p) => {
    for (let s = paragraph.sentenceStart; s < paragraph.sentenceEnd; s++) {
      const authorWords = metrics.subjectivity.authorWords[s] ?? 0;
      if (metrics.scored[p] !== 1 || authorWords === 0) continue;
      words += authorWords;
      const values = sentenceValues(metrics.subjectivity, s);
      for (let i = 0; i < sums.length; i++) sums[i] = (sums[i] as number) + (values[i] as number) * authorWords;
    }
  });
  return words === 0 ? undefined : sums.map((sum) => sum / words);
}

type Standardised = { x: number[][]; mean: number[]; scale: number[] };
function standardise(x: readonly number[][]): Standardised {
  const d = SENTENCE_FEATURES.length;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  for (let i = 0; i < d; i++) {
    const column = x.map((row) => row[i] as number);
    const m = column.reduce((a, b) => a + b, 0) / column.length;
    const variance = column.reduce((a, b) => a + (b - m) ** 2, 0) / column.length;
    mean[i] = m;
    // A feature that never varies in the data keeps weight 0 (its standardised column is all 0).
    scale[i] = variance > 1e-12 ? Math.sqrt(variance) : Number.POSITIVE_INFINITY;
  }
  return { x: x.map((row) => row.map((v, i) => (Number.isFinite(scale[i]) ? (v - (mean[i] as number)) / (scale[i] as number) : 0))), mean, scale };
}

/** Fits on raw rows; returns the bias and weights on the raw feature scale (what the report multiplies). */
function fitRaw(x: number[][], y: number[], l2: number): { bias: number; weights: number[] } {
  const z = standardise(x);
  const fit = fitLogistic(z.x, y, l2);
  const weights = fit.weights.map((w, i) => (Number.isFinite(z.scale[i]) ? w / (z.scale[i] as number) : 0));
  const bias = fit.bias - weights.reduce((sum, w, i) => sum + w * (z.mean[i] as number), 0);
  return { bias, weights };
}

// Fold of row i in repeat r: a fixed shuffle (a linear congruential sequence), the same on every run.
function foldsOf(n: number, repeat: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  let state = 12345 + repeat * 7919;
  for (let i = n - 1; i > 0; i--) {
    state = (state * 1103515245 + 12345) % 2147483648;
    const j = state % (i + 1);
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  const folds = new Array<number>(n).fill(0);
  order.forEach((row, position) => (folds[row] = position % FOLDS));
  return folds;
}

/** Out-of-fold predictions of every repeat, concatenated (REPEATS x rows), with the labels to match. */
function crossValidate(x: number[][], y: number[], l2: number): { predictions: number[]; labels: number[] } {
  const predictions: number[] = [];
  const labels: number[] = [];
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const folds = foldsOf(x.length, repeat);
    const out = new Array<number>(x.length).fill(0);
    for (let fold = 0; fold < FOLDS; fold++) {
      const trainIdx = x.map((_, i) => i).filter((i) => folds[i] !== fold);
      const model = fitRaw(trainIdx.map((i) => x[i] as number[]), trainIdx.map((i) => y[i] as number), l2);
      x.forEach((row, i) => {
        if (folds[i] === fold) out[i] = sigmoid(logOddsOf(model.bias, model.weights, row));
      });
    }
    predictions.push(...out);
    labels.push(...y);
  }
  return { predictions, labels };
}

function logLoss(p: readonly number[], y: readonly number[]): number {
  return -p.reduce((sum, pi, i) => sum + (y[i] === 1 ? Math.log(Math.max(pi, 1e-12)) : Math.log(Math.max(1 - pi, 1e-12))), 0) / p.length;
}

function main(): void {
  const path = join(devDir, DATA_FILE);
  if (!existsSync(path)) {
    console.log(`skip: ${DATA_FILE} not found at ${path} (set SLANT_DEV_DATA to the folder holding it); the model is unchanged`);
    return;
  }
  const lexicons = loadLexicons();
  const rows = readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Row)
    .filter((row) => FIT_SPLITS.includes(row.split));
  const x: number[][] = [];
  const y: number[] = [];
  let skipped = 0;
  for (const row of rows) {
    const features = textFeatures(row.text, lexicons);
    if (features === undefined) skipped++;
    else {
      x.push(features);
      y.push(row.label);
    }
  }
  console.log(`${DATA_FILE}: ${x.length} sentences of ${FIT_SPLITS.join('+')} (${skipped} without author words left out)`);
  let best = { l2: PENALTIES[0] as number, loss: Number.POSITIVE_INFINITY, predictions: [] as number[], labels: [] as (0 | 1)[] };
  for (const l2 of PENALTIES) {
    const { predictions, labels } = crossValidate(x, y, l2);
    const loss = logLoss(predictions, labels);
    console.log(`  l2 ${String(l2).padEnd(4)} cross-validated log-loss ${loss.toFixed(4)}  ROC-AUC ${rocAuc(predictions, labels as (0 | 1)[]).toFixed(3)}`);
    if (loss < best.loss) best = { l2, loss, predictions, labels: labels as (0 | 1)[] };
  }
  const { threshold, f1 } = bestThreshold(best.predictions, best.labels);
  console.log(`chosen l2 ${best.l2}; threshold ${threshold.toFixed(3)} (cross-validated macro-F1 ${f1.toFixed(3)}, at 0.5: ${macroF1(best.predictions, best.labels, 0.5).toFixed(3)})`);
  const model = fitRaw(x, y, best.l2);
  // The threshold becomes the bias's offset, so that the shipped score's boundary is 0.5.
  const bias = model.bias - logit(threshold);
  const records = [
    { feature: BIAS_FEATURE, weight: bias },
    ...SENTENCE_FEATURES.map((feature, i) => ({ feature, weight: model.weights[i] as number })),
  ]
    .map((record) => ({ feature: record.feature, weight: Math.round(record.weight * 10000) / 10000 }))
    .sort((a, b) => (a.feature < b.feature ? -1 : 1));
  const version = process.env.SLANT_MODEL_VERSION ?? '1.0.0';
  const header = [
    '# source: fitted by scripts/build/subjectivity-model.ts (npm run build:subjectivity-model) on the English train and dev splits of CLEF CheckThat! 2024 Task 2, subjectivity in news articles (sentences labelled by annotators); dev_test was not used',
    '# license: CC BY-NC-SA 4.0 applies to the CheckThat! data; this file ships only fitted coefficients (derived facts: one number per feature), no text or labels from it',
    `# version: ${version}`,
    '# edit: generated; re-fit with npm run build:subjectivity-model after changing the features or the word lists they read, never by hand',
    `# Logistic regression, L2 penalty ${best.l2} on standardised features (chosen by ${FOLDS}-fold cross-validation repeated ${REPEATS} times, log-loss ${best.loss.toFixed(4)}),`,
    `# weights given on the raw feature scale; the decision threshold ${threshold.toFixed(4)} (best cross-validated macro-F1, ${f1.toFixed(3)}) is folded into the bias.`,
    '# A sentence scores sigmoid(bias + sum of weight * value); each feature is described in src/core/data/subjectivity-model.ts.',
  ];
  writeFileSync(join(root, 'lexicons', 'en', 'subjectivity-model.jsonl'), `${header.join('\n')}\n${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
  console.log('lexicons/en/subjectivity-model.jsonl written:');
  for (const record of [...records].sort((a, b) => Math.abs(b.weight) - Math.abs(a.weight))) console.log(`  ${record.feature.padEnd(28)} ${record.weight.toFixed(4)}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
