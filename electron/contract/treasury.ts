import { z } from 'zod';
import { attachmentUploadSchema } from './attachments';
import { isoDateSchema } from './dates';
import type { UsedRate } from './grants';
import { currencySchema, minorSchema } from './grants-money';
import { defineOp } from './operation';
import type { ExportedFile } from './reports';
import type { Role } from './roles';

// The treasurer's books: the association's accounts (bank, cash box), a chart of income and
// expense categories, and every movement of money in one journal. Dues payments and sub-grant
// disbursements write their own entry; the journal never copies them. A past entry is corrected by
// a reversal with its reason, never edited; a closed year takes no movement.

export const TREASURY_ROLES: readonly Role[] = ['treasurer', 'president'];

const idSchema = z.string().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const requiredText = (max: number) => z.string().trim().min(1).max(max);
const yearSchema = z.number().int().min(1990).max(2100);
/** 1 unit of one currency = rateMicro / 1,000,000 of the other. */
const rateMicroSchema = z.number().int().min(1).max(1_000_000_000_000);

// ---------------------------------------------------------------------------------------------
// Accounts

export const accountKindSchema = z.enum(['bank', 'cash']);
export type AccountKind = z.infer<typeof accountKindSchema>;

export const accountInputSchema = z.object({
  id: idSchema.optional(),
  name: requiredText(120),
  kind: accountKindSchema,
  currency: currencySchema.default('MAD'),
  openingDate: isoDateSchema,
  /** The balance on the opening date, before the journal's movements; an overdraft is negative. */
  openingMinor: z.number().int().min(-100_000_000_000_00).max(100_000_000_000_00),
  archived: z.boolean().default(false),
});
export type AccountInput = z.input<typeof accountInputSchema>;

export interface Account {
  id: string;
  name: string;
  kind: AccountKind;
  currency: string;
  openingDate: string;
  openingMinor: number;
  archivedAt: string | null;
}

export interface AccountRow extends Account {
  /** Opening balance + every movement to date. */
  balanceMinor: number;
  entries: number;
}

// ---------------------------------------------------------------------------------------------
// Categories

export const directionSchema = z.enum(['in', 'out']);
export type Direction = z.infer<typeof directionSchema>;

export const categoryInputSchema = z.object({
  id: idSchema.optional(),
  direction: directionSchema,
  labelFr: requiredText(120),
  labelAr: requiredText(120),
  labelEn: requiredText(120),
  archived: z.boolean().default(false),
});
export type CategoryInput = z.input<typeof categoryInputSchema>;

export interface Category {
  id: string;
  direction: Direction;
  labelFr: string;
  labelAr: string;
  labelEn: string;
  sort: number;
  archivedAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Journal entries

export const counterpartKindSchema = z.enum(['funder', 'supplier', 'member', 'sub_grantee', 'person', 'other']);
export type CounterpartKind = z.infer<typeof counterpartKindSchema>;

export const entryInputSchema = z
  .object({
    date: isoDateSchema,
    accountId: idSchema,
    direction: directionSchema,
    amountMinor: minorSchema,
    categoryId: idSchema,
    counterpartKind: counterpartKindSchema,
    counterpartName: requiredText(200),
    description: optionalText(500),
    reference: optionalText(80),
    agreementId: idSchema.nullish(),
    budgetLineId: idSchema.nullish(),
    /** When the account's and the agreement's currencies differ: the rate used, else the stored rate of the date. */
    rateMicro: rateMicroSchema.nullish(),
    /** The receipt scan: PDF, JPEG or PNG (checked by content), ≤ 10 MB. */
    receipt: attachmentUploadSchema.nullish(),
  })
  .superRefine((e, ctx) => {
    if (e.budgetLineId && !e.agreementId) ctx.addIssue({ code: 'custom', message: 'required', path: ['agreementId'] });
  });
export type EntryInput = z.input<typeof entryInputSchema>;

export const entrySourceSchema = z.enum(['manual', 'dues', 'disbursement', 'service']);
export type EntrySource = z.infer<typeof entrySourceSchema>;

/** An entry as the journal shows it; the stored row (core's `EntryRecord`) is derived from it. */
export const journalEntrySchema = z.object({
  id: z.string(),
  date: z.string(),
  accountId: z.string(),
  accountName: z.string(),
  currency: z.string(),
  direction: directionSchema,
  amountMinor: z.number().int(),
  categoryId: z.string(),
  counterpartKind: counterpartKindSchema,
  /** The typed name, or the member's, sub-grantee's or funder's name read from their record. */
  counterpartName: z.string(),
  description: z.string().nullable(),
  reference: z.string().nullable(),
  agreementId: z.string().nullable(),
  agreementReference: z.string().nullable(),
  budgetLineId: z.string().nullable(),
  budgetLineCode: z.string().nullable(),
  funderTrancheId: z.string().nullable(),
  agreementMinor: z.number().int().nullable(),
  rateMicro: z.number().int().nullable(),
  /** 1: the agreement's amount is the account's divided by the rate (a rate typed as 1 EUR = x MAD). */
  rateInverse: z.number().int(),
  rateDate: z.string().nullable(),
  attachmentId: z.string().nullable(),
  source: entrySourceSchema,
  sourceId: z.string().nullable(),
  reversesId: z.string().nullable(),
  reversalReason: z.string().nullable(),
  /** The entry that reversed this one, if any. */
  reversedById: z.string().nullable(),
  createdAt: z.string(),
  /** Both entries of a transfer between the association's own accounts share it. */
  transferId: z.string().nullable(),
});
export type JournalEntry = z.infer<typeof journalEntrySchema>;

export const entryFilterSchema = z.object({
  accountId: idSchema.nullish(),
  categoryId: idSchema.nullish(),
  agreementId: idSchema.nullish(),
  from: isoDateSchema.nullish(),
  to: isoDateSchema.nullish(),
  /** Newest first, by pages. */
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface JournalPage {
  rows: JournalEntry[];
  total: number;
}

export const reverseInputSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  reason: requiredText(1000),
});

/** Something the treasurer should know before saving: it does not stop the save. */
export type EntryWarning =
  | { kind: 'budget_line_over'; budgetMinor: number; usedMinor: number; afterMinor: number; currency: string }
  | { kind: 'balance_short'; balanceMinor: number; afterMinor: number; currency: string };

export const entryCheckSchema = z.object({
  date: isoDateSchema,
  accountId: idSchema,
  direction: directionSchema,
  amountMinor: minorSchema,
  agreementId: idSchema.nullish(),
  budgetLineId: idSchema.nullish(),
  rateMicro: rateMicroSchema.nullish(),
});

// ---------------------------------------------------------------------------------------------
// Transfers between the association's own accounts

/** The two categories of a transfer's entries: neither income nor expense, never chosen by hand. */
export const TRANSFER_CATEGORY_IDS: readonly string[] = ['transfer_in', 'transfer_out'];
export const isTransferCategory = (id: string) => TRANSFER_CATEGORY_IDS.includes(id);

export const transferInputSchema = z
  .object({
    date: isoDateSchema,
    fromAccountId: idSchema,
    toAccountId: idSchema,
    amountMinor: minorSchema,
    reference: optionalText(80),
    description: optionalText(500),
  })
  .superRefine((t, ctx) => {
    if (t.fromAccountId === t.toAccountId) ctx.addIssue({ code: 'custom', message: 'same_account', path: ['toAccountId'] });
  });
export type TransferInput = z.input<typeof transferInputSchema>;

// ---------------------------------------------------------------------------------------------
// Funder tranches

export const funderTranchePlanSchema = z.object({
  agreementId: idSchema,
  tranches: z
    .array(z.object({ id: idSchema.optional(), dueDate: isoDateSchema, amountMinor: minorSchema }))
    .max(24),
});

export const trancheReceiptSchema = z.object({
  funderTrancheId: idSchema,
  date: isoDateSchema,
  accountId: idSchema,
  /** What the funder sent, in the agreement's currency. */
  amountMinor: minorSchema,
  /** 1 unit of the agreement's currency = rateMicro / 1,000,000 of the account's (when they differ). */
  rateMicro: rateMicroSchema.nullish(),
  reference: optionalText(80),
  receipt: attachmentUploadSchema.nullish(),
});
export type TrancheReceiptInput = z.input<typeof trancheReceiptSchema>;

export interface FunderTranche {
  id: string;
  seq: number;
  dueDate: string;
  amountMinor: number;
  /** In the agreement's currency, reversals deducted. */
  receivedMinor: number;
  receipts: { entryId: string; date: string; agreementMinor: number; accountMinor: number; accountCurrency: string; rateMicro: number | null }[];
}

export interface FunderTranches {
  agreementId: string;
  currency: string;
  tranches: FunderTranche[];
  plannedMinor: number;
  receivedMinor: number;
}

// ---------------------------------------------------------------------------------------------
// Closed years

export interface ClosedYear {
  year: number;
  closedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Figures

export interface AgreementReportLine {
  budgetLineId: string;
  code: string;
  label: string;
  budgetMinor: number;
  spentDirectlyMinor: number;
  /** Accepted justifications of the sub-grantees on this line. */
  justifiedBySubGranteesMinor: number;
  /** budget − spent directly − justified by sub-grantees. */
  remainingMinor: number;
  usedPct: number;
}

/** One agreement's money for its funder, in the agreement's currency. */
export interface AgreementFinancialReport {
  associationName: string;
  generatedOn: string;
  agreement: { id: string; reference: string; title: string; funderName: string; startDate: string; endDate: string; currency: string; totalMinor: number };
  tranches: FunderTranche[];
  receivedMinor: number;
  spentDirectlyMinor: number;
  /** Disbursed to sub-grantees. */
  passedOnMinor: number;
  /** received − spent directly − passed on. */
  remainingMinor: number;
  lines: AgreementReportLine[];
  /** Direct spending on the agreement with no budget line. */
  unallocatedMinor: number;
  subGrants: { id: string; reference: string; title: string; recipientName: string; passedOnMinor: number; justifiedMinor: number }[];
  /** Rates typed with the funder's tranches and the direct spending, and those the sub-grants converted at. */
  ratesUsed: UsedRate[];
}

export interface CategoryTotal {
  categoryId: string;
  direction: Direction;
  labelFr: string;
  labelAr: string;
  labelEn: string;
  amountMinor: number;
}

export interface AccountYear {
  accountId: string;
  name: string;
  kind: AccountKind;
  currency: string;
  openingMinor: number;
  inMinor: number;
  outMinor: number;
  closingMinor: number;
  months: { month: string; openingMinor: number; inMinor: number; outMinor: number; closingMinor: number }[];
}

/** The year for the general assembly, per currency of the accounts (usually only MAD). */
export interface YearStatement {
  associationName: string;
  year: number;
  closed: boolean;
  currencies: { currency: string; income: CategoryTotal[]; expenses: CategoryTotal[]; incomeMinor: number; expensesMinor: number; resultMinor: number }[];
  accounts: AccountYear[];
}

// ---------------------------------------------------------------------------------------------

const read = <O>() => <I extends z.ZodType>(input: I) => defineOp<O>()({ input, kind: 'read', access: TREASURY_ROLES });
const write = <O>() => <I extends z.ZodType>(input: I) => defineOp<O>()({ input, kind: 'write', access: TREASURY_ROLES });
const localeInput = z.enum(['fr', 'ar', 'en']).default('fr');

export const treasuryOps = {
  'treasury.accounts.list': read<AccountRow[]>()(z.object({ includeArchived: z.boolean().default(false) })),
  'treasury.accounts.save': write<Account>()(accountInputSchema),
  'treasury.categories.list': read<Category[]>()(z.object({ includeArchived: z.boolean().default(false) })),
  'treasury.categories.save': write<Category>()(categoryInputSchema),
  'treasury.entries.list': read<JournalPage>()(entryFilterSchema),
  /** Closed year → `period_closed`; no rate for the date → `exchange_rate_missing`; a line of another agreement → `not_found` at the field. */
  'treasury.entries.add': write<JournalEntry>()(entryInputSchema),
  /** Writes the opposite entry; an entry of dues or a disbursement is corrected where it was recorded (`entry_from_other_area`). */
  'treasury.entries.reverse': write<JournalEntry>()(reverseInputSchema),
  /** Two entries written together (out of one account, into the other); same currency, else `currency_mismatch`. */
  'treasury.transfers.add': write<JournalEntry[]>()(transferInputSchema),
  /** Over a budget line, more than the account holds: figures to show before saving. */
  'treasury.entries.check': read<EntryWarning[]>()(entryCheckSchema),
  'treasury.tranches.get': read<FunderTranches>()(z.object({ agreementId: idSchema })),
  'treasury.tranches.plan': write<FunderTranches>()(funderTranchePlanSchema),
  'treasury.tranches.receive': write<JournalEntry>()(trancheReceiptSchema),
  'treasury.years.list': read<ClosedYear[]>()(z.object({})),
  'treasury.years.close': write<ClosedYear>()(z.object({ year: yearSchema })),
  /** Only a president reopens a closed year. */
  'treasury.years.reopen': defineOp<{ year: number }>()({ input: z.object({ year: yearSchema }), kind: 'write', access: ['president'] }),
  'treasury.agreementReport': read<AgreementFinancialReport>()(z.object({ agreementId: idSchema })),
  'treasury.agreementReportXlsx': read<ExportedFile>()(z.object({ agreementId: idSchema, locale: localeInput })),
  'treasury.yearStatement': read<YearStatement>()(z.object({ year: yearSchema })),
  /** Stable columns for an accountant, one line per entry, reversals included. */
  'treasury.exportJournal': read<ExportedFile>()(z.object({ year: yearSchema, format: z.enum(['csv', 'xlsx']), delimiter: z.enum([',', ';']).default(';') })),
};
