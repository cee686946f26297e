import type { z } from 'zod';
import type {
  Activity,
  ActivityAgreement,
  ActivityRow,
  ActivitySearchResult,
  activitySearchSchema,
  ActivitySession,
  AttendanceStatus,
  ParticipantRow,
  SessionRow,
  ThemeHistoryEntry,
} from '../../contract';
import { SIGNED_SHEET_OWNER, type AttachmentInfo } from '../../contract';
import { attachmentsOf } from '../attachments/repository';
import type { Db } from '../db/database';

type Statement = ReturnType<Db['prepare']>;
const statements = new WeakMap<Db, Map<string, Statement>>();

/** The statements run once per person or per session (marking a sheet, generating a schedule), prepared once per connection. */
function prepared(db: Db, sql: string): Statement {
  let cache = statements.get(db);
  if (!cache) statements.set(db, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) cache.set(sql, (statement = db.prepare(sql)));
  return statement;
}

// ---------------------------------------------------------------------------------------------
// Activities

interface ActivityDbRow {
  id: string;
  reference: string;
  title: string;
  type: string;
  theme: string;
  agreement_id: string | null;
  project: string | null;
  facilitators: string | null;
  place: string | null;
  target_audience: string | null;
  planned_participants: number | null;
  start_date: string | null;
  end_date: string | null;
  completion_threshold: number;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const toActivity = (r: ActivityDbRow): Activity => ({
  id: r.id,
  reference: r.reference,
  title: r.title,
  type: r.type,
  theme: r.theme,
  agreementId: r.agreement_id,
  project: r.project,
  facilitators: r.facilitators,
  place: r.place,
  targetAudience: r.target_audience,
  plannedParticipants: r.planned_participants,
  startDate: r.start_date,
  endDate: r.end_date,
  completionThreshold: r.completion_threshold,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  archivedAt: r.archived_at,
});

export function getActivity(db: Db, id: string): Activity | undefined {
  const row = db.prepare('SELECT * FROM activities WHERE id = ?').get(id) as ActivityDbRow | undefined;
  return row && toActivity(row);
}

export function saveActivity(db: Db, a: Activity): void {
  db.prepare(
    `INSERT INTO activities (id, reference, title, type, theme, agreement_id, project, facilitators, place, target_audience,
       planned_participants, start_date, end_date, completion_threshold, created_at, updated_at, archived_at)
     VALUES (@id, @reference, @title, @type, @theme, @agreementId, @project, @facilitators, @place, @targetAudience,
       @plannedParticipants, @startDate, @endDate, @completionThreshold, @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, type = excluded.type, theme = excluded.theme,
       agreement_id = excluded.agreement_id, project = excluded.project, facilitators = excluded.facilitators, place = excluded.place,
       target_audience = excluded.target_audience, planned_participants = excluded.planned_participants,
       start_date = excluded.start_date, end_date = excluded.end_date,
       completion_threshold = excluded.completion_threshold, updated_at = excluded.updated_at,
       archived_at = excluded.archived_at`,
  ).run(a);
}

/** The agreement with its funder's name; `archived` for the check of a newly chosen one. */
export function agreementOf(db: Db, agreementId: string): (ActivityAgreement & { archived: boolean }) | undefined {
  const row = db
    .prepare(
      `SELECT a.id, a.reference, a.title, a.funder_id AS funderId, f.name AS funderName, a.archived_at IS NOT NULL AS archived
       FROM funding_agreements a JOIN grant_funders f ON f.id = a.funder_id WHERE a.id = ?`,
    )
    .get(agreementId) as (ActivityAgreement & { archived: 0 | 1 }) | undefined;
  return row && { ...row, archived: row.archived === 1 };
}

/** Only for an activity nobody attended: its registrations and sessions go with it. */
export function deleteActivity(db: Db, id: string): void {
  db.prepare('DELETE FROM registrations WHERE activity_id = ?').run(id);
  db.prepare('DELETE FROM session_head_counts WHERE session_id IN (SELECT id FROM activity_sessions WHERE activity_id = ?)').run(id);
  db.prepare('DELETE FROM activity_sessions WHERE activity_id = ?').run(id);
  db.prepare('DELETE FROM activities WHERE id = ?').run(id);
}

export function activityHasAttendance(db: Db, activityId: string): boolean {
  return Boolean(
    db
      .prepare(
        `SELECT 1 FROM activity_sessions s JOIN attendance a ON a.session_id = s.id WHERE s.activity_id = ?
         UNION ALL SELECT 1 FROM activity_sessions s JOIN session_head_counts c ON c.session_id = s.id WHERE s.activity_id = ? AND c.count > 0
         LIMIT 1`,
      )
      .get(activityId, activityId),
  );
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** A session is held once someone was marked present at it (`present_count` is kept by triggers). */
const HELD = 's.present_count > 0';
/**
 * Held as the activities list shows it: also a count-only session where someone was counted.
 * Completion stays judged over the sessions where names were marked (nobody can be marked at the others).
 */
const HELD_OR_COUNTED = `(${HELD} OR (s.count_only = 1 AND EXISTS (SELECT 1 FROM session_head_counts c WHERE c.session_id = s.id AND c.count > 0)))`;

export function listActivities(db: Db, params: z.output<typeof activitySearchSchema>, today: string): ActivitySearchResult {
  const where = [params.archived ? 'a.archived_at IS NOT NULL' : 'a.archived_at IS NULL'];
  const args: unknown[] = [];
  if (params.theme) {
    where.push('a.theme = ?');
    args.push(params.theme);
  }
  if (params.type) {
    where.push('a.type = ?');
    args.push(params.type);
  }
  for (const word of params.query.toLowerCase().split(/\s+/).filter(Boolean)) {
    where.push(`lower(a.reference || ' ' || a.title || ' ' || coalesce(a.place, '') || ' ' || coalesce(a.project, '')) LIKE ? ESCAPE '\\'`);
    args.push(`%${escapeLike(word)}%`);
  }
  const clause = where.join(' AND ');
  const { n } = db.prepare(`SELECT count(*) AS n FROM activities a WHERE ${clause}`).get(...args) as { n: number };
  const rows = db
    .prepare(
      `SELECT a.*,
         (SELECT count(*) FROM activity_sessions s WHERE s.activity_id = a.id) AS session_count,
         (SELECT count(*) FROM activity_sessions s WHERE s.activity_id = a.id AND ${HELD_OR_COUNTED}) AS sessions_held,
         (SELECT count(*) FROM registrations r WHERE r.activity_id = a.id) AS registered_count,
         (SELECT min(s.date) FROM activity_sessions s WHERE s.activity_id = a.id) AS first_session_date,
         (SELECT max(s.date) FROM activity_sessions s WHERE s.activity_id = a.id) AS last_session_date,
         (SELECT min(s.date) FROM activity_sessions s WHERE s.activity_id = a.id AND s.date >= ?) AS next_session_date
       FROM activities a WHERE ${clause}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?`,
    )
    .all(today, ...args, params.limit, params.offset) as (ActivityDbRow & {
    session_count: number;
    sessions_held: number;
    registered_count: number;
    first_session_date: string | null;
    last_session_date: string | null;
    next_session_date: string | null;
  })[];
  return {
    total: n,
    rows: rows.map(
      (r): ActivityRow => ({
        ...toActivity(r),
        sessionCount: r.session_count,
        sessionsHeld: r.sessions_held,
        registeredCount: r.registered_count,
        firstSessionDate: r.first_session_date,
        lastSessionDate: r.last_session_date,
        nextSessionDate: r.next_session_date,
      }),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Sessions

interface SessionDbRow {
  id: string;
  activity_id: string;
  date: string;
  start_time: string;
  end_time: string;
  place: string | null;
  facilitator: string | null;
  count_only: 0 | 1;
  created_at: string;
  updated_at: string;
}

const toSession = (r: SessionDbRow): ActivitySession => ({
  id: r.id,
  activityId: r.activity_id,
  date: r.date,
  startTime: r.start_time,
  endTime: r.end_time,
  place: r.place,
  facilitator: r.facilitator,
  countOnly: r.count_only === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export function getSession(db: Db, id: string): ActivitySession | undefined {
  const row = db.prepare('SELECT * FROM activity_sessions WHERE id = ?').get(id) as SessionDbRow | undefined;
  return row && toSession(row);
}

export function saveSession(db: Db, s: ActivitySession): void {
  prepared(
    db,
    `INSERT INTO activity_sessions (id, activity_id, date, start_time, end_time, place, facilitator, created_at, updated_at)
     VALUES (@id, @activityId, @date, @startTime, @endTime, @place, @facilitator, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET date = excluded.date, start_time = excluded.start_time,
       end_time = excluded.end_time, place = excluded.place, facilitator = excluded.facilitator,
       updated_at = excluded.updated_at`,
  ).run(s);
}

export function deleteSession(db: Db, id: string): void {
  db.prepare('DELETE FROM session_head_counts WHERE session_id = ?').run(id);
  db.prepare('DELETE FROM activity_sessions WHERE id = ?').run(id);
}

/** Names marked, or counts recorded (a count-only session). */
export function sessionHasAttendance(db: Db, sessionId: string): boolean {
  return Boolean(
    db
      .prepare('SELECT 1 FROM attendance WHERE session_id = ? UNION ALL SELECT 1 FROM session_head_counts WHERE session_id = ? AND count > 0 LIMIT 1')
      .get(sessionId, sessionId),
  );
}

// Scanned signed sheets: the attachments owned by a session (SIGNED_SHEET_OWNER).

export function sessionHasSignedSheet(db: Db, sessionId: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM attachments WHERE owner_type = ? AND owner_id = ? LIMIT 1').get(SIGNED_SHEET_OWNER, sessionId));
}

export function activityHasSignedSheet(db: Db, activityId: string): boolean {
  return Boolean(
    db
      .prepare('SELECT 1 FROM activity_sessions s JOIN attachments at ON at.owner_type = ? AND at.owner_id = s.id WHERE s.activity_id = ? LIMIT 1')
      .get(SIGNED_SHEET_OWNER, activityId),
  );
}

/** Session by session, in date order. */
export function activitySignedSheets(db: Db, activityId: string): AttachmentInfo[] {
  const sessions = db.prepare('SELECT id FROM activity_sessions WHERE activity_id = ? ORDER BY date, start_time, id').all(activityId) as { id: string }[];
  return sessions.flatMap((s) => attachmentsOf(db, SIGNED_SHEET_OWNER, s.id));
}

export function deleteSignedSheet(db: Db, id: string): void {
  db.prepare('DELETE FROM attachments WHERE id = ? AND owner_type = ?').run(id, SIGNED_SHEET_OWNER);
}

/** In date order, with the attendance counts of each. */
export function listSessionRows(db: Db, activityId: string): SessionRow[] {
  const rows = db
    .prepare(
      `SELECT s.*, s.present_count AS present,
         (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status = 'absent') AS absent,
         (SELECT count(*) FROM attendance a WHERE a.session_id = s.id AND a.status = 'excused') AS excused
       FROM activity_sessions s WHERE s.activity_id = ? ORDER BY s.date, s.start_time, s.id`,
    )
    .all(activityId) as (SessionDbRow & { present: number; absent: number; excused: number })[];
  return rows.map((r) => ({ ...toSession(r), present: r.present, absent: r.absent, excused: r.excused, held: r.present > 0 }));
}

/** `date startTime` of each session of the activity. */
export function sessionSlots(db: Db, activityId: string): Set<string> {
  const rows = db.prepare('SELECT date, start_time FROM activity_sessions WHERE activity_id = ?').all(activityId) as {
    date: string;
    start_time: string;
  }[];
  return new Set(rows.map((r) => `${r.date} ${r.start_time}`));
}

export function sessionsHeld(db: Db, activityId: string): number {
  const row = db.prepare(`SELECT count(*) AS n FROM activity_sessions s WHERE s.activity_id = ? AND ${HELD}`).get(activityId) as {
    n: number;
  };
  return row.n;
}

// ---------------------------------------------------------------------------------------------
// Registrations

export function registeredIds(db: Db, activityId: string): Set<string> {
  const rows = db.prepare('SELECT beneficiary_id AS id FROM registrations WHERE activity_id = ?').all(activityId) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}

export function registrationCount(db: Db, activityId: string): number {
  return (db.prepare('SELECT count(*) AS n FROM registrations WHERE activity_id = ?').get(activityId) as { n: number }).n;
}

/** Appended at the end of the sheet. */
export function insertRegistration(db: Db, r: { activityId: string; beneficiaryId: string; at: string; walkIn: boolean }): void {
  prepared(
    db,
    `INSERT INTO registrations (activity_id, beneficiary_id, registered_at, walk_in, sheet_order)
     VALUES (@activityId, @beneficiaryId, @at, @walkIn,
       (SELECT coalesce(max(sheet_order), 0) + 1 FROM registrations WHERE activity_id = @activityId))`,
  ).run({ ...r, walkIn: r.walkIn ? 1 : 0 });
}

export function deleteRegistration(db: Db, activityId: string, beneficiaryId: string): void {
  db.prepare('DELETE FROM registrations WHERE activity_id = ? AND beneficiary_id = ?').run(activityId, beneficiaryId);
}

export function hasAttendanceIn(db: Db, activityId: string, beneficiaryId: string): boolean {
  return Boolean(
    db
      .prepare(
        `SELECT 1 FROM attendance a JOIN activity_sessions s ON s.id = a.session_id
         WHERE a.beneficiary_id = ? AND s.activity_id = ? LIMIT 1`,
      )
      .get(beneficiaryId, activityId),
  );
}

interface ParticipantDbRow {
  beneficiary_id: string;
  reference: string;
  display_name: string | null;
  initials: string;
  arabic_name: string | null;
  sex: 'female' | 'male';
  birth_year: number;
  category: string;
  nationality: string;
  phone: string | null;
  pseudonymous: 0 | 1;
  archived_at: string | null;
  walk_in: 0 | 1;
  sheet_order: number;
  registered_at: string;
}

const PARTICIPANT_COLUMNS = `r.beneficiary_id, b.reference, b.display_name, b.initials,
  json_extract(b.personal_json, '$.arabicName') AS arabic_name, b.sex, b.birth_year, b.category, b.nationality,
  json_extract(b.personal_json, '$.phones[0]') AS phone, b.personal_json IS NULL AS pseudonymous, b.archived_at,
  r.walk_in, r.sheet_order, r.registered_at`;

const toParticipant = (r: ParticipantDbRow, year: number): ParticipantRow => ({
  beneficiaryId: r.beneficiary_id,
  reference: r.reference,
  displayName: r.display_name ?? r.initials,
  arabicName: r.arabic_name,
  sex: r.sex,
  age: year - r.birth_year,
  category: r.category,
  nationality: r.nationality,
  phone: r.phone,
  pseudonymous: r.pseudonymous === 1,
  archived: r.archived_at !== null,
  walkIn: r.walk_in === 1,
  sheetOrder: r.sheet_order,
  registeredAt: r.registered_at,
});

/** Registered people in sheet order, with how many times each was present. */
export function registrationRows(db: Db, activityId: string, year: number): (ParticipantRow & { presentCount: number })[] {
  const rows = db
    .prepare(
      `SELECT ${PARTICIPANT_COLUMNS}, coalesce(p.presences, 0) AS present_count
       FROM registrations r JOIN beneficiaries b ON b.id = r.beneficiary_id
       LEFT JOIN participations p ON p.activity_id = r.activity_id AND p.beneficiary_id = r.beneficiary_id
       WHERE r.activity_id = ? ORDER BY r.sheet_order`,
    )
    .all(activityId) as (ParticipantDbRow & { present_count: number })[];
  return rows.map((r) => ({ ...toParticipant(r, year), presentCount: r.present_count }));
}

/** The attendance screen: registered people in sheet order with their mark at this session. */
export function attendanceRows(
  db: Db,
  activityId: string,
  sessionId: string,
  year: number,
): (ParticipantRow & { status: AttendanceStatus | null })[] {
  const rows = db
    .prepare(
      `SELECT ${PARTICIPANT_COLUMNS}, a.status
       FROM registrations r JOIN beneficiaries b ON b.id = r.beneficiary_id
       LEFT JOIN attendance a ON a.session_id = ? AND a.beneficiary_id = r.beneficiary_id
       WHERE r.activity_id = ? ORDER BY r.sheet_order`,
    )
    .all(sessionId, activityId) as (ParticipantDbRow & { status: AttendanceStatus | null })[];
  return rows.map((r) => ({ ...toParticipant(r, year), status: r.status }));
}

// ---------------------------------------------------------------------------------------------
// Attendance

/** Writes a mark; an unchanged status keeps who marked it and when. */
export function upsertMark(
  db: Db,
  m: { sessionId: string; beneficiaryId: string; status: AttendanceStatus; at: string; userId: string },
): void {
  prepared(
    db,
    `INSERT INTO attendance (session_id, beneficiary_id, status, marked_at, marked_by)
     VALUES (@sessionId, @beneficiaryId, @status, @at, @userId)
     ON CONFLICT (session_id, beneficiary_id) DO UPDATE SET status = excluded.status,
       marked_at = excluded.marked_at, marked_by = excluded.marked_by
     WHERE status <> excluded.status`,
  ).run(m);
}

/** Everyone registered to the activity and not yet marked at the session (or everyone) → present. */
export function markRegisteredPresent(
  db: Db,
  m: { activityId: string; sessionId: string; at: string; userId: string; overwrite: boolean },
): void {
  db.prepare(
    `INSERT INTO attendance (session_id, beneficiary_id, status, marked_at, marked_by)
     SELECT @sessionId, r.beneficiary_id, 'present', @at, @userId FROM registrations r WHERE r.activity_id = @activityId
     ON CONFLICT (session_id, beneficiary_id) DO UPDATE SET status = 'present',
       marked_at = excluded.marked_at, marked_by = excluded.marked_by
     WHERE @overwrite = 1 AND status <> 'present'`,
  ).run({ ...m, overwrite: m.overwrite ? 1 : 0 });
}

/** Activities of the theme, other than `exceptActivityId`, where the person was present; latest first. */
export function themeHistory(db: Db, beneficiaryId: string, theme: string, exceptActivityId: string): ThemeHistoryEntry[] {
  const rows = db
    .prepare(
      `SELECT act.id, act.reference, act.title, act.type, p.first_present_on AS first_on, p.last_present_on AS last_on,
         p.presences AS n
       FROM participations p JOIN activities act ON act.id = p.activity_id
       WHERE p.beneficiary_id = ? AND act.theme = ? AND act.id <> ?
       ORDER BY last_on DESC, act.id`,
    )
    .all(beneficiaryId, theme, exceptActivityId) as {
    id: string;
    reference: string;
    title: string;
    type: string;
    first_on: string;
    last_on: string;
    n: number;
  }[];
  return rows.map((r) => ({
    activityId: r.id,
    reference: r.reference,
    title: r.title,
    type: r.type,
    firstPresentOn: r.first_on,
    lastPresentOn: r.last_on,
    sessionsPresent: r.n,
  }));
}

// ---------------------------------------------------------------------------------------------
// Merging two records of the same person

const RANK = `CASE %s WHEN 'present' THEN 3 WHEN 'excused' THEN 2 ELSE 1 END`;

/**
 * Before the merge re-points the merged record's rows at the survivor: where both records have a
 * row for the same session (or the same activity), the survivor's row is kept, taking the merged
 * one's status when it says more (present > excused > absent), and the merged one's row goes.
 */
export function resolveMergeCollisions(db: Db, survivorId: string, mergedId: string): void {
  db.prepare(
    `UPDATE attendance AS s SET status = m.status, marked_at = m.marked_at, marked_by = m.marked_by
     FROM attendance AS m
     WHERE m.session_id = s.session_id AND m.beneficiary_id = @merged AND s.beneficiary_id = @survivor
       AND ${RANK.replace('%s', 'm.status')} > ${RANK.replace('%s', 's.status')}`,
  ).run({ survivor: survivorId, merged: mergedId });
  db.prepare(
    `DELETE FROM attendance WHERE beneficiary_id = @merged
       AND session_id IN (SELECT session_id FROM attendance WHERE beneficiary_id = @survivor)`,
  ).run({ survivor: survivorId, merged: mergedId });
  db.prepare(
    `DELETE FROM registrations WHERE beneficiary_id = @merged
       AND activity_id IN (SELECT activity_id FROM registrations WHERE beneficiary_id = @survivor)`,
  ).run({ survivor: survivorId, merged: mergedId });
}
