// Part of `npm run bench`: the samples every part takes, and the figures it reports from them.
import { performance } from 'node:perf_hooks';

/** Milliseconds `run` took. */
export function timed(run: () => unknown): number {
  const start = performance.now();
  run();
  return performance.now() - start;
}

/** Milliseconds of each of `runs` runs (given its index), after `warmUp` runs left untimed. */
export function timedRuns(runs: number, run: (i: number) => unknown, warmUp = 0): number[] {
  for (let i = 0; i < warmUp; i++) run(i);
  return Array.from({ length: runs }, (_, i) => timed(() => run(i)));
}

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
