import {
  isOpenProcedure,
  todayIso,
  type CaseNote,
  type CaseNoteInput,
  type Partner,
  type PartnerInput,
  type Procedure,
  type ProcedureInput,
  type Referral,
  type ReferralInput,
  type ReferralSearchResult,
  type SessionUser,
} from '../../contract';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { orNull } from '../input-values';
import { newId } from '../ids';
import { findActiveUser } from '../users/repository';
import {
  beneficiaryExists,
  getPartner,
  getProcedure,
  getReferral,
  insertNote,
  listNotes as storedNotes,
  listPartners as storedPartners,
  listProcedures as storedProcedures,
  listReferrals as storedReferrals,
  lookupState,
  savePartner as writePartner,
  saveProcedure as writeProcedure,
  saveReferral as writeReferral,
  searchReferrals as storedSearch,
  touchOpenProcedures,
  type ReferralQuery,
  type StoredNote,
} from './repository';

function assertBeneficiary(db: Db, id: string): void {
  if (!beneficiaryExists(db, id)) throw new AppError('not_found');
}

/** A record just written in the same transaction. */
function readBack<T>(record: T | undefined): T {
  if (!record) throw new Error('record missing after write');
  return record;
}

function refuse(fields: Record<string, string>): void {
  if (Object.keys(fields).length > 0) throw new AppError('invalid_input', fields);
}

// ---------------------------------------------------------------------------------------------
// Case notes

/** A sensitive note is read in full only by its author and by presidents; others see that it exists. */
export function visibleTo(user: Pick<SessionUser, 'id' | 'role'>, note: StoredNote): CaseNote {
  if (!note.sensitive || user.role === 'president' || note.authorId === user.id) return note;
  return { ...note, text: null, hidden: true };
}

export function listNotes(ctx: SignedInContext, beneficiaryId: string): CaseNote[] {
  const { db } = ctx.session.file;
  assertBeneficiary(db, beneficiaryId);
  return storedNotes(db, beneficiaryId).map((n) => visibleTo(ctx.session.user, n));
}

export function addNote(ctx: SignedInContext, input: CaseNoteInput) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): CaseNote => {
    assertBeneficiary(tx.db, input.beneficiaryId);
    refuse(input.date > today ? { date: 'date_in_future' } : {});
    const note: StoredNote = {
      id: newId(),
      beneficiaryId: input.beneficiaryId,
      date: input.date,
      type: input.type,
      authorId: tx.user.id,
      authorName: tx.user.displayName,
      text: input.text,
      sensitive: input.sensitive,
      hidden: false,
      createdAt: tx.at,
    };
    insertNote(tx.db, note);
    touchOpenProcedures(tx.db, input.beneficiaryId, tx.at);
    tx.audit(note.id);
    return note;
  };
}

// ---------------------------------------------------------------------------------------------
// Procedures

export function listProcedures(ctx: SignedInContext, beneficiaryId: string): Procedure[] {
  const { db } = ctx.session.file;
  assertBeneficiary(db, beneficiaryId);
  return storedProcedures(db, beneficiaryId);
}

/**
 * Creates (no id) or replaces a procedure. Saving counts as activity. A completed or abandoned
 * procedure is closed on the date given, else the date it was already closed, else today;
 * reopening it clears that date.
 */
export function saveProcedure(ctx: SignedInContext, input: ProcedureInput) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): Procedure => {
    assertBeneficiary(tx.db, input.beneficiaryId);
    const before = input.id ? getProcedure(tx.db, input.id) : undefined;
    if (input.id && before?.beneficiaryId !== input.beneficiaryId) throw new AppError('not_found');

    const fields: Record<string, string> = {};
    const type = lookupState(tx.db, 'procedureType', input.type);
    if (!type || (type.archived && before?.type !== input.type)) fields.type = 'not_in_list';
    const responsibleId = orNull(input.responsibleId);
    if (responsibleId && responsibleId !== before?.responsibleId && !findActiveUser(tx.db, responsibleId)) {
      fields.responsibleId = 'unknown_user';
    }
    const startedOn = orNull(input.startedOn);
    if (startedOn && startedOn > today) fields.startedOn = 'date_in_future';
    const closed = !isOpenProcedure(input.status);
    const closedOn = closed
      ? (orNull(input.closedOn) ?? (before && !isOpenProcedure(before.status) ? before.closedOn : null) ?? today)
      : null;
    if (closedOn && closedOn > today) fields.closedOn = 'date_in_future';
    else if (closedOn && startedOn && closedOn < startedOn) fields.closedOn = 'closed_before_start';
    refuse(fields);

    const record: Omit<Procedure, 'responsibleName'> = {
      id: before?.id ?? newId(),
      beneficiaryId: input.beneficiaryId,
      type: input.type,
      status: input.status,
      abandonReason: input.status === 'abandoned' ? orNull(input.abandonReason) : null,
      startedOn,
      closedOn,
      nextStep: orNull(input.nextStep),
      nextStepDue: orNull(input.nextStepDue),
      responsibleId,
      lastActivityAt: tx.at,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
    };
    writeProcedure(tx.db, record);
    tx.audit(record.id);
    return readBack(getProcedure(tx.db, record.id));
  };
}

// ---------------------------------------------------------------------------------------------
// Partners: one directory shared by the whole association.

export function listPartners(ctx: SignedInContext, includeArchived: boolean): Partner[] {
  return storedPartners(ctx.session.file.db, includeArchived);
}

export function savePartner(input: PartnerInput) {
  return (tx: WriteTx): Partner => {
    const before = input.id ? getPartner(tx.db, input.id) : undefined;
    if (input.id && !before) throw new AppError('not_found');
    const record: Partner = {
      id: before?.id ?? newId(),
      name: input.name,
      type: input.type,
      city: orNull(input.city),
      contact: orNull(input.contact),
      services: orNull(input.services),
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: before?.archivedAt ?? null,
    };
    writePartner(tx.db, record);
    tx.audit(record.id);
    return record;
  };
}

/** Partners are archived, never deleted: past referrals keep pointing at them. */
export function setPartnerArchived(id: string, archived: boolean) {
  return (tx: WriteTx): Partner => {
    const before = getPartner(tx.db, id);
    if (!before) throw new AppError('not_found');
    const record: Partner = { ...before, archivedAt: archived ? (before.archivedAt ?? tx.at) : null, updatedAt: tx.at };
    writePartner(tx.db, record);
    tx.audit(id);
    return record;
  };
}

// ---------------------------------------------------------------------------------------------
// Referrals

export function listReferrals(ctx: SignedInContext, beneficiaryId: string): Referral[] {
  const { db } = ctx.session.file;
  assertBeneficiary(db, beneficiaryId);
  return storedReferrals(db, beneficiaryId);
}

export function searchReferrals(ctx: SignedInContext, query: ReferralQuery): ReferralSearchResult {
  return storedSearch(ctx.session.file.db, query);
}

/**
 * Creates (no id) or updates a referral. A new referral needs a partner still in the directory.
 * Once the status is past `sent`, the feedback date defaults to the one recorded, else today.
 */
export function saveReferral(ctx: SignedInContext, input: ReferralInput) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): Referral => {
    assertBeneficiary(tx.db, input.beneficiaryId);
    const partner = getPartner(tx.db, input.partnerId);
    if (!partner) throw new AppError('not_found');
    const before = input.id ? getReferral(tx.db, input.id) : undefined;
    if (input.id && before?.beneficiaryId !== input.beneficiaryId) throw new AppError('not_found');

    const fields: Record<string, string> = {};
    if (partner.archivedAt && before?.partnerId !== partner.id) fields.partnerId = 'archived';
    if (input.sentOn > today) fields.sentOn = 'date_in_future';
    const feedbackOn = orNull(input.feedbackOn) ?? (input.status === 'sent' ? null : (before?.feedbackOn ?? today));
    if (feedbackOn && feedbackOn > today) fields.feedbackOn = 'date_in_future';
    else if (feedbackOn && feedbackOn < input.sentOn) fields.feedbackOn = 'feedback_before_sent';
    refuse(fields);

    const record: Referral = {
      id: before?.id ?? newId(),
      beneficiaryId: input.beneficiaryId,
      partnerId: partner.id,
      partnerName: partner.name,
      sentOn: input.sentOn,
      reason: input.reason,
      status: input.status,
      feedbackOn,
      notes: orNull(input.notes),
      file: before?.file ?? null,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
    };
    writeReferral(tx.db, record);
    tx.audit(record.id);
    return record;
  };
}
