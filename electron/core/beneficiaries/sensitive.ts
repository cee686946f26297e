import type { Beneficiary, BeneficiaryInput, Role, SessionUser } from '../../contract';
import type { WriteTx } from '../context';
import type { Db } from '../db/database';
import { prepared } from '../db/prepared';

// Vulnerabilities marked sensitive in their list (pregnancy, violence, disability, illness: health
// data under law 09-08) are need-to-know. As for sensitive case notes, the president reads them, and
// so does the person who recorded one; others get the record without them, and what they save keeps
// them as stored.

export type Viewer = Pick<SessionUser, 'id' | 'role'>;

export const seesSensitive = (role: Role): boolean => role === 'president';

export function sensitiveCodes(db: Db): Set<string> {
  const rows = prepared(db, "SELECT code FROM lookup_values WHERE list = 'vulnerability' AND sensitive = 1").all() as { code: string }[];
  return new Set(rows.map((r) => r.code));
}

/** The sensitive codes of this record that the viewer did not record herself. */
function hiddenFrom(db: Db, viewer: Viewer, beneficiaryId: string): Set<string> {
  const own = db.prepare('SELECT code FROM sensitive_recordings WHERE beneficiary_id = ? AND recorded_by = ?').all(beneficiaryId, viewer.id) as {
    code: string;
  }[];
  const hidden = sensitiveCodes(db);
  for (const { code } of own) hidden.delete(code);
  return hidden;
}

/** The record as this person may read it. */
export function shownTo(db: Db, viewer: Viewer, b: Beneficiary): Beneficiary {
  if (seesSensitive(viewer.role) || !b.personal || b.personal.vulnerabilities.length === 0) return b;
  const hidden = hiddenFrom(db, viewer, b.id);
  return { ...b, personal: { ...b.personal, vulnerabilities: b.personal.vulnerabilities.filter((v) => !hidden.has(v)) } };
}

/** A write whose answer is a record, answered as the writer may read it. */
export const answeredTo =
  (work: (tx: WriteTx) => Beneficiary) =>
  (tx: WriteTx): Beneficiary =>
    shownTo(tx.db, tx.user, work(tx));

/**
 * What someone who never saw some sensitive vulnerabilities saves: theirs, plus the sensitive ones
 * already stored that they were not shown (they could not have meant to remove those).
 */
export function keepingHidden(db: Db, viewer: Viewer, before: Beneficiary, input: BeneficiaryInput): BeneficiaryInput {
  if (seesSensitive(viewer.role) || !input.personal || !before.personal) return input;
  const hidden = hiddenFrom(db, viewer, before.id);
  const kept = before.personal.vulnerabilities.filter((v) => hidden.has(v) && !input.personal?.vulnerabilities.includes(v));
  if (kept.length === 0) return input;
  return { ...input, personal: { ...input.personal, vulnerabilities: [...input.personal.vulnerabilities, ...kept] } };
}

/**
 * Keeps who recorded each sensitive vulnerability of the record as saved: the writer for those it
 * did not have before; a row goes with its vulnerability.
 */
export function recordSensitive(tx: WriteTx, before: Beneficiary | null, after: Beneficiary): void {
  const sensitive = sensitiveCodes(tx.db);
  const now = new Set(after.personal?.vulnerabilities.filter((v) => sensitive.has(v)));
  const had = new Set(before?.personal?.vulnerabilities);
  // Most records have none, before or after: an import saves thousands of them in a row.
  if (now.size === 0 && ![...had].some((v) => sensitive.has(v))) return;
  const stored = prepared(tx.db, 'SELECT code FROM sensitive_recordings WHERE beneficiary_id = ?').all(after.id) as { code: string }[];
  const remove = prepared(tx.db, 'DELETE FROM sensitive_recordings WHERE beneficiary_id = ? AND code = ?');
  for (const { code } of stored) if (!now.has(code)) remove.run(after.id, code);
  const add = prepared(tx.db, 'INSERT OR IGNORE INTO sensitive_recordings (beneficiary_id, code, recorded_by, recorded_at) VALUES (?, ?, ?, ?)');
  for (const code of now) if (!had.has(code)) add.run(after.id, code, tx.user.id, tx.at);
}
