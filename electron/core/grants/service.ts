import type { z } from 'zod';
import {
  todayIso,
  type Agreement,
  type agreementInputSchema,
  type AgreementDetail,
  type ApplicationRow,
  type applicationInputSchema,
  type Call,
  type CallDetail,
  type callInputSchema,
  type decideInputSchema,
  type Disbursement,
  type disbursementInputSchema,
  type disbursementReversalSchema,
  type ExchangeRate,
  type Expense,
  type expenseDecisionSchema,
  type expenseInputSchema,
  type Funder,
  type funderInputSchema,
  type Recipient,
  type recipientInputSchema,
  type rateInputSchema,
  type scoreInputSchema,
  type SubGrant,
  type SubGrantDetail,
  type subGrantInputSchema,
  type SubGrantStatement,
  type Tranche,
} from '../../contract';
import { readAssociation } from '../association/repository';
import { saveAttachment } from '../attachments/service';
import { getBeneficiary } from '../beneficiaries/repository';
import type { SignedInContext, WriteTx } from '../context';
import type { Db } from '../db/database';
import { AppError } from '../errors';
import { found, orNull } from '../input-values';
import { newId } from '../ids';
import { allocateReference } from '../references/counter';
import { journalDisbursement, reverseSourceEntry } from '../treasury/journal';
import { budgetFollowUp, grantsDashboard, nextDue, subGrantFigures } from './figures';
import { applyRate, findRate } from './rates';
import * as repo from './repository';
import { rankApplications } from './scoring';

type In<S extends z.ZodType> = z.output<S>;

const dbOf = (ctx: SignedInContext) => ctx.session.file.db;

// ---------------------------------------------------------------------------------------------
// Funders

export const listFunders = (ctx: SignedInContext, includeArchived: boolean) => repo.listFunders(dbOf(ctx), includeArchived);

export function saveFunder(input: In<typeof funderInputSchema>) {
  return (tx: WriteTx): Funder => {
    const before = input.id ? found(repo.getFunder(tx.db, input.id)) : undefined;
    const record: Funder = {
      id: before?.id ?? newId(),
      name: input.name,
      type: input.type,
      country: orNull(input.country),
      contact: orNull(input.contact),
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: input.archived ? (before?.archivedAt ?? tx.at) : null,
    };
    repo.saveFunder(tx.db, record);
    tx.audit(record.id);
    return record;
  };
}

// ---------------------------------------------------------------------------------------------
// Agreements

export const listAgreements = (ctx: SignedInContext, includeArchived: boolean) => repo.listAgreements(dbOf(ctx), includeArchived);
export const agreementChoices = (ctx: SignedInContext) => repo.agreementChoices(dbOf(ctx));

export function getAgreementDetail(ctx: SignedInContext, id: string): AgreementDetail {
  const db = dbOf(ctx);
  const agreement = found(repo.getAgreement(db, id));
  const dashboard = grantsDashboard(db, todayIso(ctx.now()), id);
  return {
    agreement,
    funder: found(repo.getFunder(db, agreement.funderId)),
    budgetLines: repo.budgetLines(db, id),
    deadlines: repo.deadlines(db, id),
    indicators: repo.indicators(db, id),
    calls: repo.callsOf(db, id).map((c) => ({ ...c, committedMinor: committedIn(db, agreement, { callId: c.id }) })),
    subGrants: dashboard.agreements[0]?.subGrants ?? [],
    archivedSubGrants: repo.archivedSubGrantsOf(db, id),
  };
}

/**
 * What is already committed against an agreement (or one of its calls), in the agreement's
 * currency: the agreement's total is a hard limit, the call's envelope a warning.
 */
function committedIn(db: Db, agreement: Agreement, only: { callId?: string; exceptSubGrantId?: string | null } = {}): number {
  let total = 0;
  for (const s of repo.subGrantsOf(db, agreement.id)) {
    if (s.id === only.exceptSubGrantId || (only.callId !== undefined && s.callId !== only.callId)) continue;
    total += toAgreementCurrency(db, agreement, s.amountMinor, s.currency, s.startDate);
  }
  return total;
}

function toAgreementCurrency(db: Db, agreement: Agreement, minor: number, currency: string, date: string): number {
  if (currency === agreement.currency) return minor;
  const rate = findRate(db, currency, agreement.currency, date);
  if (!rate) throw new AppError('exchange_rate_missing');
  return applyRate(minor, rate);
}

export function saveAgreement(input: In<typeof agreementInputSchema>) {
  return (tx: WriteTx): Agreement => {
    const before = input.id ? found(repo.getAgreement(tx.db, input.id)) : undefined;
    const funder = found(repo.getFunder(tx.db, input.funderId));
    if (funder.archivedAt && funder.id !== before?.funderId) throw new AppError('invalid_input', { funderId: 'archived' });
    const record: Agreement = {
      id: before?.id ?? newId(),
      funderId: input.funderId,
      reference: input.reference,
      title: input.title,
      startDate: input.startDate,
      endDate: input.endDate,
      currency: input.currency,
      totalMinor: input.totalMinor,
      tolerancePct: input.tolerancePct,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: input.archived ? (before?.archivedAt ?? tx.at) : null,
    };
    if (before) {
      const subGrants = repo.subGrantsOf(tx.db, before.id);
      if (before.currency !== input.currency && subGrants.length > 0) throw new AppError('currency_mismatch', { currency: 'currency_mismatch' });
      if (subGrants.some((s) => s.startDate < input.startDate || s.endDate > input.endDate)) {
        throw new AppError('date_outside_period', { startDate: 'date_outside_period' });
      }
      if (committedIn(tx.db, record) > input.totalMinor) throw new AppError('agreement_total_exceeded', { totalMinor: 'agreement_total_exceeded' });
      const kept = new Set(input.budgetLines.map((l) => l.id).filter(Boolean));
      const existing = repo.budgetLines(tx.db, before.id);
      for (const old of existing) if (!kept.has(old.id) && repo.budgetLineInUse(tx.db, old.id)) throw new AppError('budget_line_in_use');
      const existingIds = new Set(existing.map((l) => l.id));
      input.budgetLines.forEach((l, i) => {
        if (l.id && !existingIds.has(l.id)) throw new AppError('invalid_input', { [`budgetLines.${i}.id`]: 'not_found' });
      });
    } else if (input.budgetLines.some((l) => l.id)) {
      throw new AppError('invalid_input', { budgetLines: 'not_found' });
    }
    repo.saveAgreement(tx.db, record);
    repo.replaceBudgetLines(tx.db, record.id, input.budgetLines.map((l) => ({ id: l.id ?? newId(), code: l.code, label: l.label, amountMinor: l.amountMinor })));
    repo.replaceDeadlines(
      tx.db,
      record.id,
      input.deadlines.map((d) => ({ id: d.id ?? newId(), dueDate: d.dueDate, kind: d.kind, label: orNull(d.label), submittedOn: orNull(d.submittedOn) })),
    );
    repo.replaceIndicators(tx.db, record.id, input.indicators.map((r) => ({ id: r.id ?? newId(), code: r.code, label: r.label, target: r.target })));
    tx.audit(record.id);
    return record;
  };
}

export function setAgreementArchived(id: string, archived: boolean) {
  return (tx: WriteTx): Agreement => {
    const before = found(repo.getAgreement(tx.db, id));
    const record: Agreement = { ...before, archivedAt: archived ? (before.archivedAt ?? tx.at) : null, updatedAt: tx.at };
    repo.saveAgreement(tx.db, record);
    tx.audit(id);
    return record;
  };
}

function openAgreement(db: Db, id: string): Agreement {
  const agreement = found(repo.getAgreement(db, id));
  if (agreement.archivedAt) throw new AppError('not_found');
  return agreement;
}

const outside = (date: string, start: string, end: string) => date < start || date > end;

// ---------------------------------------------------------------------------------------------
// Calls and applications

export function getCallDetail(ctx: SignedInContext, id: string): CallDetail {
  const db = dbOf(ctx);
  const call = found(repo.getCall(db, id));
  const agreement = found(repo.getAgreement(db, call.agreementId));
  const criteria = repo.criteria(db, id);
  return {
    call,
    agreement: { id: agreement.id, reference: agreement.reference, title: agreement.title, currency: agreement.currency },
    criteria,
    applications: rankApplications(repo.applicationsOf(db, id), criteria, repo.scoresOfCall(db, id)),
    committedMinor: committedIn(db, agreement, { callId: id }),
  };
}

export function saveCall(input: In<typeof callInputSchema>) {
  return (tx: WriteTx): Call => {
    const before = input.id ? found(repo.getCall(tx.db, input.id)) : undefined;
    if (before && before.agreementId !== input.agreementId) throw new AppError('not_found');
    const agreement = openAgreement(tx.db, input.agreementId);
    const fields: Record<string, string> = {};
    if (outside(input.openDate, agreement.startDate, agreement.endDate)) fields.openDate = 'date_outside_period';
    if (outside(input.closeDate, agreement.startDate, agreement.endDate)) fields.closeDate = 'date_outside_period';
    if (Object.keys(fields).length > 0) throw new AppError('date_outside_period', fields);
    if (input.envelopeMinor > agreement.totalMinor) throw new AppError('agreement_total_exceeded', { envelopeMinor: 'agreement_total_exceeded' });
    const existing = before ? repo.criteria(tx.db, before.id) : [];
    const kept = new Set(input.criteria.map((c) => c.id).filter(Boolean));
    for (const old of existing) if (!kept.has(old.id) && repo.criterionScored(tx.db, old.id)) throw new AppError('invalid_input', { criteria: 'in_use' });
    const known = new Set(existing.map((c) => c.id));
    if (input.criteria.some((c) => c.id && !known.has(c.id))) throw new AppError('invalid_input', { criteria: 'not_found' });
    const record: Call = {
      id: before?.id ?? newId(),
      agreementId: input.agreementId,
      reference: before?.reference ?? allocateReference(tx.db, 'AP', Number(tx.at.slice(0, 4))),
      title: input.title,
      openDate: input.openDate,
      closeDate: input.closeDate,
      envelopeMinor: input.envelopeMinor,
      maxPerProjectMinor: input.maxPerProjectMinor,
      eligibility: orNull(input.eligibility),
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: before?.archivedAt ?? null,
    };
    repo.saveCall(tx.db, record);
    repo.replaceCriteria(tx.db, record.id, input.criteria.map((c) => ({ id: c.id ?? newId(), label: c.label, weight: c.weight })));
    tx.audit(record.id);
    return record;
  };
}

/** A call is restored only while its agreement is open. */
export function setCallArchived(id: string, archived: boolean) {
  return (tx: WriteTx): Call => {
    const before = found(repo.getCall(tx.db, id));
    if (!archived) openAgreement(tx.db, before.agreementId);
    const record: Call = { ...before, archivedAt: archived ? (before.archivedAt ?? tx.at) : null, updatedAt: tx.at };
    repo.saveCall(tx.db, record);
    tx.audit(id);
    return record;
  };
}

function applicationRow(db: Db, id: string): ApplicationRow {
  const record = found(repo.getApplication(db, id));
  const ranked = rankApplications(repo.applicationsOf(db, record.callId), repo.criteria(db, record.callId), repo.scoresOfCall(db, record.callId));
  return found(ranked.find((r) => r.id === id));
}

function liveRecipient(db: Db, id: string, fieldName = 'recipientId'): Recipient {
  const recipient = repo.getRecipient(db, id);
  if (!recipient || recipient.archivedAt) throw new AppError('invalid_input', { [fieldName]: 'not_found' });
  return recipient;
}

export function saveApplication(input: In<typeof applicationInputSchema>) {
  return (tx: WriteTx): ApplicationRow => {
    const before = input.id ? found(repo.getApplication(tx.db, input.id)) : undefined;
    if (before && before.callId !== input.callId) throw new AppError('not_found');
    const call = found(repo.getCall(tx.db, input.callId));
    if (call.archivedAt && !before) throw new AppError('invalid_input', { callId: 'archived' });
    liveRecipient(tx.db, input.recipientId);
    if (input.requestedMinor > call.maxPerProjectMinor) throw new AppError('above_max_per_project', { requestedMinor: 'above_max_per_project' });
    const id = before?.id ?? newId();
    repo.saveApplication(tx.db, {
      id,
      callId: input.callId,
      recipientId: input.recipientId,
      projectTitle: input.projectTitle,
      summary: orNull(input.summary),
      requestedMinor: input.requestedMinor,
      decision: before?.decision ?? 'pending',
      decisionReason: before?.decisionReason ?? null,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
    });
    tx.audit(id);
    return applicationRow(tx.db, id);
  };
}

export function scoreApplication(input: In<typeof scoreInputSchema>) {
  return (tx: WriteTx): ApplicationRow => {
    const application = found(repo.getApplication(tx.db, input.applicationId));
    const criteria = new Set(repo.criteria(tx.db, application.callId).map((c) => c.id));
    const seen = new Set<string>();
    input.scores.forEach((s, i) => {
      if (!criteria.has(s.criterionId) || seen.has(s.criterionId)) throw new AppError('invalid_input', { [`scores.${i}.criterionId`]: 'not_found' });
      seen.add(s.criterionId);
    });
    repo.replaceScores(tx.db, application.id, input.evaluator, input.scores);
    tx.audit(application.id);
    return applicationRow(tx.db, application.id);
  };
}

export function decideApplication(input: In<typeof decideInputSchema>) {
  return (tx: WriteTx): ApplicationRow => {
    const application = found(repo.getApplication(tx.db, input.applicationId));
    repo.saveApplication(tx.db, {
      ...application,
      decision: input.decision,
      decisionReason: input.decision === 'pending' ? null : orNull(input.reason),
      updatedAt: tx.at,
    });
    tx.audit(application.id);
    return applicationRow(tx.db, application.id);
  };
}

// ---------------------------------------------------------------------------------------------
// Recipients

export const listRecipients = (ctx: SignedInContext, includeArchived: boolean) => repo.listRecipients(dbOf(ctx), includeArchived);

export function saveRecipient(input: In<typeof recipientInputSchema>) {
  return (tx: WriteTx): Recipient => {
    const before = input.id ? found(repo.getRecipient(tx.db, input.id)) : undefined;
    const individual = input.kind === 'individual';
    if (individual) {
      const person = getBeneficiary(tx.db, input.beneficiaryId ?? '');
      if (!person || (person.archivedAt && person.id !== before?.beneficiaryId)) throw new AppError('invalid_input', { beneficiaryId: 'not_found' });
    }
    const id = before?.id ?? newId();
    repo.saveRecipient(tx.db, {
      id,
      kind: input.kind,
      name: input.name ?? '',
      storedName: individual ? null : orNull(input.name),
      legalForm: orNull(input.legalForm),
      registrationNumber: orNull(input.registrationNumber),
      city: orNull(input.city),
      president: orNull(input.president),
      contact: orNull(input.contact),
      rib: orNull(input.rib),
      beneficiaryId: individual ? (input.beneficiaryId ?? null) : null,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: input.archived ? (before?.archivedAt ?? tx.at) : null,
    });
    tx.audit(id);
    return found(repo.getRecipient(tx.db, id));
  };
}

// ---------------------------------------------------------------------------------------------
// Sub-grants

/** Tranche amounts: a percent is of the sub-grant, rounded down to the centime. */
const trancheAmount = (t: { amountMinor?: number | null; percent?: number | null }, total: number) =>
  t.amountMinor ?? Math.floor((total * (t.percent ?? 0)) / 100);

export function saveSubGrant(input: In<typeof subGrantInputSchema>) {
  return (tx: WriteTx): SubGrant => {
    const before = input.id ? found(repo.getSubGrant(tx.db, input.id)) : undefined;
    if (before && before.agreementId !== input.agreementId) throw new AppError('not_found');
    const agreement = openAgreement(tx.db, input.agreementId);
    liveRecipient(tx.db, input.recipientId);

    const periodFields: Record<string, string> = {};
    if (outside(input.startDate, agreement.startDate, agreement.endDate)) periodFields.startDate = 'date_outside_period';
    if (outside(input.endDate, agreement.startDate, agreement.endDate)) periodFields.endDate = 'date_outside_period';
    input.reportDates.forEach((r, i) => {
      if (r.dueDate < input.startDate) periodFields[`reportDates.${i}.dueDate`] = 'date_outside_period';
    });
    if (Object.keys(periodFields).length > 0) throw new AppError('date_outside_period', periodFields);

    const lines = new Set(repo.budgetLines(tx.db, agreement.id).map((l) => l.id));
    input.budget.forEach((b, i) => {
      if (!lines.has(b.budgetLineId)) throw new AppError('invalid_input', { [`budget.${i}.budgetLineId`]: 'not_found' });
    });

    if (input.applicationId) {
      const application = repo.getApplication(tx.db, input.applicationId);
      if (!application || application.callId !== input.callId || application.recipientId !== input.recipientId) {
        throw new AppError('invalid_input', { applicationId: 'not_found' });
      }
    }

    // The agreement's total is a hard limit, the call's envelope a warning the treasurer may override.
    const committed = committedIn(tx.db, agreement, { exceptSubGrantId: before?.id ?? null });
    const own = toAgreementCurrency(tx.db, agreement, input.amountMinor, input.currency, input.startDate);
    if (committed + own > agreement.totalMinor) throw new AppError('agreement_total_exceeded', { amountMinor: 'agreement_total_exceeded' });
    let overrideReason: string | null = null;
    if (input.callId) {
      const call = found(repo.getCall(tx.db, input.callId));
      if (call.agreementId !== agreement.id) throw new AppError('invalid_input', { callId: 'not_found' });
      if (call.archivedAt && call.id !== before?.callId) throw new AppError('invalid_input', { callId: 'archived' });
      const inCall = committedIn(tx.db, agreement, { callId: call.id, exceptSubGrantId: before?.id ?? null });
      const overMax = own > call.maxPerProjectMinor;
      const overEnvelope = inCall + own > call.envelopeMinor;
      const reason = orNull(input.envelopeOverrideReason);
      if ((overMax || overEnvelope) && !reason) {
        if (overMax) throw new AppError('above_max_per_project', { amountMinor: 'above_max_per_project' });
        throw new AppError('call_envelope_exceeded', { envelopeOverrideReason: 'call_envelope_exceeded' });
      }
      if (overMax || overEnvelope) overrideReason = reason;
    }

    const existing = before ? repo.tranchesOf(tx.db, before.id) : [];
    const byId = new Map(existing.map((t) => [t.id, t]));
    const tranches = input.tranches.map((t, i) => {
      if (t.id && !byId.has(t.id)) throw new AppError('invalid_input', { [`tranches.${i}.id`]: 'not_found' });
      const amountMinor = trancheAmount(t, input.amountMinor);
      if (amountMinor <= 0) throw new AppError('invalid_input', { [`tranches.${i}.percent`]: 'too_small' });
      const paid = t.id ? (byId.get(t.id)?.disbursedMinor ?? 0) : 0;
      if (paid > amountMinor) throw new AppError('tranche_has_disbursements', { [`tranches.${i}.amountMinor`]: 'tranche_has_disbursements' });
      return { id: t.id ?? newId(), seq: i + 1, amountMinor, percent: orNull(t.percent), dueDate: t.dueDate, conditionPct: orNull(t.conditionPct) };
    });
    const kept = new Set(tranches.map((t) => t.id));
    if (existing.some((t) => !kept.has(t.id) && t.disbursedMinor > 0)) throw new AppError('tranche_has_disbursements');
    if (tranches.reduce((s, t) => s + t.amountMinor, 0) > input.amountMinor) throw new AppError('tranches_above_amount', { tranches: 'tranches_above_amount' });
    if (before) {
      const totals = repo.subGrantTotals(tx.db, before.id);
      if (totals.disbursedMinor > input.amountMinor) throw new AppError('disbursement_exceeds_agreement', { amountMinor: 'disbursement_exceeds_agreement' });
      if (before.currency !== input.currency && (totals.disbursedMinor > 0 || repo.expensesOf(tx.db, before.id).length > 0)) {
        throw new AppError('currency_mismatch', { currency: 'currency_mismatch' });
      }
    }

    const record: SubGrant = {
      id: before?.id ?? newId(),
      reference: before?.reference ?? allocateReference(tx.db, 'SG', Number(tx.at.slice(0, 4))),
      agreementId: agreement.id,
      callId: orNull(input.callId),
      applicationId: orNull(input.applicationId),
      recipientId: input.recipientId,
      title: input.title,
      amountMinor: input.amountMinor,
      currency: input.currency,
      startDate: input.startDate,
      endDate: input.endDate,
      envelopeOverrideReason: overrideReason,
      createdAt: before?.createdAt ?? tx.at,
      updatedAt: tx.at,
      archivedAt: null,
    };
    repo.saveSubGrant(tx.db, record);
    repo.replaceSubGrantBudget(tx.db, record.id, input.budget);
    repo.replaceTranches(tx.db, record.id, tranches);
    repo.replaceReportDates(
      tx.db,
      record.id,
      input.reportDates.map((r) => ({ id: r.id ?? newId(), dueDate: r.dueDate, submittedOn: orNull(r.submittedOn) })),
    );
    tx.audit(record.id, overrideReason ? 'override_envelope' : undefined);
    return record;
  };
}

/** Archiving leaves the record (and its reference) in the file; restoring checks the limits again. */
export function setSubGrantArchived(id: string, archived: boolean) {
  return (tx: WriteTx): SubGrant => {
    const before = found(repo.getSubGrant(tx.db, id));
    if (archived && repo.subGrantTotals(tx.db, id).disbursedMinor > 0) throw new AppError('sub_grant_has_disbursements');
    if (!archived && before.archivedAt) {
      const agreement = openAgreement(tx.db, before.agreementId);
      const own = toAgreementCurrency(tx.db, agreement, before.amountMinor, before.currency, before.startDate);
      if (committedIn(tx.db, agreement) + own > agreement.totalMinor) throw new AppError('agreement_total_exceeded');
    }
    const record: SubGrant = { ...before, archivedAt: archived ? (before.archivedAt ?? tx.at) : null, updatedAt: tx.at };
    repo.saveSubGrant(tx.db, record);
    tx.audit(id);
    return record;
  };
}

/**
 * A tranche with a condition "after X % of the previous tranche is justified" needs the tranches
 * before the previous one justified in full, plus X % of the previous one (rounded up).
 */
function withConditions(tranches: repo.TrancheRecord[], justifiedMinor: number): Tranche[] {
  let before = 0;
  return tranches.map((t, i) => {
    const previous = tranches[i - 1];
    const required = previous && t.conditionPct !== null ? before - previous.amountMinor + Math.ceil((previous.amountMinor * t.conditionPct) / 100) : null;
    before += t.amountMinor;
    return {
      id: t.id,
      seq: t.seq,
      amountMinor: t.amountMinor,
      percent: t.percent,
      dueDate: t.dueDate,
      conditionPct: t.conditionPct,
      disbursedMinor: t.disbursedMinor,
      conditionRequiredMinor: required,
      conditionMet: required === null || justifiedMinor >= required,
    };
  });
}

function subGrantDetail(db: Db, id: string, today: string): SubGrantDetail {
  const subGrant = found(repo.getSubGrant(db, id));
  const agreement = found(repo.getAgreement(db, subGrant.agreementId));
  const totals = repo.subGrantTotals(db, id);
  const records = repo.tranchesOf(db, id);
  const reportDates = repo.reportDates(db, id);
  const overdue = reportDates.filter((r) => r.submittedOn === null && r.dueDate < today).length;
  return {
    subGrant,
    recipient: found(repo.getRecipient(db, subGrant.recipientId)),
    agreement,
    callTitle: subGrant.callId ? (repo.getCall(db, subGrant.callId)?.title ?? null) : null,
    budget: repo.subGrantBudget(db, id),
    tranches: withConditions(records, totals.justifiedMinor),
    disbursements: repo.disbursementsOf(db, id),
    expenses: repo.expensesOf(db, id),
    reportDates,
    figures: subGrantFigures(subGrant.amountMinor, totals, nextDue(records), overdue, today),
    rate: subGrant.currency === agreement.currency ? null : findRate(db, subGrant.currency, agreement.currency, subGrant.startDate),
  };
}

export const getSubGrantDetail = (ctx: SignedInContext, id: string) => subGrantDetail(dbOf(ctx), id, todayIso(ctx.now()));

export function subGrantStatement(ctx: SignedInContext, subGrantId: string): SubGrantStatement {
  const db = dbOf(ctx);
  const detail = subGrantDetail(db, subGrantId, todayIso(ctx.now()));
  const association = readAssociation(db);
  return {
    ...detail,
    associationName: association?.name ?? '',
    today: todayIso(ctx.now()),
    balanceMinor: detail.figures.disbursedMinor - detail.figures.justifiedMinor,
  };
}

function liveSubGrant(db: Db, id: string): SubGrant {
  const subGrant = found(repo.getSubGrant(db, id));
  if (subGrant.archivedAt) throw new AppError('not_found');
  return subGrant;
}

export function addDisbursement(input: In<typeof disbursementInputSchema>) {
  return (tx: WriteTx): Disbursement => {
    const tranche = found(repo.getTranche(tx.db, input.trancheId));
    const subGrant = liveSubGrant(tx.db, tranche.subGrantId);
    const agreement = found(repo.getAgreement(tx.db, subGrant.agreementId));
    if (outside(input.date, agreement.startDate, agreement.endDate)) throw new AppError('date_outside_period', { date: 'date_outside_period' });
    const totals = repo.subGrantTotals(tx.db, subGrant.id);
    if (totals.disbursedMinor + input.amountMinor > subGrant.amountMinor) {
      throw new AppError('disbursement_exceeds_agreement', { amountMinor: 'disbursement_exceeds_agreement' });
    }
    const condition = withConditions(repo.tranchesOf(tx.db, subGrant.id), totals.justifiedMinor).find((t) => t.id === tranche.id);
    const overrideReason = orNull(input.overrideReason);
    if (condition && !condition.conditionMet && !overrideReason) {
      throw new AppError('tranche_condition_unmet', { overrideReason: 'tranche_condition_unmet' });
    }
    const id = newId();
    repo.insertDisbursement(tx.db, {
      id,
      subGrantId: subGrant.id,
      trancheId: tranche.id,
      date: input.date,
      amountMinor: input.amountMinor,
      method: input.method,
      reference: orNull(input.reference),
      overrideReason: condition && !condition.conditionMet ? overrideReason : null,
      createdAt: tx.at,
      createdBy: tx.user.id,
    });
    journalDisbursement(tx, { id, date: input.date, amountMinor: input.amountMinor, method: input.method, reference: orNull(input.reference), accountId: input.accountId }, subGrant);
    tx.audit(id, condition && !condition.conditionMet ? 'override_tranche_condition' : undefined);
    return found(repo.getDisbursement(tx.db, id));
  };
}

/** Corrects a payment to a sub-grantee by reversing its journal entry; the sub-grant's totals drop it. */
export function reverseDisbursement(input: In<typeof disbursementReversalSchema>) {
  return (tx: WriteTx): Disbursement => {
    const disbursement = found(repo.getDisbursement(tx.db, input.id));
    if (disbursement.reversedOn) throw new AppError('already_reversed');
    if (input.date < disbursement.date) throw new AppError('date_outside_period', { date: 'before_original' });
    repo.markDisbursementReversed(tx.db, disbursement.id, reverseSourceEntry(tx, 'disbursement', disbursement.id, input.date, input.reason));
    tx.audit(disbursement.id);
    return found(repo.getDisbursement(tx.db, disbursement.id));
  };
}

export const EXPENSE_OWNER = 'grant_expense';

export function addExpense(input: In<typeof expenseInputSchema>) {
  return (tx: WriteTx): Expense => {
    const subGrant = liveSubGrant(tx.db, input.subGrantId);
    const line = repo.getBudgetLine(tx.db, input.budgetLineId);
    if (!line || line.agreementId !== subGrant.agreementId) throw new AppError('invalid_input', { budgetLineId: 'not_found' });
    if (outside(input.date, subGrant.startDate, subGrant.endDate)) throw new AppError('date_outside_period', { date: 'date_outside_period' });
    const id = newId();
    repo.insertExpense(tx.db, {
      id,
      subGrantId: subGrant.id,
      budgetLineId: line.id,
      date: input.date,
      supplier: input.supplier,
      description: input.description,
      amountMinor: input.amountMinor,
      receiptNumber: orNull(input.receiptNumber),
      createdAt: tx.at,
      updatedAt: tx.at,
    });
    if (input.receipt) {
      const file = saveAttachment(tx, { ...input.receipt, ownerType: EXPENSE_OWNER, ownerId: id });
      repo.attachReceipt(tx.db, id, file.id);
    }
    tx.audit(id);
    return found(repo.getExpense(tx.db, id));
  };
}

export function decideExpense(input: In<typeof expenseDecisionSchema>) {
  return (tx: WriteTx): Expense => {
    const expense = found(repo.getExpense(tx.db, input.id));
    const subGrant = liveSubGrant(tx.db, expense.subGrantId);
    if (input.status === 'accepted' && expense.status !== 'accepted') {
      const agreement = found(repo.getAgreement(tx.db, subGrant.agreementId));
      const totals = repo.subGrantTotals(tx.db, subGrant.id);
      const ceiling = totals.disbursedMinor + Math.floor((totals.disbursedMinor * agreement.tolerancePct) / 100);
      if (totals.justifiedMinor + expense.amountMinor > ceiling) throw new AppError('justification_exceeds_disbursed');
    }
    repo.setExpenseStatus(tx.db, expense.id, input.status, input.status === 'rejected' ? orNull(input.reason) : null, tx.at);
    tx.audit(expense.id);
    return found(repo.getExpense(tx.db, expense.id));
  };
}

// ---------------------------------------------------------------------------------------------
// Rates and figures

export const listRates = (ctx: SignedInContext): ExchangeRate[] => repo.listRates(dbOf(ctx));

export function saveRate(input: In<typeof rateInputSchema>) {
  return (tx: WriteTx): ExchangeRate => {
    const rate = repo.upsertRate(tx.db, { id: newId(), ...input, createdAt: tx.at });
    tx.audit(rate.id);
    return rate;
  };
}

export const dashboard = (ctx: SignedInContext, includeArchived: boolean) => grantsDashboard(dbOf(ctx), todayIso(ctx.now()), undefined, includeArchived);

export function budget(ctx: SignedInContext, agreementId: string) {
  const db = dbOf(ctx);
  return budgetFollowUp(db, found(repo.getAgreement(db, agreementId)));
}
