// Part of `npm run bench` (scripts/bench.ts): the beneficiaries search as a volunteer types it, and
// every sort of the list paged at its start, middle and end, on the 50,000-person file; the same
// searches on a plain (unencrypted) copy give the cost of the encryption.
import { beneficiarySearchSchema, type BeneficiaryInput } from '../electron/contract';
import { searchIn } from '../electron/core/beneficiaries/service';
import type { Db } from '../electron/core/db/database';
import { percentile, timed } from './bench-stats';

export interface SearchBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const SORTS = ['reference', 'name', 'age', 'category', 'nationality', 'city', 'createdAt'] as const;
const PAGE = 100;

/** What a volunteer types, letter by letter: prefixes of real first and last names. */
export function typedQueries(people: BeneficiaryInput[], random: () => number, count: number): string[] {
  const named = people.filter((p) => p.personal);
  const queries: string[] = [];
  while (queries.length < count) {
    const p = named[Math.floor(random() * named.length)].personal!;
    const word = random() < 0.5 ? p.firstName : p.lastName;
    for (let n = 2; n <= Math.min(word.length, 7) && queries.length < count; n++) queries.push(word.slice(0, n));
  }
  return queries;
}

/** The search a query is timed with: the sort changes from one query to the next (all of them, both ways). */
function searchOf(queries: string[], i: number) {
  const sort = { by: SORTS[i % SORTS.length], direction: i % 2 === 0 ? 'desc' : 'asc' } as const;
  return beneficiarySearchSchema.parse({ query: queries[i], sort, limit: 50 });
}

/**
 * Each query on both files, one right after the other (which one first alternates), so a change
 * in the machine's load weighs on both alike.
 */
function searchTimes(encrypted: Db, plain: Db, queries: string[], year: number): { enc: number[]; pla: number[] } {
  const enc: number[] = [];
  const pla: number[] = [];
  queries.forEach((_, i) => {
    const params = searchOf(queries, i);
    const runs: [Db, number[]][] = [
      [encrypted, enc],
      [plain, pla],
    ];
    for (const [db, times] of i % 2 === 0 ? runs : runs.reverse()) times.push(timed(() => searchIn(db, params, year)));
  });
  return { enc, pla };
}

/** A page of the whole list at its start, middle and end, both ways, a few times over. */
function pageTimes(db: Db, by: (typeof SORTS)[number], people: number, year: number): number[] {
  const times: number[] = [];
  for (let round = 0; round < 5; round++) {
    for (const offset of [0, Math.floor(people / 2), Math.max(0, people - PAGE)]) {
      for (const direction of ['asc', 'desc'] as const) {
        const params = beneficiarySearchSchema.parse({ sort: { by, direction }, offset, limit: PAGE });
        times.push(timed(() => searchIn(db, params, year)));
      }
    }
  }
  return times;
}

export function benchSearch(encrypted: Db, plain: Db, queries: string[], people: number, now: Date): SearchBenchResult[] {
  const year = now.getUTCFullYear();
  // Warm: every query once before it is timed, on both files, so both read from their page cache
  // (what the encrypted/plain ratio compares) and the first query pays no statement compilation.
  searchTimes(encrypted, plain, queries, year);
  const { enc, pla } = searchTimes(encrypted, plain, queries, year);
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  console.log(`plain: search p50 ${percentile(pla, 50).toFixed(1)} ms, p95 ${percentile(pla, 95).toFixed(1)} ms`);
  return [
    { name: `search operation p50 (${people} people, ${queries.length} typed queries, every sort)`, value: percentile(enc, 50), unit: 'ms', target: 2.5 },
    { name: `search operation p95 (${people} people, ${queries.length} typed queries, every sort)`, value: percentile(enc, 95), unit: 'ms', target: 5 },
    ...SORTS.map((by) => ({
      name: `list page p95 (${PAGE} rows), sorted by ${by}, at offsets 0/middle/end`,
      value: percentile(pageTimes(encrypted, by, people, year), 95),
      unit: 'ms',
      target: 10,
    })),
    { name: 'encrypted / plain search time', value: sum(enc) / sum(pla), unit: '×', target: 1.1 },
  ];
}
