/**
 * Figures as reports carry them: 4 decimals, so that reports diff cleanly and a summary compares the same
 * numbers a reader sees.
 */

/** Rounds to 4 decimals; -0 becomes 0 so JSON stays stable. */
export function round(value: number): number {
  const rounded = Math.round(value * 10_000) / 10_000;
  return Object.is(rounded, -0) ? 0 : rounded;
}
