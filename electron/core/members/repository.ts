import type { z } from 'zod';
import type { DuesPayment, Member, MemberCategory, memberSearchSchema, YearFees } from '../../contract';
import type { Db } from '../db/database';

interface MemberDbRow {
  id: string;
  number: string;
  first_name: string;
  last_name: string;
  arabic_name: string | null;
  sex: 'female' | 'male';
  birth_date: string | null;
  phones: string;
  email: string | null;
  address: string | null;
  join_date: string;
  category: Member['category'];
  status: Member['status'];
  status_date: string | null;
  role: Member['role'];
  mandate_start: string | null;
  mandate_end: string | null;
  beneficiary_id: string | null;
  created_at: string;
  updated_at: string;
  archived_at: string | null;
}

const toMember = (r: MemberDbRow): Member => ({
  id: r.id,
  number: r.number,
  firstName: r.first_name,
  lastName: r.last_name,
  arabicName: r.arabic_name,
  sex: r.sex,
  birthDate: r.birth_date,
  phones: JSON.parse(r.phones) as string[],
  email: r.email,
  address: r.address,
  joinDate: r.join_date,
  category: r.category,
  status: r.status,
  statusDate: r.status_date,
  role: r.role,
  mandateStart: r.mandate_start,
  mandateEnd: r.mandate_end,
  beneficiaryId: r.beneficiary_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  archivedAt: r.archived_at,
});

export function getMember(db: Db, id: string): Member | undefined {
  const row = db.prepare('SELECT * FROM members WHERE id = ?').get(id) as MemberDbRow | undefined;
  return row && toMember(row);
}

export function memberIdWithNumber(db: Db, number: string): string | undefined {
  const row = db.prepare('SELECT id FROM members WHERE lower(number) = lower(?)').get(number) as { id: string } | undefined;
  return row?.id;
}

/** Another member (archived ones too) already linked to that beneficiary record. */
export function memberLinkedTo(db: Db, beneficiaryId: string, exceptId: string | null): string | undefined {
  const row = db.prepare('SELECT id FROM members WHERE beneficiary_id = ? AND id IS NOT ? LIMIT 1').get(beneficiaryId, exceptId) as { id: string } | undefined;
  return row?.id;
}

/** The highest purely numeric member number, for suggesting the next one. */
export function highestNumericNumber(db: Db): number {
  const row = db
    .prepare("SELECT max(CAST(number AS INTEGER)) AS n FROM members WHERE number NOT GLOB '*[^0-9]*'")
    .get() as { n: number | null };
  return row.n ?? 0;
}

export function saveMember(db: Db, m: Member, searchText: string): void {
  db.prepare(
    `INSERT INTO members (id, number, first_name, last_name, arabic_name, sex, birth_date, phones, email, address, join_date,
       category, status, status_date, role, mandate_start, mandate_end, beneficiary_id, search_text, created_at, updated_at, archived_at)
     VALUES (@id, @number, @firstName, @lastName, @arabicName, @sex, @birthDate, @phones, @email, @address, @joinDate,
       @category, @status, @statusDate, @role, @mandateStart, @mandateEnd, @beneficiaryId, @searchText, @createdAt, @updatedAt, @archivedAt)
     ON CONFLICT (id) DO UPDATE SET number = excluded.number, first_name = excluded.first_name, last_name = excluded.last_name,
       arabic_name = excluded.arabic_name, sex = excluded.sex, birth_date = excluded.birth_date, phones = excluded.phones,
       email = excluded.email, address = excluded.address, join_date = excluded.join_date, category = excluded.category,
       status = excluded.status, status_date = excluded.status_date, role = excluded.role, mandate_start = excluded.mandate_start,
       mandate_end = excluded.mandate_end, beneficiary_id = excluded.beneficiary_id, search_text = excluded.search_text,
       updated_at = excluded.updated_at, archived_at = excluded.archived_at`,
  ).run({ ...m, phones: JSON.stringify(m.phones), searchText });
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export function listMembers(
  db: Db,
  params: z.output<typeof memberSearchSchema>,
  words: string[],
): { total: number; rows: Member[] } {
  const where = [params.archived ? 'archived_at IS NOT NULL' : 'archived_at IS NULL'];
  const args: unknown[] = [];
  if (params.status) {
    where.push('status = ?');
    args.push(params.status);
  }
  for (const word of words) {
    where.push("search_text LIKE ? ESCAPE '\\'");
    args.push(`%${escapeLike(word)}%`);
  }
  const clause = where.join(' AND ');
  const { n } = db.prepare(`SELECT count(*) AS n FROM members WHERE ${clause}`).get(...args) as { n: number };
  const rows = db
    .prepare(
      `SELECT * FROM members WHERE ${clause}
       ORDER BY CASE WHEN number GLOB '*[^0-9]*' THEN 1 ELSE 0 END, CAST(number AS INTEGER), number LIMIT ? OFFSET ?`,
    )
    .all(...args, params.limit, params.offset) as MemberDbRow[];
  return { total: n, rows: rows.map(toMember) };
}

/** Every member not archived, by number (dues lists, quorum, the status rule). */
export function allMembers(db: Db): Member[] {
  return (db.prepare('SELECT * FROM members WHERE archived_at IS NULL ORDER BY number').all() as MemberDbRow[]).map(toMember);
}

export function setMemberStatus(db: Db, id: string, status: Member['status'], statusDate: string, at: string): void {
  db.prepare('UPDATE members SET status = ?, status_date = ?, updated_at = ? WHERE id = ?').run(status, statusDate, at, id);
}

// ---------------------------------------------------------------------------------------------
// Fees and payments

export function listFees(db: Db): YearFees[] {
  const rows = db.prepare('SELECT year, category, amount FROM member_fees ORDER BY year DESC, category').all() as {
    year: number;
    category: MemberCategory;
    amount: number;
  }[];
  const byYear = new Map<number, YearFees>();
  for (const r of rows) {
    let fees = byYear.get(r.year);
    if (!fees) byYear.set(r.year, (fees = { year: r.year, currency: 'MAD', amounts: {} }));
    fees.amounts[r.category] = r.amount;
  }
  return [...byYear.values()];
}

export function replaceFees(db: Db, year: number, amounts: Partial<Record<MemberCategory, number>>): void {
  db.prepare('DELETE FROM member_fees WHERE year = ?').run(year);
  const insert = db.prepare('INSERT INTO member_fees (year, category, amount) VALUES (?, ?, ?)');
  for (const [category, amount] of Object.entries(amounts)) if (amount !== undefined) insert.run(year, category, amount);
}

interface PaymentDbRow {
  id: string;
  member_id: string;
  year: number;
  date: string;
  amount: number;
  method: DuesPayment['method'];
  note: string | null;
  collected_by: string;
  collected_by_name: string | null;
  receipt_year: number;
  receipt_seq: number;
  created_at: string;
  reversed_on: string | null;
  reversal_reason: string | null;
}

export const receiptNumber = (year: number, seq: number): string => `R-${year}-${String(seq).padStart(5, '0')}`;

const toPayment = (r: PaymentDbRow): DuesPayment => ({
  id: r.id,
  memberId: r.member_id,
  year: r.year,
  date: r.date,
  amount: r.amount,
  currency: 'MAD',
  method: r.method,
  note: r.note,
  receiptNumber: receiptNumber(r.receipt_year, r.receipt_seq),
  collectedBy: r.collected_by,
  collectedByName: r.collected_by_name ?? '',
  createdAt: r.created_at,
  reversal: r.reversed_on === null ? null : { date: r.reversed_on, reason: r.reversal_reason ?? '' },
});

// A reversal is read from the journal entry that reversed the payment: its one record.
const PAYMENT_SELECT = `SELECT p.*, u.display_name AS collected_by_name, rv.date AS reversed_on, rv.reversal_reason
  FROM member_payments p LEFT JOIN users u ON u.id = p.collected_by LEFT JOIN journal_entries rv ON rv.id = p.reversal_entry_id`;

export function getPayment(db: Db, id: string): DuesPayment | undefined {
  const row = db.prepare(`${PAYMENT_SELECT} WHERE p.id = ?`).get(id) as PaymentDbRow | undefined;
  return row && toPayment(row);
}

export function memberPayments(db: Db, memberId: string): DuesPayment[] {
  return (
    db.prepare(`${PAYMENT_SELECT} WHERE p.member_id = ? ORDER BY p.date DESC, p.receipt_year DESC, p.receipt_seq DESC`).all(memberId) as PaymentDbRow[]
  ).map(toPayment);
}

/**
 * The next receipt number of a year: one more than the last used. Called inside the payment's
 * write transaction, so a payment that fails takes its number back with it, and payments are
 * never deleted, so the sequence has no gap.
 */
export function nextReceiptSeq(db: Db, receiptYear: number): number {
  const row = db.prepare('SELECT coalesce(max(receipt_seq), 0) + 1 AS next FROM member_payments WHERE receipt_year = ?').get(receiptYear) as {
    next: number;
  };
  return row.next;
}

export function insertPayment(db: Db, p: Omit<DuesPayment, 'receiptNumber' | 'collectedByName' | 'currency' | 'reversal'>, receiptYear: number, receiptSeq: number): void {
  db.prepare(
    `INSERT INTO member_payments (id, member_id, year, date, amount, method, note, collected_by, receipt_year, receipt_seq, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(p.id, p.memberId, p.year, p.date, p.amount, p.method, p.note, p.collectedBy, receiptYear, receiptSeq, p.createdAt);
}

export function markPaymentReversed(db: Db, id: string, reversalEntryId: string): void {
  db.prepare('UPDATE member_payments SET reversal_entry_id = ? WHERE id = ?').run(reversalEntryId, id);
}

/** Member id → total paid for the year, reversed payments left out. */
export function paidInYear(db: Db, year: number): Map<string, number> {
  const rows = db.prepare('SELECT member_id, sum(amount) AS paid FROM member_payments WHERE year = ? AND reversal_entry_id IS NULL GROUP BY member_id').all(year) as {
    member_id: string;
    paid: number;
  }[];
  return new Map(rows.map((r) => [r.member_id, r.paid]));
}

/** Year → total paid by one member. */
export function paidByYear(db: Db, memberId: string): Map<number, number> {
  const rows = db.prepare('SELECT year, sum(amount) AS paid FROM member_payments WHERE member_id = ? AND reversal_entry_id IS NULL GROUP BY year').all(memberId) as {
    year: number;
    paid: number;
  }[];
  return new Map(rows.map((r) => [r.year, r.paid]));
}

// ---------------------------------------------------------------------------------------------
// General assemblies

export interface AssemblyActivity {
  id: string;
  reference: string;
  title: string;
  type: string;
  date: string | null;
}

const ASSEMBLY_SELECT = `SELECT a.id, a.reference, a.title, a.type,
    coalesce(a.start_date, (SELECT min(s.date) FROM activity_sessions s WHERE s.activity_id = a.id)) AS date
  FROM activities a`;

export function assemblyActivity(db: Db, id: string): AssemblyActivity | undefined {
  return db.prepare(`${ASSEMBLY_SELECT} WHERE a.id = ?`).get(id) as AssemblyActivity | undefined;
}

export function assemblyActivities(db: Db): AssemblyActivity[] {
  return db.prepare(`${ASSEMBLY_SELECT} WHERE a.type = 'general_assembly' AND a.archived_at IS NULL ORDER BY date DESC`).all() as AssemblyActivity[];
}

/** Members linked to a beneficiary marked present at a session of the activity. */
export function membersPresentAt(db: Db, activityId: string): Set<string> {
  const rows = db
    .prepare(
      `SELECT DISTINCT m.id FROM members m
       JOIN attendance t ON t.beneficiary_id = m.beneficiary_id AND t.status = 'present'
       JOIN activity_sessions s ON s.id = t.session_id
       WHERE s.activity_id = ? AND m.archived_at IS NULL`,
    )
    .all(activityId) as { id: string }[];
  return new Set(rows.map((r) => r.id));
}
