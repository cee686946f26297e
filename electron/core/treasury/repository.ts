import type { Account, Category, ClosedYear, EntrySource, JournalEntry } from '../../contract';
import type { Db } from '../db/database';

// SQL of the treasurer's books. Nothing here decides a rule: the service does.

const ACCOUNT = `id, name, kind, currency, opening_date AS openingDate, opening_minor AS openingMinor, archived_at AS archivedAt`;

export function listAccounts(db: Db, includeArchived: boolean): Account[] {
  return db
    .prepare(`SELECT ${ACCOUNT} FROM treasury_accounts ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY sort, created_at, id`)
    .all() as Account[];
}

export function getAccount(db: Db, id: string): Account | undefined {
  return db.prepare(`SELECT ${ACCOUNT} FROM treasury_accounts WHERE id = ?`).get(id) as Account | undefined;
}

export function saveAccount(db: Db, a: Account, createdAt: string): void {
  db.prepare(
    `INSERT INTO treasury_accounts (id, name, kind, currency, opening_date, opening_minor, sort, created_at, archived_at)
     VALUES (@id, @name, @kind, @currency, @openingDate, @openingMinor, (SELECT coalesce(max(sort), 0) + 1 FROM treasury_accounts), @createdAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind, currency = excluded.currency,
       opening_date = excluded.opening_date, opening_minor = excluded.opening_minor, archived_at = excluded.archived_at`,
  ).run({ ...a, createdAt });
}

/** Signed sum of an account's movements (in − out), optionally before a date (exclusive). */
export function movementsOf(db: Db, accountId: string, before?: string): { net: number; count: number } {
  const row = db
    .prepare(
      `SELECT coalesce(sum(iif(direction = 'in', amount_minor, -amount_minor)), 0) AS net, count(*) AS count
       FROM journal_entries WHERE account_id = ? ${before ? 'AND date < ?' : ''}`,
    )
    .get(...(before ? [accountId, before] : [accountId])) as { net: number; count: number };
  return row;
}

/** Signed sum of an account's movements, from the monthly totals (a few rows per month). */
export function netOf(db: Db, accountId: string): number {
  return (
    db
      .prepare(`SELECT coalesce(sum(iif(direction = 'in', amount_minor, -amount_minor)), 0) AS net FROM treasury_month_totals WHERE account_id = ?`)
      .get(accountId) as { net: number }
  ).net;
}

export function netByAccount(db: Db): Map<string, { net: number; count: number }> {
  const nets = db
    .prepare(`SELECT account_id AS id, sum(iif(direction = 'in', amount_minor, -amount_minor)) AS net FROM treasury_month_totals GROUP BY account_id`)
    .all() as { id: string; net: number }[];
  const counts = new Map(
    (db.prepare('SELECT account_id AS id, count(*) AS count FROM journal_entries GROUP BY account_id').all() as { id: string; count: number }[]).map((r) => [r.id, r.count]),
  );
  return new Map(nets.map((r) => [r.id, { net: r.net, count: counts.get(r.id) ?? 0 }]));
}

const CATEGORY = `id, direction, label_fr AS labelFr, label_ar AS labelAr, label_en AS labelEn, sort, archived_at AS archivedAt`;

export function listCategories(db: Db, includeArchived: boolean): Category[] {
  return db.prepare(`SELECT ${CATEGORY} FROM treasury_categories ${includeArchived ? '' : 'WHERE archived_at IS NULL'} ORDER BY sort, id`).all() as Category[];
}

export function getCategory(db: Db, id: string): Category | undefined {
  return db.prepare(`SELECT ${CATEGORY} FROM treasury_categories WHERE id = ?`).get(id) as Category | undefined;
}

export function saveCategory(db: Db, c: Omit<Category, 'sort'>): void {
  db.prepare(
    `INSERT INTO treasury_categories (id, direction, label_fr, label_ar, label_en, sort, archived_at)
     VALUES (@id, @direction, @labelFr, @labelAr, @labelEn, (SELECT coalesce(max(sort), 0) + 1 FROM treasury_categories), @archivedAt)
     ON CONFLICT (id) DO UPDATE SET label_fr = excluded.label_fr, label_ar = excluded.label_ar, label_en = excluded.label_en,
       archived_at = excluded.archived_at`,
  ).run(c);
}

/**
 * A stored row: the journal's entry without what is read from the account, agreement, line and
 * reversal, with the counterpart it points at (its name only when typed) and who wrote it.
 */
export type EntryRecord = Omit<JournalEntry, 'accountName' | 'currency' | 'agreementReference' | 'budgetLineCode' | 'reversedById' | 'counterpartName'> & {
  counterpartId: string | null;
  counterpartName: string | null;
  createdBy: string | null;
};

export function insertEntry(db: Db, e: EntryRecord): void {
  db.prepare(
    `INSERT INTO journal_entries (id, date, account_id, direction, amount_minor, category_id, counterpart_kind, counterpart_id,
       counterpart_name, description, reference, agreement_id, budget_line_id, funder_tranche_id, agreement_minor, rate_micro,
       rate_inverse, rate_date, attachment_id, source, source_id, reverses_id, reversal_reason, created_at, created_by, transfer_id)
     VALUES (@id, @date, @accountId, @direction, @amountMinor, @categoryId, @counterpartKind, @counterpartId, @counterpartName,
       @description, @reference, @agreementId, @budgetLineId, @funderTrancheId, @agreementMinor, @rateMicro, @rateInverse, @rateDate,
       @attachmentId, @source, @sourceId, @reversesId, @reversalReason, @createdAt, @createdBy, @transferId)`,
  ).run(e);
}

export function attachEntryReceipt(db: Db, id: string, attachmentId: string): void {
  db.prepare('UPDATE journal_entries SET attachment_id = ? WHERE id = ?').run(attachmentId, id);
}

const ENTRY_RECORD = `SELECT id, date, account_id AS accountId, direction, amount_minor AS amountMinor, category_id AS categoryId,
         counterpart_kind AS counterpartKind, counterpart_id AS counterpartId, counterpart_name AS counterpartName, description,
         reference, agreement_id AS agreementId, budget_line_id AS budgetLineId, funder_tranche_id AS funderTrancheId,
         agreement_minor AS agreementMinor, rate_micro AS rateMicro, rate_inverse AS rateInverse, rate_date AS rateDate, attachment_id AS attachmentId, source,
         source_id AS sourceId, reverses_id AS reversesId, reversal_reason AS reversalReason, created_at AS createdAt, created_by AS createdBy, transfer_id AS transferId
       FROM journal_entries`;

export function getEntryRecord(db: Db, id: string): EntryRecord | undefined {
  return db.prepare(`${ENTRY_RECORD} WHERE id = ?`).get(id) as EntryRecord | undefined;
}

/** The entry a dues payment or a disbursement wrote (not its reversal). */
export function entryOfSource(db: Db, source: EntrySource, sourceId: string): EntryRecord | undefined {
  return db.prepare(`${ENTRY_RECORD} WHERE source = ? AND source_id = ? AND reverses_id IS NULL`).get(source, sourceId) as EntryRecord | undefined;
}

/** Both entries of a transfer, the outgoing one first. */
export function transferEntries(db: Db, transferId: string): EntryRecord[] {
  return db.prepare(`${ENTRY_RECORD} WHERE transfer_id = ? ORDER BY direction DESC`).all(transferId) as EntryRecord[];
}

export function reversalOf(db: Db, id: string): string | undefined {
  return (db.prepare('SELECT id FROM journal_entries WHERE reverses_id = ?').get(id) as { id: string } | undefined)?.id;
}

/** The entry as the journal shows it: names read from the member, sub-grantee or funder it points at. */
export const ENTRY_VIEW = `
  SELECT e.id, e.date, e.account_id AS accountId, a.name AS accountName, a.currency, e.direction, e.amount_minor AS amountMinor,
    e.category_id AS categoryId, e.counterpart_kind AS counterpartKind,
    coalesce(e.counterpart_name, m.first_name || ' ' || m.last_name, r.name, rb.display_name, rb.initials, f.name, pb.reference, '') AS counterpartName,
    e.description, e.reference, e.agreement_id AS agreementId, fa.reference AS agreementReference, e.budget_line_id AS budgetLineId,
    bl.code AS budgetLineCode, e.funder_tranche_id AS funderTrancheId, e.agreement_minor AS agreementMinor, e.rate_micro AS rateMicro,
    e.rate_inverse AS rateInverse, e.rate_date AS rateDate, e.attachment_id AS attachmentId, e.source, e.source_id AS sourceId, e.reverses_id AS reversesId,
    e.reversal_reason AS reversalReason, rv.id AS reversedById, e.created_at AS createdAt, e.transfer_id AS transferId
  FROM journal_entries e
    JOIN treasury_accounts a ON a.id = e.account_id
    LEFT JOIN members m ON e.counterpart_kind = 'member' AND m.id = e.counterpart_id
    LEFT JOIN grant_recipients r ON e.counterpart_kind = 'sub_grantee' AND r.id = e.counterpart_id
    LEFT JOIN beneficiaries rb ON rb.id = r.beneficiary_id
    LEFT JOIN grant_funders f ON e.counterpart_kind = 'funder' AND f.id = e.counterpart_id
    LEFT JOIN beneficiaries pb ON e.counterpart_kind = 'person' AND pb.id = e.counterpart_id
    LEFT JOIN funding_agreements fa ON fa.id = e.agreement_id
    LEFT JOIN agreement_budget_lines bl ON bl.id = e.budget_line_id
    LEFT JOIN journal_entries rv ON rv.reverses_id = e.id`;

export function getEntry(db: Db, id: string): JournalEntry | undefined {
  return db.prepare(`${ENTRY_VIEW} WHERE e.id = ?`).get(id) as JournalEntry | undefined;
}

export interface EntryFilter {
  accountId?: string | null;
  categoryId?: string | null;
  agreementId?: string | null;
  from?: string | null;
  to?: string | null;
}

function where(filter: EntryFilter): { sql: string; params: Record<string, string> } {
  const columns = { accountId: 'e.account_id =', categoryId: 'e.category_id =', agreementId: 'e.agreement_id =', from: 'e.date >=', to: 'e.date <=' } as const;
  const parts: string[] = [];
  const params: Record<string, string> = {};
  for (const [key, test] of Object.entries(columns) as [keyof typeof columns, string][]) {
    const value = filter[key];
    if (!value) continue;
    parts.push(`${test} @${key}`);
    params[key] = value;
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function listEntries(db: Db, filter: EntryFilter, offset: number, limit: number): { rows: JournalEntry[]; total: number } {
  const w = where(filter);
  const total = (db.prepare(`SELECT count(*) AS n FROM journal_entries e ${w.sql}`).get(w.params) as { n: number }).n;
  const rows = db
    .prepare(`${ENTRY_VIEW} ${w.sql} ORDER BY e.date DESC, e.created_at DESC, e.id DESC LIMIT @limit OFFSET @offset`)
    .all({ ...w.params, limit, offset }) as JournalEntry[];
  return { rows, total };
}

/** Every entry of a period, oldest first (the accountant's export). */
export function entriesBetween(db: Db, from: string, to: string): JournalEntry[] {
  return db.prepare(`${ENTRY_VIEW} WHERE e.date BETWEEN ? AND ? ORDER BY e.date, e.created_at, e.id`).all(from, to) as JournalEntry[];
}

export function listClosedYears(db: Db): ClosedYear[] {
  return db.prepare('SELECT year, closed_at AS closedAt FROM treasury_closed_years ORDER BY year DESC').all() as ClosedYear[];
}

export function isYearClosed(db: Db, year: number): boolean {
  return db.prepare('SELECT 1 FROM treasury_closed_years WHERE year = ?').get(year) !== undefined;
}

export function closeYear(db: Db, year: number, at: string, userId: string): void {
  db.prepare('INSERT INTO treasury_closed_years (year, closed_at, closed_by) VALUES (?, ?, ?)').run(year, at, userId);
}

export function reopenYear(db: Db, year: number): boolean {
  return db.prepare('DELETE FROM treasury_closed_years WHERE year = ?').run(year).changes > 0;
}

export interface FunderTrancheRecord {
  id: string;
  agreementId: string;
  seq: number;
  dueDate: string;
  amountMinor: number;
}

export function funderTranchesOf(db: Db, agreementId: string): FunderTrancheRecord[] {
  return db
    .prepare('SELECT id, agreement_id AS agreementId, seq, due_date AS dueDate, amount_minor AS amountMinor FROM funder_tranches WHERE agreement_id = ? ORDER BY seq')
    .all(agreementId) as FunderTrancheRecord[];
}

export function getFunderTranche(db: Db, id: string): FunderTrancheRecord | undefined {
  return db
    .prepare('SELECT id, agreement_id AS agreementId, seq, due_date AS dueDate, amount_minor AS amountMinor FROM funder_tranches WHERE id = ?')
    .get(id) as FunderTrancheRecord | undefined;
}

export function trancheHasReceipts(db: Db, id: string): boolean {
  return db.prepare('SELECT 1 FROM journal_entries WHERE funder_tranche_id = ?').get(id) !== undefined;
}

export function replaceFunderTranches(db: Db, agreementId: string, rows: Omit<FunderTrancheRecord, 'agreementId'>[]): void {
  const keep = new Set(rows.map((r) => r.id));
  for (const old of funderTranchesOf(db, agreementId)) if (!keep.has(old.id)) db.prepare('DELETE FROM funder_tranches WHERE id = ?').run(old.id);
  db.prepare('UPDATE funder_tranches SET seq = -seq WHERE agreement_id = ?').run(agreementId);
  const upsert = db.prepare(
    `INSERT INTO funder_tranches (id, agreement_id, seq, due_date, amount_minor) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, due_date = excluded.due_date, amount_minor = excluded.amount_minor`,
  );
  for (const r of rows) upsert.run(r.id, agreementId, r.seq, r.dueDate, r.amountMinor);
}

/** Receipts of an agreement's tranches, reversals as negative amounts. */
export function trancheReceipts(db: Db, agreementId: string) {
  return db
    .prepare(
      `SELECT e.id AS entryId, e.funder_tranche_id AS trancheId, e.date, iif(e.direction = 'in', 1, -1) AS sign,
         e.agreement_minor AS agreementMinor, e.amount_minor AS accountMinor, a.currency AS accountCurrency, e.rate_micro AS rateMicro,
         e.rate_inverse AS rateInverse, e.rate_date AS rateDate
       FROM journal_entries e JOIN funder_tranches t ON t.id = e.funder_tranche_id JOIN treasury_accounts a ON a.id = e.account_id
       WHERE t.agreement_id = ? ORDER BY e.date, e.created_at`,
    )
    .all(agreementId) as {
    entryId: string;
    trancheId: string;
    date: string;
    sign: number;
    agreementMinor: number;
    accountMinor: number;
    accountCurrency: string;
    rateMicro: number | null;
    rateInverse: number;
    rateDate: string | null;
  }[];
}
