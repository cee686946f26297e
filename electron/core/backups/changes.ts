import type { Db } from '../db/database';

/**
 * Has the file changed since its last backup? Every change goes through an audited operation, so
 * the audit log tells. Signing in, making a backup and creating the file are not changes worth a
 * copy of their own.
 */
const NOT_CHANGES = ['session.signIn', 'backups.create', 'file.create'];
const filter = `op NOT IN (${NOT_CHANGES.map(() => '?').join(', ')})`;

/** A number that grows with every change (0: never changed). */
export function changeMark(db: Db): number {
  const row = db.prepare(`SELECT max(rowid) AS mark FROM audit_log WHERE ${filter}`).get(...NOT_CHANGES) as { mark: number | null };
  return row.mark ?? 0;
}

/** When the last change was made (ISO), or null. */
export function lastChangeAt(db: Db): string | null {
  const row = db.prepare(`SELECT at FROM audit_log WHERE ${filter} ORDER BY rowid DESC LIMIT 1`).get(...NOT_CHANGES) as
    | { at: string }
    | undefined;
  return row?.at ?? null;
}
