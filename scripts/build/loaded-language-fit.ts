/**
 * What of the loaded-language score can be fitted, fitted on BASIL (expert-labelled news sentences, lexical
 * bias) folds 0-2 and judged on folds 3-4, which it never sees. Two questions, each answered by
 * cross-validation over folds 0-2 (a fold is a set of whole articles) before folds 3-4 are looked at:
 *   1. PRIOR_WORDS, the neutral words added to a text's length (src/core/metrics/loaded-language-score.ts):
 *      the smallest candidate whose AUC on folds 0-2 is within PRIOR_TOLERANCE of the best one's.
 *   2. Weights per finding category and voice: an L2-regularised logistic regression over the sentence's
 *      finding weight per category, outlet voice and quoted apart, shrunk towards the hand weights of
 *      src/core/data/categories.ts (the hand-weighted sum is a column of its own, scaled so that its penalty
 *      vanishes; the penalty falls on each category's departure from it). The fitted multipliers are worth
 *      shipping only if their out-of-fold AUC beats the hand weights' by SHIP_MARGIN.
 *   3. For the record, QUOTED_SHARE (how much quoted words count) on the same folds.
 * It prints the figures and a verdict; it writes nothing (the chosen PRIOR_WORDS is a constant in the code,
 * with these figures in its comment). Deterministic: the same data gives the same figures.
 * Run: npm run build:loaded-language-fit (reads ../shared/data/dev/ or $SLANT_DEV_DATA).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyze, loadLexicons } from '../../src/index.ts';
import { FINDING_CATEGORIES } from '../../src/core/data/index.ts';
import { QUOTED_SHARE, countedWeightAndWords, loadedDensity } from '../../src/core/metrics/loaded-language-score.ts';
import { fitLogistic } from '../../src/core/metrics/logistic-model.ts';
import { rocAuc } from '../eval/metrics.ts';

const root = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const devDir = process.env.SLANT_DEV_DATA ?? join(root, '..', 'shared', 'data', 'dev');
const DATA_FILE = 'basil_sentences.jsonl';
/** Folds fitted on; the rest (3 and 4) only measure. */
const FIT_FOLDS = [0, 1, 2];
const PRIOR_CANDIDATES = [10, 20, 40, 60, 80, 100, 150, 200, 300, 400, 1000];
/** A larger prior is taken only for more than this much AUC on folds 0-2: the simplest change that does about as well. */
const PRIOR_TOLERANCE = 0.001;
const QUOTED_SHARES = [0, 0.25, 0.5, 0.75, 1];
const PENALTIES = [0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100];
/** Fitted category weights must beat the hand weights by this much out of fold to be worth shipping. */
const SHIP_MARGIN = 0.005;
// The hand-weighted sum's column is multiplied by this, so that its coefficient, and so its penalty, is tiny.
const UNPENALISED_SCALE = 1000;

export type FitFinding = { category: string; quoted: boolean; weight: number };
/** A sentence as the fit reads it: its label, fold, outlet-voice and quoted words, and its findings' weights. */
export type FitSentence = { label: 0 | 1; fold: number; authorWords: number; quotedWords: number; findings: FitFinding[] };

/** The columns of the category fit: each category in the outlet's voice, then each in quotes. */
export const COLUMNS = [...FINDING_CATEGORIES.map((spec) => `${spec.id}/outlet`), ...FINDING_CATEGORIES.map((spec) => `${spec.id}/quoted`)];
const COLUMN_INDEX = new Map(COLUMNS.map((name, i) => [name, i]));

/**
 * The sentence's finding weight per 100 words, quoted findings and words at QUOTED_SHARE, with `priorWords`
 * neutral words: what the report's score saturates (the score is monotone in it, so the AUC is the same),
 * counted by the shipped code (loaded-language-score.ts). `multipliers` (by COLUMNS index) scales each
 * category and voice; none: the hand weights. `quotedShare` other than QUOTED_SHARE only to show how the
 * shipped share compares.
 */
export function sentenceDensity(sentence: FitSentence, priorWords: number, multipliers?: readonly number[], quotedShare = QUOTED_SHARE): number {
  let author = 0;
  let quoted = 0;
  for (const finding of sentence.findings) {
    const weight = finding.weight * (multipliers?.[columnOf(finding)] ?? 1);
    if (finding.quoted) quoted += weight;
    else author += weight;
  }
  const { weight, words } = countedWeightAndWords(author, sentence.authorWords, quoted, sentence.quotedWords, quotedShare);
  return loadedDensity(weight, words, priorWords);
}

/** The same density split into COLUMNS, for the category fit: each finding's share of it in its column. */
function densityColumns(sentence: FitSentence, priorWords: number): number[] {
  const row = new Array<number>(COLUMNS.length).fill(0);
  for (const finding of sentence.findings) {
    const { weight, words } = countedWeightAndWords(finding.quoted ? 0 : finding.weight, sentence.authorWords, finding.quoted ? finding.weight : 0, sentence.quotedWords);
    const column = columnOf(finding);
    row[column] = (row[column] as number) + loadedDensity(weight, words, priorWords);
  }
  return row;
}

const columnOf = (finding: FitFinding): number => COLUMN_INDEX.get(`${finding.category}/${finding.quoted ? 'quoted' : 'outlet'}`) as number;

const auc = (sentences: readonly FitSentence[], score: (s: FitSentence) => number): number =>
  rocAuc(
    sentences.map(score),
    sentences.map((s) => s.label),
  );

/** Each candidate's AUC on `sentences`, and the smallest candidate within PRIOR_TOLERANCE of the best. */
export function choosePriorWords(sentences: readonly FitSentence[], candidates: readonly number[]): { chosen: number; table: { priorWords: number; auc: number }[] } {
  const table = candidates.map((priorWords) => ({ priorWords, auc: auc(sentences, (s) => sentenceDensity(s, priorWords)) }));
  const best = Math.max(...table.map((row) => row.auc));
  const chosen = table.filter((row) => row.auc >= best - PRIOR_TOLERANCE).reduce((a, b) => (a.priorWords <= b.priorWords ? a : b)).priorWords;
  return { chosen, table };
}

/**
 * Multipliers (by COLUMNS index) of the hand weights, fitted to `sentences` with penalty `l2` on each
 * category's departure from the hand-weighted sum. 1 everywhere means the hand weights; a column with no
 * finding in the data stays at 1.
 */
export function fitMultipliers(sentences: readonly FitSentence[], priorWords: number, l2: number): number[] {
  const x = sentences.map((s) => {
    const columns = densityColumns(s, priorWords);
    return [columns.reduce((a, b) => a + b, 0) * UNPENALISED_SCALE, ...columns];
  });
  const fit = fitLogistic(
    x,
    sentences.map((s) => s.label),
    l2,
  );
  const scale = (fit.weights[0] as number) * UNPENALISED_SCALE;
  if (scale <= 0) return COLUMNS.map(() => 1);
  return COLUMNS.map((_, i) => (scale + (fit.weights[i + 1] as number)) / scale);
}

/** Out-of-fold AUC over `folds`: each fold scored by multipliers fitted on the others. */
export function crossValidatedAuc(sentences: readonly FitSentence[], folds: readonly number[], priorWords: number, l2: number): number {
  const scored: { score: number; label: 0 | 1 }[] = [];
  for (const fold of folds) {
    const multipliers = fitMultipliers(
      sentences.filter((s) => s.fold !== fold),
      priorWords,
      l2,
    );
    for (const s of sentences) if (s.fold === fold) scored.push({ score: sentenceDensity(s, priorWords, multipliers), label: s.label });
  }
  return rocAuc(
    scored.map((r) => r.score),
    scored.map((r) => r.label),
  );
}

type BasilRow = { text: string; label: 0 | 1; fold: number };

/** BASIL's sentences as the fit reads them, each analysed as a text of its own, as `npm run eval` does. */
function readSentences(path: string): FitSentence[] {
  const lexicons = loadLexicons();
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const row = JSON.parse(line) as BasilRow;
      const report = analyze(row.text, { lexicons });
      const findings = report.paragraphs
        .filter((p) => p.scored)
        .flatMap((p) => p.findings)
        .map((f) => ({ category: f.category, quoted: f.voice === 'quoted', weight: report.rules[f.rule]?.weight ?? 0 }));
      return { label: row.label, fold: row.fold, authorWords: report.summary.authorWords, quotedWords: report.summary.quotedWords, findings };
    });
}

function main(): void {
  const path = join(devDir, DATA_FILE);
  if (!existsSync(path)) {
    console.log(`skip: ${DATA_FILE} not found at ${path} (set SLANT_DEV_DATA to the folder holding it)`);
    return;
  }
  const all = readSentences(path);
  const fit = all.filter((s) => FIT_FOLDS.includes(s.fold));
  const held = all.filter((s) => !FIT_FOLDS.includes(s.fold));
  const fmt = (x: number): string => x.toFixed(4);
  console.log(`${DATA_FILE}: ${fit.length} sentences in folds ${FIT_FOLDS.join(', ')} (fitted on), ${held.length} in folds 3-4 (measured only)`);

  console.log('\n1. PRIOR_WORDS (hand weights): AUC on folds 0-2 pooled, per fold; folds 3-4');
  const { chosen, table } = choosePriorWords(fit, PRIOR_CANDIDATES);
  for (const row of table) {
    const perFold = FIT_FOLDS.map((fold) => fmt(auc(fit.filter((s) => s.fold === fold), (s) => sentenceDensity(s, row.priorWords)))).join(' ');
    console.log(`  ${String(row.priorWords).padStart(5)}  ${fmt(row.auc)}  (${perFold})  folds 3-4 ${fmt(auc(held, (s) => sentenceDensity(s, row.priorWords)))}`);
  }
  console.log(`  chosen: ${chosen} (the smallest within ${PRIOR_TOLERANCE} of the best on folds 0-2)`);

  console.log(`\n2. Category and voice weights at PRIOR_WORDS ${chosen}: out-of-fold AUC over folds 0-2`);
  const hand = auc(fit, (s) => sentenceDensity(s, chosen));
  let best = { l2: PENALTIES[0] as number, auc: Number.NEGATIVE_INFINITY };
  for (const l2 of PENALTIES) {
    const cv = crossValidatedAuc(fit, FIT_FOLDS, chosen, l2);
    console.log(`  l2 ${String(l2).padEnd(5)} ${fmt(cv)}`);
    if (cv > best.auc) best = { l2, auc: cv };
  }
  const multipliers = fitMultipliers(fit, chosen, best.l2);
  console.log(`  hand weights ${fmt(hand)}; fitted (l2 ${best.l2}) ${fmt(best.auc)}`);
  console.log(`  folds 3-4: hand ${fmt(auc(held, (s) => sentenceDensity(s, chosen)))}, fitted ${fmt(auc(held, (s) => sentenceDensity(s, chosen, multipliers)))}`);
  console.log('  fitted multipliers of the hand weights (outlet voice, quoted):');
  for (const spec of FINDING_CATEGORIES) {
    const i = COLUMN_INDEX.get(`${spec.id}/outlet`) as number;
    const j = COLUMN_INDEX.get(`${spec.id}/quoted`) as number;
    console.log(`    ${spec.id.padEnd(18)} x${(multipliers[i] as number).toFixed(2)}  x${(multipliers[j] as number).toFixed(2)}`);
  }
  const ship = best.auc >= hand + SHIP_MARGIN;
  console.log(ship ? `  verdict: the fitted weights beat the hand weights by ${fmt(best.auc - hand)} out of fold: worth shipping` : `  verdict: not shipped: out of fold the fitted weights gain ${fmt(best.auc - hand)} over the hand weights (less than ${SHIP_MARGIN})`);

  console.log(`\n3. QUOTED_SHARE (${QUOTED_SHARE} shipped), at PRIOR_WORDS ${chosen}: AUC on folds 0-2; folds 3-4`);
  for (const share of QUOTED_SHARES) {
    console.log(`  ${share.toFixed(2)}  ${fmt(auc(fit, (s) => sentenceDensity(s, chosen, undefined, share)))}  folds 3-4 ${fmt(auc(held, (s) => sentenceDensity(s, chosen, undefined, share)))}`);
  }
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
