import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

/**
 * Next human reference for a kind and year (`B-2026-00042`). The counter only goes up, so a
 * number is never reused, even after an archive or a merge.
 *
 * Three plain statements rather than one upsert with RETURNING: RETURNING (and an upsert) makes
 * SQLite open a statement savepoint, and every savepoint makes the FTS5 search indexes write the
 * entries pending in the transaction to disk. An import of 16,000 people then wrote its search
 * entries one person at a time, 95 µs a person more.
 */
export function allocateReference(db: Db, prefix: string, year: number): string {
  const bumped = prepared(db, 'UPDATE reference_counters SET last = last + 1 WHERE kind = ? AND year = ?').run(prefix, year);
  if (bumped.changes === 0) prepared(db, 'INSERT INTO reference_counters (kind, year, last) VALUES (?, ?, 1)').run(prefix, year);
  const last = prepared(db, 'SELECT last FROM reference_counters WHERE kind = ? AND year = ?').pluck().get(prefix, year) as number;
  return `${prefix}-${year}-${String(last).padStart(5, '0')}`;
}
