// Part of `npm run bench`: the figures every part reports from its samples.

/**
 * The `p`th percentile of `values` by nearest rank: the smallest value with at least p % of the
 * values at or below it (the largest for p = 100). So the p95 of 20 runs is the 19th, not the
 * largest; of 10 runs it is still the largest.
 */
export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
};

export const median = (values: number[]): number => percentile(values, 50);
