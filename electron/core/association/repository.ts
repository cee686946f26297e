import type { Db } from '../db/database';
import { newIdentity } from '../exchange/identity';
import { insertIdentity } from '../exchange/repository';

export interface Association {
  id: string;
  fileId: string;
  name: string;
  city: string;
  createdAt: string;
}

export function readAssociation(db: Db): Association | undefined {
  const row = db.prepare('SELECT id, file_id, name, city, created_at FROM association LIMIT 1').get() as
    | { id: string; file_id: string; name: string; city: string; created_at: string }
    | undefined;
  return row && { id: row.id, fileId: row.file_id, name: row.name, city: row.city, createdAt: row.created_at };
}

/** A new association is born with its identity, so its card can be given out from the first day. */
export function insertAssociation(db: Db, a: Association): void {
  db.prepare('INSERT INTO association (id, file_id, name, city, created_at) VALUES (?, ?, ?, ?, ?)').run(
    a.id,
    a.fileId,
    a.name,
    a.city,
    a.createdAt,
  );
  insertIdentity(db, newIdentity(a.createdAt));
}
