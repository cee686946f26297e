// Part of `npm run bench`: the figures every part reports from its samples.

/** The `p`th percentile of `values` (nearest rank; the largest for p = 100). */
export const percentile = (values: number[], p: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};

export const median = (values: number[]): number => percentile(values, 50);
