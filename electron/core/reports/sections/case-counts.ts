import { caseCloseReasonSchema, type CaseCloseReason, type ReportCell, type ReportTable } from '../../../contract';
import type { Db } from '../../db/database';
import { column, table } from '../section';
import { withoutSmallCells, type AdditiveLine } from '../small-cells';
import { fill, type ReportTexts } from '../texts';

interface EventRow {
  beneficiary_id: string;
  kind: 'closed' | 'reopened' | 'archived';
  reason: CaseCloseReason | null;
  date: string;
}

/**
 * Where each case stood at the end of the period, and why those closed in it (and not reopened
 * since) were closed. Archiving
 * closes an open case with its reason; archiving a case already closed does not close it again.
 */
function caseStates(db: Db, from: string, to: string) {
  const events = db
    .prepare(`SELECT beneficiary_id, kind, reason, date FROM case_events WHERE date <= ? ORDER BY beneficiary_id, date, recorded_at, id`)
    .all(to) as EventRow[];
  const closedAtEnd = new Set<string>();
  const closedInPeriod = new Map<string, CaseCloseReason>();
  for (const e of events) {
    if (e.kind === 'reopened') {
      closedAtEnd.delete(e.beneficiary_id);
      closedInPeriod.delete(e.beneficiary_id);
    } else if (!closedAtEnd.has(e.beneficiary_id) && e.reason) {
      closedAtEnd.add(e.beneficiary_id);
      if (e.date >= from) closedInPeriod.set(e.beneficiary_id, e.reason);
    }
  }
  return { closedAtEnd, closedInPeriod };
}

/**
 * People followed by the end of the period (a note, procedure or referral by then): open unless
 * their case was closed, or they were archived without a reason (before reasons were asked).
 */
function openCases(db: Db, to: string, closedAtEnd: Set<string>): number {
  const followed = db
    .prepare(
      `SELECT f.beneficiary_id AS id FROM (
         SELECT beneficiary_id FROM case_notes WHERE date <= @to
         UNION SELECT beneficiary_id FROM procedures WHERE coalesce(started_on, substr(created_at, 1, 10)) <= @to
         UNION SELECT beneficiary_id FROM referrals WHERE sent_on <= @to) f
       JOIN beneficiaries b ON b.id = f.beneficiary_id
       WHERE b.archived_at IS NULL OR substr(b.archived_at, 1, 10) > @to
         OR EXISTS (SELECT 1 FROM case_events e WHERE e.beneficiary_id = b.id AND e.date <= @to)`,
    )
    .all({ to }) as { id: string }[];
  return followed.filter((f) => !closedAtEnd.has(f.id)).length;
}

/** Cases open at the end of the period, then those closed in it by reason; each cell is a group of people. */
export function caseCountsTable(db: Db, from: string, to: string, texts: ReportTexts, smallCellThreshold: number): ReportTable {
  const { closedAtEnd, closedInPeriod } = caseStates(db, from, to);
  const byReason = new Map<CaseCloseReason, number>();
  for (const reason of closedInPeriod.values()) byReason.set(reason, (byReason.get(reason) ?? 0) + 1);
  const rows: ReportCell[][] = [
    [texts.caseStatus.open, openCases(db, to, closedAtEnd)],
    ...caseCloseReasonSchema.options.map((reason) => [fill(texts.caseStatus.closedFor, { reason: texts.caseReason[reason] }), byReason.get(reason) ?? 0]),
  ];
  const total: ReportCell[] = [texts.caseStatus.closedTotal, closedInPeriod.size];
  const counts = table(texts, 'followUp.cases', [column(texts.columns.caseStatus, 'label'), column(texts.columns.people)], rows, total);
  // The open cases stand alone; the closed ones add up to their total.
  const lines: AdditiveLine[] = [
    { parts: [], total: [0, 1] },
    { parts: caseCloseReasonSchema.options.map((_, i) => [i + 1, 1] as const), total: ['total', 1] },
  ];
  return withoutSmallCells(counts, lines, smallCellThreshold);
}
