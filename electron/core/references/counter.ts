import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

/**
 * Next human reference for a kind and year (`B-2026-00042`). The counter only goes up, so a
 * number is never reused, even after an archive or a merge.
 */
export function allocateReference(db: Db, prefix: string, year: number): string {
  const row = prepared(
    db,
    `INSERT INTO reference_counters (kind, year, last) VALUES (?, ?, 1)
       ON CONFLICT (kind, year) DO UPDATE SET last = last + 1
       RETURNING last`,
  ).get(prefix, year) as { last: number };
  return `${prefix}-${year}-${String(row.last).padStart(5, '0')}`;
}
