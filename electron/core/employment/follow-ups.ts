import {
  COMING_UP_DAYS,
  EMPLOYMENT_FOLLOW_UP_MONTHS,
  TRAINING_ACTIVITY_TYPES,
  WORKING_SITUATIONS,
  type EmploymentAnchor,
  type EmploymentFollowUp,
  type EmploymentFollowUps,
} from '../../contract';
import type { Db } from '../db/database';
import { caseOpenSql } from '../case-lifecycle/repository';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The same day `months` later; a day the month lacks becomes its last (31 January + 1 → 28 or 29 February). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return `${pad(year, 4)}-${pad(month + 1)}-${pad(Math.min(d, last))}`;
}

const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A condition on the person `b` (the dashboard's "my cases"), with its parameters. */
export interface PersonCondition {
  sql: string;
  params: string[];
}

interface AnchorRow {
  beneficiary_id: string;
  reference: string;
  display_name: string;
  kind: EmploymentAnchor['kind'];
  date: string;
  about: string | null;
}

/**
 * What starts follow-ups, from `since` on: each training (an activity of a training type) a person
 * completed, on its end date or else its last session held, and each job or activity they started.
 * Archived people are no longer followed.
 */
function anchors(db: Db, since: string, person: string | null, condition: PersonCondition): AnchorRow[] {
  return db
    .prepare(
      `WITH held AS (
         SELECT s.activity_id, count(*) AS sessions, max(s.date) AS last_day
         FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
         WHERE s.present_count > 0 AND a.type IN (SELECT value FROM json_each(?))
         GROUP BY s.activity_id),
       starts AS (
         SELECT p.beneficiary_id, 'training' AS kind, coalesce(a.end_date, h.last_day) AS date, a.title AS about
         FROM held h JOIN activities a ON a.id = h.activity_id JOIN participations p ON p.activity_id = h.activity_id
         WHERE p.presences * 100 >= a.completion_threshold * h.sessions
         UNION ALL
         SELECT beneficiary_id, 'job', start_date, employer FROM (
           SELECT beneficiary_id, start_date, employer, max(date) FROM employment_records
           WHERE start_date IS NOT NULL AND situation IN (SELECT value FROM json_each(?))
           GROUP BY beneficiary_id, start_date))
       SELECT b.id AS beneficiary_id, b.reference, coalesce(b.display_name, b.initials) AS display_name, st.kind, st.date, st.about
       FROM starts st JOIN beneficiaries b ON b.id = st.beneficiary_id
       WHERE st.date >= ? AND b.archived_at IS NULL AND ${caseOpenSql('b.id')} AND (? IS NULL OR b.id = ?)${condition.sql}`,
    )
    .all(JSON.stringify(TRAINING_ACTIVITY_TYPES), JSON.stringify(WORKING_SITUATIONS), since, person, person, ...condition.params) as AnchorRow[];
}

function recordDates(db: Db, people: string[]): Map<string, string[]> {
  const dates = new Map<string, string[]>();
  const rows = db
    .prepare('SELECT beneficiary_id, date FROM employment_records WHERE beneficiary_id IN (SELECT value FROM json_each(?))')
    .all(JSON.stringify(people)) as { beneficiary_id: string; date: string }[];
  for (const r of rows) dates.set(r.beneficiary_id, [...(dates.get(r.beneficiary_id) ?? []), r.date]);
  return dates;
}

/**
 * The follow-ups not settled whose window has not closed by `today`. The follow-up at m months is
 * due m months after its start; its window runs from a month before to a month after, and any
 * situation recorded in it settles it. Past its window it is the next follow-up's turn.
 */
function openFollowUps(db: Db, today: string, person: string | null, condition: PersonCondition): EmploymentFollowUp[] {
  const longest = EMPLOYMENT_FOLLOW_UP_MONTHS[EMPLOYMENT_FOLLOW_UP_MONTHS.length - 1];
  const rows = anchors(db, addMonths(today, -(longest + 1)), person, condition);
  const dates = recordDates(db, [...new Set(rows.map((r) => r.beneficiary_id))]);
  const open: EmploymentFollowUp[] = [];
  for (const r of rows) {
    for (const months of EMPLOYMENT_FOLLOW_UP_MONTHS) {
      const windowStart = addMonths(r.date, months - 1);
      const windowEnd = addMonths(r.date, months + 1);
      if (windowEnd < today) continue;
      if ((dates.get(r.beneficiary_id) ?? []).some((d) => d >= windowStart && d <= windowEnd)) continue;
      open.push({
        beneficiaryId: r.beneficiary_id,
        reference: r.reference,
        displayName: r.display_name,
        anchor: { kind: r.kind, date: r.date, about: r.about },
        months,
        dueOn: addMonths(r.date, months),
        windowStart,
        windowEnd,
      });
    }
  }
  return open.sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.reference.localeCompare(b.reference) || a.months - b.months);
}

const EVERYONE: PersonCondition = { sql: '', params: [] };

/** The dashboard's rows: due in the coming days, and late while their window is open. */
export function employmentFollowUps(db: Db, today: string, condition: PersonCondition = EVERYONE): EmploymentFollowUps {
  const open = openFollowUps(db, today, null, condition);
  const horizon = addDays(today, COMING_UP_DAYS - 1);
  return {
    comingUp: open.filter((f) => f.dueOn >= today && f.dueOn <= horizon),
    late: open.filter((f) => f.dueOn < today),
  };
}

/** One person's follow-ups still to do, late or later. */
export function personFollowUps(db: Db, today: string, beneficiaryId: string): EmploymentFollowUp[] {
  return openFollowUps(db, today, beneficiaryId, EVERYONE);
}
