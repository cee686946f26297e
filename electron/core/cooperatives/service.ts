import type { z } from 'zod';
import {
  CONSTITUTIVE_ASSEMBLY_STEP,
  NOT_RESIDENCE_DOCUMENTS,
  STEP_DOCUMENT_OWNER,
  RESIDENCE_WARNING_DAYS,
  todayIso,
  VISIT_MONTHS,
  type AttachmentContent,
  type AttachmentInfo,
  type AttachmentUpload,
  type Beneficiary,
  type Cooperative,
  type CooperativeDetail,
  type CooperativeGrant,
  type cooperativeInputSchema,
  type CooperativeStep,
  type CooperativeVisit,
  type Founder,
  type founderInputSchema,
  type FounderOutcome,
  type Pipeline,
  type PipelineCard,
  type PipelineColumn,
  type stepInputSchema,
  type stepUndoSchema,
  type TemplateStep,
  type visitInputSchema,
} from '../../contract';
import { attachmentsOf } from '../attachments/repository';
import { getAttachment, saveAttachment } from '../attachments/service';
import { getBeneficiary } from '../beneficiaries/repository';
import type { CoreContext, SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { orNull } from '../input-values';
import { newId } from '../ids';
import { getMember } from '../members/repository';
import { allocateReference } from '../references/counter';
import { readSettings } from '../settings/repository';
import {
  activeFounders,
  allSteps,
  founderCounts,
  founderTrainings,
  getCooperative,
  getFounder,
  getStep,
  grantRecipientExists,
  grantsOf,
  insertSteps,
  insertStepUndo,
  listCooperativeRecords,
  markFounderRemoved,
  readTemplate,
  replaceTemplate,
  saveCooperativeRecord,
  saveFounderRecord,
  stepsOf,
  touchCooperative,
  updateStep,
  upsertVisit,
  visitsOf,
  type FounderRecord,
} from './repository';

type Clock = Pick<CoreContext, 'now'>;

function existingCooperative(db: Db, id: string): Cooperative {
  const c = getCooperative(db, id);
  if (!c) throw new AppError('not_found');
  return c;
}

function openCooperative(db: Db, id: string): Cooperative {
  const c = existingCooperative(db, id);
  if (c.archivedAt) throw new AppError('cooperative_archived');
  return c;
}

const addDays = (date: string, days: number): string => new Date(Date.parse(date) + days * 86_400_000).toISOString().slice(0, 10);

function addMonths(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** The first mandatory step not done; undefined when every mandatory step is. */
const currentStepOf = (steps: CooperativeStep[]) => steps.find((s) => s.mandatory && s.status !== 'done');

/** Once every mandatory step is done: the latest of their dates. */
function createdOnOf(steps: CooperativeStep[]): string | null {
  if (steps.length === 0 || currentStepOf(steps)) return null;
  return steps.reduce<string | null>((latest, s) => (s.mandatory && s.doneOn && (!latest || s.doneOn > latest) ? s.doneOn : latest), null);
}

const withDocuments = (db: Db, steps: CooperativeStep[]): CooperativeStep[] =>
  steps.map((s) => ({ ...s, documents: attachmentsOf(db, STEP_DOCUMENT_OWNER, s.id) }));

const assemblyDone = (db: Db, cooperativeId: string) =>
  stepsOf(db, cooperativeId).some((s) => s.code === CONSTITUTIVE_ASSEMBLY_STEP && s.status === 'done');

// ---------------------------------------------------------------------------------------------
// Founders: who they are

/** The beneficiary record that speaks for a founder (their own, or their member record's link). */
function personOf(db: Db, f: Pick<FounderRecord, 'beneficiaryId' | 'memberId'>) {
  const member = f.memberId ? getMember(db, f.memberId) : undefined;
  const beneficiaryId = f.beneficiaryId ?? member?.beneficiaryId ?? null;
  const beneficiary = beneficiaryId ? getBeneficiary(db, beneficiaryId) : undefined;
  return { member, beneficiary };
}

interface ResidenceCheck {
  document: string | null;
  expiry: string | null;
  valid: boolean;
  warning: boolean;
}

/** A foreigner needs a residence document not expired; one expiring within 60 days is flagged. */
function residenceOf(b: Beneficiary | undefined, today: string): ResidenceCheck {
  const status = b?.personal?.legalStatus ?? null;
  const document = status?.code ?? null;
  const expiry = status?.expiryDate ?? null;
  if (!b || b.nationality === 'MA') return { document, expiry, valid: true, warning: false };
  const valid = Boolean(document && !NOT_RESIDENCE_DOCUMENTS.includes(document) && (!expiry || expiry >= today));
  return { document, expiry, valid, warning: valid && expiry !== null && expiry <= addDays(today, RESIDENCE_WARNING_DAYS) };
}

function founderView(db: Db, f: FounderRecord, today: string): Founder {
  const { member, beneficiary } = personOf(db, f);
  const residence = residenceOf(beneficiary, today);
  const fromMember = f.memberId && member;
  return {
    id: f.id,
    cooperativeId: f.cooperativeId,
    beneficiaryId: f.beneficiaryId,
    memberId: f.memberId,
    reference: fromMember ? member.number : (beneficiary?.reference ?? ''),
    name: fromMember
      ? `${member.firstName} ${member.lastName}`
      : beneficiary?.personal
        ? `${beneficiary.personal.firstName} ${beneficiary.personal.lastName}`
        : (beneficiary?.initials ?? ''),
    arabicName: fromMember ? member.arabicName : (beneficiary?.personal?.arabicName ?? null),
    sex: fromMember ? member.sex : (beneficiary?.sex ?? 'female'),
    nationality: beneficiary?.nationality ?? null,
    sharesSubscribed: f.sharesSubscribed,
    sharesPaid: f.sharesPaid,
    residenceDocument: residence.document,
    residenceExpiry: residence.expiry,
    residenceWarning: residence.warning,
    addedAt: f.addedAt,
  };
}

// ---------------------------------------------------------------------------------------------
// Reads

function cardOf(c: Cooperative, steps: CooperativeStep[], founders: number, staleBefore: string): PipelineCard {
  const current = currentStepOf(steps);
  return {
    id: c.id,
    reference: c.reference,
    name: c.proposedNames[0] ?? c.reference,
    sector: c.sector,
    city: c.city,
    founders,
    currentStep: current ? { code: current.code, labels: current.labels, status: current.status } : null,
    lastChangeAt: c.lastChangeAt,
    stale: c.lastChangeAt < staleBefore,
  };
}

function cards(ctx: SignedInContext, archived: boolean): PipelineCard[] {
  const { db } = ctx.session.file;
  const staleBefore = new Date(ctx.now().getTime() - readSettings(db).cooperativeStaleDays * 86_400_000).toISOString();
  const steps = allSteps(db);
  const counts = founderCounts(db);
  return listCooperativeRecords(db, archived).map((c) => cardOf(c, steps.get(c.id) ?? [], counts.get(c.id) ?? 0, staleBefore));
}

export function listCooperatives(ctx: SignedInContext, archived: boolean): PipelineCard[] {
  return cards(ctx, archived);
}

/** Columns: the template's steps, then any other step a project is still at; created projects apart. */
export function pipeline(ctx: SignedInContext): Pipeline {
  const all = cards(ctx, false);
  const columns: PipelineColumn[] = readTemplate(ctx.session.file.db).map((s) => ({ code: s.code, labels: s.labels, cards: [] }));
  const created: PipelineCard[] = [];
  for (const card of all) {
    if (!card.currentStep) {
      created.push(card);
      continue;
    }
    let column = columns.find((c) => c.code === card.currentStep?.code);
    if (!column) columns.push((column = { code: card.currentStep.code, labels: card.currentStep.labels, cards: [] }));
    column.cards.push(card);
  }
  return { columns, created };
}

export function getCooperativeDetail(ctx: SignedInContext, id: string): CooperativeDetail {
  const { db } = ctx.session.file;
  const today = todayIso(ctx.now());
  const cooperative = existingCooperative(db, id);
  const settings = readSettings(db);
  const founders = activeFounders(db, id).map((f) => founderView(db, f, today));
  const steps = withDocuments(db, stepsOf(db, id));
  const createdOn = createdOnOf(steps);
  const visits = visitsOf(db, id);
  return {
    cooperative,
    founders,
    steps,
    capitalSubscribed: founders.reduce((sum, f) => sum + f.sharesSubscribed, 0) * cooperative.shareValue,
    capitalPaid: founders.reduce((sum, f) => sum + f.sharesPaid, 0) * cooperative.shareValue,
    minFounders: settings.cooperativeMinFounders,
    minCapital: settings.cooperativeMinCapital,
    currentStep: currentStepOf(steps)?.code ?? null,
    createdOn,
    visits: VISIT_MONTHS.map((month) => ({
      month,
      dueOn: createdOn ? addMonths(createdOn, month) : null,
      visit: visits.find((v) => v.month === month) ?? null,
    })),
    trainings: founderTrainings(db, id),
  };
}

export function cooperativeGrants(ctx: SignedInContext, id: string): CooperativeGrant[] {
  const { db } = ctx.session.file;
  const cooperative = existingCooperative(db, id);
  return cooperative.grantRecipientId ? grantsOf(db, cooperative.grantRecipientId) : [];
}

export function getTemplate(ctx: SignedInContext): TemplateStep[] {
  return readTemplate(ctx.session.file.db);
}

// ---------------------------------------------------------------------------------------------
// Writes

/** Creates the project with a copy of the template's steps, or replaces its fields. */
export function saveCooperative(input: z.output<typeof cooperativeInputSchema>) {
  return (tx: WriteTx): Cooperative => {
    const before = input.id ? openCooperative(tx.db, input.id) : undefined;
    if (input.shareValue < readSettings(tx.db).cooperativeMinShareValue) {
      throw new AppError('share_value_below_minimum', { shareValue: 'share_value_below_minimum' });
    }
    const grantRecipientId = orNull(input.grantRecipientId);
    if (grantRecipientId && grantRecipientId !== before?.grantRecipientId && !grantRecipientExists(tx.db, grantRecipientId)) {
      throw new AppError('not_found', { grantRecipientId: 'not_found' });
    }
    const record: Cooperative = {
      id: before?.id ?? newId(),
      reference: before?.reference ?? allocateReference(tx.db, 'C', Number(tx.at.slice(0, 4))),
      proposedNames: input.proposedNames,
      sector: input.sector,
      activity: input.activity,
      city: input.city,
      coach: orNull(input.coach),
      shareValue: input.shareValue,
      currency: 'MAD',
      notes: orNull(input.notes),
      grantRecipientId,
      createdAt: before?.createdAt ?? tx.at,
      lastChangeAt: tx.at,
      archivedAt: null,
    };
    saveCooperativeRecord(tx.db, record);
    if (!before) insertSteps(tx.db, record.id, readTemplate(tx.db), tx.at, newId);
    tx.audit(record.id);
    return record;
  };
}

export function setCooperativeArchived(id: string, archived: boolean) {
  return (tx: WriteTx): Cooperative => {
    const before = existingCooperative(tx.db, id);
    const record: Cooperative = { ...before, archivedAt: archived ? (before.archivedAt ?? tx.at) : null, lastChangeAt: tx.at };
    saveCooperativeRecord(tx.db, record);
    tx.audit(id);
    return record;
  };
}

/** The beneficiary id that identifies the person, whether added as a beneficiary or as a member. */
const personKey = (db: Db, f: Pick<FounderRecord, 'beneficiaryId' | 'memberId'>): string =>
  f.beneficiaryId ?? (f.memberId ? (getMember(db, f.memberId)?.beneficiaryId ?? `member:${f.memberId}`) : '');

export function saveFounder(ctx: Clock, input: z.output<typeof founderInputSchema>) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): FounderOutcome => {
    openCooperative(tx.db, input.cooperativeId);
    const before = input.id ? getFounder(tx.db, input.id) : undefined;
    if (input.id && (!before || before.cooperativeId !== input.cooperativeId)) throw new AppError('not_found');
    const who = { beneficiaryId: orNull(input.beneficiaryId), memberId: orNull(input.memberId) };
    if (before && (before.beneficiaryId !== who.beneficiaryId || before.memberId !== who.memberId)) {
      throw new AppError('invalid_input', { beneficiaryId: 'founder_person_fixed' });
    }
    const { member, beneficiary } = personOf(tx.db, who);
    if (who.memberId && (!member || member.archivedAt)) throw new AppError('not_found', { memberId: 'not_found' });
    if (who.beneficiaryId) {
      if (!beneficiary) throw new AppError('not_found', { beneficiaryId: 'not_found' });
      if (beneficiary.archivedAt) throw new AppError('beneficiary_archived', { beneficiaryId: 'beneficiary_archived' });
      // The statutes and the ODCO file name every founder.
      if (!beneficiary.personal) throw new AppError('founder_without_identity', { beneficiaryId: 'founder_without_identity' });
    }
    const residence = residenceOf(beneficiary, today);
    if (!residence.valid) throw new AppError('residence_document_required', { beneficiaryId: 'residence_document_required' });
    const key = personKey(tx.db, who);
    if (activeFounders(tx.db, input.cooperativeId).some((f) => f.id !== before?.id && personKey(tx.db, f) === key)) {
      throw new AppError('already_founder', { beneficiaryId: 'already_founder' });
    }
    const record: FounderRecord = {
      id: before?.id ?? newId(),
      cooperativeId: input.cooperativeId,
      ...who,
      sharesSubscribed: input.sharesSubscribed,
      sharesPaid: input.sharesPaid,
      addedAt: before?.addedAt ?? tx.at,
    };
    saveFounderRecord(tx.db, record, tx.at);
    touchCooperative(tx.db, input.cooperativeId, tx.at);
    tx.audit(record.id);
    return { founder: founderView(tx.db, record, today), residenceWarning: residence.warning };
  };
}

/** Kept with its removal date; after the constitutive assembly, never below the minimum. */
export function removeFounder(id: string) {
  return (tx: WriteTx): { id: string } => {
    const founder = getFounder(tx.db, id);
    if (!founder) throw new AppError('not_found');
    openCooperative(tx.db, founder.cooperativeId);
    const remaining = activeFounders(tx.db, founder.cooperativeId).length - 1;
    if (assemblyDone(tx.db, founder.cooperativeId) && remaining < readSettings(tx.db).cooperativeMinFounders) {
      throw new AppError('founders_below_minimum');
    }
    markFounderRemoved(tx.db, id, tx.at);
    touchCooperative(tx.db, founder.cooperativeId, tx.at);
    tx.audit(id);
    return { id };
  };
}

export function saveStep(ctx: Clock, input: z.output<typeof stepInputSchema>) {
  const today = todayIso(ctx.now());
  return (tx: WriteTx): CooperativeStep => {
    const before = getStep(tx.db, input.id);
    if (!before) throw new AppError('not_found');
    const cooperative = openCooperative(tx.db, before.cooperativeId);
    if (before.status === 'done' && input.status !== 'done') throw new AppError('step_done', { status: 'step_done' });
    if (input.status === 'done') {
      const steps = stepsOf(tx.db, cooperative.id);
      if (steps.some((s) => s.position < before.position && s.mandatory && s.status !== 'done')) {
        throw new AppError('previous_step_not_done', { status: 'previous_step_not_done' });
      }
      if (before.code === CONSTITUTIVE_ASSEMBLY_STEP) {
        const settings = readSettings(tx.db);
        const founders = activeFounders(tx.db, cooperative.id);
        if (founders.length < settings.cooperativeMinFounders) throw new AppError('founders_below_minimum', { status: 'founders_below_minimum' });
        const capital = founders.reduce((sum, f) => sum + f.sharesSubscribed, 0) * cooperative.shareValue;
        if (capital < settings.cooperativeMinCapital) throw new AppError('capital_below_minimum', { status: 'capital_below_minimum' });
        // A residence document valid when the founder was added may have expired since.
        if (founders.some((f) => !residenceOf(personOf(tx.db, f).beneficiary, today).valid)) {
          throw new AppError('residence_document_required', { status: 'residence_document_required' });
        }
      }
    }
    const record: CooperativeStep = {
      ...before,
      status: input.status,
      blockedReason: input.status === 'blocked' ? orNull(input.blockedReason) : null,
      startedOn: orNull(input.startedOn),
      doneOn: input.status === 'done' ? orNull(input.doneOn) : null,
      responsible: orNull(input.responsible),
      notes: orNull(input.notes),
      updatedAt: tx.at,
    };
    updateStep(tx.db, record);
    touchCooperative(tx.db, cooperative.id, tx.at);
    tx.audit(record.id);
    return withDocuments(tx.db, [record])[0];
  };
}

/** A step done by mistake goes back to in progress; when it had been done and why it was undone are kept. */
export function undoStep(input: z.output<typeof stepUndoSchema>) {
  return (tx: WriteTx): CooperativeStep => {
    const before = getStep(tx.db, input.id);
    if (!before) throw new AppError('not_found');
    const cooperative = openCooperative(tx.db, before.cooperativeId);
    if (before.status !== 'done' || !before.doneOn) throw new AppError('step_not_done');
    if (stepsOf(tx.db, cooperative.id).some((s) => s.position > before.position && s.status === 'done')) throw new AppError('later_step_done');
    insertStepUndo(tx.db, { id: newId(), stepId: before.id, doneOn: before.doneOn, reason: input.reason, undoneAt: tx.at, undoneBy: tx.user.id });
    const record: CooperativeStep = { ...before, status: 'in_progress', doneOn: null, updatedAt: tx.at };
    updateStep(tx.db, record);
    touchCooperative(tx.db, cooperative.id, tx.at);
    tx.audit(record.id);
    return withDocuments(tx.db, [record])[0];
  };
}

/** A document of a step (certificat négatif, signed statutes, minutes…), stored in the encrypted file. */
export function attachDocument(stepId: string, file: AttachmentUpload) {
  return (tx: WriteTx): AttachmentInfo => {
    const step = getStep(tx.db, stepId);
    if (!step) throw new AppError('not_found');
    openCooperative(tx.db, step.cooperativeId);
    const info = saveAttachment(tx, { ...file, ownerType: STEP_DOCUMENT_OWNER, ownerId: stepId });
    touchCooperative(tx.db, step.cooperativeId, tx.at);
    tx.audit(info.id);
    return info;
  };
}

/** Only files attached to a step: the attachments of other areas keep their own access rules. */
export function getDocument(ctx: SignedInContext, id: string): AttachmentContent {
  const file = getAttachment(ctx.session.file.db, id);
  if (file.ownerType !== STEP_DOCUMENT_OWNER) throw new AppError('not_found');
  return file;
}

/** The 6- and 12-month visits, once the cooperative is created (every mandatory step done). */
export function saveVisit(input: z.output<typeof visitInputSchema>) {
  return (tx: WriteTx): CooperativeVisit => {
    const cooperative = openCooperative(tx.db, input.cooperativeId);
    if (!createdOnOf(stepsOf(tx.db, cooperative.id))) throw new AppError('cooperative_not_created');
    const existing = visitsOf(tx.db, cooperative.id).find((v) => v.month === input.month);
    const record: CooperativeVisit = {
      id: existing?.id ?? newId(),
      cooperativeId: cooperative.id,
      month: input.month,
      date: input.date,
      revenueBand: input.revenueBand,
      activeMembers: input.activeMembers,
      difficulties: orNull(input.difficulties),
      supportNeeded: orNull(input.supportNeeded),
      createdAt: existing?.createdAt ?? tx.at,
    };
    upsertVisit(tx.db, record, tx.at);
    touchCooperative(tx.db, cooperative.id, tx.at);
    tx.audit(record.id);
    return record;
  };
}

/** Projects created afterwards get these steps; existing projects keep theirs. */
export function saveTemplate(steps: TemplateStep[]) {
  return (tx: WriteTx): TemplateStep[] => {
    // The founders-minimum and capital checks run when that step is done: without it a new project
    // would be created unchecked. Only dropping it is refused: a template saved without it before
    // this rule can still be edited, since the editor cannot add that code back.
    const hasAssembly = (list: TemplateStep[]) => list.some((s) => s.code === CONSTITUTIVE_ASSEMBLY_STEP);
    if (hasAssembly(readTemplate(tx.db)) && !hasAssembly(steps)) throw new AppError('constitutive_assembly_step_required');
    replaceTemplate(tx.db, steps);
    tx.audit(null);
    return readTemplate(tx.db);
  };
}
