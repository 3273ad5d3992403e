/**
 * Length-weighted statistics for aggregating paragraph scores, on mathjs (only the functions used are
 * instantiated, which keeps start-up cheap when bundled).
 */
import { create, sumDependencies, dotDependencies, maxDependencies, type FactoryFunctionMap } from 'mathjs';

// The dependency maps are typed as optional; they are always present in mathjs' build.
const math = create({ sumDependencies, dotDependencies, maxDependencies } as FactoryFunctionMap);

export type Distribution = { mean: number; std: number; max: number };

/** Weighted mean, weighted population standard deviation and maximum; all 0 for no weight. */
export function weightedDistribution(values: readonly number[], weights: readonly number[]): Distribution {
  const total = values.length === 0 ? 0 : (math.sum([...weights]) as number);
  if (total <= 0) return { mean: 0, std: 0, max: values.length === 0 ? 0 : (math.max([...values]) as number) };
  const mean = (math.dot([...values], [...weights]) as number) / total;
  const squared = values.map((value) => (value - mean) ** 2);
  const variance = (math.dot(squared, [...weights]) as number) / total;
  return { mean, std: Math.sqrt(variance), max: math.max([...values]) as number };
}
