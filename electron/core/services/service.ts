import type { z } from 'zod';
import {
  SERVICE_PAYER_ROLES,
  type PersonService,
  type serviceArchiveSchema,
  type serviceInputSchema,
  type serviceReverseSchema,
  type ServiceTypeRule,
  type serviceTypeRuleSchema,
  type serviceUpdateSchema,
} from '../../contract';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { found, orNull } from '../input-values';
import { getAgreement, getBudgetLine } from '../grants/repository';
import { newId } from '../ids';
import { journalServicePayment, reverseServicePayment, standingPayment } from './payment';
import * as repo from './repository';

type In<S extends z.ZodType> = z.output<S>;

export const listServices = (ctx: SignedInContext, beneficiaryId: string, includeArchived: boolean): PersonService[] =>
  repo.listServices(ctx.session.file.db, beneficiaryId, includeArchived);

interface Details {
  typeCode: string;
  providerKind: 'association' | 'partner';
  partnerId?: string | null;
  agreementId?: string | null;
  budgetLineId?: string | null;
  confirmOutsideStatus: boolean;
}

/**
 * The type, the partner and the agreement named by the form, each refused at its field; and
 * whether the person's legal status is outside those the type is open to, which is a warning
 * (`legal_status_outside`) until the user confirms it.
 */
function checkedDetails(db: Db, legalStatus: string | null, d: Details): { outsideStatus: number } {
  const fields: Record<string, string> = {};
  if (!repo.serviceTypeOpen(db, d.typeCode)) fields.typeCode = 'not_found';
  if (d.providerKind === 'partner' && d.partnerId && !repo.partnerOpen(db, d.partnerId)) fields.partnerId = 'not_found';
  if (d.agreementId && !getAgreement(db, d.agreementId)) fields.agreementId = 'not_found';
  if (d.budgetLineId && getBudgetLine(db, d.budgetLineId)?.agreementId !== d.agreementId) fields.budgetLineId = 'not_found';
  if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);
  const open = repo.statusesOf(db, d.typeCode);
  const outside = open.length > 0 && (legalStatus === null || !open.includes(legalStatus));
  if (outside && !d.confirmOutsideStatus) throw new AppError('legal_status_outside', { typeCode: 'legal_status_outside' });
  return { outsideStatus: outside ? 1 : 0 };
}

export function recordService(input: In<typeof serviceInputSchema>) {
  return (tx: WriteTx): PersonService => {
    const person = repo.personStatus(tx.db, input.beneficiaryId);
    if (!person) throw new AppError('invalid_input', { beneficiaryId: 'not_found' });
    const { outsideStatus } = checkedDetails(tx.db, person.legalStatus, input);
    const amountMinor = input.amountMinor ?? null;
    const paid = amountMinor !== null && input.providerKind === 'association';
    if (paid && !SERVICE_PAYER_ROLES.includes(tx.user.role)) throw new AppError('forbidden');
    const record: repo.ServiceRecord = {
      id: newId(),
      beneficiaryId: input.beneficiaryId,
      typeCode: input.typeCode,
      date: input.date,
      amountMinor,
      currency: amountMinor === null ? null : input.currency,
      providerKind: input.providerKind,
      partnerId: input.providerKind === 'partner' ? orNull(input.partnerId) : null,
      agreementId: orNull(input.agreementId),
      budgetLineId: orNull(input.budgetLineId),
      note: orNull(input.note),
      outsideStatus,
      reversedOn: null,
      reversalReason: null,
      createdAt: tx.at,
      createdBy: tx.user.id,
      updatedAt: tx.at,
      archivedAt: null,
    };
    repo.insertService(tx.db, record);
    if (paid && input.accountId) journalServicePayment(tx, { ...record, amountMinor, currency: input.currency }, input.accountId, input.rateMicro ?? null);
    tx.audit(record.id);
    return found(repo.getService(tx.db, record.id));
  };
}

/** What a paid service shares with its journal entry (date, payer, agreement) is corrected by reversal. */
export function updateService(input: In<typeof serviceUpdateSchema>) {
  return (tx: WriteTx): PersonService => {
    const before = found(repo.getServiceRecord(tx.db, input.id));
    const person = found(repo.personStatus(tx.db, before.beneficiaryId));
    const next: repo.ServiceRecord = {
      ...before,
      typeCode: input.typeCode,
      date: input.date,
      providerKind: input.providerKind,
      partnerId: input.providerKind === 'partner' ? orNull(input.partnerId) : null,
      agreementId: orNull(input.agreementId),
      budgetLineId: orNull(input.budgetLineId),
      note: orNull(input.note),
      updatedAt: tx.at,
    };
    if (standingPayment(tx, before.id)) {
      const fields: Record<string, string> = {};
      if (next.date !== before.date) fields.date = 'correct_by_reversal';
      if (next.providerKind !== before.providerKind) fields.providerKind = 'correct_by_reversal';
      if (next.agreementId !== before.agreementId) fields.agreementId = 'correct_by_reversal';
      if (next.budgetLineId !== before.budgetLineId) fields.budgetLineId = 'correct_by_reversal';
      if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);
    }
    const unchangedType = next.typeCode === before.typeCode;
    const { outsideStatus } = checkedDetails(tx.db, person.legalStatus, { ...input, confirmOutsideStatus: input.confirmOutsideStatus || unchangedType });
    repo.updateService(tx.db, { ...next, outsideStatus: unchangedType ? before.outsideStatus : outsideStatus });
    tx.audit(before.id);
    return found(repo.getService(tx.db, before.id));
  };
}

/** The amount given is taken back with its reason: the service stays in the log, marked reversed, and so does its journal entry. */
export function reverseService(input: In<typeof serviceReverseSchema>) {
  return (tx: WriteTx): PersonService => {
    const before = found(repo.getServiceRecord(tx.db, input.id));
    if (before.amountMinor === null) throw new AppError('nothing_to_reverse');
    if (before.reversedOn) throw new AppError('already_reversed');
    if (input.date < before.date) throw new AppError('date_outside_period', { date: 'before_original' });
    reverseServicePayment(tx, before.id, input.date, input.reason);
    repo.updateService(tx.db, { ...before, reversedOn: input.date, reversalReason: input.reason, updatedAt: tx.at });
    tx.audit(before.id);
    return found(repo.getService(tx.db, before.id));
  };
}

/** Out of the log (still kept); money still standing is reversed first so the journal and the log agree. */
export function archiveService(input: In<typeof serviceArchiveSchema>) {
  return (tx: WriteTx): PersonService => {
    const before = found(repo.getServiceRecord(tx.db, input.id));
    if (input.archived && standingPayment(tx, before.id)) throw new AppError('reverse_first');
    repo.updateService(tx.db, { ...before, archivedAt: input.archived ? (before.archivedAt ?? tx.at) : null, updatedAt: tx.at });
    tx.audit(before.id);
    return found(repo.getService(tx.db, before.id));
  };
}

export const listTypeRules = (ctx: SignedInContext): ServiceTypeRule[] => repo.listRules(ctx.session.file.db);

export function setTypeRule(input: In<typeof serviceTypeRuleSchema>) {
  return (tx: WriteTx): ServiceTypeRule => {
    if (!repo.serviceTypeOpen(tx.db, input.code)) throw new AppError('invalid_input', { code: 'not_found' });
    const known = new Set((tx.db.prepare("SELECT code FROM lookup_values WHERE list = 'legalStatus'").all() as { code: string }[]).map((r) => r.code));
    const unknown = input.legalStatuses.findIndex((s) => !known.has(s));
    if (unknown >= 0) throw new AppError('invalid_input', { [`legalStatuses.${unknown}`]: 'not_found' });
    repo.replaceRule(tx.db, input);
    tx.audit(`service_type:${input.code}`);
    return { code: input.code, legalStatuses: repo.statusesOf(tx.db, input.code) };
  };
}
