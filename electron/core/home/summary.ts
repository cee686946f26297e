import { HOME_WEEK_DAYS, todayIso, type HomeChecklist, type HomeNextStep, type HomeSession, type HomeSummary } from '../../contract';
import { listLogos } from '../activities/logos';
import { readSecondFolder } from '../backups/second-folder-setting';
import { addDays, notSeen } from '../case-follow-up/dashboard';
import { OPEN_STATUSES_SQL } from '../case-follow-up/repository';
import { caseOpenSql } from '../case-lifecycle/repository';
import type { SignedInContext } from '../context';
import type { Db } from '../db/database';

function myNextSteps(db: Db, userId: string, today: string): HomeNextStep[] {
  return db
    .prepare(
      `SELECT p.id AS procedureId, b.id AS beneficiaryId, b.reference, coalesce(b.display_name, b.initials) AS displayName,
              p.type AS procedureType, p.next_step AS nextStep, p.next_step_due AS nextStepDue
       FROM procedures p JOIN beneficiaries b ON b.id = p.beneficiary_id
       WHERE p.status IN ${OPEN_STATUSES_SQL} AND b.archived_at IS NULL AND ${caseOpenSql('b.id')}
         AND p.next_step_due BETWEEN ? AND ? AND (p.responsible_id = ? OR p.responsible_id IS NULL)
       ORDER BY p.next_step_due, b.reference, p.id`,
    )
    .all(today, addDays(today, HOME_WEEK_DAYS - 1), userId) as HomeNextStep[];
}

function overdueCount(db: Db, today: string): number {
  const row = db
    .prepare(
      `SELECT count(*) AS n FROM procedures p JOIN beneficiaries b ON b.id = p.beneficiary_id
       WHERE p.status IN ${OPEN_STATUSES_SQL} AND p.next_step_due < ? AND b.archived_at IS NULL AND ${caseOpenSql('b.id')}`,
    )
    .get(today) as { n: number };
  return row.n;
}

function sessionsOn(db: Db, date: string): HomeSession[] {
  return db
    .prepare(
      `SELECT s.id AS sessionId, a.id AS activityId, a.title AS activityTitle, s.date, s.start_time AS startTime, s.end_time AS endTime,
              coalesce(s.place, a.place) AS place
       FROM activity_sessions s JOIN activities a ON a.id = s.activity_id
       WHERE s.date = ? AND a.archived_at IS NULL
       ORDER BY s.start_time, a.title, s.id`,
    )
    .all(date) as HomeSession[];
}

const count = (db: Db, sql: string, ...params: unknown[]): number => (db.prepare(sql).get(...params) as { n: number }).n;

function checklist(db: Db): HomeChecklist {
  return {
    peopleRecorded: count(db, 'SELECT count(*) AS n FROM beneficiaries') > 0,
    usersAdded: count(db, 'SELECT count(*) AS n FROM users WHERE removed_at IS NULL') > 1,
    logoSet: listLogos(db).association !== null,
    activityPlanned: count(db, 'SELECT count(*) AS n FROM activities') > 0,
    backupFolderChosen: readSecondFolder(db) !== null,
  };
}

/** Everything the home pages show, in one read: a few small counts over indexed columns. */
export function homeSummary(ctx: SignedInContext): HomeSummary {
  const { db } = ctx.session.file;
  const now = ctx.now();
  const today = todayIso(now);
  const monthStart = `${today.slice(0, 7)}-01`;
  return {
    today,
    myNextSteps: myNextSteps(db, ctx.session.user.id, today),
    overdueNextSteps: overdueCount(db, today),
    sessionsToday: sessionsOn(db, today),
    sessionsTomorrow: sessionsOn(db, addDays(today, 1)),
    notSeen: notSeen(db, today).length,
    peopleThisMonth: count(
      db,
      `SELECT count(DISTINCT t.beneficiary_id) AS n FROM attendance t JOIN activity_sessions s ON s.id = t.session_id
       WHERE t.status = 'present' AND s.date BETWEEN ? AND ?`,
      monthStart,
      today,
    ),
    newPeopleThisMonth: count(db, 'SELECT count(*) AS n FROM beneficiaries WHERE created_at >= ? AND archived_at IS NULL', monthStart),
    activitiesThisMonth: count(
      db,
      'SELECT count(DISTINCT s.activity_id) AS n FROM activity_sessions s WHERE s.present_count > 0 AND s.date BETWEEN ? AND ?',
      monthStart,
      today,
    ),
    checklist: checklist(db),
  };
}
