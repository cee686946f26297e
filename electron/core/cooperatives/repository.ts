import type { Cooperative, CooperativeGrant, CooperativeStep, CooperativeVisit, FounderTraining, TemplateStep } from '../../contract';
import type { Db } from '../db/database';

// ---------------------------------------------------------------------------------------------
// Template

interface LabelColumns {
  label_fr: string;
  label_ar: string;
  label_en: string;
}

const labelsOf = (r: LabelColumns) => ({ fr: r.label_fr, ar: r.label_ar, en: r.label_en });

export function readTemplate(db: Db): TemplateStep[] {
  const rows = db.prepare('SELECT * FROM cooperative_step_template ORDER BY position').all() as (LabelColumns & {
    code: string;
    mandatory: number;
  })[];
  return rows.map((r) => ({ code: r.code, labels: labelsOf(r), mandatory: r.mandatory === 1 }));
}

export function replaceTemplate(db: Db, steps: TemplateStep[]): void {
  db.prepare('DELETE FROM cooperative_step_template').run();
  const insert = db.prepare(
    'INSERT INTO cooperative_step_template (position, code, label_fr, label_ar, label_en, mandatory) VALUES (?, ?, ?, ?, ?, ?)',
  );
  steps.forEach((s, i) => insert.run(i + 1, s.code, s.labels.fr, s.labels.ar, s.labels.en, s.mandatory ? 1 : 0));
}

// ---------------------------------------------------------------------------------------------
// Projects

interface CooperativeDbRow {
  id: string;
  reference: string;
  proposed_names: string;
  sector: Cooperative['sector'];
  activity: string;
  city: string;
  coach: string | null;
  share_value: number;
  notes: string | null;
  grant_recipient_id: string | null;
  created_at: string;
  last_change_at: string;
  archived_at: string | null;
}

const toCooperative = (r: CooperativeDbRow): Cooperative => ({
  id: r.id,
  reference: r.reference,
  proposedNames: JSON.parse(r.proposed_names) as string[],
  sector: r.sector,
  activity: r.activity,
  city: r.city,
  coach: r.coach,
  shareValue: r.share_value,
  currency: 'MAD',
  notes: r.notes,
  grantRecipientId: r.grant_recipient_id,
  createdAt: r.created_at,
  lastChangeAt: r.last_change_at,
  archivedAt: r.archived_at,
});

export function getCooperative(db: Db, id: string): Cooperative | undefined {
  const row = db.prepare('SELECT * FROM cooperatives WHERE id = ?').get(id) as CooperativeDbRow | undefined;
  return row && toCooperative(row);
}

export function listCooperativeRecords(db: Db, archived: boolean): Cooperative[] {
  return (
    db.prepare(`SELECT * FROM cooperatives WHERE archived_at IS ${archived ? 'NOT NULL' : 'NULL'} ORDER BY created_at DESC`).all() as CooperativeDbRow[]
  ).map(toCooperative);
}

export function saveCooperativeRecord(db: Db, c: Cooperative): void {
  db.prepare(
    `INSERT INTO cooperatives (id, reference, proposed_names, sector, activity, city, coach, share_value, notes, grant_recipient_id,
       created_at, last_change_at, archived_at)
     VALUES (@id, @reference, @proposedNames, @sector, @activity, @city, @coach, @shareValue, @notes, @grantRecipientId,
       @createdAt, @lastChangeAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET proposed_names = excluded.proposed_names, sector = excluded.sector, activity = excluded.activity,
       city = excluded.city, coach = excluded.coach, share_value = excluded.share_value, notes = excluded.notes,
       grant_recipient_id = excluded.grant_recipient_id,
       last_change_at = excluded.last_change_at, archived_at = excluded.archived_at`,
  ).run({ ...c, proposedNames: JSON.stringify(c.proposedNames) });
}

export function grantRecipientExists(db: Db, id: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM grant_recipients WHERE id = ?').get(id));
}

/** The sub-grants of the grants area whose recipient is the cooperative, newest first. */
export function grantsOf(db: Db, recipientId: string): CooperativeGrant[] {
  return db
    .prepare(
      `SELECT g.id AS subGrantId, g.reference, g.title, g.amount_minor AS amountMinor, g.currency, g.start_date AS startDate,
         g.end_date AS endDate, coalesce((SELECT sum(d.amount_minor) FROM grant_disbursements d WHERE d.sub_grant_id = g.id AND d.reversal_entry_id IS NULL), 0) AS disbursedMinor
       FROM sub_grants g WHERE g.recipient_id = ? AND g.archived_at IS NULL ORDER BY g.start_date DESC`,
    )
    .all(recipientId) as CooperativeGrant[];
}

export function touchCooperative(db: Db, id: string, at: string): void {
  db.prepare('UPDATE cooperatives SET last_change_at = ? WHERE id = ?').run(at, id);
}

// ---------------------------------------------------------------------------------------------
// Founders

export interface FounderRecord {
  id: string;
  cooperativeId: string;
  beneficiaryId: string | null;
  memberId: string | null;
  sharesSubscribed: number;
  sharesPaid: number;
  addedAt: string;
}

interface FounderDbRow {
  id: string;
  cooperative_id: string;
  beneficiary_id: string | null;
  member_id: string | null;
  shares_subscribed: number;
  shares_paid: number;
  added_at: string;
}

const toFounder = (r: FounderDbRow): FounderRecord => ({
  id: r.id,
  cooperativeId: r.cooperative_id,
  beneficiaryId: r.beneficiary_id,
  memberId: r.member_id,
  sharesSubscribed: r.shares_subscribed,
  sharesPaid: r.shares_paid,
  addedAt: r.added_at,
});

/** A founder not removed. */
export function getFounder(db: Db, id: string): FounderRecord | undefined {
  const row = db.prepare('SELECT * FROM cooperative_founders WHERE id = ? AND removed_at IS NULL').get(id) as FounderDbRow | undefined;
  return row && toFounder(row);
}

/** The current founders, in the order they were added. */
export function activeFounders(db: Db, cooperativeId: string): FounderRecord[] {
  return (
    db.prepare('SELECT * FROM cooperative_founders WHERE cooperative_id = ? AND removed_at IS NULL ORDER BY added_at, id').all(cooperativeId) as FounderDbRow[]
  ).map(toFounder);
}

/** Cooperative id → how many current founders. */
export function founderCounts(db: Db): Map<string, number> {
  const rows = db
    .prepare('SELECT cooperative_id AS id, count(*) AS n FROM cooperative_founders WHERE removed_at IS NULL GROUP BY cooperative_id')
    .all() as { id: string; n: number }[];
  return new Map(rows.map((r) => [r.id, r.n]));
}

export function saveFounderRecord(db: Db, f: FounderRecord, at: string): void {
  db.prepare(
    `INSERT INTO cooperative_founders (id, cooperative_id, beneficiary_id, member_id, shares_subscribed, shares_paid, added_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET shares_subscribed = excluded.shares_subscribed, shares_paid = excluded.shares_paid, updated_at = excluded.updated_at`,
  ).run(f.id, f.cooperativeId, f.beneficiaryId, f.memberId, f.sharesSubscribed, f.sharesPaid, f.addedAt, at);
}

export function markFounderRemoved(db: Db, id: string, at: string): void {
  db.prepare('UPDATE cooperative_founders SET removed_at = ?, updated_at = ? WHERE id = ?').run(at, at, id);
}

/**
 * Before a beneficiary merge: where both records are founders of the same cooperative, the
 * survivor's row takes the other's shares and the other row is closed, so each person is counted once.
 */
export function mergeFounderRows(db: Db, survivorId: string, mergedId: string, at: string): void {
  const pairs = db
    .prepare(
      `SELECT s.id AS kept, m.id AS closed, m.shares_subscribed AS subscribed, m.shares_paid AS paid
       FROM cooperative_founders s JOIN cooperative_founders m ON m.cooperative_id = s.cooperative_id
       WHERE s.beneficiary_id = ? AND m.beneficiary_id = ? AND s.removed_at IS NULL AND m.removed_at IS NULL`,
    )
    .all(survivorId, mergedId) as { kept: string; closed: string; subscribed: number; paid: number }[];
  for (const p of pairs) {
    db.prepare(
      'UPDATE cooperative_founders SET shares_subscribed = shares_subscribed + ?, shares_paid = shares_paid + ?, updated_at = ? WHERE id = ?',
    ).run(p.subscribed, p.paid, at, p.kept);
    markFounderRemoved(db, p.closed, at);
  }
}

/** Activities (not general assemblies) where founders who are beneficiaries, themselves or through their member record, were present. */
export function founderTrainings(db: Db, cooperativeId: string): FounderTraining[] {
  return db
    .prepare(
      `WITH people AS (
         SELECT coalesce(f.beneficiary_id, m.beneficiary_id) AS beneficiary_id
         FROM cooperative_founders f LEFT JOIN members m ON m.id = f.member_id
         WHERE f.cooperative_id = ? AND f.removed_at IS NULL
       )
       SELECT a.id AS activityId, a.reference, a.title, count(DISTINCT p.beneficiary_id) AS founders
       FROM participations p JOIN activities a ON a.id = p.activity_id
       WHERE p.beneficiary_id IN (SELECT beneficiary_id FROM people WHERE beneficiary_id IS NOT NULL)
         AND a.type <> 'general_assembly'
       GROUP BY a.id ORDER BY max(p.last_present_on) DESC`,
    )
    .all(cooperativeId) as FounderTraining[];
}

// ---------------------------------------------------------------------------------------------
// Steps

interface StepDbRow extends LabelColumns {
  id: string;
  cooperative_id: string;
  position: number;
  code: string;
  mandatory: number;
  status: CooperativeStep['status'];
  blocked_reason: string | null;
  started_on: string | null;
  done_on: string | null;
  responsible: string | null;
  notes: string | null;
  updated_at: string;
}

const toStep = (r: StepDbRow): CooperativeStep => ({
  id: r.id,
  cooperativeId: r.cooperative_id,
  position: r.position,
  code: r.code,
  labels: labelsOf(r),
  mandatory: r.mandatory === 1,
  status: r.status,
  blockedReason: r.blocked_reason,
  startedOn: r.started_on,
  doneOn: r.done_on,
  responsible: r.responsible,
  notes: r.notes,
  updatedAt: r.updated_at,
  documents: [],
});

export function insertSteps(db: Db, cooperativeId: string, template: TemplateStep[], at: string, newId: () => string): void {
  const insert = db.prepare(
    `INSERT INTO cooperative_steps (id, cooperative_id, position, code, label_fr, label_ar, label_en, mandatory, status, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'not_started', ?)`,
  );
  template.forEach((s, i) => insert.run(newId(), cooperativeId, i + 1, s.code, s.labels.fr, s.labels.ar, s.labels.en, s.mandatory ? 1 : 0, at));
}

export function getStep(db: Db, id: string): CooperativeStep | undefined {
  const row = db.prepare('SELECT * FROM cooperative_steps WHERE id = ?').get(id) as StepDbRow | undefined;
  return row && toStep(row);
}

export function stepsOf(db: Db, cooperativeId: string): CooperativeStep[] {
  return (db.prepare('SELECT * FROM cooperative_steps WHERE cooperative_id = ? ORDER BY position').all(cooperativeId) as StepDbRow[]).map(toStep);
}

/** Every project's steps, by project (for the pipeline). */
export function allSteps(db: Db): Map<string, CooperativeStep[]> {
  const out = new Map<string, CooperativeStep[]>();
  for (const row of db.prepare('SELECT * FROM cooperative_steps ORDER BY cooperative_id, position').all() as StepDbRow[]) {
    const list = out.get(row.cooperative_id) ?? [];
    list.push(toStep(row));
    out.set(row.cooperative_id, list);
  }
  return out;
}

export function insertStepUndo(db: Db, u: { id: string; stepId: string; doneOn: string; reason: string; undoneAt: string; undoneBy: string }): void {
  db.prepare(
    `INSERT INTO cooperative_step_undos (id, step_id, done_on, reason, undone_at, undone_by) VALUES (@id, @stepId, @doneOn, @reason, @undoneAt, @undoneBy)`,
  ).run(u);
}

export function updateStep(db: Db, s: CooperativeStep): void {
  db.prepare(
    `UPDATE cooperative_steps SET status = @status, blocked_reason = @blockedReason, started_on = @startedOn, done_on = @doneOn,
       responsible = @responsible, notes = @notes, updated_at = @updatedAt WHERE id = @id`,
  ).run({
    id: s.id,
    status: s.status,
    blockedReason: s.blockedReason,
    startedOn: s.startedOn,
    doneOn: s.doneOn,
    responsible: s.responsible,
    notes: s.notes,
    updatedAt: s.updatedAt,
  });
}

// ---------------------------------------------------------------------------------------------
// Visits

interface VisitDbRow {
  id: string;
  cooperative_id: string;
  month: 6 | 12;
  date: string;
  revenue_band: CooperativeVisit['revenueBand'];
  active_members: number;
  difficulties: string | null;
  support_needed: string | null;
  created_at: string;
}

const toVisit = (r: VisitDbRow): CooperativeVisit => ({
  id: r.id,
  cooperativeId: r.cooperative_id,
  month: r.month,
  date: r.date,
  revenueBand: r.revenue_band,
  activeMembers: r.active_members,
  difficulties: r.difficulties,
  supportNeeded: r.support_needed,
  createdAt: r.created_at,
});

export function visitsOf(db: Db, cooperativeId: string): CooperativeVisit[] {
  return (db.prepare('SELECT * FROM cooperative_visits WHERE cooperative_id = ? ORDER BY month').all(cooperativeId) as VisitDbRow[]).map(toVisit);
}

export function upsertVisit(db: Db, v: CooperativeVisit, at: string): void {
  db.prepare(
    `INSERT INTO cooperative_visits (id, cooperative_id, month, date, revenue_band, active_members, difficulties, support_needed, created_at, updated_at)
     VALUES (@id, @cooperativeId, @month, @date, @revenueBand, @activeMembers, @difficulties, @supportNeeded, @createdAt, @at)
     ON CONFLICT (cooperative_id, month) DO UPDATE SET date = excluded.date, revenue_band = excluded.revenue_band,
       active_members = excluded.active_members, difficulties = excluded.difficulties, support_needed = excluded.support_needed,
       updated_at = excluded.updated_at`,
  ).run({ ...v, at });
}
