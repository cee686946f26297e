import type { AuditNote } from '../../contract';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';
import { newId } from '../ids';

export interface AuditEntry {
  at: string;
  userId: string | null;
  op: string;
  entityId: string | null;
  note?: AuditNote | null;
}

export function appendAudit(db: Db, entry: AuditEntry): void {
  prepared(db, 'INSERT INTO audit_log (id, at, user_id, op, entity_id, note) VALUES (?, ?, ?, ?, ?, ?)').run(
    newId(),
    entry.at,
    entry.userId,
    entry.op,
    entry.entityId,
    entry.note ?? null,
  );
}

export function countAudit(db: Db): number {
  return (db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
}
