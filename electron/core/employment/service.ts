import type { z } from 'zod';
import {
  todayIso,
  type Business,
  type businessGrantInputSchema,
  type businessInputSchema,
  type BusinessVisit,
  type businessVisitInputSchema,
  type EmploymentRecord,
  type employmentRecordInputSchema,
  type PersonEmployment,
} from '../../contract';
import { getBeneficiary } from '../beneficiaries/repository';
import { dayOf, type SignedInContext, type WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { orNull } from '../input-values';
import { newId } from '../ids';
import { personFollowUps } from './follow-ups';
import { businessesOf, getBusiness, getRecord, getVisit, recordsOf, upsertBusiness, upsertRecord, upsertVisit } from './repository';

/** Someone still followed: an archived person gets no new record. */
function followedPerson(db: Db, beneficiaryId: string): void {
  const b = getBeneficiary(db, beneficiaryId);
  if (!b) throw new AppError('not_found');
  if (b.archivedAt) throw new AppError('beneficiary_archived');
}

/** A day after the transaction's own: refused at that field, nothing written. */
function notAfterToday(tx: WriteTx, date: string, field = 'date'): void {
  if (date > dayOf(tx)) throw new AppError('invalid_input', { [field]: 'date_in_future' });
}

export function personEmployment(ctx: SignedInContext, beneficiaryId: string): PersonEmployment {
  const { db } = ctx.session.file;
  if (!getBeneficiary(db, beneficiaryId)) throw new AppError('not_found');
  return {
    records: recordsOf(db, beneficiaryId),
    businesses: businessesOf(db, beneficiaryId),
    followUps: personFollowUps(db, todayIso(ctx.now()), beneficiaryId),
  };
}

export function saveRecord(input: z.output<typeof employmentRecordInputSchema>) {
  return (tx: WriteTx): EmploymentRecord => {
    const existing = input.id ? getRecord(tx.db, input.id) : undefined;
    if (input.id && (!existing || existing.beneficiaryId !== input.beneficiaryId)) throw new AppError('not_found');
    followedPerson(tx.db, input.beneficiaryId);
    notAfterToday(tx, input.date);
    const record: EmploymentRecord = {
      id: existing?.id ?? newId(),
      beneficiaryId: input.beneficiaryId,
      date: input.date,
      situation: input.situation,
      employer: orNull(input.employer),
      sector: orNull(input.sector),
      contractType: orNull(input.contractType),
      startDate: orNull(input.startDate),
      incomeBand: orNull(input.incomeBand),
      createdAt: existing?.createdAt ?? tx.at,
      updatedAt: tx.at,
    };
    upsertRecord(tx.db, record, tx.user.id);
    tx.audit(record.id);
    return record;
  };
}

function existingBusiness(db: Db, id: string): Business {
  const business = getBusiness(db, id);
  if (!business) throw new AppError('not_found');
  return business;
}

export function saveBusiness(input: z.output<typeof businessInputSchema>) {
  return (tx: WriteTx): Business => {
    const existing = input.id ? existingBusiness(tx.db, input.id) : undefined;
    if (existing && existing.beneficiaryId !== input.beneficiaryId) throw new AppError('not_found');
    followedPerson(tx.db, input.beneficiaryId);
    notAfterToday(tx, input.startDate, 'startDate');
    const earliestVisit = existing?.visits.at(-1)?.date;
    if (earliestVisit && earliestVisit < input.startDate) throw new AppError('invalid_input', { startDate: 'after_first_visit' });
    const id = existing?.id ?? newId();
    upsertBusiness(tx.db, {
      id,
      beneficiaryId: input.beneficiaryId,
      activity: input.activity,
      sector: input.sector,
      startDate: input.startDate,
      grantMinor: existing?.grantMinor ?? null,
      createdAt: existing?.createdAt ?? tx.at,
      updatedAt: tx.at,
    });
    tx.audit(id);
    return existingBusiness(tx.db, id);
  };
}

export function setBusinessGrant(input: z.output<typeof businessGrantInputSchema>) {
  return (tx: WriteTx): Business => {
    const business = existingBusiness(tx.db, input.businessId);
    followedPerson(tx.db, business.beneficiaryId);
    upsertBusiness(tx.db, { ...business, grantMinor: input.grantMinor, updatedAt: tx.at });
    tx.audit(business.id);
    return existingBusiness(tx.db, business.id);
  };
}

export function saveVisit(input: z.output<typeof businessVisitInputSchema>) {
  return (tx: WriteTx): BusinessVisit => {
    const business = existingBusiness(tx.db, input.businessId);
    const existing = input.id ? getVisit(tx.db, input.id) : undefined;
    if (input.id && existing?.businessId !== business.id) throw new AppError('not_found');
    followedPerson(tx.db, business.beneficiaryId);
    notAfterToday(tx, input.date);
    if (input.date < business.startDate) throw new AppError('invalid_input', { date: 'before_business_start' });
    const visit: BusinessVisit = {
      id: existing?.id ?? newId(),
      businessId: business.id,
      date: input.date,
      state: input.state,
      note: orNull(input.note),
      createdAt: existing?.createdAt ?? tx.at,
    };
    upsertVisit(tx.db, visit, tx.at);
    tx.audit(visit.id);
    return visit;
  };
}
