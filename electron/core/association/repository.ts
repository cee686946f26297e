import type { AssociationDetails } from '../../contract';
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

export function readAssociationDetails(db: Db): AssociationDetails {
  const row = db.prepare('SELECT address, registration_number FROM association_details WHERE id = 1').get() as
    | { address: string | null; registration_number: string | null }
    | undefined;
  return { address: row?.address ?? '', registrationNumber: row?.registration_number ?? '' };
}

export function writeAssociationDetails(db: Db, details: AssociationDetails): void {
  db.prepare(
    `INSERT INTO association_details (id, address, registration_number) VALUES (1, ?, ?)
     ON CONFLICT (id) DO UPDATE SET address = excluded.address, registration_number = excluded.registration_number`,
  ).run(details.address || null, details.registrationNumber || null);
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
