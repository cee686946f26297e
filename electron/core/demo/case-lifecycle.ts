import { caseCloseReasonSchema, type IntakeNeedCode } from '../../contract';
import { insertCaseEvent, insertNeed, setNeedMet } from '../case-lifecycle/repository';
import type { WriteTx } from '../context';
import { newId } from '../ids';

const DAY_MS = 86_400_000;
const day = (d: Date) => d.toISOString().slice(0, 10);

/** Needs of the demo's first people, met or not: documents and housing come up most at intake. */
const NEEDS: IntakeNeedCode[][] = [
  ['documents', 'housing', 'food'],
  ['documents', 'legal'],
  ['schooling', 'documents'],
  ['work', 'training'],
  ['health', 'housing', 'psychosocial'],
  ['food', 'work'],
];

/**
 * Cases closed for each reason over the last months (one reopened since), and needs assessments
 * with needs met. Drawn without the seed's random numbers, so the rest of the demo stays the same.
 * Closed cases are people with no procedure under way, so the dashboard's late steps stay to show.
 */
export function addDemoCaseLifecycle(tx: WriteTx, now: Date): void {
  const { db } = tx;
  const staff = db.prepare('SELECT id, role FROM users ORDER BY created_at, id').all() as { id: string; role: string }[];
  const volunteer = staff.find((u) => u.role === 'volunteer')?.id ?? tx.user.id;
  const followed = (
    db
      .prepare(
        `SELECT b.id FROM beneficiaries b
         WHERE b.personal_json IS NOT NULL AND b.archived_at IS NULL
           AND EXISTS (SELECT 1 FROM case_notes n WHERE n.beneficiary_id = b.id)
           AND NOT EXISTS (SELECT 1 FROM procedures p WHERE p.beneficiary_id = b.id AND p.closed_on IS NULL)
         ORDER BY b.reference`,
      )
      .all() as { id: string }[]
  ).map((r) => r.id);

  const closing = followed.filter((_, i) => i % 3 === 1);
  closing.forEach((beneficiaryId, i) => {
    const reason = caseCloseReasonSchema.options[i % caseCloseReasonSchema.options.length];
    const closedAt = new Date(now.getTime() - (10 + i * 9) * DAY_MS);
    const event = { beneficiaryId, date: day(closedAt), recordedBy: volunteer, recordedAt: closedAt.toISOString() };
    insertCaseEvent(db, { ...event, id: newId(), kind: 'closed', reason, note: reason === 'other' ? 'Installée chez sa sœur à Casablanca, suivie par une autre association.' : null });
    if (i === 1) {
      const reopenedAt = new Date(closedAt.getTime() + 5 * DAY_MS);
      insertCaseEvent(db, {
        ...event,
        id: newId(),
        kind: 'reopened',
        reason: null,
        note: 'Revenu à Oujda, nouvelle demande d’accompagnement.',
        date: day(reopenedAt),
        recordedAt: reopenedAt.toISOString(),
      });
    }
  });

  followed.slice(0, 24).forEach((beneficiaryId, i) => {
    const needs = NEEDS[i % NEEDS.length];
    const recordedAt = new Date(now.getTime() - (120 - i * 3) * DAY_MS);
    for (const need of needs) insertNeed(db, beneficiaryId, need, volunteer, recordedAt.toISOString());
    // Every other person had the first need of their list met a month after the intake.
    if (i % 2 === 1) setNeedMet(db, beneficiaryId, needs[0], day(new Date(recordedAt.getTime() + 30 * DAY_MS)), volunteer);
  });
}
