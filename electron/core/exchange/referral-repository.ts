import {
  associationCardSchema,
  referralFilePayloadSchema,
  type AssociationCard,
  type ExchangeKind,
  type IncomingReferral,
  type IncomingReferralStatus,
  type ReferralFact,
  type ReferralStatus,
} from '../../contract';
import type { Db } from '../db/database';

// ---------------------------------------------------------------------------------------------
// Cards and files already taken in: what `openFile` checks a received file against.

export function heldCards(db: Db): { partnerId: string; card: AssociationCard }[] {
  const rows = db.prepare('SELECT id, card FROM partners WHERE card IS NOT NULL').all() as { id: string; card: string }[];
  return rows.map((r) => ({ partnerId: r.id, card: associationCardSchema.parse(JSON.parse(r.card)) }));
}

export function importedFileIds(db: Db): { has(id: string): boolean } {
  const statement = db.prepare('SELECT 1 FROM exchange_files_imported WHERE id = ?');
  return { has: (id) => statement.get(id) !== undefined };
}

export function recordImportedFile(db: Db, id: string, kind: ExchangeKind, partnerId: string, at: string): void {
  db.prepare('INSERT INTO exchange_files_imported (id, kind, partner_id, imported_at) VALUES (?, ?, ?, ?)').run(id, kind, partnerId, at);
}

// ---------------------------------------------------------------------------------------------
// Our referrals sent as files

export function recordFileSent(db: Db, referralId: string, at: string, facts: ReferralFact[]): void {
  db.prepare('UPDATE referrals SET file_sent_at = ?, file_facts = ?, updated_at = ? WHERE id = ?').run(at, JSON.stringify(facts), at, referralId);
}

export interface ReferralAwaitingAnswer {
  partnerId: string;
  sentOn: string;
  fileSentAt: string | null;
  answerMadeAt: string | null;
}

export function referralForAnswer(db: Db, referralId: string): ReferralAwaitingAnswer | undefined {
  const row = db
    .prepare('SELECT partner_id, sent_on, file_sent_at, answer_made_at FROM referrals WHERE id = ?')
    .get(referralId) as { partner_id: string; sent_on: string; file_sent_at: string | null; answer_made_at: string | null } | undefined;
  return row && { partnerId: row.partner_id, sentOn: row.sent_on, fileSentAt: row.file_sent_at, answerMadeAt: row.answer_made_at };
}

export function applyAnswer(
  db: Db,
  referralId: string,
  answer: { status: ReferralStatus; feedbackOn: string; reason: string | null; madeAt: string; at: string },
): void {
  db.prepare(
    `UPDATE referrals SET status = @status, feedback_on = @feedbackOn, answer_reason = @reason, answer_made_at = @madeAt,
       updated_at = @at WHERE id = @referralId`,
  ).run({ ...answer, referralId });
}

// ---------------------------------------------------------------------------------------------
// Referrals partners sent us

interface IncomingRow {
  id: string;
  partner_id: string;
  partner_name: string;
  remote_referral_id: string;
  payload: string;
  received_at: string;
  status: IncomingReferralStatus;
  answer_reason: string | null;
  answered_on: string | null;
  beneficiary_id: string | null;
}

function toIncoming(r: IncomingRow): IncomingReferral {
  // Checked when received; parsed again so a stored payload is never used in a shape the contract does not allow.
  const payload = referralFilePayloadSchema.parse(JSON.parse(r.payload));
  return {
    id: r.id,
    partnerId: r.partner_id,
    partnerName: r.partner_name,
    remoteReferralId: r.remote_referral_id,
    sentOn: payload.sentOn,
    receivedAt: r.received_at,
    person: payload.person,
    facts: payload.facts,
    consent: payload.consent,
    status: r.status,
    answerReason: r.answer_reason,
    answeredOn: r.answered_on,
    beneficiaryId: r.beneficiary_id,
  };
}

const INCOMING_SELECT = `SELECT i.*, p.name AS partner_name FROM incoming_referrals i JOIN partners p ON p.id = i.partner_id`;

export function getIncoming(db: Db, id: string): IncomingReferral | undefined {
  const row = db.prepare(`${INCOMING_SELECT} WHERE i.id = ?`).get(id) as IncomingRow | undefined;
  return row && toIncoming(row);
}

/** Latest received first. */
export function listIncoming(db: Db): IncomingReferral[] {
  const rows = db.prepare(`${INCOMING_SELECT} ORDER BY i.received_at DESC, i.id DESC`).all() as IncomingRow[];
  return rows.map(toIncoming);
}

export function insertIncoming(
  db: Db,
  r: { id: string; partnerId: string; remoteReferralId: string; payloadJson: string; at: string },
): void {
  db.prepare(
    `INSERT INTO incoming_referrals (id, partner_id, remote_referral_id, payload, received_at, status, updated_at)
     VALUES (@id, @partnerId, @remoteReferralId, @payloadJson, @at, 'received', @at)`,
  ).run(r);
}

export function linkIncoming(db: Db, id: string, beneficiaryId: string, at: string): void {
  db.prepare('UPDATE incoming_referrals SET beneficiary_id = ?, updated_at = ? WHERE id = ?').run(beneficiaryId, at, id);
}

export function answerIncoming(db: Db, id: string, a: { status: IncomingReferralStatus; reason: string | null; on: string; at: string }): void {
  db.prepare('UPDATE incoming_referrals SET status = ?, answer_reason = ?, answered_on = ?, updated_at = ? WHERE id = ?').run(
    a.status,
    a.reason,
    a.on,
    a.at,
    id,
  );
}

export function sensitiveNeedCodes(db: Db): Set<string> {
  const rows = db.prepare("SELECT code FROM lookup_values WHERE list = 'vulnerability' AND sensitive = 1").all() as { code: string }[];
  return new Set(rows.map((r) => r.code));
}
