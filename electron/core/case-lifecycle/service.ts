import {
  intakeNeedSchema,
  SENSITIVE_NEEDS,
  todayIso,
  type ArchiveInput,
  type Beneficiary,
  type CaseCloseInput,
  type CaseLifecycle,
  type CaseReopenInput,
  type IntakeNeed,
  type NeedMetInput,
  type NeedsAssessmentInput,
} from '../../contract';
import { getBeneficiary } from '../beneficiaries/repository';
import type { Viewer } from '../beneficiaries/sensitive';
import { beneficiaryExists } from '../case-follow-up/repository';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { newId } from '../ids';
import {
  caseEvents,
  deleteNeed,
  insertCaseEvent,
  insertNeed,
  setNeedMet,
  storedNeeds,
  type NewCaseEvent,
  type StoredNeed,
} from './repository';

function assertBeneficiary(db: Db, id: string): void {
  if (!beneficiaryExists(db, id)) throw new AppError('not_found');
}

function lifecycle(db: Db, beneficiaryId: string): CaseLifecycle {
  const history = caseEvents(db, beneficiaryId);
  const last = history.at(-1);
  return { status: last && last.kind !== 'reopened' ? 'closed' : 'open', history };
}

export function readLifecycle(ctx: SignedInContext, beneficiaryId: string): CaseLifecycle {
  const { db } = ctx.session.file;
  assertBeneficiary(db, beneficiaryId);
  return lifecycle(db, beneficiaryId);
}

function recordEvent(tx: WriteTx, event: Omit<NewCaseEvent, 'id' | 'recordedBy' | 'recordedAt'>): void {
  const id = newId();
  insertCaseEvent(tx.db, { ...event, id, recordedBy: tx.user.id, recordedAt: tx.at });
  tx.audit(event.beneficiaryId);
}

export function closeCase(ctx: SignedInContext, input: CaseCloseInput) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): CaseLifecycle => {
    assertBeneficiary(tx.db, input.beneficiaryId);
    if (lifecycle(tx.db, input.beneficiaryId).status === 'closed') throw new AppError('case_already_closed');
    recordEvent(tx, { beneficiaryId: input.beneficiaryId, kind: 'closed', reason: input.reason, note: input.note || null, date: today });
    return lifecycle(tx.db, input.beneficiaryId);
  };
}

export function reopenCase(ctx: SignedInContext, input: CaseReopenInput) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): CaseLifecycle => {
    assertBeneficiary(tx.db, input.beneficiaryId);
    if (lifecycle(tx.db, input.beneficiaryId).status !== 'closed') throw new AppError('case_not_closed');
    recordEvent(tx, { beneficiaryId: input.beneficiaryId, kind: 'reopened', reason: null, note: input.note, date: today });
    return lifecycle(tx.db, input.beneficiaryId);
  };
}

/**
 * Archives the person with the reason given, which closes their case (an archived person is no
 * longer followed). Archiving someone already archived is refused: the reason stored stays theirs.
 */
export function archiveWithReason(ctx: SignedInContext, input: ArchiveInput, archive: (tx: WriteTx) => Beneficiary) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): Beneficiary => {
    const before = getBeneficiary(tx.db, input.id);
    if (!before) throw new AppError('not_found');
    if (before.archivedAt) throw new AppError('beneficiary_archived');
    const record = archive(tx);
    insertCaseEvent(tx.db, {
      id: newId(),
      beneficiaryId: input.id,
      kind: 'archived',
      reason: input.reason,
      note: input.note || null,
      date: today,
      recordedBy: tx.user.id,
      recordedAt: tx.at,
    });
    return record;
  };
}

// ---------------------------------------------------------------------------------------------
// Intake needs

const NEED_ORDER = intakeNeedSchema.options;

/** As for sensitive notes and vulnerabilities: its recorder and presidents read a health need. */
const sees = (viewer: Viewer, need: StoredNeed): boolean => !need.sensitive || viewer.role === 'president' || need.recordedBy === viewer.id;

function shownNeeds(db: Db, viewer: Viewer, beneficiaryId: string): IntakeNeed[] {
  return storedNeeds(db, beneficiaryId, NEED_ORDER)
    .filter((n) => sees(viewer, n))
    .map(({ recordedBy: _recordedBy, ...need }) => need);
}

export function listNeeds(ctx: SignedInContext, beneficiaryId: string): IntakeNeed[] {
  const { db } = ctx.session.file;
  assertBeneficiary(db, beneficiaryId);
  return shownNeeds(db, ctx.session.user, beneficiaryId);
}

/**
 * The checklist as ticked: new needs are recorded by the writer; a need unticked goes unless it
 * was met (the service given stays counted). A need the writer was not shown stays as stored.
 */
export function saveNeeds(input: NeedsAssessmentInput) {
  return (tx: WriteTx): IntakeNeed[] => {
    const person = getBeneficiary(tx.db, input.beneficiaryId);
    if (!person) throw new AppError('not_found');
    const stored = storedNeeds(tx.db, input.beneficiaryId, NEED_ORDER);
    // Health data, like the sensitive vulnerabilities, is kept only with consent to the follow-up.
    const added = input.needs.filter((need) => !stored.some((n) => n.need === need));
    if (!person.personal && added.some((need) => SENSITIVE_NEEDS.includes(need))) throw new AppError('invalid_input', { needs: 'consent_required' });
    const unticked = stored.filter((n) => sees(tx.user, n) && !input.needs.includes(n.need));
    const met = unticked.filter((n) => n.metOn !== null);
    if (met.length > 0) throw new AppError('invalid_input', { needs: 'need_already_met' });
    for (const n of unticked) deleteNeed(tx.db, input.beneficiaryId, n.need);
    for (const need of added) insertNeed(tx.db, input.beneficiaryId, need, tx.user.id, tx.at);
    tx.audit(input.beneficiaryId);
    return shownNeeds(tx.db, tx.user, input.beneficiaryId);
  };
}

export function markNeedMet(ctx: SignedInContext, input: NeedMetInput) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): IntakeNeed[] => {
    assertBeneficiary(tx.db, input.beneficiaryId);
    const need = storedNeeds(tx.db, input.beneficiaryId, NEED_ORDER).find((n) => n.need === input.need);
    if (!need || !sees(tx.user, need)) throw new AppError('not_found');
    if (input.metOn !== null && input.metOn > today) throw new AppError('invalid_input', { metOn: 'date_in_future' });
    setNeedMet(tx.db, input.beneficiaryId, input.need, input.metOn, tx.user.id);
    tx.audit(input.beneficiaryId);
    return shownNeeds(tx.db, tx.user, input.beneficiaryId);
  };
}
