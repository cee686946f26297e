import type { Beneficiary, BeneficiaryInput, Role } from '../../contract';
import type { WriteTx } from '../context';
import type { Db } from '../db/database';

// Vulnerabilities marked sensitive in their list (pregnancy, violence, disability, illness: health
// data under law 09-08) are need-to-know. As for sensitive case notes, the president reads them;
// volunteers and treasurers get the record without them, and what they save keeps them as stored.

export const seesSensitive = (role: Role): boolean => role === 'president';

function sensitiveCodes(db: Db): Set<string> {
  const rows = db.prepare("SELECT code FROM lookup_values WHERE list = 'vulnerability' AND sensitive = 1").all() as { code: string }[];
  return new Set(rows.map((r) => r.code));
}

/** The record as this role may read it. */
export function shownTo(db: Db, role: Role, b: Beneficiary): Beneficiary {
  if (seesSensitive(role) || !b.personal || b.personal.vulnerabilities.length === 0) return b;
  const hidden = sensitiveCodes(db);
  return { ...b, personal: { ...b.personal, vulnerabilities: b.personal.vulnerabilities.filter((v) => !hidden.has(v)) } };
}

/** A write whose answer is a record, answered as the writer may read it. */
export const answeredTo =
  (work: (tx: WriteTx) => Beneficiary) =>
  (tx: WriteTx): Beneficiary =>
    shownTo(tx.db, tx.user.role, work(tx));

/**
 * What someone who never saw the sensitive vulnerabilities saves: theirs, plus the sensitive ones
 * already stored (they could not have meant to remove what they were not shown).
 */
export function keepingHidden(db: Db, role: Role, before: Beneficiary, input: BeneficiaryInput): BeneficiaryInput {
  if (seesSensitive(role) || !input.personal || !before.personal) return input;
  const hidden = sensitiveCodes(db);
  const kept = before.personal.vulnerabilities.filter((v) => hidden.has(v) && !input.personal?.vulnerabilities.includes(v));
  if (kept.length === 0) return input;
  return { ...input, personal: { ...input.personal, vulnerabilities: [...input.personal.vulnerabilities, ...kept] } };
}
