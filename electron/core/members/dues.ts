import type { z } from 'zod';
import type {
  DuesListRow,
  DuesPayment,
  DuesReceipt,
  DuesStatusList,
  feeInputSchema,
  Member,
  MemberCategory,
  duesPaymentInputSchema,
  duesReversalSchema,
  YearBalance,
  YearFees,
} from '../../contract';
import { listLogos } from '../activities/logos';
import { readAssociation, readAssociationDetails } from '../association/repository';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import { journalDuesPayment, reverseSourceEntry } from '../treasury/journal';
import {
  allMembers,
  getMember,
  getPayment,
  insertPayment,
  listFees,
  markPaymentReversed,
  nextReceiptSeq,
  paidByYear,
  paidInYear,
  replaceFees,
} from './repository';

/** Year → that year's fees by category. */
export type FeeTable = Map<number, YearFees['amounts']>;

export function feeTable(db: Db): FeeTable {
  return new Map(listFees(db).map((f) => [f.year, f.amounts]));
}

/** The fee of the member's category, else the standard fee, else nothing (no fee set that year). */
export function dueFor(fees: FeeTable, year: number, category: MemberCategory): number {
  const amounts = fees.get(year);
  return amounts?.[category] ?? amounts?.standard ?? 0;
}

/** Whether the member was a member during the year: joined by its end, not resigned before it began. */
export function memberOwesIn(m: Member, year: number): boolean {
  if (Number(m.joinDate.slice(0, 4)) > year) return false;
  return !(m.status === 'resigned' && m.statusDate && Number(m.statusDate.slice(0, 4)) < year);
}

/** Every year from joining to `thisYear`, plus any other year a payment was made for. */
export function balancesOf(m: Member, fees: FeeTable, paid: Map<number, number>, thisYear: number): YearBalance[] {
  const years = new Set<number>(paid.keys());
  for (let y = Number(m.joinDate.slice(0, 4)); y <= thisYear; y += 1) if (memberOwesIn(m, y)) years.add(y);
  return [...years]
    .sort((a, b) => b - a)
    .map((year) => {
      const due = memberOwesIn(m, year) ? dueFor(fees, year, m.category) : 0;
      const p = paid.get(year) ?? 0;
      return { year, due, paid: p, balance: due - p };
    });
}

export function listYearFees(ctx: SignedInContext): YearFees[] {
  return listFees(ctx.session.file.db);
}

export function setFees(input: z.output<typeof feeInputSchema>) {
  return (tx: WriteTx): YearFees => {
    replaceFees(tx.db, input.year, input.amounts);
    tx.audit(`fees:${input.year}`);
    return { year: input.year, currency: 'MAD', amounts: input.amounts };
  };
}

/**
 * Records a payment and gives it the next receipt number of its date's year, inside the write
 * transaction. More than what is still due for the year needs `confirmOverpayment`.
 */
export function recordPayment(input: z.output<typeof duesPaymentInputSchema>) {
  return (tx: WriteTx): DuesPayment => {
    const member = getMember(tx.db, input.memberId);
    if (!member) throw new AppError('not_found');
    if (member.archivedAt) throw new AppError('member_archived');
    const due = memberOwesIn(member, input.year) ? dueFor(feeTable(tx.db), input.year, member.category) : 0;
    const remaining = due - (paidByYear(tx.db, member.id).get(input.year) ?? 0);
    if (input.amount > remaining && !input.confirmOverpayment) throw new AppError('overpayment', { amount: 'overpayment' });
    const receiptYear = Number(input.date.slice(0, 4));
    const payment = {
      id: newId(),
      memberId: member.id,
      year: input.year,
      date: input.date,
      amount: input.amount,
      method: input.method,
      note: input.note?.trim() ? input.note.trim() : null,
      collectedBy: tx.user.id,
      createdAt: tx.at,
    };
    insertPayment(tx.db, payment, receiptYear, nextReceiptSeq(tx.db, receiptYear));
    tx.audit(payment.id);
    const stored = getPayment(tx.db, payment.id);
    if (!stored) throw new AppError('internal');
    journalDuesPayment(tx, { ...payment, receiptNumber: stored.receiptNumber });
    return stored;
  };
}

/**
 * Corrects a payment by reversing its journal entry with the reason: the payment and its receipt
 * number stay, marked reversed, and no longer count towards the member's dues.
 */
export function reversePayment(input: z.output<typeof duesReversalSchema>) {
  return (tx: WriteTx): DuesPayment => {
    const payment = getPayment(tx.db, input.paymentId);
    if (!payment) throw new AppError('not_found');
    if (payment.reversal) throw new AppError('already_reversed');
    if (input.date < payment.date) throw new AppError('date_outside_period', { date: 'before_original' });
    markPaymentReversed(tx.db, payment.id, reverseSourceEntry(tx, 'dues', payment.id, input.date, input.reason));
    tx.audit(payment.id);
    const stored = getPayment(tx.db, payment.id);
    if (!stored) throw new AppError('internal');
    return stored;
  };
}

export function duesReceipt(ctx: SignedInContext, paymentId: string): DuesReceipt {
  const { db } = ctx.session.file;
  const payment = getPayment(db, paymentId);
  const member = payment && getMember(db, payment.memberId);
  if (!payment || !member) throw new AppError('not_found');
  const association = readAssociation(db);
  const logo = listLogos(db).association;
  const due = memberOwesIn(member, payment.year) ? dueFor(feeTable(db), payment.year, member.category) : 0;
  const paid = paidByYear(db, member.id).get(payment.year) ?? 0;
  return {
    payment,
    member: { id: member.id, number: member.number, firstName: member.firstName, lastName: member.lastName, arabicName: member.arabicName },
    association: {
      name: association?.name ?? '',
      city: association?.city ?? '',
      ...readAssociationDetails(db),
      logo: logo && { mime: logo.mime, contentBase64: logo.contentBase64 },
    },
    balance: { year: payment.year, due, paid, balance: due - paid },
  };
}

/** Member numbers in human order: 2 before 10. One collator: building one per comparison is slow. */
const NUMBER_ORDER = new Intl.Collator('fr', { numeric: true });

/** Members (not resigned) who owed dues for the year and paid nothing, or part of it. */
export function duesStatus(ctx: SignedInContext, year: number): DuesStatusList {
  const { db } = ctx.session.file;
  const fees = feeTable(db);
  const paid = paidInYear(db, year);
  const unpaid: DuesListRow[] = [];
  const partlyPaid: DuesListRow[] = [];
  for (const m of allMembers(db)) {
    if (m.status === 'resigned' || !memberOwesIn(m, year)) continue;
    const due = dueFor(fees, year, m.category);
    const p = paid.get(m.id) ?? 0;
    if (due === 0 || p >= due) continue;
    const row: DuesListRow = {
      memberId: m.id,
      number: m.number,
      name: `${m.firstName} ${m.lastName}`,
      arabicName: m.arabicName,
      category: m.category,
      phone: m.phones[0] ?? null,
      due,
      paid: p,
    };
    (p === 0 ? unpaid : partlyPaid).push(row);
  }
  const byNumber = (a: DuesListRow, b: DuesListRow) => NUMBER_ORDER.compare(a.number, b.number);
  return { year, unpaid: unpaid.sort(byNumber), partlyPaid: partlyPaid.sort(byNumber) };
}
