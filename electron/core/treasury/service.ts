import type { z } from 'zod';
import {
  convertMinor,
  type Account,
  type accountInputSchema,
  type AccountRow,
  type Category,
  type categoryInputSchema,
  type ClosedYear,
  type entryCheckSchema,
  type entryFilterSchema,
  type entryInputSchema,
  type EntryWarning,
  type FunderTranches,
  type funderTranchePlanSchema,
  type JournalEntry,
  type JournalPage,
  type reverseInputSchema,
  type trancheReceiptSchema,
  type transferInputSchema,
  isTransferCategory,
  type UsedRate,
} from '../../contract';
import { saveAttachment } from '../attachments/service';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { found, orNull } from '../input-values';
import { applyRate } from '../grants/rates';
import { getAgreement, getBudgetLine } from '../grants/repository';
import { newId } from '../ids';
import { assertOpenPeriod, openAccount, rateOn, writeEntry, writeReversal } from './journal';
import * as repo from './repository';

type In<S extends z.ZodType> = z.output<S>;

const dbOf = (ctx: SignedInContext) => ctx.session.file.db;
export const ENTRY_OWNER = 'journal_entry';

// ---------------------------------------------------------------------------------------------
// Accounts and categories

export function listAccounts(ctx: SignedInContext, includeArchived: boolean): AccountRow[] {
  const db = dbOf(ctx);
  const net = repo.netByAccount(db);
  return repo.listAccounts(db, includeArchived).map((a) => {
    const m = net.get(a.id) ?? { net: 0, count: 0 };
    return { ...a, balanceMinor: a.openingMinor + m.net, entries: m.count };
  });
}

/** An account's currency and opening stay once it has movements: they would change past balances. */
export function saveAccount(input: In<typeof accountInputSchema>) {
  return (tx: WriteTx): Account => {
    const before = input.id ? found(repo.getAccount(tx.db, input.id)) : undefined;
    if (before && repo.movementsOf(tx.db, before.id).count > 0) {
      if (before.currency !== input.currency) throw new AppError('currency_mismatch', { currency: 'currency_mismatch' });
      const first = tx.db.prepare('SELECT min(date) AS d FROM journal_entries WHERE account_id = ?').get(before.id) as { d: string };
      if (input.openingDate > first.d) throw new AppError('date_outside_period', { openingDate: 'date_outside_period' });
    }
    const record: Account = {
      id: before?.id ?? newId(),
      name: input.name,
      kind: input.kind,
      currency: input.currency,
      openingDate: input.openingDate,
      openingMinor: input.openingMinor,
      archivedAt: input.archived ? (before?.archivedAt ?? tx.at) : null,
    };
    repo.saveAccount(tx.db, record, tx.at);
    tx.audit(record.id);
    return record;
  };
}

export const listCategories = (ctx: SignedInContext, includeArchived: boolean) => repo.listCategories(dbOf(ctx), includeArchived);

/** Labels change; a category's direction stays, its entries were counted on that side. */
export function saveCategory(input: In<typeof categoryInputSchema>) {
  return (tx: WriteTx): Category => {
    if (input.id && isTransferCategory(input.id)) throw new AppError('not_found');
    const before = input.id ? found(repo.getCategory(tx.db, input.id)) : undefined;
    if (before && before.direction !== input.direction) throw new AppError('invalid_input', { direction: 'cannot_change' });
    const id = before?.id ?? newId();
    repo.saveCategory(tx.db, {
      id,
      direction: input.direction,
      labelFr: input.labelFr,
      labelAr: input.labelAr,
      labelEn: input.labelEn,
      archivedAt: input.archived ? (before?.archivedAt ?? tx.at) : null,
    });
    tx.audit(id);
    return found(repo.getCategory(tx.db, id));
  };
}

// ---------------------------------------------------------------------------------------------
// Journal entries

export function listEntries(ctx: SignedInContext, input: In<typeof entryFilterSchema>): JournalPage {
  return repo.listEntries(dbOf(ctx), input, input.offset, input.limit);
}

const outside = (date: string, start: string, end: string) => date < start || date > end;

/** The agreement (and line) an entry goes to, and its amount in the agreement's currency with the rate used. */
export function onAgreement(
  db: Db,
  input: { date: string; amountMinor: number; agreementId?: string | null; budgetLineId?: string | null; rateMicro?: number | null },
  accountCurrency: string,
) {
  if (!input.agreementId) return null;
  const agreement = getAgreement(db, input.agreementId);
  if (!agreement) throw new AppError('invalid_input', { agreementId: 'not_found' });
  if (outside(input.date, agreement.startDate, agreement.endDate)) throw new AppError('date_outside_period', { date: 'date_outside_period' });
  if (input.budgetLineId) {
    const line = getBudgetLine(db, input.budgetLineId);
    if (!line || line.agreementId !== agreement.id) throw new AppError('invalid_input', { budgetLineId: 'not_found' });
  }
  if (accountCurrency === agreement.currency) return { agreement, agreementMinor: input.amountMinor, rate: null };
  // A typed rate reads "1 unit of the agreement's currency = x of the account's".
  const rate: UsedRate = input.rateMicro
    ? { date: input.date, fromCurrency: accountCurrency, toCurrency: agreement.currency, rateMicro: input.rateMicro, inverse: true }
    : rateOn(db, accountCurrency, agreement.currency, input.date);
  return { agreement, agreementMinor: applyRate(input.amountMinor, rate), rate };
}

export function addEntry(input: In<typeof entryInputSchema>) {
  return (tx: WriteTx): JournalEntry => {
    const account = openAccount(tx.db, input.accountId);
    if (input.date < account.openingDate) throw new AppError('date_outside_period', { date: 'before_opening' });
    const category = repo.getCategory(tx.db, input.categoryId);
    if (!category || category.archivedAt || isTransferCategory(category.id)) throw new AppError('invalid_input', { categoryId: 'not_found' });
    if (category.direction !== input.direction) throw new AppError('invalid_input', { categoryId: 'wrong_direction' });
    assertOpenPeriod(tx.db, input.date);
    const onIt = onAgreement(tx.db, input, account.currency);
    const id = newId();
    writeEntry(
      tx,
      {
        date: input.date,
        accountId: account.id,
        direction: input.direction,
        amountMinor: input.amountMinor,
        categoryId: category.id,
        counterpartKind: input.counterpartKind,
        counterpartId: null,
        counterpartName: input.counterpartName,
        description: orNull(input.description),
        reference: orNull(input.reference),
        agreementId: onIt?.agreement.id ?? null,
        budgetLineId: onIt ? orNull(input.budgetLineId) : null,
        funderTrancheId: null,
        agreementMinor: onIt?.agreementMinor ?? null,
        rateMicro: onIt?.rate?.rateMicro ?? null,
        rateInverse: onIt?.rate?.inverse ? 1 : 0,
        rateDate: onIt?.rate?.date ?? null,
        attachmentId: null,
        source: 'manual',
        sourceId: null,
      },
      id,
    );
    if (input.receipt) repo.attachEntryReceipt(tx.db, id, saveAttachment(tx, { ...input.receipt, ownerType: ENTRY_OWNER, ownerId: id }).id);
    tx.audit(id);
    return found(repo.getEntry(tx.db, id));
  };
}

/**
 * The opposite entry, dated in an open year, with the reason; the original stays as it was. Dues
 * and disbursements are reversed where they were recorded, so that their area and the journal
 * agree. Either entry of a transfer reverses the whole transfer: the two accounts stay consistent.
 */
export function reverseEntry(input: In<typeof reverseInputSchema>) {
  return (tx: WriteTx): JournalEntry => {
    const original = found(repo.getEntryRecord(tx.db, input.id));
    if (original.source !== 'manual') throw new AppError('entry_from_other_area');
    if (!original.transferId) {
      const id = writeReversal(tx, original, input.date, input.reason);
      tx.audit(id);
      return found(repo.getEntry(tx.db, id));
    }
    const transferId = newId();
    const reversals = repo.transferEntries(tx.db, original.transferId).map((leg) => ({
      of: leg.id,
      id: writeReversal(tx, { ...leg, transferId }, input.date, input.reason),
    }));
    tx.audit(transferId);
    return found(repo.getEntry(tx.db, found(reversals.find((r) => r.of === original.id)).id));
  };
}

/**
 * Money moved between two of the association's own accounts in the same currency: the outgoing
 * and the incoming entry written together, in the transfer categories the year statement leaves
 * out of income and expenses.
 */
export function addTransfer(input: In<typeof transferInputSchema>) {
  return (tx: WriteTx): JournalEntry[] => {
    const from = openAccount(tx.db, input.fromAccountId, 'fromAccountId');
    const to = openAccount(tx.db, input.toAccountId, 'toAccountId');
    if (from.currency !== to.currency) throw new AppError('currency_mismatch', { toAccountId: 'currency_mismatch' });
    if (input.date < from.openingDate) throw new AppError('date_outside_period', { date: 'before_opening' });
    if (input.date < to.openingDate) throw new AppError('date_outside_period', { date: 'before_opening' });
    assertOpenPeriod(tx.db, input.date);
    const transferId = newId();
    const leg = (accountId: string, direction: 'in' | 'out') =>
      writeEntry(tx, {
        date: input.date,
        accountId,
        direction,
        amountMinor: input.amountMinor,
        categoryId: direction === 'in' ? 'transfer_in' : 'transfer_out',
        counterpartKind: 'other',
        counterpartId: null,
        counterpartName: null,
        description: orNull(input.description),
        reference: orNull(input.reference),
        agreementId: null,
        budgetLineId: null,
        funderTrancheId: null,
        agreementMinor: null,
        rateMicro: null,
        rateDate: null,
        attachmentId: null,
        source: 'manual',
        sourceId: null,
        transferId,
      });
    const ids = [leg(from.id, 'out'), leg(to.id, 'in')];
    tx.audit(transferId);
    return ids.map((id) => found(repo.getEntry(tx.db, id)));
  };
}

/** What the treasurer should see before saving: a budget line going over, an account going below zero. */
export function checkEntry(ctx: SignedInContext, input: In<typeof entryCheckSchema>): EntryWarning[] {
  const db = dbOf(ctx);
  const account = openAccount(db, input.accountId);
  const warnings: EntryWarning[] = [];
  if (input.direction === 'out') {
    const balance = account.openingMinor + repo.netOf(db, account.id);
    if (input.amountMinor > balance) warnings.push({ kind: 'balance_short', balanceMinor: balance, afterMinor: balance - input.amountMinor, currency: account.currency });
    if (input.budgetLineId && input.agreementId) {
      const onIt = onAgreement(db, input, account.currency);
      const line = getBudgetLine(db, input.budgetLineId);
      if (onIt && line) {
        const used = lineUsed(db, line.id);
        if (used + onIt.agreementMinor > line.amountMinor) {
          warnings.push({ kind: 'budget_line_over', budgetMinor: line.amountMinor, usedMinor: used, afterMinor: used + onIt.agreementMinor, currency: onIt.agreement.currency });
        }
      }
    }
  }
  return warnings;
}

/** Direct spending on a line, reversals deducted, in the agreement's currency. */
export function lineUsed(db: Db, budgetLineId: string): number {
  return (
    db
      .prepare(
        `SELECT coalesce(sum(iif(direction = 'out', agreement_minor, -agreement_minor)), 0) AS v FROM treasury_agreement_totals
         WHERE agreement_id = (SELECT agreement_id FROM agreement_budget_lines WHERE id = ?) AND budget_line_id = ?`,
      )
      .get(budgetLineId, budgetLineId) as { v: number }
  ).v;
}

// ---------------------------------------------------------------------------------------------
// Funder tranches

export function funderTranches(db: Db, agreementId: string): FunderTranches {
  const agreement = found(getAgreement(db, agreementId));
  const receipts = repo.trancheReceipts(db, agreementId);
  const tranches = repo.funderTranchesOf(db, agreementId).map((t) => {
    const own = receipts.filter((r) => r.trancheId === t.id);
    return {
      id: t.id,
      seq: t.seq,
      dueDate: t.dueDate,
      amountMinor: t.amountMinor,
      receivedMinor: own.reduce((s, r) => s + r.sign * r.agreementMinor, 0),
      receipts: own.map((r) => ({
        entryId: r.entryId,
        date: r.date,
        agreementMinor: r.sign * r.agreementMinor,
        accountMinor: r.sign * r.accountMinor,
        accountCurrency: r.accountCurrency,
        rateMicro: r.rateMicro,
      })),
    };
  });
  return {
    agreementId,
    currency: agreement.currency,
    tranches,
    plannedMinor: tranches.reduce((s, t) => s + t.amountMinor, 0),
    receivedMinor: tranches.reduce((s, t) => s + t.receivedMinor, 0),
  };
}

export const getFunderTranches = (ctx: SignedInContext, agreementId: string) => funderTranches(dbOf(ctx), agreementId);

/** The funder's schedule: within the agreement's period and total; a tranche already received stays. */
export function planFunderTranches(input: In<typeof funderTranchePlanSchema>) {
  return (tx: WriteTx): FunderTranches => {
    const agreement = found(getAgreement(tx.db, input.agreementId));
    const existing = new Map(repo.funderTranchesOf(tx.db, agreement.id).map((t) => [t.id, t]));
    const fields: Record<string, string> = {};
    input.tranches.forEach((t, i) => {
      if (t.id && !existing.has(t.id)) fields[`tranches.${i}.id`] = 'not_found';
      if (outside(t.dueDate, agreement.startDate, agreement.endDate)) fields[`tranches.${i}.dueDate`] = 'date_outside_period';
    });
    if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);
    if (input.tranches.reduce((s, t) => s + t.amountMinor, 0) > agreement.totalMinor) {
      throw new AppError('agreement_total_exceeded', { tranches: 'agreement_total_exceeded' });
    }
    const kept = new Set(input.tranches.map((t) => t.id).filter(Boolean));
    for (const old of existing.values()) if (!kept.has(old.id) && repo.trancheHasReceipts(tx.db, old.id)) throw new AppError('invalid_input', { tranches: 'tranche_received' });
    repo.replaceFunderTranches(
      tx.db,
      agreement.id,
      input.tranches.map((t, i) => ({ id: t.id ?? newId(), seq: i + 1, dueDate: t.dueDate, amountMinor: t.amountMinor })),
    );
    tx.audit(agreement.id);
    return funderTranches(tx.db, agreement.id);
  };
}

/** What the funder sent, in the agreement's currency, credited to an account at the rate the bank used. */
export function receiveFunderTranche(input: In<typeof trancheReceiptSchema>) {
  return (tx: WriteTx): JournalEntry => {
    const tranche = found(repo.getFunderTranche(tx.db, input.funderTrancheId));
    const agreement = found(getAgreement(tx.db, tranche.agreementId));
    const account = openAccount(tx.db, input.accountId);
    if (outside(input.date, agreement.startDate, agreement.endDate)) throw new AppError('date_outside_period', { date: 'date_outside_period' });
    if (input.date < account.openingDate) throw new AppError('date_outside_period', { date: 'before_opening' });
    assertOpenPeriod(tx.db, input.date);
    let rate: UsedRate | null = null;
    let accountMinor = input.amountMinor;
    if (account.currency !== agreement.currency) {
      if (input.rateMicro) {
        rate = { date: input.date, fromCurrency: account.currency, toCurrency: agreement.currency, rateMicro: input.rateMicro, inverse: true };
        accountMinor = convertMinor(input.amountMinor, input.rateMicro);
      } else {
        const stored = rateOn(tx.db, agreement.currency, account.currency, input.date, 'rateMicro');
        accountMinor = applyRate(input.amountMinor, stored);
        rate = { date: stored.date, fromCurrency: account.currency, toCurrency: agreement.currency, rateMicro: stored.rateMicro, inverse: !stored.inverse };
      }
      if (accountMinor <= 0) throw new AppError('invalid_input', { rateMicro: 'too_small' });
    }
    const id = newId();
    writeEntry(
      tx,
      {
        date: input.date,
        accountId: account.id,
        direction: 'in',
        amountMinor: accountMinor,
        categoryId: 'grants_received',
        counterpartKind: 'funder',
        counterpartId: agreement.funderId,
        counterpartName: null,
        description: null,
        reference: orNull(input.reference),
        agreementId: agreement.id,
        budgetLineId: null,
        funderTrancheId: tranche.id,
        agreementMinor: input.amountMinor,
        rateMicro: rate?.rateMicro ?? null,
        rateInverse: rate?.inverse ? 1 : 0,
        rateDate: rate?.date ?? null,
        attachmentId: null,
        source: 'manual',
        sourceId: null,
      },
      id,
    );
    if (input.receipt) repo.attachEntryReceipt(tx.db, id, saveAttachment(tx, { ...input.receipt, ownerType: ENTRY_OWNER, ownerId: id }).id);
    tx.audit(id);
    return found(repo.getEntry(tx.db, id));
  };
}

// ---------------------------------------------------------------------------------------------
// Closed years

export const listClosedYears = (ctx: SignedInContext): ClosedYear[] => repo.listClosedYears(dbOf(ctx));

export function closeYear(year: number) {
  return (tx: WriteTx): ClosedYear => {
    if (repo.isYearClosed(tx.db, year)) throw new AppError('invalid_input', { year: 'already_closed' });
    repo.closeYear(tx.db, year, tx.at, tx.user.id);
    tx.audit(`year:${year}`);
    return { year, closedAt: tx.at };
  };
}

export function reopenYear(year: number) {
  return (tx: WriteTx): { year: number } => {
    if (!repo.reopenYear(tx.db, year)) throw new AppError('invalid_input', { year: 'not_closed' });
    tx.audit(`year:${year}`);
    return { year };
  };
}
