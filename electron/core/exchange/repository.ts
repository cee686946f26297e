import { associationCardSchema, type AssociationCard } from '../../contract';
import type { Db } from '../db/database';
import type { StoredIdentity } from './identity';

// ---------------------------------------------------------------------------------------------
// Our identity: one row.

export function readIdentity(db: Db): StoredIdentity | undefined {
  const row = db.prepare('SELECT * FROM association_identity WHERE id = 1').get() as
    | { x25519_public: string; x25519_private: Buffer; ed25519_public: string; ed25519_private: Buffer; created_at: string }
    | undefined;
  return (
    row && {
      x25519Public: row.x25519_public,
      x25519Private: row.x25519_private,
      ed25519Public: row.ed25519_public,
      ed25519Private: row.ed25519_private,
      createdAt: row.created_at,
    }
  );
}

export function insertIdentity(db: Db, identity: StoredIdentity): void {
  db.prepare(
    `INSERT INTO association_identity (id, x25519_public, x25519_private, ed25519_public, ed25519_private, created_at)
     VALUES (1, @x25519Public, @x25519Private, @ed25519Public, @ed25519Private, @createdAt)`,
  ).run(identity);
}

// ---------------------------------------------------------------------------------------------
// Partners' cards

export interface StoredPartnerCard {
  card: AssociationCard;
  fingerprint: string;
  checkedAt: string | null;
  checkedByName: string | null;
}

/** undefined: no such partner; null: a partner without a card. */
export function readPartnerCard(db: Db, partnerId: string): StoredPartnerCard | null | undefined {
  const row = db
    .prepare(
      `SELECT p.card, p.card_fingerprint, p.card_checked_at, u.display_name AS checked_by_name
       FROM partners p LEFT JOIN users u ON u.id = p.card_checked_by WHERE p.id = ?`,
    )
    .get(partnerId) as
    | { card: string | null; card_fingerprint: string | null; card_checked_at: string | null; checked_by_name: string | null }
    | undefined;
  if (!row) return undefined;
  if (row.card === null || row.card_fingerprint === null) return null;
  return {
    // Verified when imported; parsed again so a card is never used in a shape the contract does not allow.
    card: associationCardSchema.parse(JSON.parse(row.card)),
    fingerprint: row.card_fingerprint,
    checkedAt: row.card_checked_at,
    checkedByName: row.checked_by_name,
  };
}

/** Partner id → the fingerprint of the card it holds. */
export function partnerCardFingerprints(db: Db): Map<string, string> {
  const rows = db.prepare('SELECT id, card_fingerprint FROM partners WHERE card_fingerprint IS NOT NULL').all() as { id: string; card_fingerprint: string }[];
  return new Map(rows.map((r) => [r.id, r.card_fingerprint]));
}

export function partnerHoldingCard(db: Db, fingerprint: string): string | undefined {
  const row = db.prepare('SELECT id FROM partners WHERE card_fingerprint = ?').get(fingerprint) as { id: string } | undefined;
  return row?.id;
}

/** A new card is unchecked, whoever checked the one it replaces. */
export function storePartnerCard(db: Db, partnerId: string, cardJson: string, fingerprint: string, at: string): void {
  db.prepare(
    `UPDATE partners SET card = ?, card_fingerprint = ?, card_checked_at = NULL, card_checked_by = NULL, updated_at = ?
     WHERE id = ?`,
  ).run(cardJson, fingerprint, at, partnerId);
}

export function markCardChecked(db: Db, partnerId: string, at: string, userId: string): void {
  db.prepare('UPDATE partners SET card_checked_at = ?, card_checked_by = ?, updated_at = ? WHERE id = ?').run(at, userId, at, partnerId);
}
