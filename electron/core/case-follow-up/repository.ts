import type {
  CaseNote,
  CaseNoteType,
  Partner,
  PartnerType,
  Procedure,
  ProcedureStatus,
  Referral,
  ReferralFact,
  ReferralListRow,
  ReferralSearchResult,
  ReferralStatus,
} from '../../contract';
import type { Db } from '../db/database';
import { eraseCaseNotes } from '../case-lifecycle/repository';

/** The open statuses, as SQL: the partial indexes of migration 0004 use exactly this list. */
export const OPEN_STATUSES_SQL = `('to_start', 'in_progress', 'waiting_third_party')`;

export function beneficiaryExists(db: Db, id: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM beneficiaries WHERE id = ?').get(id));
}

/** undefined when the code is not in the list at all. */
export function lookupState(db: Db, list: string, code: string): { archived: boolean } | undefined {
  const row = db.prepare('SELECT archived_at FROM lookup_values WHERE list = ? AND code = ?').get(list, code) as
    | { archived_at: string | null }
    | undefined;
  return row && { archived: row.archived_at !== null };
}

// ---------------------------------------------------------------------------------------------
// Case notes

/** A note as stored: the text is always there; the service decides who may read it. */
export type StoredNote = CaseNote & { text: string };

interface NoteRow {
  id: string;
  beneficiary_id: string;
  date: string;
  author_id: string;
  author_name: string;
  type: CaseNoteType;
  text: string;
  sensitive: 0 | 1;
  created_at: string;
}

const toNote = (r: NoteRow): StoredNote => ({
  id: r.id,
  beneficiaryId: r.beneficiary_id,
  date: r.date,
  type: r.type,
  authorId: r.author_id,
  authorName: r.author_name,
  text: r.text,
  sensitive: r.sensitive === 1,
  hidden: false,
  createdAt: r.created_at,
});

/** Newest first: by the date of the note, then by when it was written. */
export function listNotes(db: Db, beneficiaryId: string): StoredNote[] {
  const rows = db
    .prepare(
      `SELECT n.*, u.display_name AS author_name
       FROM case_notes n JOIN users u ON u.id = n.author_id
       WHERE n.beneficiary_id = ?
       ORDER BY n.date DESC, n.created_at DESC, n.id DESC`,
    )
    .all(beneficiaryId) as NoteRow[];
  return rows.map(toNote);
}

export function insertNote(db: Db, n: StoredNote): void {
  db.prepare(
    `INSERT INTO case_notes (id, beneficiary_id, date, author_id, type, text, sensitive, created_at)
     VALUES (@id, @beneficiaryId, @date, @authorId, @type, @text, @sensitive, @createdAt)`,
  ).run({
    id: n.id,
    beneficiaryId: n.beneficiaryId,
    date: n.date,
    authorId: n.authorId,
    type: n.type,
    text: n.text,
    sensitive: n.sensitive ? 1 : 0,
    createdAt: n.createdAt,
  });
}

/** A note about a person is activity on each of their open procedures. */
export function touchOpenProcedures(db: Db, beneficiaryId: string, at: string): void {
  db.prepare(
    `UPDATE procedures SET last_activity_at = ?
     WHERE beneficiary_id = ? AND status IN ${OPEN_STATUSES_SQL} AND last_activity_at < ?`,
  ).run(at, beneficiaryId, at);
}

// ---------------------------------------------------------------------------------------------
// Procedures

interface ProcedureRow {
  id: string;
  beneficiary_id: string;
  type: string;
  status: ProcedureStatus;
  abandon_reason: string | null;
  started_on: string | null;
  closed_on: string | null;
  next_step: string | null;
  next_step_due: string | null;
  responsible_id: string | null;
  responsible_name: string | null;
  last_activity_at: string;
  created_at: string;
  updated_at: string;
}

const toProcedure = (r: ProcedureRow): Procedure => ({
  id: r.id,
  beneficiaryId: r.beneficiary_id,
  type: r.type,
  status: r.status,
  abandonReason: r.abandon_reason,
  startedOn: r.started_on,
  closedOn: r.closed_on,
  nextStep: r.next_step,
  nextStepDue: r.next_step_due,
  responsibleId: r.responsible_id,
  responsibleName: r.responsible_name,
  lastActivityAt: r.last_activity_at,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const PROCEDURE_SELECT = `SELECT p.*, u.display_name AS responsible_name
  FROM procedures p LEFT JOIN users u ON u.id = p.responsible_id`;

export function getProcedure(db: Db, id: string): Procedure | undefined {
  const row = db.prepare(`${PROCEDURE_SELECT} WHERE p.id = ?`).get(id) as ProcedureRow | undefined;
  return row && toProcedure(row);
}

/** Open ones first, the most urgent next step first; then the closed ones, latest first. */
export function listProcedures(db: Db, beneficiaryId: string): Procedure[] {
  const rows = db
    .prepare(
      `${PROCEDURE_SELECT} WHERE p.beneficiary_id = ?
       ORDER BY p.status IN ${OPEN_STATUSES_SQL} DESC, p.next_step_due IS NULL, p.next_step_due,
         p.closed_on DESC, p.created_at DESC, p.id`,
    )
    .all(beneficiaryId) as ProcedureRow[];
  return rows.map(toProcedure);
}

export function saveProcedure(db: Db, p: Omit<Procedure, 'responsibleName'>): void {
  db.prepare(
    `INSERT INTO procedures (id, beneficiary_id, type, status, abandon_reason, started_on, closed_on, next_step,
       next_step_due, responsible_id, last_activity_at, created_at, updated_at)
     VALUES (@id, @beneficiaryId, @type, @status, @abandonReason, @startedOn, @closedOn, @nextStep,
       @nextStepDue, @responsibleId, @lastActivityAt, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET type = excluded.type, status = excluded.status,
       abandon_reason = excluded.abandon_reason, started_on = excluded.started_on, closed_on = excluded.closed_on,
       next_step = excluded.next_step, next_step_due = excluded.next_step_due,
       responsible_id = excluded.responsible_id, last_activity_at = excluded.last_activity_at,
       updated_at = excluded.updated_at`,
  ).run({
    id: p.id,
    beneficiaryId: p.beneficiaryId,
    type: p.type,
    status: p.status,
    abandonReason: p.abandonReason,
    startedOn: p.startedOn,
    closedOn: p.closedOn,
    nextStep: p.nextStep,
    nextStepDue: p.nextStepDue,
    responsibleId: p.responsibleId,
    lastActivityAt: p.lastActivityAt,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
  });
}

// ---------------------------------------------------------------------------------------------
// Partners

interface PartnerRow {
  id: string;
  name: string;
  type: PartnerType;
  city: string | null;
  contact: string | null;
  services: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const toPartner = (r: PartnerRow): Partner => ({
  id: r.id,
  name: r.name,
  type: r.type,
  city: r.city,
  contact: r.contact,
  services: r.services,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  archivedAt: r.archived_at,
});

export function getPartner(db: Db, id: string): Partner | undefined {
  const row = db.prepare('SELECT * FROM partners WHERE id = ?').get(id) as PartnerRow | undefined;
  return row && toPartner(row);
}

export function listPartners(db: Db, includeArchived: boolean): Partner[] {
  const rows = db
    .prepare(
      `SELECT * FROM partners ${includeArchived ? '' : 'WHERE archived_at IS NULL'}
       ORDER BY name COLLATE NOCASE, id`,
    )
    .all() as PartnerRow[];
  return rows.map(toPartner);
}

export function savePartner(db: Db, p: Partner): void {
  db.prepare(
    `INSERT INTO partners (id, name, type, city, contact, services, created_at, updated_at, archived_at)
     VALUES (@id, @name, @type, @city, @contact, @services, @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, city = excluded.city,
       contact = excluded.contact, services = excluded.services, updated_at = excluded.updated_at,
       archived_at = excluded.archived_at`,
  ).run(p);
}

// ---------------------------------------------------------------------------------------------
// Referrals

interface ReferralRow {
  id: string;
  beneficiary_id: string;
  partner_id: string;
  partner_name: string;
  sent_on: string;
  reason: string;
  status: ReferralStatus;
  feedback_on: string | null;
  notes: string | null;
  file_sent_at: string | null;
  file_facts: string | null;
  answer_reason: string | null;
  created_at: string;
  updated_at: string;
}

const toReferral = (r: ReferralRow): Referral => ({
  id: r.id,
  beneficiaryId: r.beneficiary_id,
  partnerId: r.partner_id,
  partnerName: r.partner_name,
  sentOn: r.sent_on,
  reason: r.reason,
  status: r.status,
  feedbackOn: r.feedback_on,
  notes: r.notes,
  file:
    r.file_sent_at === null
      ? null
      : { sentAt: r.file_sent_at, facts: JSON.parse(r.file_facts ?? '[]') as ReferralFact[], answerReason: r.answer_reason },
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const REFERRAL_SELECT = `SELECT r.*, p.name AS partner_name FROM referrals r JOIN partners p ON p.id = r.partner_id`;

export function getReferral(db: Db, id: string): Referral | undefined {
  const row = db.prepare(`${REFERRAL_SELECT} WHERE r.id = ?`).get(id) as ReferralRow | undefined;
  return row && toReferral(row);
}

/** Latest sent first. */
export function listReferrals(db: Db, beneficiaryId: string): Referral[] {
  const rows = db
    .prepare(`${REFERRAL_SELECT} WHERE r.beneficiary_id = ? ORDER BY r.sent_on DESC, r.created_at DESC, r.id DESC`)
    .all(beneficiaryId) as ReferralRow[];
  return rows.map(toReferral);
}

export interface ReferralQuery {
  from?: string;
  to?: string;
  status?: ReferralStatus;
  offset: number;
  limit: number;
}

/**
 * Across people, newest first. Both the filter and the order walk the `referrals_by_sent` index
 * (migration 0011), which also holds the status, so a page reads only the rows it shows. Archived
 * people stay in: the export of this list counts their referrals too.
 */
export function searchReferrals(db: Db, q: ReferralQuery): ReferralSearchResult {
  const args = { from: q.from ?? '0000-01-01', to: q.to ?? '9999-12-31', status: q.status ?? null };
  const where = `r.sent_on BETWEEN @from AND @to${q.status ? ' AND r.status = @status' : ''}`;
  const { n } = db.prepare(`SELECT count(*) AS n FROM referrals r WHERE ${where}`).get(args) as { n: number };
  const rows = db
    .prepare(
      `SELECT r.id, r.beneficiary_id, b.reference, coalesce(b.display_name, b.initials) AS display_name,
              b.personal_json IS NULL AS pseudonymous, b.archived_at IS NOT NULL AS archived,
              p.name AS partner_name, r.sent_on, r.status, r.feedback_on
       FROM referrals r
       JOIN beneficiaries b ON b.id = r.beneficiary_id
       JOIN partners p ON p.id = r.partner_id
       WHERE ${where}
       ORDER BY r.sent_on DESC, r.created_at DESC, r.id DESC
       LIMIT @limit OFFSET @offset`,
    )
    .all({ ...args, limit: q.limit, offset: q.offset }) as {
    id: string;
    beneficiary_id: string;
    reference: string;
    display_name: string;
    pseudonymous: 0 | 1;
    archived: 0 | 1;
    partner_name: string;
    sent_on: string;
    status: ReferralStatus;
    feedback_on: string | null;
  }[];
  return {
    total: n,
    rows: rows.map(
      (r): ReferralListRow => ({
        id: r.id,
        beneficiaryId: r.beneficiary_id,
        reference: r.reference,
        displayName: r.display_name,
        pseudonymous: r.pseudonymous === 1,
        archived: r.archived === 1,
        partnerName: r.partner_name,
        sentOn: r.sent_on,
        status: r.status,
        feedbackOn: r.feedback_on,
      }),
    ),
  };
}

export function saveReferral(db: Db, r: Omit<Referral, 'partnerName' | 'file'>): void {
  db.prepare(
    `INSERT INTO referrals (id, beneficiary_id, partner_id, sent_on, reason, status, feedback_on, notes,
       created_at, updated_at)
     VALUES (@id, @beneficiaryId, @partnerId, @sentOn, @reason, @status, @feedbackOn, @notes, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET partner_id = excluded.partner_id, sent_on = excluded.sent_on,
       reason = excluded.reason, status = excluded.status, feedback_on = excluded.feedback_on,
       notes = excluded.notes, updated_at = excluded.updated_at`,
  ).run({
    id: r.id,
    beneficiaryId: r.beneficiaryId,
    partnerId: r.partnerId,
    sentOn: r.sentOn,
    reason: r.reason,
    status: r.status,
    feedbackOn: r.feedbackOn,
    notes: r.notes,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
}

/**
 * Consent withdrawn: the free text written about the person goes (it may name or describe them);
 * dates, types and statuses stay, so the work done still counts.
 */
export function eraseFreeText(db: Db, beneficiaryId: string): void {
  eraseCaseNotes(db, beneficiaryId);
  db.prepare("UPDATE case_notes SET text = '' WHERE beneficiary_id = ?").run(beneficiaryId);
  db.prepare(
    `UPDATE procedures SET next_step = NULL, abandon_reason = CASE WHEN abandon_reason IS NULL THEN NULL ELSE '' END
     WHERE beneficiary_id = ?`,
  ).run(beneficiaryId);
  db.prepare("UPDATE referrals SET reason = '', notes = NULL WHERE beneficiary_id = ?").run(beneficiaryId);
  // A partner's referral of this person keeps only what it would hold without consent: the person's
  // initials, sex and category and the non-personal facts.
  db.prepare(
    `UPDATE incoming_referrals
     SET payload = json_set(json_remove(payload, '$.facts.identity', '$.facts.contact', '$.facts.reason', '$.facts.notes'), '$.consent', json('null')),
         answer_reason = CASE WHEN answer_reason IS NULL THEN NULL ELSE '' END
     WHERE beneficiary_id = ?`,
  ).run(beneficiaryId);
}
