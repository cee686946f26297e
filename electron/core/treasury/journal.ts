import type { AccountKind, UsedRate } from '../../contract';
import type { WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { applyRate, findRate } from '../grants/rates';
import { newId } from '../ids';
import { entryOfSource, getAccount, insertEntry, isYearClosed, listAccounts, reversalOf, type EntryRecord } from './repository';

// The one way money enters the journal, whichever area records it (the journal itself, dues,
// disbursements): in the caller's transaction, refused on a closed year.

/** A movement dated in a year the treasurer closed is refused at its date field. */
export function assertOpenPeriod(db: Db, date: string, field = 'date'): void {
  if (isYearClosed(db, Number(date.slice(0, 4)))) throw new AppError('period_closed', { [field]: 'period_closed' });
}

/** The first open account of the kind in the currency, else any open account in that currency. */
export function defaultAccount(db: Db, kind: AccountKind, currency: string) {
  const open = listAccounts(db, false).filter((a) => a.currency === currency);
  return open.find((a) => a.kind === kind) ?? open[0];
}

/** The account named by a form, open, or a refusal at its field. */
export function openAccount(db: Db, id: string, field = 'accountId') {
  const account = getAccount(db, id);
  if (!account || account.archivedAt) throw new AppError('invalid_input', { [field]: 'not_found' });
  return account;
}

/** The stored rate in force on the date, or `exchange_rate_missing` at the field. */
export function rateOn(db: Db, from: string, to: string, date: string, field = 'date'): UsedRate {
  const rate = findRate(db, from, to, date);
  if (!rate) throw new AppError('exchange_rate_missing', { [field]: 'exchange_rate_missing' });
  return rate;
}

export type NewEntry = Omit<EntryRecord, 'id' | 'createdAt' | 'createdBy' | 'rateInverse' | 'reversesId' | 'reversalReason' | 'transferId'> & {
  rateInverse?: number;
  reversesId?: string | null;
  reversalReason?: string | null;
  transferId?: string | null;
};

export function writeEntry(tx: WriteTx, entry: NewEntry, id = newId()): string {
  assertOpenPeriod(tx.db, entry.date);
  insertEntry(tx.db, {
    rateInverse: 0,
    reversesId: null,
    reversalReason: null,
    transferId: null,
    ...entry,
    id,
    createdAt: tx.at,
    createdBy: tx.user.id,
  });
  return id;
}

/**
 * The opposite of an entry, dated in an open year on or after it, with the reason; the original
 * stays as it was. Returns the reversal's id.
 */
export function writeReversal(tx: WriteTx, original: EntryRecord, date: string, reason: string): string {
  if (original.reversesId || reversalOf(tx.db, original.id)) throw new AppError('already_reversed');
  if (date < original.date) throw new AppError('date_outside_period', { date: 'before_original' });
  return writeEntry(tx, {
    ...original,
    date,
    direction: original.direction === 'in' ? 'out' : 'in',
    attachmentId: null,
    reversesId: original.id,
    reversalReason: reason,
  });
}

/** Reverses the entry a dues payment or a disbursement wrote, from its own area. */
export function reverseSourceEntry(tx: WriteTx, source: 'dues' | 'disbursement', sourceId: string, date: string, reason: string): string {
  const original = entryOfSource(tx.db, source, sourceId);
  if (!original) throw new AppError('not_found');
  return writeReversal(tx, original, date, reason);
}

const kindOfMethod = (method: string): AccountKind => (method === 'cash' ? 'cash' : 'bank');

/** A dues payment's entry: cash into the cash box, any other way into the bank, in dirhams. */
export function journalDuesPayment(
  tx: WriteTx,
  p: { id: string; memberId: string; date: string; amount: number; method: string; receiptNumber: string },
): void {
  const account = defaultAccount(tx.db, kindOfMethod(p.method), 'MAD');
  if (!account) throw new AppError('invalid_input', { method: 'no_account' });
  writeEntry(tx, {
    date: p.date,
    accountId: account.id,
    direction: 'in',
    amountMinor: p.amount,
    categoryId: 'dues',
    counterpartKind: 'member',
    counterpartId: p.memberId,
    counterpartName: null,
    description: null,
    reference: p.receiptNumber,
    agreementId: null,
    budgetLineId: null,
    funderTrancheId: null,
    agreementMinor: null,
    rateMicro: null,
    rateDate: null,
    attachmentId: null,
    source: 'dues',
    sourceId: p.id,
  });
}

/**
 * A disbursement's entry, paid from the chosen account or the first of its kind in the
 * sub-grant's currency; from an account in another currency, at the stored rate of the day.
 */
export function journalDisbursement(
  tx: WriteTx,
  d: { id: string; date: string; amountMinor: number; method: string; reference: string | null; accountId?: string | null },
  subGrant: { currency: string; recipientId: string; agreementId: string },
): void {
  const account = d.accountId
    ? openAccount(tx.db, d.accountId)
    : (defaultAccount(tx.db, kindOfMethod(d.method), subGrant.currency) ?? defaultAccount(tx.db, kindOfMethod(d.method), 'MAD'));
  if (!account) throw new AppError('invalid_input', { accountId: 'no_account' });
  const amountMinor = account.currency === subGrant.currency ? d.amountMinor : applyRate(d.amountMinor, rateOn(tx.db, subGrant.currency, account.currency, d.date));
  writeEntry(tx, {
    date: d.date,
    accountId: account.id,
    direction: 'out',
    amountMinor,
    categoryId: 'sub_grants_paid',
    counterpartKind: 'sub_grantee',
    counterpartId: subGrant.recipientId,
    counterpartName: null,
    description: null,
    reference: d.reference,
    agreementId: subGrant.agreementId,
    budgetLineId: null,
    funderTrancheId: null,
    agreementMinor: null,
    rateMicro: null,
    rateDate: null,
    attachmentId: null,
    source: 'disbursement',
    sourceId: d.id,
  });
}
