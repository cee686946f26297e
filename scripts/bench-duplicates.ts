// Part of `npm run bench` (scripts/bench.ts): the "possible duplicates" screen's operation on the
// 50,000-person file. The demo's names come from small lists, so many people share a name and a
// birth year by chance: the blocks the finder compares within are fuller than in a real file.
import { performance } from 'node:perf_hooks';
import { duplicatePairs } from '../electron/core/beneficiaries/duplicate-finder';
import type { Db } from '../electron/core/db/database';

export interface DuplicatesBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const RUNS = 3;

export function benchDuplicates(db: Db, people: number): DuplicatesBenchResult[] {
  const times: number[] = [];
  let found = 0;
  // The processor time beside the elapsed time: on a busy machine the first stays what it would be on an idle one.
  const cpu = process.cpuUsage();
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    found = duplicatePairs(db).total;
    times.push(performance.now() - start);
  }
  const { user, system } = process.cpuUsage(cpu);
  console.log(
    `duplicates: ${found} pairs proposed among ${people} people; runs ${times.map((t) => t.toFixed(0)).join(', ')} ms, ${((user + system) / 1000 / RUNS).toFixed(0)} ms of processor time each`,
  );
  return [{ name: `possible duplicates screen (beneficiaries.duplicatePairs, ${people} people), median of ${RUNS}`, value: [...times].sort((a, b) => a - b)[1], unit: 'ms', target: 2000 }];
}
