import { todayIso, type AttendanceStatus } from '../../contract';
import { insertRegistration, upsertMark } from '../activities/repository';
import { addDays, isoWeekday } from '../activities/schedule';
import { generateSessions, saveActivity } from '../activities/service';
import type { WriteTx } from '../context';
import { issueCertificates } from '../training-cycles/certificates';
import { saveCycle } from '../training-cycles/service';
import { findActiveUser } from '../users/repository';

const MODULES = [
  'Insertion professionnelle — module 1 : se connaître',
  'Insertion professionnelle — module 2 : droits et devoirs au travail',
  'Insertion professionnelle — module 3 : CV et lettre de motivation',
  "Insertion professionnelle — module 4 : l'entretien d'embauche",
  'Insertion professionnelle — module 5 : lancer une activité',
];

/**
 * How many modules each of the ten participants completed, in order (present at all three
 * sessions); the next one they came to once. Six complete the cycle, three stop on the way, one never came.
 */
const COMPLETED_MODULES = [5, 5, 5, 5, 5, 5, 4, 3, 2, 0];
/** The first completers already have their certificate; the rest are left to print. */
const CERTIFIED = 4;

/**
 * A five-module training cycle held over the last weeks, one module a week (Tuesday to Thursday
 * mornings), with its participants' attendance, and the completion certificates already issued to
 * some. No random draw: the other areas' demo data stays as it was.
 */
export function addDemoTrainingCycle(tx: WriteTx, now: Date): void {
  const today = todayIso(now);
  const monday = addDays(today, 1 - isoWeekday(today));
  const year = now.getUTCFullYear();
  const people = (
    tx.db
      .prepare(
        `SELECT id FROM beneficiaries WHERE archived_at IS NULL AND personal_json IS NOT NULL AND birth_year <= ?
         ORDER BY reference LIMIT 10 OFFSET 60`,
      )
      .all(year - 18) as { id: string }[]
  ).map((r) => r.id);
  const activityIds = MODULES.map((title, m) => {
    const startDate = addDays(monday, -7 * (12 - m) + 1);
    const at: WriteTx = { ...tx, at: `${addDays(startDate, -14)}T09:00:00.000Z` };
    const activity = saveActivity({
      title,
      type: 'training_module',
      theme: 'employability',
      facilitators: 'Formatrice en insertion professionnelle',
      place: "Local de l'association",
      targetAudience: 'Adultes en recherche d’emploi',
      plannedParticipants: 12,
      startDate,
      endDate: addDays(startDate, 2),
      completionThreshold: 75,
    })(at);
    const { created } = generateSessions(activity.id, {
      weekdays: [2, 3, 4],
      startTime: '09:30',
      endTime: '12:30',
      startDate,
      weeks: 1,
      skipDates: [],
      place: "Local de l'association",
    })(at);
    const enrolled = m === 0 ? people : people.slice(0, 9);
    for (const id of enrolled) insertRegistration(tx.db, { activityId: activity.id, beneficiaryId: id, at: at.at, walkIn: false });
    enrolled.forEach((id, p) => {
      created.forEach((session, s) => {
        const status: AttendanceStatus =
          m < COMPLETED_MODULES[p] || (m === COMPLETED_MODULES[p] && s === 0 && COMPLETED_MODULES[p] > 0) ? 'present' : 'absent';
        upsertMark(tx.db, { sessionId: session.id, beneficiaryId: id, status, at: `${session.date}T13:00:00.000Z`, userId: tx.user.id });
      });
    });
    return activity.id;
  });
  const cycle = saveCycle({ title: 'Parcours d’insertion professionnelle (5 modules)', activityIds })(tx);
  const presidentId = (tx.db.prepare("SELECT id FROM users WHERE role = 'president' ORDER BY created_at LIMIT 1").get() as { id: string }).id;
  const president = findActiveUser(tx.db, presidentId);
  if (president) {
    issueCertificates({ subject: 'cycle', subjectId: cycle.id, kind: 'completion', beneficiaryIds: people.slice(0, CERTIFIED) })({ ...tx, user: president });
  }
}
