/** Evaluation statistics used by `npm run eval`: pure functions over scores and labels. */

/** ROC-AUC by the rank-sum (Mann-Whitney) formula, ties counted as half; NaN without both classes. */
export function rocAuc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = scores.map((score, i) => ({ score, label: labels[i] as 0 | 1 })).sort((a, b) => a.score - b.score);
  let rankSumPositive = 0;
  let positives = 0;
  let i = 0;
  while (i < order.length) {
    let j = i;
    while (j + 1 < order.length && (order[j + 1] as { score: number }).score === (order[i] as { score: number }).score) j++;
    const averageRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if ((order[k] as { label: number }).label === 1) {
        rankSumPositive += averageRank;
        positives++;
      }
    }
    i = j + 1;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSumPositive - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/** Macro-averaged F1 over the two classes for predictions `score >= threshold`. */
export function macroF1(scores: readonly number[], labels: readonly (0 | 1)[], threshold: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  scores.forEach((score, i) => {
    const predicted = score >= threshold ? 1 : 0;
    const label = labels[i];
    if (predicted === 1 && label === 1) tp++;
    else if (predicted === 1) fp++;
    else if (label === 1) fn++;
    else tn++;
  });
  const f1 = (a: number, b: number, c: number): number => (a === 0 ? 0 : (2 * a) / (2 * a + b + c));
  return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
}

/** The threshold (among the observed scores) that maximises macro-F1, with that F1. */
export function bestThreshold(scores: readonly number[], labels: readonly (0 | 1)[]): { threshold: number; f1: number } {
  let best = { threshold: Number.POSITIVE_INFINITY, f1: macroF1(scores, labels, Number.POSITIVE_INFINITY) };
  for (const threshold of [...new Set(scores)].sort((a, b) => a - b)) {
    const f1 = macroF1(scores, labels, threshold);
    if (f1 > best.f1) best = { threshold, f1 };
  }
  return best;
}

export type Range = { start: number; end: number };

/** Span precision (predicted spans overlapping a gold span) and recall (gold spans overlapped). */
export function spanOverlap(predicted: readonly Range[], gold: readonly Range[]): { hitPredicted: number; hitGold: boolean[] } {
  const overlaps = (a: Range, b: Range): boolean => a.start < b.end && b.start < a.end;
  const hitPredicted = predicted.filter((p) => gold.some((g) => overlaps(p, g))).length;
  const hitGold = gold.map((g) => predicted.some((p) => overlaps(p, g)));
  return { hitPredicted, hitGold };
}
