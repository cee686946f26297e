import type {
  Agreement,
  AgreementChoice,
  AgreementRow,
  BudgetLine,
  Call,
  CallRow,
  Criterion,
  Deadline,
  Disbursement,
  ExchangeRate,
  Expense,
  ExpenseStatus,
  Funder,
  Indicator,
  Recipient,
  ReportDate,
  SubGrant,
} from '../../contract';
import type { Db } from '../db/database';

// Columns are aliased to the contract's camelCase names, so rows come out as contract objects.

// ---------------------------------------------------------------------------------------------
// Funders

const FUNDER = `id, name, type, country, contact, created_at AS createdAt, updated_at AS updatedAt, archived_at AS archivedAt`;

export function getFunder(db: Db, id: string): Funder | undefined {
  return db.prepare(`SELECT ${FUNDER} FROM grant_funders WHERE id = ?`).get(id) as Funder | undefined;
}

export function listFunders(db: Db, includeArchived: boolean): Funder[] {
  const where = includeArchived ? '' : 'WHERE archived_at IS NULL';
  return db.prepare(`SELECT ${FUNDER} FROM grant_funders ${where} ORDER BY name COLLATE NOCASE`).all() as Funder[];
}

export function saveFunder(db: Db, f: Funder): void {
  db.prepare(
    `INSERT INTO grant_funders (id, name, type, country, contact, created_at, updated_at, archived_at)
     VALUES (@id, @name, @type, @country, @contact, @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, type = excluded.type, country = excluded.country,
       contact = excluded.contact, updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  ).run(f);
}

// ---------------------------------------------------------------------------------------------
// Agreements

const AGREEMENT = `a.id, a.funder_id AS funderId, a.reference, a.title, a.start_date AS startDate, a.end_date AS endDate,
  a.currency, a.total_minor AS totalMinor, a.tolerance_pct AS tolerancePct, a.created_at AS createdAt,
  a.updated_at AS updatedAt, a.archived_at AS archivedAt`;

export function getAgreement(db: Db, id: string): Agreement | undefined {
  return db.prepare(`SELECT ${AGREEMENT} FROM funding_agreements a WHERE a.id = ?`).get(id) as Agreement | undefined;
}

export function listAgreements(db: Db, includeArchived: boolean): AgreementRow[] {
  const where = includeArchived ? '' : 'WHERE a.archived_at IS NULL';
  return db
    .prepare(`SELECT ${AGREEMENT}, f.name AS funderName FROM funding_agreements a JOIN grant_funders f ON f.id = a.funder_id ${where} ORDER BY a.start_date DESC, a.id DESC`)
    .all() as AgreementRow[];
}

export function agreementChoices(db: Db): AgreementChoice[] {
  return db
    .prepare('SELECT a.id, a.reference, a.title FROM funding_agreements a WHERE a.archived_at IS NULL ORDER BY a.start_date DESC, a.id DESC')
    .all() as AgreementChoice[];
}

export function saveAgreement(db: Db, a: Agreement): void {
  db.prepare(
    `INSERT INTO funding_agreements (id, funder_id, reference, title, start_date, end_date, currency, total_minor,
       tolerance_pct, created_at, updated_at, archived_at)
     VALUES (@id, @funderId, @reference, @title, @startDate, @endDate, @currency, @totalMinor, @tolerancePct,
       @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET funder_id = excluded.funder_id, reference = excluded.reference, title = excluded.title,
       start_date = excluded.start_date, end_date = excluded.end_date, currency = excluded.currency,
       total_minor = excluded.total_minor, tolerance_pct = excluded.tolerance_pct, updated_at = excluded.updated_at,
       archived_at = excluded.archived_at`,
  ).run(a);
}

export function budgetLines(db: Db, agreementId: string): BudgetLine[] {
  return db
    .prepare('SELECT id, code, label, amount_minor AS amountMinor FROM agreement_budget_lines WHERE agreement_id = ? ORDER BY sort')
    .all(agreementId) as BudgetLine[];
}

export function getBudgetLine(db: Db, id: string): (BudgetLine & { agreementId: string }) | undefined {
  return db
    .prepare('SELECT id, code, label, amount_minor AS amountMinor, agreement_id AS agreementId FROM agreement_budget_lines WHERE id = ?')
    .get(id) as (BudgetLine & { agreementId: string }) | undefined;
}

export function budgetLineInUse(db: Db, id: string): boolean {
  return Boolean(
    db.prepare('SELECT 1 FROM sub_grant_budget WHERE budget_line_id = ? UNION ALL SELECT 1 FROM grant_expenses WHERE budget_line_id = ? LIMIT 1').get(id, id),
  );
}

/** Replaces the agreement's lines: the caller has checked that the ones going are unused. */
export function replaceBudgetLines(db: Db, agreementId: string, lines: BudgetLine[]): void {
  const keep = new Set(lines.map((l) => l.id));
  for (const old of budgetLines(db, agreementId)) {
    if (!keep.has(old.id)) db.prepare('DELETE FROM agreement_budget_lines WHERE id = ?').run(old.id);
  }
  // Codes may swap between lines: park them first so the unique index never sees two at once.
  db.prepare(`UPDATE agreement_budget_lines SET code = '~' || id WHERE agreement_id = ?`).run(agreementId);
  const upsert = db.prepare(
    `INSERT INTO agreement_budget_lines (id, agreement_id, code, label, amount_minor, sort) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET code = excluded.code, label = excluded.label, amount_minor = excluded.amount_minor, sort = excluded.sort`,
  );
  lines.forEach((l, i) => upsert.run(l.id, agreementId, l.code, l.label, l.amountMinor, i));
}

export function deadlines(db: Db, agreementId: string): Deadline[] {
  return db
    .prepare('SELECT id, due_date AS dueDate, kind, label, submitted_on AS submittedOn FROM agreement_deadlines WHERE agreement_id = ? ORDER BY due_date, id')
    .all(agreementId) as Deadline[];
}

export function replaceDeadlines(db: Db, agreementId: string, rows: Deadline[]): void {
  db.prepare('DELETE FROM agreement_deadlines WHERE agreement_id = ?').run(agreementId);
  const insert = db.prepare('INSERT INTO agreement_deadlines (id, agreement_id, due_date, kind, label, submitted_on) VALUES (?, ?, ?, ?, ?, ?)');
  for (const d of rows) insert.run(d.id, agreementId, d.dueDate, d.kind, d.label, d.submittedOn);
}

export function indicators(db: Db, agreementId: string): Indicator[] {
  return db.prepare('SELECT id, code, label, target FROM agreement_indicators WHERE agreement_id = ? ORDER BY sort').all(agreementId) as Indicator[];
}

export function replaceIndicators(db: Db, agreementId: string, rows: Indicator[]): void {
  db.prepare('DELETE FROM agreement_indicators WHERE agreement_id = ?').run(agreementId);
  const insert = db.prepare('INSERT INTO agreement_indicators (id, agreement_id, code, label, target, sort) VALUES (?, ?, ?, ?, ?, ?)');
  rows.forEach((r, i) => insert.run(r.id, agreementId, r.code, r.label, r.target, i));
}

// ---------------------------------------------------------------------------------------------
// Calls

const CALL = `c.id, c.agreement_id AS agreementId, c.reference, c.title, c.open_date AS openDate, c.close_date AS closeDate,
  c.envelope_minor AS envelopeMinor, c.max_per_project_minor AS maxPerProjectMinor, c.eligibility,
  c.created_at AS createdAt, c.updated_at AS updatedAt, c.archived_at AS archivedAt`;

export function getCall(db: Db, id: string): Call | undefined {
  return db.prepare(`SELECT ${CALL} FROM grant_calls c WHERE c.id = ?`).get(id) as Call | undefined;
}

/** The calls of an agreement with their counts; `committedMinor` is filled by the service (it converts). */
export function callsOf(db: Db, agreementId: string): CallRow[] {
  return db
    .prepare(
      `SELECT ${CALL},
         (SELECT count(*) FROM grant_applications x WHERE x.call_id = c.id) AS applications,
         (SELECT count(*) FROM grant_applications x WHERE x.call_id = c.id AND x.decision = 'selected') AS selected,
         0 AS committedMinor
       FROM grant_calls c WHERE c.agreement_id = ? ORDER BY c.open_date DESC, c.id DESC`,
    )
    .all(agreementId) as CallRow[];
}

export function saveCall(db: Db, c: Call): void {
  db.prepare(
    `INSERT INTO grant_calls (id, agreement_id, reference, title, open_date, close_date, envelope_minor, max_per_project_minor,
       eligibility, created_at, updated_at, archived_at)
     VALUES (@id, @agreementId, @reference, @title, @openDate, @closeDate, @envelopeMinor, @maxPerProjectMinor,
       @eligibility, @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, open_date = excluded.open_date, close_date = excluded.close_date,
       envelope_minor = excluded.envelope_minor, max_per_project_minor = excluded.max_per_project_minor,
       eligibility = excluded.eligibility, updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  ).run(c);
}

export function criteria(db: Db, callId: string): Criterion[] {
  return db.prepare('SELECT id, label, weight FROM call_criteria WHERE call_id = ? ORDER BY sort').all(callId) as Criterion[];
}

export function criterionScored(db: Db, id: string): boolean {
  return Boolean(db.prepare('SELECT 1 FROM application_scores WHERE criterion_id = ? LIMIT 1').get(id));
}

export function replaceCriteria(db: Db, callId: string, rows: Criterion[]): void {
  const keep = new Set(rows.map((r) => r.id));
  for (const old of criteria(db, callId)) if (!keep.has(old.id)) db.prepare('DELETE FROM call_criteria WHERE id = ?').run(old.id);
  const upsert = db.prepare(
    `INSERT INTO call_criteria (id, call_id, label, weight, sort) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET label = excluded.label, weight = excluded.weight, sort = excluded.sort`,
  );
  rows.forEach((r, i) => upsert.run(r.id, callId, r.label, r.weight, i));
}

// ---------------------------------------------------------------------------------------------
// Recipients

const RECIPIENT = `r.id, r.kind,
  coalesce(r.name, b.display_name, b.initials) AS name,
  r.legal_form AS legalForm, r.registration_number AS registrationNumber, r.city, r.president, r.contact, r.rib,
  r.beneficiary_id AS beneficiaryId, r.created_at AS createdAt, r.updated_at AS updatedAt, r.archived_at AS archivedAt`;
const RECIPIENT_FROM = 'grant_recipients r LEFT JOIN beneficiaries b ON b.id = r.beneficiary_id';

export function getRecipient(db: Db, id: string): Recipient | undefined {
  return db.prepare(`SELECT ${RECIPIENT} FROM ${RECIPIENT_FROM} WHERE r.id = ?`).get(id) as Recipient | undefined;
}

export function listRecipients(db: Db, includeArchived: boolean): Recipient[] {
  const where = includeArchived ? '' : 'WHERE r.archived_at IS NULL';
  return db.prepare(`SELECT ${RECIPIENT} FROM ${RECIPIENT_FROM} ${where} ORDER BY name COLLATE NOCASE`).all() as Recipient[];
}

export function saveRecipient(db: Db, r: Recipient & { storedName: string | null }): void {
  db.prepare(
    `INSERT INTO grant_recipients (id, kind, name, legal_form, registration_number, city, president, contact, rib,
       beneficiary_id, created_at, updated_at, archived_at)
     VALUES (@id, @kind, @storedName, @legalForm, @registrationNumber, @city, @president, @contact, @rib,
       @beneficiaryId, @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET kind = excluded.kind, name = excluded.name, legal_form = excluded.legal_form,
       registration_number = excluded.registration_number, city = excluded.city, president = excluded.president,
       contact = excluded.contact, rib = excluded.rib, beneficiary_id = excluded.beneficiary_id,
       updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  ).run(r);
}

// ---------------------------------------------------------------------------------------------
// Applications

export interface ApplicationRecord {
  id: string;
  callId: string;
  recipientId: string;
  recipientName: string;
  projectTitle: string;
  summary: string | null;
  requestedMinor: number;
  decision: 'pending' | 'selected' | 'reserve' | 'rejected';
  decisionReason: string | null;
  createdAt: string;
  subGrantId: string | null;
}

const APPLICATION = `x.id, x.call_id AS callId, x.recipient_id AS recipientId,
  (SELECT name FROM (SELECT ${RECIPIENT} FROM ${RECIPIENT_FROM} WHERE r.id = x.recipient_id)) AS recipientName,
  x.project_title AS projectTitle, x.summary, x.requested_minor AS requestedMinor, x.decision,
  x.decision_reason AS decisionReason, x.created_at AS createdAt,
  (SELECT s.id FROM sub_grants s WHERE s.application_id = x.id AND s.archived_at IS NULL LIMIT 1) AS subGrantId`;

export function getApplication(db: Db, id: string): ApplicationRecord | undefined {
  return db.prepare(`SELECT ${APPLICATION} FROM grant_applications x WHERE x.id = ?`).get(id) as ApplicationRecord | undefined;
}

export function applicationsOf(db: Db, callId: string): ApplicationRecord[] {
  return db.prepare(`SELECT ${APPLICATION} FROM grant_applications x WHERE x.call_id = ? ORDER BY x.created_at, x.id`).all(callId) as ApplicationRecord[];
}

export function saveApplication(db: Db, a: Omit<ApplicationRecord, 'recipientName' | 'subGrantId'> & { updatedAt: string }): void {
  db.prepare(
    `INSERT INTO grant_applications (id, call_id, recipient_id, project_title, summary, requested_minor, decision,
       decision_reason, created_at, updated_at)
     VALUES (@id, @callId, @recipientId, @projectTitle, @summary, @requestedMinor, @decision, @decisionReason, @createdAt, @updatedAt)
     ON CONFLICT (id) DO UPDATE SET recipient_id = excluded.recipient_id, project_title = excluded.project_title,
       summary = excluded.summary, requested_minor = excluded.requested_minor, decision = excluded.decision,
       decision_reason = excluded.decision_reason, updated_at = excluded.updated_at`,
  ).run(a);
}

export interface ScoreRow {
  applicationId: string;
  criterionId: string;
  evaluator: string;
  score: number;
}

export function scoresOfCall(db: Db, callId: string): ScoreRow[] {
  return db
    .prepare(
      `SELECT s.application_id AS applicationId, s.criterion_id AS criterionId, s.evaluator, s.score
       FROM application_scores s JOIN grant_applications x ON x.id = s.application_id WHERE x.call_id = ?
       ORDER BY s.evaluator`,
    )
    .all(callId) as ScoreRow[];
}

export function replaceScores(db: Db, applicationId: string, evaluator: string, scores: { criterionId: string; score: number }[]): void {
  db.prepare('DELETE FROM application_scores WHERE application_id = ? AND evaluator = ?').run(applicationId, evaluator);
  const insert = db.prepare('INSERT INTO application_scores (application_id, criterion_id, evaluator, score) VALUES (?, ?, ?, ?)');
  for (const s of scores) insert.run(applicationId, s.criterionId, evaluator, s.score);
}

// ---------------------------------------------------------------------------------------------
// Sub-grants

const SUB_GRANT = `s.id, s.reference, s.agreement_id AS agreementId, s.call_id AS callId, s.application_id AS applicationId,
  s.recipient_id AS recipientId, s.title, s.amount_minor AS amountMinor, s.currency, s.start_date AS startDate,
  s.end_date AS endDate, s.envelope_override_reason AS envelopeOverrideReason, s.created_at AS createdAt,
  s.updated_at AS updatedAt, s.archived_at AS archivedAt`;

export function getSubGrant(db: Db, id: string): SubGrant | undefined {
  return db.prepare(`SELECT ${SUB_GRANT} FROM sub_grants s WHERE s.id = ?`).get(id) as SubGrant | undefined;
}

export function archivedSubGrantsOf(db: Db, agreementId: string): Pick<SubGrant, 'id' | 'reference' | 'title'>[] {
  return db
    .prepare('SELECT id, reference, title FROM sub_grants WHERE agreement_id = ? AND archived_at IS NOT NULL ORDER BY reference')
    .all(agreementId) as Pick<SubGrant, 'id' | 'reference' | 'title'>[];
}

export function subGrantsOf(db: Db, agreementId: string): SubGrant[] {
  return db.prepare(`SELECT ${SUB_GRANT} FROM sub_grants s WHERE s.agreement_id = ? AND s.archived_at IS NULL ORDER BY s.reference`).all(agreementId) as SubGrant[];
}

export function saveSubGrant(db: Db, s: SubGrant): void {
  db.prepare(
    `INSERT INTO sub_grants (id, reference, agreement_id, call_id, application_id, recipient_id, title, amount_minor, currency,
       start_date, end_date, envelope_override_reason, created_at, updated_at, archived_at)
     VALUES (@id, @reference, @agreementId, @callId, @applicationId, @recipientId, @title, @amountMinor, @currency,
       @startDate, @endDate, @envelopeOverrideReason, @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET call_id = excluded.call_id, application_id = excluded.application_id,
       recipient_id = excluded.recipient_id, title = excluded.title, amount_minor = excluded.amount_minor,
       currency = excluded.currency, start_date = excluded.start_date, end_date = excluded.end_date,
       envelope_override_reason = excluded.envelope_override_reason, updated_at = excluded.updated_at,
       archived_at = excluded.archived_at`,
  ).run(s);
}

export function subGrantBudget(db: Db, subGrantId: string) {
  return db
    .prepare(
      `SELECT b.budget_line_id AS budgetLineId, l.code, l.label, b.amount_minor AS amountMinor
       FROM sub_grant_budget b JOIN agreement_budget_lines l ON l.id = b.budget_line_id WHERE b.sub_grant_id = ? ORDER BY l.sort`,
    )
    .all(subGrantId) as { budgetLineId: string; code: string; label: string; amountMinor: number }[];
}

export function replaceSubGrantBudget(db: Db, subGrantId: string, rows: { budgetLineId: string; amountMinor: number }[]): void {
  db.prepare('DELETE FROM sub_grant_budget WHERE sub_grant_id = ?').run(subGrantId);
  const insert = db.prepare('INSERT INTO sub_grant_budget (sub_grant_id, budget_line_id, amount_minor) VALUES (?, ?, ?)');
  for (const r of rows) insert.run(subGrantId, r.budgetLineId, r.amountMinor);
}

export function reportDates(db: Db, subGrantId: string): ReportDate[] {
  return db
    .prepare('SELECT id, due_date AS dueDate, submitted_on AS submittedOn FROM sub_grant_reports WHERE sub_grant_id = ? ORDER BY due_date, id')
    .all(subGrantId) as ReportDate[];
}

export function replaceReportDates(db: Db, subGrantId: string, rows: ReportDate[]): void {
  db.prepare('DELETE FROM sub_grant_reports WHERE sub_grant_id = ?').run(subGrantId);
  const insert = db.prepare('INSERT INTO sub_grant_reports (id, sub_grant_id, due_date, submitted_on) VALUES (?, ?, ?, ?)');
  for (const r of rows) insert.run(r.id, subGrantId, r.dueDate, r.submittedOn);
}

export interface TrancheRecord {
  id: string;
  subGrantId: string;
  seq: number;
  amountMinor: number;
  percent: number | null;
  dueDate: string;
  conditionPct: number | null;
  disbursedMinor: number;
}

const TRANCHE = `t.id, t.sub_grant_id AS subGrantId, t.seq, t.amount_minor AS amountMinor, t.percent, t.due_date AS dueDate,
  t.condition_pct AS conditionPct, t.disbursed_minor AS disbursedMinor`;

export function tranchesOf(db: Db, subGrantId: string): TrancheRecord[] {
  return db.prepare(`SELECT ${TRANCHE} FROM grant_tranches t WHERE t.sub_grant_id = ? ORDER BY t.seq`).all(subGrantId) as TrancheRecord[];
}

export function getTranche(db: Db, id: string): TrancheRecord | undefined {
  return db.prepare(`SELECT ${TRANCHE} FROM grant_tranches t WHERE t.id = ?`).get(id) as TrancheRecord | undefined;
}

/** Replaces the plan: the caller has checked that tranches with payments stay. */
export function replaceTranches(db: Db, subGrantId: string, rows: Omit<TrancheRecord, 'disbursedMinor' | 'subGrantId'>[]): void {
  const keep = new Set(rows.map((r) => r.id));
  for (const old of tranchesOf(db, subGrantId)) if (!keep.has(old.id)) db.prepare('DELETE FROM grant_tranches WHERE id = ?').run(old.id);
  db.prepare('UPDATE grant_tranches SET seq = -seq WHERE sub_grant_id = ?').run(subGrantId);
  const upsert = db.prepare(
    `INSERT INTO grant_tranches (id, sub_grant_id, seq, amount_minor, percent, due_date, condition_pct) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, amount_minor = excluded.amount_minor, percent = excluded.percent,
       due_date = excluded.due_date, condition_pct = excluded.condition_pct`,
  );
  for (const r of rows) upsert.run(r.id, subGrantId, r.seq, r.amountMinor, r.percent, r.dueDate, r.conditionPct);
}

// A reversal is read from the journal entry that reversed the disbursement: its one record.
const DISBURSEMENT = `SELECT d.id, d.tranche_id AS trancheId, t.seq AS trancheSeq, d.date, d.amount_minor AS amountMinor, d.method,
  d.reference, d.override_reason AS overrideReason, d.created_at AS createdAt, rv.date AS reversedOn, rv.reversal_reason AS reversalReason
  FROM grant_disbursements d JOIN grant_tranches t ON t.id = d.tranche_id LEFT JOIN journal_entries rv ON rv.id = d.reversal_entry_id`;

export function disbursementsOf(db: Db, subGrantId: string): Disbursement[] {
  return db.prepare(`${DISBURSEMENT} WHERE d.sub_grant_id = ? ORDER BY d.date, d.created_at, d.id`).all(subGrantId) as Disbursement[];
}

export function getDisbursement(db: Db, id: string): Disbursement | undefined {
  return db.prepare(`${DISBURSEMENT} WHERE d.id = ?`).get(id) as Disbursement | undefined;
}

/** The totals of the sub-grant and its tranche drop the amount (trigger of migration 0024). */
export function markDisbursementReversed(db: Db, id: string, reversalEntryId: string): void {
  db.prepare('UPDATE grant_disbursements SET reversal_entry_id = ? WHERE id = ?').run(reversalEntryId, id);
}

export function insertDisbursement(
  db: Db,
  d: { id: string; subGrantId: string; trancheId: string; date: string; amountMinor: number; method: string; reference: string | null; overrideReason: string | null; createdAt: string; createdBy: string },
): void {
  db.prepare(
    `INSERT INTO grant_disbursements (id, sub_grant_id, tranche_id, date, amount_minor, method, reference, override_reason, created_at, created_by)
     VALUES (@id, @subGrantId, @trancheId, @date, @amountMinor, @method, @reference, @overrideReason, @createdAt, @createdBy)`,
  ).run(d);
}

export interface MoneyTotals {
  disbursedMinor: number;
  justifiedMinor: number;
  submittedMinor: number;
  rejectedMinor: number;
}

export function subGrantTotals(db: Db, subGrantId: string): MoneyTotals {
  const row = db
    .prepare(
      `SELECT disbursed_minor AS disbursedMinor, accepted_minor AS justifiedMinor, submitted_minor AS submittedMinor,
         rejected_minor AS rejectedMinor FROM grant_totals WHERE sub_grant_id = ?`,
    )
    .get(subGrantId) as MoneyTotals | undefined;
  return row ?? { disbursedMinor: 0, justifiedMinor: 0, submittedMinor: 0, rejectedMinor: 0 };
}

const EXPENSE = `e.id, e.sub_grant_id AS subGrantId, e.budget_line_id AS budgetLineId, l.code AS budgetLineCode, e.date, e.supplier,
  e.description, e.amount_minor AS amountMinor, e.receipt_number AS receiptNumber, e.attachment_id AS attachmentId,
  f.file_name AS attachmentName, e.status, e.rejection_reason AS rejectionReason, e.created_at AS createdAt`;
const EXPENSE_FROM = `grant_expenses e JOIN agreement_budget_lines l ON l.id = e.budget_line_id LEFT JOIN attachments f ON f.id = e.attachment_id`;

export function expensesOf(db: Db, subGrantId: string): Expense[] {
  return db.prepare(`SELECT ${EXPENSE} FROM ${EXPENSE_FROM} WHERE e.sub_grant_id = ? ORDER BY e.date, e.created_at, e.id`).all(subGrantId) as Expense[];
}

export function getExpense(db: Db, id: string): Expense | undefined {
  return db.prepare(`SELECT ${EXPENSE} FROM ${EXPENSE_FROM} WHERE e.id = ?`).get(id) as Expense | undefined;
}

export function insertExpense(
  db: Db,
  e: Omit<Expense, 'budgetLineCode' | 'attachmentName' | 'attachmentId' | 'status' | 'rejectionReason'> & { updatedAt: string },
): void {
  db.prepare(
    `INSERT INTO grant_expenses (id, sub_grant_id, budget_line_id, date, supplier, description, amount_minor, receipt_number,
       created_at, updated_at)
     VALUES (@id, @subGrantId, @budgetLineId, @date, @supplier, @description, @amountMinor, @receiptNumber, @createdAt, @updatedAt)`,
  ).run(e);
}

export function attachReceipt(db: Db, expenseId: string, attachmentId: string): void {
  db.prepare('UPDATE grant_expenses SET attachment_id = ? WHERE id = ?').run(attachmentId, expenseId);
}

export function setExpenseStatus(db: Db, id: string, status: ExpenseStatus, reason: string | null, at: string): void {
  db.prepare('UPDATE grant_expenses SET status = ?, rejection_reason = ?, updated_at = ? WHERE id = ?').run(status, reason, at, id);
}

// ---------------------------------------------------------------------------------------------
// Exchange rates

const RATE = 'id, date, from_currency AS fromCurrency, to_currency AS toCurrency, rate_micro AS rateMicro';

export function listRates(db: Db): ExchangeRate[] {
  return db.prepare(`SELECT ${RATE} FROM exchange_rates ORDER BY date DESC, from_currency, to_currency`).all() as ExchangeRate[];
}

export function upsertRate(db: Db, r: ExchangeRate & { createdAt: string }): ExchangeRate {
  return db
    .prepare(
      `INSERT INTO exchange_rates (id, date, from_currency, to_currency, rate_micro, created_at)
       VALUES (@id, @date, @fromCurrency, @toCurrency, @rateMicro, @createdAt)
       ON CONFLICT (from_currency, to_currency, date) DO UPDATE SET rate_micro = excluded.rate_micro
       RETURNING ${RATE}`,
    )
    .get(r) as ExchangeRate;
}
