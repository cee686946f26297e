import {
  COMING_UP_DAYS,
  DOCUMENT_EXPIRY_WARNING_DAYS,
  NOT_SEEN_DAYS,
  todayIso,
  type ComingUpNextStep,
  type ExpiredDocument,
  type ExpiringDocument,
  type FollowUpDashboard,
  type NotSeenPerson,
  type OverdueNextStep,
  type ProcedureStatus,
  type StaleProcedure,
  type UnansweredReferral,
} from '../../contract';
import type { SignedInContext } from '../context';
import type { Db } from '../db/database';
import { employmentFollowUps } from '../employment/follow-ups';
import { readSettings } from '../settings/repository';
import { caseOpenSql } from '../case-lifecycle/repository';
import { OPEN_STATUSES_SQL } from './repository';

const DAY_MS = 86_400_000;

export const addDays = (date: string, days: number): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** Whole days from one `YYYY-MM-DD` to another. */
export const daysBetween = (from: string, to: string): number =>
  Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);

interface PersonColumns {
  beneficiary_id: string;
  reference: string;
  display_name: string;
}

const person = (r: PersonColumns) => ({ beneficiaryId: r.beneficiary_id, reference: r.reference, displayName: r.display_name });

/** The user whose cases alone are listed (with those nobody leads), or null for everyone's. */
type Mine = string | null;
interface Filter {
  sql: string;
  params: string[];
}

const procedureFilter = (mine: Mine): Filter =>
  mine ? { sql: ' AND (p.responsible_id = ? OR p.responsible_id IS NULL)', params: [mine] } : { sql: '', params: [] };

/** A person is someone else's case only when every procedure of theirs still open is led by another. */
const personFilter = (mine: Mine): Filter =>
  mine
    ? {
        sql: ` AND (EXISTS (SELECT 1 FROM procedures q WHERE q.beneficiary_id = b.id AND q.status IN ${OPEN_STATUSES_SQL} AND (q.responsible_id = ? OR q.responsible_id IS NULL))
                 OR NOT EXISTS (SELECT 1 FROM procedures q WHERE q.beneficiary_id = b.id AND q.status IN ${OPEN_STATUSES_SQL}))`,
        params: [mine],
      }
    : { sql: '', params: [] };

/** Archived people and closed cases are no longer followed: none of the lists shows them. */
const FOLLOWED_SQL = `b.archived_at IS NULL AND ${caseOpenSql('b.id')}`;
const PERSON_SQL = `b.id AS beneficiary_id, b.reference, coalesce(b.display_name, b.initials) AS display_name`;

type NextStep = Omit<OverdueNextStep, 'daysOverdue'>;

/** Open procedures' next steps due from `from` (included) to `to` (excluded), soonest first. */
function nextStepsDue(db: Db, from: string, to: string, mine: Mine): NextStep[] {
  const filter = procedureFilter(mine);
  const rows = db
    .prepare(
      `SELECT ${PERSON_SQL}, p.id AS procedure_id, p.type, p.next_step, p.next_step_due, u.display_name AS responsible_name
       FROM procedures p
       JOIN beneficiaries b ON b.id = p.beneficiary_id
       LEFT JOIN users u ON u.id = p.responsible_id
       WHERE p.status IN ${OPEN_STATUSES_SQL} AND p.next_step_due >= ? AND p.next_step_due < ? AND ${FOLLOWED_SQL}${filter.sql}
       ORDER BY p.next_step_due, b.reference, p.id`,
    )
    .all(from, to, ...filter.params) as (PersonColumns & {
    procedure_id: string;
    type: string;
    next_step: string | null;
    next_step_due: string;
    responsible_name: string | null;
  })[];
  return rows.map((r) => ({
    ...person(r),
    procedureId: r.procedure_id,
    procedureType: r.type,
    nextStep: r.next_step,
    nextStepDue: r.next_step_due,
    responsibleName: r.responsible_name,
  }));
}

/** Due before today: every day is at or after the empty string. */
const overdueNextSteps = (db: Db, today: string, mine: Mine): OverdueNextStep[] =>
  nextStepsDue(db, '', today, mine).map((step) => ({ ...step, daysOverdue: daysBetween(step.nextStepDue, today) }));

const comingUpNextSteps = (db: Db, today: string, mine: Mine): ComingUpNextStep[] =>
  nextStepsDue(db, today, addDays(today, COMING_UP_DAYS), mine).map((step) => ({ ...step, daysLeft: daysBetween(today, step.nextStepDue) }));

function staleProcedures(db: Db, now: Date, days: number, mine: Mine): StaleProcedure[] {
  const filter = procedureFilter(mine);
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const rows = db
    .prepare(
      `SELECT ${PERSON_SQL}, p.id AS procedure_id, p.type, p.status, p.last_activity_at
       FROM procedures p
       JOIN beneficiaries b ON b.id = p.beneficiary_id
       WHERE p.status IN ${OPEN_STATUSES_SQL} AND p.last_activity_at <= ? AND ${FOLLOWED_SQL}${filter.sql}
       ORDER BY p.last_activity_at, b.reference, p.id`,
    )
    .all(cutoff, ...filter.params) as (PersonColumns & { procedure_id: string; type: string; status: ProcedureStatus; last_activity_at: string })[];
  return rows.map((r) => ({
    ...person(r),
    procedureId: r.procedure_id,
    procedureType: r.type,
    status: r.status,
    lastActivityAt: r.last_activity_at,
    daysInactive: Math.floor((now.getTime() - Date.parse(r.last_activity_at)) / DAY_MS),
  }));
}

function expiringDocuments(db: Db, today: string, mine: Mine): ExpiringDocument[] {
  const filter = personFilter(mine);
  const rows = db
    .prepare(
      `SELECT ${PERSON_SQL}, b.legal_status, b.legal_expiry
       FROM beneficiaries b
       WHERE ${FOLLOWED_SQL} AND b.legal_expiry IS NOT NULL AND b.legal_expiry BETWEEN ? AND ?${filter.sql}
       ORDER BY b.legal_expiry, b.reference`,
    )
    .all(today, addDays(today, DOCUMENT_EXPIRY_WARNING_DAYS), ...filter.params) as (PersonColumns & {
    legal_status: string | null;
    legal_expiry: string;
  })[];
  return rows.map((r) => ({
    ...person(r),
    legalStatus: r.legal_status,
    expiryDate: r.legal_expiry,
    daysLeft: daysBetween(today, r.legal_expiry),
  }));
}

/** Already past their expiry date: the most recently expired first, the most urgent to renew. */
function expiredDocuments(db: Db, today: string, mine: Mine): ExpiredDocument[] {
  const filter = personFilter(mine);
  const rows = db
    .prepare(
      `SELECT ${PERSON_SQL}, b.legal_status, b.legal_expiry
       FROM beneficiaries b
       WHERE ${FOLLOWED_SQL} AND b.legal_expiry IS NOT NULL AND b.legal_expiry < ?${filter.sql}
       ORDER BY b.legal_expiry DESC, b.reference`,
    )
    .all(today, ...filter.params) as (PersonColumns & { legal_status: string | null; legal_expiry: string })[];
  return rows.map((r) => ({
    ...person(r),
    legalStatus: r.legal_status,
    expiryDate: r.legal_expiry,
    daysAgo: daysBetween(r.legal_expiry, today),
  }));
}

/** Last seen: the latest case note date or procedure activity (any procedure of theirs). */
export function notSeen(db: Db, today: string, mine: Mine = null): NotSeenPerson[] {
  const filter = personFilter(mine);
  const rows = db
    .prepare(
      `SELECT * FROM (
         SELECT ${PERSON_SQL}, o.open_procedures,
           max(coalesce((SELECT max(n.date) FROM case_notes n WHERE n.beneficiary_id = b.id), ''),
               (SELECT max(substr(a.last_activity_at, 1, 10)) FROM procedures a WHERE a.beneficiary_id = b.id)) AS last_seen_on
         FROM (SELECT beneficiary_id, count(*) AS open_procedures FROM procedures p
               WHERE p.status IN ${OPEN_STATUSES_SQL} GROUP BY beneficiary_id) o
         JOIN beneficiaries b ON b.id = o.beneficiary_id
         WHERE ${FOLLOWED_SQL}${filter.sql})
       WHERE last_seen_on <= ?
       ORDER BY last_seen_on, reference`,
    )
    .all(...filter.params, addDays(today, -NOT_SEEN_DAYS)) as (PersonColumns & { open_procedures: number; last_seen_on: string })[];
  return rows.map((r) => ({
    ...person(r),
    lastSeenOn: r.last_seen_on,
    daysSince: daysBetween(r.last_seen_on, today),
    openProcedures: r.open_procedures,
  }));
}

/** Sent to a partner as a file, still `sent` that many days later: time to call them. */
function unansweredReferrals(db: Db, now: Date, days: number, mine: Mine): UnansweredReferral[] {
  const filter = personFilter(mine);
  const cutoff = new Date(now.getTime() - days * DAY_MS).toISOString();
  const rows = db
    .prepare(
      `SELECT ${PERSON_SQL}, r.id AS referral_id, p.name AS partner_name, r.file_sent_at
       FROM referrals r
       JOIN beneficiaries b ON b.id = r.beneficiary_id
       JOIN partners p ON p.id = r.partner_id
       WHERE r.file_sent_at IS NOT NULL AND r.status = 'sent' AND r.file_sent_at <= ? AND ${FOLLOWED_SQL}${filter.sql}
       ORDER BY r.file_sent_at, b.reference, r.id`,
    )
    .all(cutoff, ...filter.params) as (PersonColumns & { referral_id: string; partner_name: string; file_sent_at: string })[];
  return rows.map((r) => ({
    ...person(r),
    referralId: r.referral_id,
    partnerName: r.partner_name,
    fileSentAt: r.file_sent_at,
    daysWaiting: Math.floor((now.getTime() - Date.parse(r.file_sent_at)) / DAY_MS),
  }));
}

export function followUpDashboard(ctx: SignedInContext, onlyMine: boolean): FollowUpDashboard {
  const { db } = ctx.session.file;
  const mine = onlyMine ? ctx.session.user.id : null;
  const now = ctx.now();
  const today = todayIso(now);
  const { staleProcedureDays, unansweredReferralDays } = readSettings(db);
  return {
    today,
    staleProcedureDays,
    unansweredReferralDays,
    overdueNextSteps: overdueNextSteps(db, today, mine),
    comingUpNextSteps: comingUpNextSteps(db, today, mine),
    staleProcedures: staleProcedures(db, now, staleProcedureDays, mine),
    expiringDocuments: expiringDocuments(db, today, mine),
    expiredDocuments: expiredDocuments(db, today, mine),
    notSeen: notSeen(db, today, mine),
    unansweredReferrals: unansweredReferrals(db, now, unansweredReferralDays, mine),
    employmentFollowUps: employmentFollowUps(db, today, personFilter(mine)),
  };
}
