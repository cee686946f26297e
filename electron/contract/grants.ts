import { z } from 'zod';
import { attachmentUploadSchema } from './attachments';
import { isoDateSchema } from './dates';
import {
  applicationInputSchema,
  callInputSchema,
  decideInputSchema,
  scoreInputSchema,
  type ApplicationRow,
  type Call,
  type CallDetail,
  type CallRow,
} from './grants-calls';
import { currencySchema, minorSchema, ribSchema } from './grants-money';
import { defineOp } from './operation';
import type { Role } from './roles';

// Cascade grants: a funder's agreement, a call for proposals, applications scored and ranked,
// sub-grant agreements paid in tranches and justified with receipts. Money: integer minor units
// + ISO currency. Reads and writes are for those who handle money.

export * from './grants-calls';
export * from './grants-money';

const idSchema = z.string().min(1).max(64);
/** Absent, null or blank all mean "none". */
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const requiredText = (max: number) => z.string().trim().min(1).max(max);

/** Money is for treasurers and presidents: volunteers never see amounts. */
export const GRANTS_ROLES: readonly Role[] = ['treasurer', 'president'];

const periodCheck = <T extends { startDate: string; endDate: string }>(p: T, ctx: z.RefinementCtx) => {
  if (p.endDate < p.startDate) ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['endDate'] });
};

// ---------------------------------------------------------------------------------------------
// Funders

export const funderTypeSchema = z.enum(['bilateral', 'multilateral', 'public', 'private', 'other']);

export const funderInputSchema = z.object({
  id: idSchema.optional(),
  name: requiredText(200),
  type: funderTypeSchema,
  /** ISO 3166 alpha-2. */
  country: z.string().regex(/^[A-Z]{2}$/).nullish(),
  contact: optionalText(500),
  archived: z.boolean().default(false),
});
export type FunderInput = z.input<typeof funderInputSchema>;

export interface Funder {
  id: string;
  name: string;
  type: z.infer<typeof funderTypeSchema>;
  country: string | null;
  contact: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Funding agreements

export const budgetLineInputSchema = z.object({
  id: idSchema.optional(),
  code: z.string().trim().min(1).max(20),
  label: requiredText(200),
  amountMinor: minorSchema,
});

export const deadlineKindSchema = z.enum(['narrative', 'financial']);
export const deadlineInputSchema = z.object({
  id: idSchema.optional(),
  dueDate: isoDateSchema,
  kind: deadlineKindSchema,
  label: optionalText(200),
  submittedOn: isoDateSchema.nullish(),
});

export const indicatorInputSchema = z.object({
  id: idSchema.optional(),
  code: z.string().trim().min(1).max(40),
  label: requiredText(300),
  target: z.number().int().min(0).max(100_000_000),
});

const uniqueCodes = (path: string) => (rows: { code: string }[], ctx: z.RefinementCtx) => {
  const seen = new Set<string>();
  rows.forEach((r, i) => {
    if (seen.has(r.code)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: [path, i, 'code'] });
    seen.add(r.code);
  });
};

/** Without `id`, creates; with it, replaces the fields. Lines keep their id; a line in use cannot go (`budget_line_in_use`). */
export const agreementInputSchema = z
  .object({
    id: idSchema.optional(),
    funderId: idSchema,
    reference: requiredText(80),
    title: requiredText(300),
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    currency: currencySchema,
    totalMinor: minorSchema,
    /** Accepted justifications may exceed what was disbursed by this % (0: never). */
    tolerancePct: z.number().int().min(0).max(100).default(0),
    budgetLines: z.array(budgetLineInputSchema).max(200).default([]),
    deadlines: z.array(deadlineInputSchema).max(200).default([]),
    indicators: z.array(indicatorInputSchema).max(200).default([]),
    archived: z.boolean().default(false),
  })
  .superRefine((a, ctx) => {
    periodCheck(a, ctx);
    uniqueCodes('budgetLines')(a.budgetLines, ctx);
    uniqueCodes('indicators')(a.indicators, ctx);
    const lines = a.budgetLines.reduce((sum, l) => sum + l.amountMinor, 0);
    if (a.totalMinor > 0 && lines > a.totalMinor) ctx.addIssue({ code: 'custom', message: 'lines_above_total', path: ['budgetLines'] });
    a.deadlines.forEach((d, i) => {
      if (d.dueDate < a.startDate) ctx.addIssue({ code: 'custom', message: 'date_outside_period', path: ['deadlines', i, 'dueDate'] });
    });
  });
export type AgreementInput = z.input<typeof agreementInputSchema>;

export interface BudgetLine {
  id: string;
  code: string;
  label: string;
  amountMinor: number;
}

export interface Deadline {
  id: string;
  dueDate: string;
  kind: z.infer<typeof deadlineKindSchema>;
  label: string | null;
  submittedOn: string | null;
}

export interface Indicator {
  id: string;
  code: string;
  label: string;
  target: number;
}

export interface Agreement {
  id: string;
  funderId: string;
  reference: string;
  title: string;
  startDate: string;
  endDate: string;
  currency: string;
  totalMinor: number;
  tolerancePct: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface AgreementRow extends Agreement {
  funderName: string;
}

// ---------------------------------------------------------------------------------------------
// Recipients

export const recipientKindSchema = z.enum(['organisation', 'individual', 'company']);

export const recipientInputSchema = z
  .object({
    id: idSchema.optional(),
    kind: recipientKindSchema,
    /** For an individual, left blank: the beneficiary's name is shown. */
    name: optionalText(300),
    legalForm: optionalText(100),
    registrationNumber: optionalText(100),
    city: optionalText(100),
    president: optionalText(200),
    contact: optionalText(500),
    rib: ribSchema.nullish().or(z.literal('').transform(() => null)),
    beneficiaryId: idSchema.nullish(),
    archived: z.boolean().default(false),
  })
  .superRefine((r, ctx) => {
    if (r.kind === 'individual' && !r.beneficiaryId) ctx.addIssue({ code: 'custom', message: 'required', path: ['beneficiaryId'] });
    if (r.kind !== 'individual' && !r.name) ctx.addIssue({ code: 'custom', message: 'required', path: ['name'] });
  });
export type RecipientInput = z.input<typeof recipientInputSchema>;

export interface Recipient {
  id: string;
  kind: z.infer<typeof recipientKindSchema>;
  name: string;
  legalForm: string | null;
  registrationNumber: string | null;
  city: string | null;
  president: string | null;
  contact: string | null;
  rib: string | null;
  beneficiaryId: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Sub-grants, tranches, disbursements, expenses

export const trancheInputSchema = z
  .object({
    id: idSchema.optional(),
    /** Exactly one of amount and percent (of the sub-grant, rounded down to the centime). */
    amountMinor: minorSchema.nullish(),
    percent: z.number().int().min(1).max(100).nullish(),
    dueDate: isoDateSchema,
    /** Paid once this % of the previous tranche is justified (accepted). */
    conditionPct: z.number().int().min(1).max(100).nullish(),
  })
  .superRefine((t, ctx) => {
    if ((t.amountMinor == null) === (t.percent == null)) ctx.addIssue({ code: 'custom', message: 'amount_or_percent', path: ['amountMinor'] });
  });

export const subGrantInputSchema = z
  .object({
    id: idSchema.optional(),
    agreementId: idSchema,
    callId: idSchema.nullish(),
    applicationId: idSchema.nullish(),
    recipientId: idSchema,
    title: requiredText(300),
    amountMinor: minorSchema,
    currency: currencySchema,
    startDate: isoDateSchema,
    endDate: isoDateSchema,
    /** Budget breakdown over the agreement's lines. */
    budget: z.array(z.object({ budgetLineId: idSchema, amountMinor: minorSchema })).max(200).default([]),
    tranches: z.array(trancheInputSchema).min(1).max(24),
    reportDates: z.array(z.object({ id: idSchema.optional(), dueDate: isoDateSchema, submittedOn: isoDateSchema.nullish() })).max(50).default([]),
    /** Needed when the call's envelope would be exceeded (`call_envelope_exceeded` otherwise). */
    envelopeOverrideReason: optionalText(1000),
  })
  .superRefine((s, ctx) => {
    periodCheck(s, ctx);
    const budget = s.budget.reduce((sum, b) => sum + b.amountMinor, 0);
    if (budget > s.amountMinor) ctx.addIssue({ code: 'custom', message: 'lines_above_total', path: ['budget'] });
    const lines = new Set<string>();
    s.budget.forEach((b, i) => {
      if (lines.has(b.budgetLineId)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: ['budget', i, 'budgetLineId'] });
      lines.add(b.budgetLineId);
    });
    s.tranches.forEach((t, i) => {
      if (t.dueDate < s.startDate || t.dueDate > s.endDate) ctx.addIssue({ code: 'custom', message: 'date_outside_period', path: ['tranches', i, 'dueDate'] });
    });
  });
export type SubGrantInput = z.input<typeof subGrantInputSchema>;

export const paymentMethodSchema = z.enum(['transfer', 'cheque', 'cash']);

export const disbursementInputSchema = z.object({
  trancheId: idSchema,
  date: isoDateSchema,
  amountMinor: minorSchema,
  method: paymentMethodSchema,
  reference: optionalText(120),
  /** Pays although the tranche's condition is unmet (`tranche_condition_unmet` otherwise); audited. */
  overrideReason: optionalText(1000),
  /** The treasury account paid from; by default the first bank (or cash box) in the sub-grant's currency. */
  accountId: idSchema.nullish(),
});
export type DisbursementInput = z.input<typeof disbursementInputSchema>;

/** A disbursement corrected by reversing its journal entry, with the reason. */
export const disbursementReversalSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  reason: z.string().trim().min(1).max(1000),
});
export type DisbursementReversalInput = z.input<typeof disbursementReversalSchema>;

export const expenseInputSchema = z.object({
  subGrantId: idSchema,
  budgetLineId: idSchema,
  date: isoDateSchema,
  supplier: requiredText(200),
  description: requiredText(500),
  amountMinor: minorSchema,
  receiptNumber: optionalText(80),
  /** The scanned receipt: PDF, JPEG or PNG (checked by content), ≤ 10 MB. */
  receipt: attachmentUploadSchema.nullish(),
});
export type ExpenseInput = z.input<typeof expenseInputSchema>;

export const expenseStatusSchema = z.enum(['submitted', 'accepted', 'rejected']);
export type ExpenseStatus = z.infer<typeof expenseStatusSchema>;

export const expenseDecisionSchema = z
  .object({ id: idSchema, status: expenseStatusSchema, reason: optionalText(1000) })
  .superRefine((d, ctx) => {
    if (d.status === 'rejected' && !d.reason) ctx.addIssue({ code: 'custom', message: 'reason_required', path: ['reason'] });
  });

export interface SubGrant {
  id: string;
  reference: string;
  agreementId: string;
  callId: string | null;
  applicationId: string | null;
  recipientId: string;
  title: string;
  amountMinor: number;
  currency: string;
  startDate: string;
  endDate: string;
  envelopeOverrideReason: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface Tranche {
  id: string;
  seq: number;
  amountMinor: number;
  percent: number | null;
  dueDate: string;
  conditionPct: number | null;
  disbursedMinor: number;
  /** Accepted justifications needed before paying it (null: no condition). */
  conditionRequiredMinor: number | null;
  conditionMet: boolean;
}

export interface Disbursement {
  id: string;
  trancheId: string;
  trancheSeq: number;
  date: string;
  amountMinor: number;
  method: z.infer<typeof paymentMethodSchema>;
  reference: string | null;
  overrideReason: string | null;
  createdAt: string;
  /** Reversed: no longer counted as paid to the sub-grantee. */
  reversedOn: string | null;
  reversalReason: string | null;
}

export interface Expense {
  id: string;
  subGrantId: string;
  budgetLineId: string;
  budgetLineCode: string;
  date: string;
  supplier: string;
  description: string;
  amountMinor: number;
  receiptNumber: string | null;
  attachmentId: string | null;
  attachmentName: string | null;
  status: ExpenseStatus;
  rejectionReason: string | null;
  createdAt: string;
}

export interface ReportDate {
  id: string;
  dueDate: string;
  submittedOn: string | null;
}

/** The figures of one sub-grant, in its own currency. */
export interface SubGrantFigures {
  amountMinor: number;
  disbursedMinor: number;
  justifiedMinor: number;
  submittedMinor: number;
  rejectedMinor: number;
  leftToDisburseMinor: number;
  leftToJustifyMinor: number;
  nextTrancheDue: string | null;
  overdueReports: number;
  /** `late`: a report or a tranche is overdue; `watch`: a tranche falls due within 30 days or less than half the money paid is justified; else `ok`. */
  state: 'ok' | 'watch' | 'late';
}

export interface SubGrantDetail {
  subGrant: SubGrant;
  recipient: Recipient;
  agreement: Agreement;
  callTitle: string | null;
  budget: { budgetLineId: string; code: string; label: string; amountMinor: number }[];
  tranches: Tranche[];
  disbursements: Disbursement[];
  expenses: Expense[];
  reportDates: ReportDate[];
  figures: SubGrantFigures;
  /** The rate used to convert this sub-grant into the agreement's currency (null: same currency). */
  rate: UsedRate | null;
}

// ---------------------------------------------------------------------------------------------
// Exchange rates

export const rateInputSchema = z
  .object({
    date: isoDateSchema,
    fromCurrency: currencySchema,
    toCurrency: currencySchema,
    /** 1 fromCurrency = rateMicro / 1,000,000 toCurrency. */
    rateMicro: z.number().int().min(1).max(1_000_000_000_000),
  })
  .superRefine((r, ctx) => {
    if (r.fromCurrency === r.toCurrency) ctx.addIssue({ code: 'custom', message: 'same_currency', path: ['toCurrency'] });
  });
export type RateInput = z.input<typeof rateInputSchema>;

export interface ExchangeRate {
  id: string;
  date: string;
  fromCurrency: string;
  toCurrency: string;
  rateMicro: number;
}

/** The rate a conversion used: the latest on or before the date, possibly the reverse pair. */
export interface UsedRate {
  date: string;
  fromCurrency: string;
  toCurrency: string;
  rateMicro: number;
  inverse: boolean;
}

// ---------------------------------------------------------------------------------------------
// Dashboard, budget follow-up, statement

export interface SubGrantDashboardRow extends SubGrantFigures {
  id: string;
  reference: string;
  title: string;
  recipientName: string;
  currency: string;
}

/** An agreement's figures in its own currency; sub-grants in another currency are converted at the rate of their start date. */
export interface AgreementDashboardRow {
  id: string;
  /** Archived agreements are on the dashboard only when asked for (`includeArchived`). */
  archivedAt: string | null;
  reference: string;
  title: string;
  funderName: string;
  currency: string;
  totalMinor: number;
  committedMinor: number;
  disbursedMinor: number;
  justifiedMinor: number;
  leftToCommitMinor: number;
  leftToDisburseMinor: number;
  leftToJustifyMinor: number;
  nextTrancheDue: string | null;
  overdueReports: number;
  state: 'ok' | 'watch' | 'late';
  /** Sub-grants whose currency has no rate to the agreement's: left out of the totals above. */
  unconverted: number;
  /** The rates the totals above converted at, oldest first (none when all is in the agreement's currency). */
  ratesUsed: UsedRate[];
  subGrants: SubGrantDashboardRow[];
}

export interface GrantsDashboard {
  today: string;
  agreements: AgreementDashboardRow[];
}

export interface BudgetLineFollowUp extends BudgetLine {
  /** Sum of the sub-grants' breakdowns on this line, in the agreement's currency. */
  committedMinor: number;
  /** The sub-grantees' accepted expenses on this line, in the agreement's currency. */
  spentMinor: number;
  /** The association's own spending on this line (treasury journal, reversals deducted), in the agreement's currency. */
  spentDirectlyMinor: number;
  /** (spent directly + sub-grantees') / planned, 1 decimal. */
  usedPct: number;
  overspent: boolean;
}

export interface BudgetFollowUp {
  agreement: Agreement;
  lines: BudgetLineFollowUp[];
  totalPlannedMinor: number;
  totalSpentMinor: number;
  totalSpentDirectlyMinor: number;
  /** The rates the committed and spent figures converted at, oldest first. */
  ratesUsed: UsedRate[];
}

export interface AgreementDetail {
  agreement: Agreement;
  funder: Funder;
  budgetLines: BudgetLine[];
  deadlines: Deadline[];
  indicators: Indicator[];
  calls: CallRow[];
  subGrants: SubGrantDashboardRow[];
  /** Cancelled before any payment: out of the figures, still reachable. */
  archivedSubGrants: Pick<SubGrant, 'id' | 'reference' | 'title'>[];
}

export interface SubGrantStatement extends SubGrantDetail {
  associationName: string;
  today: string;
  /** Disbursed − accepted justifications. */
  balanceMinor: number;
}

/** An agreement as any signed-in user may see it, to link an activity to it: no amounts. */
export interface AgreementChoice {
  id: string;
  reference: string;
  title: string;
}

// ---------------------------------------------------------------------------------------------

const byId = z.object({ id: idSchema });
const listArchived = z.object({ includeArchived: z.boolean().default(false) });

const read = <O>() => <I extends z.ZodType>(input: I) => defineOp<O>()({ input, kind: 'read', access: GRANTS_ROLES });
const write = <O>() => <I extends z.ZodType>(input: I) => defineOp<O>()({ input, kind: 'write', access: GRANTS_ROLES });

export const grantsOps = {
  'grants.funders.list': read<Funder[]>()(listArchived),
  'grants.funders.save': write<Funder>()(funderInputSchema),
  /** Newest first. Other areas (reports) use it to link to an agreement. */
  'grants.agreements.list': read<AgreementRow[]>()(listArchived),
  /** The agreements not archived, newest first, for every signed-in user (the activity form's choice). */
  'grants.agreements.choices': defineOp<AgreementChoice[]>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  'grants.agreements.get': read<AgreementDetail>()(byId),
  'grants.agreements.save': write<Agreement>()(agreementInputSchema),
  /** A closed agreement leaves the dashboard's default view and takes no new call or sub-grant; reports still count it. */
  'grants.agreements.archive': write<Agreement>()(byId),
  'grants.agreements.restore': write<Agreement>()(byId),
  'grants.calls.get': read<CallDetail>()(byId),
  /** Dates outside the agreement's period → `date_outside_period`. */
  'grants.calls.save': write<Call>()(callInputSchema),
  /** A closed call takes no new application nor sub-grant (`archived` at `callId`); what it signed stays counted. */
  'grants.calls.archive': write<Call>()(byId),
  'grants.calls.restore': write<Call>()(byId),
  'grants.recipients.list': read<Recipient[]>()(listArchived),
  'grants.recipients.save': write<Recipient>()(recipientInputSchema),
  'grants.applications.save': write<ApplicationRow>()(applicationInputSchema),
  /** Replaces one evaluator's scores of an application. */
  'grants.applications.score': write<ApplicationRow>()(scoreInputSchema),
  'grants.applications.decide': write<ApplicationRow>()(decideInputSchema),
  'grants.subGrants.get': read<SubGrantDetail>()(byId),
  /**
   * Over the agreement's total (converted) → `agreement_total_exceeded`; over the call's envelope →
   * `call_envelope_exceeded` unless `envelopeOverrideReason`; tranches above the amount → `tranches_above_amount`.
   */
  'grants.subGrants.save': write<SubGrant>()(subGrantInputSchema),
  /** A sub-grant cancelled before any payment leaves the totals; once paid (`sub_grant_has_disbursements`), lower its amount instead. */
  'grants.subGrants.archive': write<SubGrant>()(byId),
  'grants.subGrants.restore': write<SubGrant>()(byId),
  /** Beyond the sub-grant → `disbursement_exceeds_agreement`; condition unmet → `tranche_condition_unmet` unless overridden. */
  'grants.disbursements.add': write<Disbursement>()(disbursementInputSchema),
  /** Reverses its journal entry too: closed year → `period_closed`; twice → `already_reversed`. */
  'grants.disbursements.reverse': write<Disbursement>()(disbursementReversalSchema),
  'grants.expenses.add': write<Expense>()(expenseInputSchema),
  /** Accepting beyond disbursed + tolerance → `justification_exceeds_disbursed`. */
  'grants.expenses.decide': write<Expense>()(expenseDecisionSchema),
  'grants.rates.list': read<ExchangeRate[]>()(z.object({})),
  'grants.rates.save': write<ExchangeRate>()(rateInputSchema),
  'grants.dashboard': read<GrantsDashboard>()(listArchived),
  'grants.budget': read<BudgetFollowUp>()(z.object({ agreementId: idSchema })),
  'grants.statement': read<SubGrantStatement>()(z.object({ subGrantId: idSchema })),
};
