/**
 * A small logistic model: the probability from a bias and weighted features, each feature's contribution
 * to the log-odds (the evidence a report shows), and an L2-regularised fit by iteratively reweighted least
 * squares (deterministic: no random start, no sampling), used by `npm run build:subjectivity-model`.
 */

/** The logistic function: log-odds to a probability in 0..1. */
export function sigmoid(logOdds: number): number {
  return logOdds >= 0 ? 1 / (1 + Math.exp(-logOdds)) : Math.exp(logOdds) / (1 + Math.exp(logOdds));
}

/** Log-odds of a probability, clamped away from 0 and 1 so that it stays finite. */
export function logit(probability: number): number {
  const p = Math.min(1 - 1e-9, Math.max(1e-9, probability));
  return Math.log(p / (1 - p));
}

/** The bias plus each weight times its feature value: the model's log-odds for one vector. */
export function logOddsOf(bias: number, weights: ArrayLike<number>, values: ArrayLike<number>): number {
  let sum = bias;
  for (let i = 0; i < weights.length; i++) sum += (weights[i] as number) * (values[i] as number);
  return sum;
}

export type LogisticFit = { bias: number; weights: number[]; iterations: number };

/**
 * Fits bias and weights to rows `x` (features already on comparable scales) and labels `y` in {0, 1},
 * minimising log-loss + `l2` / 2 * |weights|^2 (the bias is not penalised) by Newton steps (IRLS) until the
 * largest change is below 1e-8 or `maxIterations` pass.
 */
export function fitLogistic(x: readonly (readonly number[])[], y: readonly number[], l2: number, maxIterations = 50): LogisticFit {
  const n = x.length;
  const d = (x[0]?.length ?? 0) + 1;
  // Column 0 is the bias.
  const beta = new Array<number>(d).fill(0);
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let r = 0; r < n; r++) {
      const row = [1, ...(x[r] as number[])];
      const p = sigmoid(logOddsOf(0, beta, row));
      const w = Math.max(p * (1 - p), 1e-10);
      const residual = (y[r] as number) - p;
      for (let i = 0; i < d; i++) {
        gradient[i] = (gradient[i] as number) + residual * (row[i] as number);
        const hi = hessian[i] as number[];
        for (let j = 0; j <= i; j++) hi[j] = (hi[j] as number) + w * (row[i] as number) * (row[j] as number);
      }
    }
    for (let i = 0; i < d; i++) {
      const hi = hessian[i] as number[];
      for (let j = 0; j < i; j++) (hessian[j] as number[])[i] = hi[j] as number;
      if (i > 0) {
        gradient[i] = (gradient[i] as number) - l2 * (beta[i] as number);
        hi[i] = (hi[i] as number) + l2;
      }
    }
    const step = solveSymmetric(hessian, gradient);
    let largest = 0;
    for (let i = 0; i < d; i++) {
      beta[i] = (beta[i] as number) + (step[i] as number);
      largest = Math.max(largest, Math.abs(step[i] as number));
    }
    if (largest < 1e-8) break;
  }
  return { bias: beta[0] as number, weights: beta.slice(1), iterations };
}

// Gaussian elimination with partial pivoting; the matrix is positive definite once the L2 term is added.
function solveSymmetric(matrix: number[][], vector: number[]): number[] {
  const d = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] as number]);
  for (let col = 0; col < d; col++) {
    let pivot = col;
    for (let r = col + 1; r < d; r++) if (Math.abs((a[r] as number[])[col] as number) > Math.abs((a[pivot] as number[])[col] as number)) pivot = r;
    [a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]];
    const top = a[col] as number[];
    const diagonal = top[col] as number;
    if (Math.abs(diagonal) < 1e-12) continue;
    for (let r = col + 1; r < d; r++) {
      const row = a[r] as number[];
      const factor = (row[col] as number) / diagonal;
      if (factor === 0) continue;
      for (let c = col; c <= d; c++) row[c] = (row[c] as number) - factor * (top[c] as number);
    }
  }
  const solution = new Array<number>(d).fill(0);
  for (let r = d - 1; r >= 0; r--) {
    const row = a[r] as number[];
    let sum = row[d] as number;
    for (let c = r + 1; c < d; c++) sum -= (row[c] as number) * (solution[c] as number);
    const diagonal = row[r] as number;
    solution[r] = Math.abs(diagonal) < 1e-12 ? 0 : sum / diagonal;
  }
  return solution;
}
