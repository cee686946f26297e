import type { UsedRate } from '../../contract';
import type { WriteTx } from '../context';
import { AppError } from '../errors';
import { applyRate } from '../grants/rates';
import { openAccount, rateOn, writeEntry, writeReversal } from '../treasury/journal';
import { entryOfSource } from '../treasury/repository';
import { onAgreement } from '../treasury/service';
import type { ServiceRecord } from './repository';

// A service the association paid is one movement of the treasury journal: written here, with the
// service, in the same transaction; the journal shows it and never copies it.

/**
 * The service's entry out of the chosen account, in the account's currency (converted at the typed
 * rate, else the stored rate of the day), on the service's agreement and budget line if any.
 */
export function journalServicePayment(tx: WriteTx, s: ServiceRecord & { amountMinor: number; currency: string }, accountId: string, rateMicro: number | null): void {
  const account = openAccount(tx.db, accountId);
  if (s.date < account.openingDate) throw new AppError('date_outside_period', { date: 'before_opening' });
  let amountMinor = s.amountMinor;
  if (account.currency !== s.currency) {
    const rate: UsedRate = rateMicro
      ? { date: s.date, fromCurrency: s.currency, toCurrency: account.currency, rateMicro, inverse: false }
      : rateOn(tx.db, s.currency, account.currency, s.date, 'rateMicro');
    amountMinor = applyRate(s.amountMinor, rate);
    if (amountMinor <= 0) throw new AppError('invalid_input', { rateMicro: 'too_small' });
  }
  const onIt = onAgreement(tx.db, { date: s.date, amountMinor, agreementId: s.agreementId, budgetLineId: s.budgetLineId }, account.currency);
  writeEntry(tx, {
    date: s.date,
    accountId: account.id,
    direction: 'out',
    amountMinor,
    categoryId: 'services_to_people',
    counterpartKind: 'person',
    counterpartId: s.beneficiaryId,
    counterpartName: null,
    description: null,
    reference: null,
    agreementId: onIt?.agreement.id ?? null,
    budgetLineId: onIt ? s.budgetLineId : null,
    funderTrancheId: null,
    agreementMinor: onIt?.agreementMinor ?? null,
    rateMicro: onIt?.rate?.rateMicro ?? null,
    rateInverse: onIt?.rate?.inverse ? 1 : 0,
    rateDate: onIt?.rate?.date ?? null,
    attachmentId: null,
    source: 'service',
    sourceId: s.id,
  });
}

/** The opposite of the service's entry, if the association paid it. */
export function reverseServicePayment(tx: WriteTx, serviceId: string, date: string, reason: string): void {
  const original = entryOfSource(tx.db, 'service', serviceId);
  if (original) writeReversal(tx, original, date, reason);
}

/** A paid service's entry, still standing (not reversed). */
export function standingPayment(tx: WriteTx, serviceId: string): boolean {
  const entry = entryOfSource(tx.db, 'service', serviceId);
  return entry !== undefined && tx.db.prepare('SELECT 1 FROM journal_entries WHERE reverses_id = ?').get(entry.id) === undefined;
}
