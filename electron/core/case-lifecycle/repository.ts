import type { CaseCloseReason, CaseEvent, CaseEventKind, IntakeNeed, IntakeNeedCode } from '../../contract';
import { SENSITIVE_NEEDS } from '../../contract';
import type { Db } from '../db/database';

/**
 * SQL true while the case of the person whose id is the column `idColumn` is open: its latest
 * event, if any, is a reopening. The dashboard and the home page use it to leave closed cases out.
 */
export const caseOpenSql = (idColumn: string): string =>
  `coalesce((SELECT e.kind FROM case_events e WHERE e.beneficiary_id = ${idColumn} ORDER BY e.recorded_at DESC, e.id DESC LIMIT 1), 'reopened') = 'reopened'`;

interface EventRow {
  id: string;
  kind: CaseEventKind;
  reason: CaseCloseReason | null;
  note: string | null;
  date: string;
  recorded_by_name: string;
  recorded_at: string;
}

/** Oldest first. */
export function caseEvents(db: Db, beneficiaryId: string): CaseEvent[] {
  const rows = db
    .prepare(
      `SELECT e.id, e.kind, e.reason, e.note, e.date, u.display_name AS recorded_by_name, e.recorded_at
       FROM case_events e JOIN users u ON u.id = e.recorded_by
       WHERE e.beneficiary_id = ? ORDER BY e.recorded_at, e.id`,
    )
    .all(beneficiaryId) as EventRow[];
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    reason: r.reason,
    note: r.note,
    date: r.date,
    recordedByName: r.recorded_by_name,
    recordedAt: r.recorded_at,
  }));
}

export interface NewCaseEvent {
  id: string;
  beneficiaryId: string;
  kind: CaseEventKind;
  reason: CaseCloseReason | null;
  note: string | null;
  date: string;
  recordedBy: string;
  recordedAt: string;
}

export function insertCaseEvent(db: Db, e: NewCaseEvent): void {
  db.prepare(
    `INSERT INTO case_events (id, beneficiary_id, kind, reason, note, date, recorded_by, recorded_at)
     VALUES (@id, @beneficiaryId, @kind, @reason, @note, @date, @recordedBy, @recordedAt)`,
  ).run(e);
}

/**
 * When consent is withdrawn: closing notes are free text about the person, and a health need is
 * health data like the sensitive vulnerabilities of the personal fields; both go. The reasons and
 * the other needs stay, as the dates of the work done do.
 */
export function eraseCaseNotes(db: Db, beneficiaryId: string): void {
  db.prepare("UPDATE case_events SET note = '' WHERE beneficiary_id = ? AND note IS NOT NULL").run(beneficiaryId);
  const sensitive = db.prepare('DELETE FROM intake_needs WHERE beneficiary_id = ? AND need = ?');
  for (const need of SENSITIVE_NEEDS) sensitive.run(beneficiaryId, need);
}

// ---------------------------------------------------------------------------------------------
// Intake needs

export interface StoredNeed extends IntakeNeed {
  recordedBy: string;
}

interface NeedRow {
  need: IntakeNeedCode;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
  met_on: string | null;
  met_by_name: string | null;
}

/** In the order of the checklist. */
export function storedNeeds(db: Db, beneficiaryId: string, order: readonly IntakeNeedCode[]): StoredNeed[] {
  const rows = db
    .prepare(
      `SELECT n.need, n.recorded_by, r.display_name AS recorded_by_name, n.recorded_at, n.met_on, m.display_name AS met_by_name
       FROM intake_needs n JOIN users r ON r.id = n.recorded_by LEFT JOIN users m ON m.id = n.met_by
       WHERE n.beneficiary_id = ?`,
    )
    .all(beneficiaryId) as NeedRow[];
  return rows
    .map((r) => ({
      need: r.need,
      sensitive: SENSITIVE_NEEDS.includes(r.need),
      recordedBy: r.recorded_by,
      recordedByName: r.recorded_by_name,
      recordedAt: r.recorded_at,
      metOn: r.met_on,
      metByName: r.met_by_name,
    }))
    .sort((a, b) => order.indexOf(a.need) - order.indexOf(b.need));
}

export function insertNeed(db: Db, beneficiaryId: string, need: IntakeNeedCode, userId: string, at: string): void {
  db.prepare('INSERT INTO intake_needs (beneficiary_id, need, recorded_by, recorded_at) VALUES (?, ?, ?, ?)').run(beneficiaryId, need, userId, at);
}

export function deleteNeed(db: Db, beneficiaryId: string, need: IntakeNeedCode): void {
  db.prepare('DELETE FROM intake_needs WHERE beneficiary_id = ? AND need = ?').run(beneficiaryId, need);
}

export function setNeedMet(db: Db, beneficiaryId: string, need: IntakeNeedCode, metOn: string | null, userId: string): void {
  db.prepare('UPDATE intake_needs SET met_on = ?, met_by = ? WHERE beneficiary_id = ? AND need = ?').run(
    metOn,
    metOn === null ? null : userId,
    beneficiaryId,
    need,
  );
}

/** Before a merge moves the needs: one row per need, the survivor's where both have it. */
export function dropNeedsBothHave(db: Db, survivorId: string, mergedId: string): void {
  db.prepare('DELETE FROM intake_needs WHERE beneficiary_id = ? AND need IN (SELECT need FROM intake_needs WHERE beneficiary_id = ?)').run(
    mergedId,
    survivorId,
  );
}
