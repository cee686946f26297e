import type { z } from 'zod';
import {
  todayIso,
  type Activity,
  type ActivityAgreement,
  type ActivityDetail,
  type ActivityInput,
  type activitySearchSchema,
  type ActivitySession,
  type ActivityStatistics,
  type AttendanceSheet,
  type Beneficiary,
  type BeneficiaryInput,
  type GeneratedSessions,
  beneficiaryInputSchema,
  type markAttendanceSchema,
  type Member,
  type MemberRegistration,
  type MemberRegistrationInput,
  type RegistrationList,
  type RegistrationOutcome,
  type RepeatCheck,
  type Schedule,
  type ScheduledDate,
  type SessionInput,
  type StatisticsInput,
} from '../../contract';
import { getBeneficiary } from '../beneficiaries/repository';
import { shownTo } from '../beneficiaries/sensitive';
import { createBeneficiary } from '../beneficiaries/service';
import { existingMember, linkMemberTo } from '../members/service';
import { lookupState } from '../case-follow-up/repository';
import type { CoreContext, SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { orNull } from '../input-values';
import { newId } from '../ids';
import { allocateReference } from '../references/counter';
import { readSettings } from '../settings/repository';
import {
  activityHasAttendance,
  activityHasSignedSheet,
  agreementOf,
  attendanceRows,
  deleteActivity as removeActivity,
  deleteRegistration,
  deleteSession as removeSession,
  getActivity,
  getSession,
  hasAttendanceIn,
  insertRegistration,
  listActivities as storedActivities,
  listSessionRows,
  markRegisteredPresent,
  registeredIds,
  registrationCount,
  registrationRows,
  saveActivity as writeActivity,
  saveSession as writeSession,
  sessionHasAttendance,
  sessionHasSignedSheet,
  sessionSlots,
  sessionsHeld,
  themeHistory,
  upsertMark,
} from './repository';
import { scheduleDates } from './schedule';
import { activityStatistics, hasCompleted } from './statistics';

/** What the rules need of the context: its clock (the demo generator passes a fixed one). */
type Clock = Pick<CoreContext, 'now'>;

export function existingActivity(db: Db, id: string): Activity {
  const a = getActivity(db, id);
  if (!a) throw new AppError('not_found');
  return a;
}

/** An activity that may still change: archived ones are restored first. */
export function openActivity(db: Db, id: string): Activity {
  const a = existingActivity(db, id);
  if (a.archivedAt) throw new AppError('activity_archived');
  return a;
}

export function existingSession(db: Db, id: string): ActivitySession {
  const s = getSession(db, id);
  if (!s) throw new AppError('not_found');
  return s;
}

// ---------------------------------------------------------------------------------------------
// Activities

export function listActivities(ctx: SignedInContext, params: z.output<typeof activitySearchSchema>) {
  return storedActivities(ctx.session.file.db, params, todayIso(ctx.now()));
}

export function getActivityDetail(ctx: SignedInContext, id: string): ActivityDetail {
  const { db } = ctx.session.file;
  const activity = existingActivity(db, id);
  return { activity, agreement: linkedAgreement(db, activity), sessions: listSessionRows(db, id), registeredCount: registrationCount(db, id) };
}

function linkedAgreement(db: Db, activity: Pick<Activity, 'agreementId'>): ActivityAgreement | null {
  const found = activity.agreementId ? agreementOf(db, activity.agreementId) : undefined;
  return found ? { id: found.id, reference: found.reference, title: found.title, funderId: found.funderId, funderName: found.funderName } : null;
}

/** Creates (reference `A-YYYY-NNNNN`) or replaces an activity's fields. Codes must be in their lists. */
export function saveActivity(input: ActivityInput) {
  return (tx: WriteTx): Activity => {
    const before = input.id ? openActivity(tx.db, input.id) : undefined;
    const fields: Record<string, string> = {};
    const type = lookupState(tx.db, 'activityType', input.type);
    if (!type || (type.archived && before?.type !== input.type)) fields.type = 'not_in_list';
    const theme = lookupState(tx.db, 'theme', input.theme);
    if (!theme || (theme.archived && before?.theme !== input.theme)) fields.theme = 'not_in_list';
    const agreement = input.agreementId ? agreementOf(tx.db, input.agreementId) : undefined;
    if (input.agreementId && !agreement) fields.agreementId = 'not_found';
    // A closed agreement keeps the activities it already had, and takes no new one.
    else if (agreement?.archived && before?.agreementId !== agreement.id) fields.agreementId = 'archived';
    if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);

    const record: Activity = {
      id: before?.id ?? newId(),
      reference: before?.reference ?? allocateReference(tx.db, 'A', Number(tx.at.slice(0, 4))),
      title: input.title,
      type: input.type,
      theme: input.theme,
      agreementId: orNull(input.agreementId),
      project: orNull(input.project),
      facilitators: orNull(input.facilitators),
      place: orNull(input.place),
      targetAudience: orNull(input.targetAudience),
      plannedParticipants: orNull(input.plannedParticipants),
      startDate: orNull(input.startDate),
      endDate: orNull(input.endDate),
      completionThreshold: input.completionThreshold,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: null,
    };
    writeActivity(tx.db, record);
    tx.audit(record.id);
    return record;
  };
}

export function setActivityArchived(id: string, archived: boolean) {
  return (tx: WriteTx): Activity => {
    const before = existingActivity(tx.db, id);
    const record: Activity = { ...before, archivedAt: archived ? (before.archivedAt ?? tx.at) : null, updatedAt: tx.at };
    writeActivity(tx.db, record);
    tx.audit(id);
    return record;
  };
}

/** Only an activity nobody attended: once someone was marked, it is archived, never deleted. */
export function deleteActivity(id: string) {
  return (tx: WriteTx): { id: string } => {
    existingActivity(tx.db, id);
    if (activityHasAttendance(tx.db, id) || activityHasSignedSheet(tx.db, id)) throw new AppError('has_attendance');
    removeActivity(tx.db, id);
    tx.audit(id);
    return { id };
  };
}

// ---------------------------------------------------------------------------------------------
// Sessions

export function saveSession(ctx: Clock, input: SessionInput) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): ActivitySession => {
    openActivity(tx.db, input.activityId);
    const before = input.id ? existingSession(tx.db, input.id) : undefined;
    if (before && before.activityId !== input.activityId) throw new AppError('not_found');
    // Attendance already marked cannot be moved to a day that has not come yet.
    if (before && input.date > today && sessionHasAttendance(tx.db, before.id)) throw new AppError('session_in_future', { date: 'session_in_future' });
    const record: ActivitySession = {
      id: before?.id ?? newId(),
      activityId: input.activityId,
      date: input.date,
      startTime: input.startTime,
      endTime: input.endTime,
      place: orNull(input.place),
      facilitator: orNull(input.facilitator),
      countOnly: before?.countOnly ?? false,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
    };
    writeSession(tx.db, record);
    tx.audit(record.id);
    return record;
  };
}

export function deleteSession(id: string) {
  return (tx: WriteTx): { id: string } => {
    const session = existingSession(tx.db, id);
    openActivity(tx.db, session.activityId);
    if (sessionHasAttendance(tx.db, id) || sessionHasSignedSheet(tx.db, id)) throw new AppError('has_attendance');
    removeSession(tx.db, id);
    tx.audit(id);
    return { id };
  };
}

function plannedDates(db: Db, activityId: string, schedule: Schedule): ScheduledDate[] {
  const taken = sessionSlots(db, activityId);
  return scheduleDates(schedule).map((d) =>
    !d.skipped && taken.has(`${d.date} ${schedule.startTime}`) ? { ...d, skipped: 'exists' as const } : d,
  );
}

export function previewSchedule(ctx: SignedInContext, activityId: string, schedule: Schedule): ScheduledDate[] {
  const { db } = ctx.session.file;
  existingActivity(db, activityId);
  return plannedDates(db, activityId, schedule);
}

/** Adds the sessions of a repeating schedule; holidays and slots the activity already has are skipped. */
export function generateSessions(activityId: string, schedule: Schedule) {
  return (tx: WriteTx): GeneratedSessions => {
    openActivity(tx.db, activityId);
    const dates = plannedDates(tx.db, activityId, schedule);
    const created: ActivitySession[] = [];
    for (const d of dates.filter((x) => !x.skipped)) {
      const session: ActivitySession = {
        id: newId(),
        activityId,
        date: d.date,
        startTime: schedule.startTime,
        endTime: schedule.endTime,
        place: orNull(schedule.place),
        facilitator: orNull(schedule.facilitator),
        countOnly: false,
        createdAt: tx.at,
        updatedAt: tx.at,
      };
      writeSession(tx.db, session);
      created.push(session);
    }
    tx.audit(activityId);
    return { created, skipped: dates.filter((x) => x.skipped) };
  };
}

// ---------------------------------------------------------------------------------------------
// Registrations

export function listRegistrations(ctx: SignedInContext, activityId: string): RegistrationList {
  const { db } = ctx.session.file;
  const activity = existingActivity(db, activityId);
  const held = sessionsHeld(db, activityId);
  return {
    activityId,
    sessionsHeld: held,
    completionThreshold: activity.completionThreshold,
    plannedParticipants: activity.plannedParticipants,
    rows: registrationRows(db, activityId, ctx.now().getUTCFullYear()).map((r) => ({
      ...r,
      completed: hasCompleted(r.presentCount, held, activity.completionThreshold),
    })),
  };
}

function checkRepeat(db: Db, activity: Activity, beneficiaryId: string, threshold: number): RepeatCheck {
  const history = themeHistory(db, beneficiaryId, activity.theme, activity.id);
  return { beneficiaryId, theme: activity.theme, threshold, count: history.length, alert: history.length >= threshold, history };
}

export function repeatCheck(ctx: SignedInContext, activityId: string, beneficiaryId: string): RepeatCheck {
  const { db } = ctx.session.file;
  const activity = existingActivity(db, activityId);
  if (!getBeneficiary(db, beneficiaryId)) throw new AppError('not_found');
  return checkRepeat(db, activity, beneficiaryId, readSettings(db).repeatAlertThreshold);
}

/**
 * Registers people at the end of the sheet; those already registered stay where they are. Unknown
 * or archived people refuse the whole batch, with the position of each in `fields`.
 */
function register(
  tx: WriteTx,
  activity: Activity,
  beneficiaryIds: readonly string[],
  options: { walkIn: boolean; field: string },
): RegistrationOutcome {
  const unknown: Record<string, string> = {};
  const archived: Record<string, string> = {};
  beneficiaryIds.forEach((id, i) => {
    const b = getBeneficiary(tx.db, id);
    if (!b) unknown[`${options.field}.${i}`] = 'not_found';
    else if (b.archivedAt) archived[`${options.field}.${i}`] = 'archived';
  });
  if (Object.keys(unknown).length > 0) throw new AppError('not_found', unknown);
  if (Object.keys(archived).length > 0) throw new AppError('beneficiary_archived', archived);

  const registered = registeredIds(tx.db, activity.id);
  const added: string[] = [];
  const alreadyRegistered: string[] = [];
  for (const id of new Set(beneficiaryIds)) {
    if (registered.has(id)) {
      alreadyRegistered.push(id);
      continue;
    }
    insertRegistration(tx.db, { activityId: activity.id, beneficiaryId: id, at: tx.at, walkIn: options.walkIn });
    registered.add(id);
    added.push(id);
  }
  const threshold = readSettings(tx.db).repeatAlertThreshold;
  const count = registered.size;
  return {
    added,
    alreadyRegistered,
    registeredCount: count,
    plannedParticipants: activity.plannedParticipants,
    overPlanned: activity.plannedParticipants !== null && count > activity.plannedParticipants,
    repeatAlerts: added.map((id) => checkRepeat(tx.db, activity, id, threshold)).filter((c) => c.alert),
  };
}

export function addRegistrations(activityId: string, beneficiaryIds: string[]) {
  return (tx: WriteTx): RegistrationOutcome => {
    const outcome = register(tx, openActivity(tx.db, activityId), beneficiaryIds, { walkIn: false, field: 'beneficiaryIds' });
    tx.audit(activityId);
    return outcome;
  };
}

/**
 * The beneficiary record made for a member who has none: named only with consent to service
 * delivery (law 09-08), else pseudonymous, like a walk-in's.
 */
function beneficiaryOfMember(member: Member, details: NonNullable<MemberRegistrationInput['details']>): BeneficiaryInput {
  const birthYear = member.birthDate ? Number(member.birthDate.slice(0, 4)) : details.birthYear;
  if (birthYear === undefined) throw new AppError('invalid_input', { 'details.birthYear': 'required' });
  const named = details.consent?.scopes.includes('service') ?? false;
  const parsed = beneficiaryInputSchema.safeParse({
    sex: member.sex,
    birthYear,
    birthYearEstimated: false,
    nationality: details.nationality,
    category: details.category,
    initials: `${member.firstName.charAt(0)}${member.lastName.charAt(0)}`.toUpperCase(),
    consent: details.consent,
    personal: named
      ? {
          firstName: member.firstName,
          lastName: member.lastName,
          arabicName: member.arabicName ?? undefined,
          birthDate: member.birthDate ?? undefined,
          phones: member.phones,
          languages: [],
          legalStatus: null,
          household: { dependants: null, childrenUnder18: null, singleParent: false },
          educationLevel: 'unknown',
          vulnerabilities: [],
        }
      : null,
  });
  if (!parsed.success) {
    throw new AppError('invalid_input', Object.fromEntries(parsed.error.issues.map((i) => [`details.${i.path.join('.')}`, i.message])));
  }
  return parsed.data;
}

/**
 * Registers a member: the beneficiary record linked to them, or a new one made from their fields
 * and linked to them, all in this one transaction (a refused registration leaves no record behind).
 */
export function addMember(input: MemberRegistrationInput) {
  return (tx: WriteTx): MemberRegistration => {
    const activity = openActivity(tx.db, input.activityId);
    const member = existingMember(tx.db, input.memberId);
    if (member.archivedAt) throw new AppError('member_archived', { memberId: 'member_archived' });
    let beneficiaryId = member.beneficiaryId;
    const created = beneficiaryId === null;
    if (beneficiaryId === null) {
      if (!input.details) throw new AppError('invalid_input', { 'details.category': 'required', 'details.nationality': 'required' });
      beneficiaryId = createBeneficiary(beneficiaryOfMember(member, input.details))(tx).id;
      linkMemberTo(tx, member, beneficiaryId);
    }
    const outcome = register(tx, activity, [beneficiaryId], { walkIn: false, field: 'memberId' });
    tx.audit(activity.id);
    return { beneficiaryId, created, outcome };
  };
}

/** Only someone never marked in the activity (their marks are part of what was reported). */
export function removeRegistration(activityId: string, beneficiaryId: string) {
  return (tx: WriteTx): { activityId: string; beneficiaryId: string } => {
    openActivity(tx.db, activityId);
    if (!registeredIds(tx.db, activityId).has(beneficiaryId)) throw new AppError('not_found');
    if (hasAttendanceIn(tx.db, activityId, beneficiaryId)) throw new AppError('has_attendance');
    deleteRegistration(tx.db, activityId, beneficiaryId);
    tx.audit(activityId);
    return { activityId, beneficiaryId };
  };
}

/** A session of this activity on which attendance may be marked today. */
function markableSession(db: Db, sessionId: string, today: string, activityId?: string): { session: ActivitySession; activity: Activity } {
  const session = existingSession(db, sessionId);
  if (activityId && session.activityId !== activityId) throw new AppError('not_found');
  const activity = openActivity(db, session.activityId);
  if (session.date > today) throw new AppError('session_in_future');
  if (session.countOnly) throw new AppError('count_only_session');
  return { session, activity };
}

/**
 * Someone who came without being registered: their record is created (a pseudonymous one if they
 * did not consent) and registered as a walk-in, in the same transaction; optionally marked present.
 */
export function walkIn(ctx: Clock, input: { activityId: string; beneficiary: BeneficiaryInput; presentAt?: string }) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): { beneficiary: Beneficiary; outcome: RegistrationOutcome } => {
    const activity = openActivity(tx.db, input.activityId);
    if (input.presentAt) markableSession(tx.db, input.presentAt, today, activity.id);
    const beneficiary = createBeneficiary(input.beneficiary)(tx);
    const outcome = register(tx, activity, [beneficiary.id], { walkIn: true, field: 'beneficiary' });
    if (input.presentAt) {
      upsertMark(tx.db, { sessionId: input.presentAt, beneficiaryId: beneficiary.id, status: 'present', at: tx.at, userId: tx.user.id });
    }
    tx.audit(activity.id);
    return { beneficiary: shownTo(tx.db, tx.user, beneficiary), outcome };
  };
}

// ---------------------------------------------------------------------------------------------
// Attendance

/** The attendance screen's data (also measured by the benchmark). */
export function attendanceSheet(db: Db, sessionId: string, today: string, year: number): AttendanceSheet {
  const session = existingSession(db, sessionId);
  const activity = existingActivity(db, session.activityId);
  const rows = attendanceRows(db, activity.id, session.id, year);
  const counts = { present: 0, absent: 0, excused: 0, unmarked: 0 };
  for (const r of rows) counts[r.status ?? 'unmarked'] += 1;
  return {
    session,
    activity: {
      id: activity.id,
      reference: activity.reference,
      title: activity.title,
      type: activity.type,
      theme: activity.theme,
      plannedParticipants: activity.plannedParticipants,
      archivedAt: activity.archivedAt,
    },
    agreement: linkedAgreement(db, activity),
    place: session.place ?? activity.place,
    facilitator: session.facilitator ?? activity.facilitators,
    editable: session.date <= today && !activity.archivedAt,
    rows,
    counts,
    registeredCount: rows.length,
    overPlanned: activity.plannedParticipants !== null && rows.length > activity.plannedParticipants,
  };
}

export function getAttendance(ctx: SignedInContext, sessionId: string): AttendanceSheet {
  const now = ctx.now();
  return attendanceSheet(ctx.session.file.db, sessionId, todayIso(now), now.getUTCFullYear());
}

/**
 * A batch of marks in one transaction. People in `add` are registered first (as walk-ins); a mark
 * for anyone else who is not registered refuses the whole batch.
 */
export function markAttendance(ctx: Clock, input: z.output<typeof markAttendanceSchema>) {
  const now = ctx.now();
  const today = todayIso(now);
  return (tx: WriteTx): AttendanceSheet => {
    const { session, activity } = markableSession(tx.db, input.sessionId, today);
    if (input.add.length > 0) register(tx, activity, input.add, { walkIn: true, field: 'add' });
    const registered = registeredIds(tx.db, activity.id);
    const strangers: Record<string, string> = {};
    input.marks.forEach((m, i) => {
      if (!registered.has(m.beneficiaryId)) strangers[`marks.${i}.beneficiaryId`] = 'not_registered';
    });
    if (Object.keys(strangers).length > 0) throw new AppError('not_registered', strangers);
    for (const m of input.marks) {
      upsertMark(tx.db, { sessionId: session.id, beneficiaryId: m.beneficiaryId, status: m.status, at: tx.at, userId: tx.user.id });
    }
    tx.audit(session.id);
    return attendanceSheet(tx.db, session.id, today, now.getUTCFullYear());
  };
}

export function markAllPresent(ctx: Clock, input: { sessionId: string; overwrite: boolean }) {
  const now = ctx.now();
  const today = todayIso(now);
  return (tx: WriteTx): AttendanceSheet => {
    const { session, activity } = markableSession(tx.db, input.sessionId, today);
    markRegisteredPresent(tx.db, { activityId: activity.id, sessionId: session.id, at: tx.at, userId: tx.user.id, overwrite: input.overwrite });
    tx.audit(session.id);
    return attendanceSheet(tx.db, session.id, today, now.getUTCFullYear());
  };
}

// ---------------------------------------------------------------------------------------------

export function statistics(ctx: SignedInContext, input: StatisticsInput): ActivityStatistics {
  const { db } = ctx.session.file;
  if (input.activityId) existingActivity(db, input.activityId);
  return activityStatistics(db, input, readSettings(db).statisticsAgeBands);
}
