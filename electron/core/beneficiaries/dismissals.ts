import type { Db } from '../db/database';
import type { WriteTx } from '../context';
import { prepared } from '../db/prepared';
import { AppError } from '../errors';
import { getBeneficiary } from './repository';

/** A pair is stored and looked up in one order, whichever side it is told from. */
const ordered = (a: string, b: string): [string, string] => (a < b ? [a, b] : [b, a]);

export const pairId = (a: string, b: string): string => ordered(a, b).join('|');

/** "These are different people" for `a` and `b`, recorded with who said it and when (migration 0016). */
export function markDifferent(a: string, b: string) {
  return (tx: WriteTx): { a: string; b: string } => {
    if (!getBeneficiary(tx.db, a) || !getBeneficiary(tx.db, b)) throw new AppError('not_found');
    const [first, second] = ordered(a, b);
    tx.db
      .prepare('INSERT OR IGNORE INTO duplicate_dismissals (person_a, person_b, decided_by, decided_at) VALUES (?, ?, ?, ?)')
      .run(first, second, tx.user.id, tx.at);
    tx.audit(pairId(first, second));
    return { a: first, b: second };
  };
}

/** Every pair told apart, as pairId gives them. */
export function dismissedPairs(db: Db): Set<string> {
  const rows = db.prepare('SELECT person_a AS a, person_b AS b FROM duplicate_dismissals').all() as { a: string; b: string }[];
  return new Set(rows.map((r) => pairId(r.a, r.b)));
}

/** The people told apart from `id`. */
export function toldApartFrom(db: Db, id: string): Set<string> {
  // Asked on every duplicate check of the form, like the other statements of that check.
  const rows = prepared(db, 'SELECT person_b AS other FROM duplicate_dismissals WHERE person_a = ? UNION SELECT person_a FROM duplicate_dismissals WHERE person_b = ?')
    .pluck()
    .all(id, id) as string[];
  return new Set(rows);
}
