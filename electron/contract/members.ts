import { z } from 'zod';
import { attachmentUploadSchema, type AttachmentContent, type AttachmentInfo } from './attachments';
import { phoneSchema, sexSchema } from './beneficiaries';
import { isoDateSchema } from './dates';
import { defineOp } from './operation';

// Members of the association, their yearly dues and the receipts of their payments. A member's
// status changes only by a person, or by the rule set in Settings when someone applies it: never
// silently because a payment is late.

const idSchema = z.string().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const memberStatusSchema = z.enum(['active', 'lapsed', 'resigned']);
export type MemberStatus = z.infer<typeof memberStatusSchema>;

export const memberRoleSchema = z.enum(['president', 'vice_president', 'treasurer', 'secretary', 'board_member', 'volunteer', 'member']);
export type MemberRole = z.infer<typeof memberRoleSchema>;

/** Fee category: the standard rate, or a reduced one. */
export const memberCategorySchema = z.enum(['standard', 'student', 'unemployed', 'senior', 'honorary']);
export type MemberCategory = z.infer<typeof memberCategorySchema>;

export const duesPaymentMethodSchema = z.enum(['cash', 'bank_transfer', 'cheque', 'mobile']);
export type DuesPaymentMethod = z.infer<typeof duesPaymentMethodSchema>;

/** Member numbers are short codes typed by people: digits, letters, dashes. */
export const memberNumberSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9-]{1,20}$/, { message: 'invalid_member_number' });

/** Money in centimes (MAD). */
export const duesAmountSchema = z.number().int().min(0).max(100_000_000);

export const duesYearSchema = z.number().int().min(1990).max(2100);

// ---------------------------------------------------------------------------------------------
// Members

/** Without `id`, creates the member (with the next free number when none is given); with it, replaces the fields. */
export const memberInputSchema = z
  .object({
    id: idSchema.optional(),
    number: memberNumberSchema.nullish(),
    firstName: z.string().trim().min(1).max(200),
    lastName: z.string().trim().min(1).max(200),
    arabicName: optionalText(200),
    sex: sexSchema,
    birthDate: isoDateSchema.nullish(),
    phones: z.array(phoneSchema).max(5).default([]),
    email: z.union([z.email(), z.literal('')]).nullish(),
    address: optionalText(500),
    joinDate: isoDateSchema,
    category: memberCategorySchema.default('standard'),
    status: memberStatusSchema.default('active'),
    /** When the member resigned (required for `resigned`) or lapsed. */
    statusDate: isoDateSchema.nullish(),
    role: memberRoleSchema.default('member'),
    mandateStart: isoDateSchema.nullish(),
    mandateEnd: isoDateSchema.nullish(),
    /** The member is also a beneficiary: linked, never copied. */
    beneficiaryId: idSchema.nullish(),
  })
  .superRefine((m, ctx) => {
    if (m.status === 'resigned' && !m.statusDate) ctx.addIssue({ code: 'custom', message: 'resignation_date_required', path: ['statusDate'] });
    if (m.mandateStart && m.mandateEnd && m.mandateEnd < m.mandateStart) {
      ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['mandateEnd'] });
    }
  });
export type MemberInput = z.input<typeof memberInputSchema>;
export type ParsedMemberInput = z.output<typeof memberInputSchema>;

export interface Member {
  id: string;
  number: string;
  firstName: string;
  lastName: string;
  arabicName: string | null;
  sex: 'female' | 'male';
  birthDate: string | null;
  phones: string[];
  email: string | null;
  address: string | null;
  joinDate: string;
  category: MemberCategory;
  status: MemberStatus;
  statusDate: string | null;
  role: MemberRole;
  mandateStart: string | null;
  mandateEnd: string | null;
  beneficiaryId: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** The member record linked to a beneficiary, as the beneficiary's page names it. */
export type LinkedMember = Pick<Member, 'id' | 'number' | 'firstName' | 'lastName' | 'status' | 'archivedAt'>;

/** A line of the members list, with the dues of the year asked. */
export interface MemberRow extends Member {
  due: number;
  paid: number;
}

export const memberSearchSchema = z.object({
  /** Matches the number, the names, the phones and the email (case- and accent-insensitive). */
  query: z.string().trim().max(200).default(''),
  status: memberStatusSchema.optional(),
  /** The dues year shown in the list (defaults to the current year). */
  year: duesYearSchema.optional(),
  archived: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface MemberSearchResult {
  total: number;
  year: number;
  /** By number. */
  rows: MemberRow[];
}

// ---------------------------------------------------------------------------------------------
// Dues

export const feeInputSchema = z.object({
  year: duesYearSchema,
  /** Yearly fee per category (centimes); a category left out pays the standard fee. */
  amounts: z
    .partialRecord(memberCategorySchema, duesAmountSchema)
    .refine((a) => a.standard !== undefined, { message: 'standard_fee_required', path: ['standard'] }),
});

export interface YearFees {
  year: number;
  currency: 'MAD';
  /** Category → centimes; `standard` always present when the year has fees. */
  amounts: Partial<Record<MemberCategory, number>>;
}

export const duesPaymentInputSchema = z.object({
  memberId: idSchema,
  /** The dues year the payment is for. */
  year: duesYearSchema,
  date: isoDateSchema,
  amount: z.number().int().min(1).max(100_000_000),
  method: duesPaymentMethodSchema,
  note: optionalText(500),
  /** A payment above what is still due for the year is refused unless confirmed (`overpayment`). */
  confirmOverpayment: z.boolean().default(false),
});

export interface DuesPayment {
  id: string;
  memberId: string;
  year: number;
  date: string;
  amount: number;
  currency: 'MAD';
  method: DuesPaymentMethod;
  note: string | null;
  /** `R-2026-00001`: per calendar year of the payment date, no gap, no duplicate. */
  receiptNumber: string;
  collectedBy: string;
  collectedByName: string;
  createdAt: string;
  /** Corrected by a reversal of its journal entry: no longer counted as paid. */
  reversal: { date: string; reason: string } | null;
}

export const duesReversalSchema = z.object({
  paymentId: idSchema,
  date: isoDateSchema,
  reason: z.string().trim().min(1).max(1000),
});
export type DuesReversalInput = z.input<typeof duesReversalSchema>;

export interface YearBalance {
  year: number;
  due: number;
  paid: number;
  /** due − paid; negative when more was paid than due. */
  balance: number;
}

/** The member page: the record, the dues year by year since joining, every payment. */
export interface MemberDetail {
  member: Member;
  balances: YearBalance[];
  /** Newest first. */
  payments: DuesPayment[];
  /** The linked beneficiary's reference, for the link. */
  beneficiaryReference: string | null;
}

/** What a printed receipt shows. */
export interface DuesReceipt {
  payment: DuesPayment;
  member: Pick<Member, 'id' | 'number' | 'firstName' | 'lastName' | 'arabicName'>;
  /** What the receipt prints of the association: '' for what a president has not typed in, no logo until one is added. */
  association: { name: string; city: string; address: string; registrationNumber: string; logo: { mime: 'image/png' | 'image/jpeg'; contentBase64: string } | null };
  balance: YearBalance;
}

export interface DuesListRow {
  memberId: string;
  number: string;
  name: string;
  arabicName: string | null;
  category: MemberCategory;
  phone: string | null;
  due: number;
  paid: number;
}

/** Active members of the year who have not paid all they owe: nothing yet, or part of it. */
export interface DuesStatusList {
  year: number;
  unpaid: DuesListRow[];
  partlyPaid: DuesListRow[];
}

// ---------------------------------------------------------------------------------------------
// General assemblies (activities of type `general_assembly`)

export interface AssemblyQuorum {
  activityId: string;
  reference: string;
  title: string;
  date: string | null;
  /** The dues year that decides good standing: the year of the assembly. */
  year: number;
  /** Active members whose dues for the year are paid in full. */
  inGoodStanding: number;
  /** The setting `assemblyQuorumPercent`. */
  quorumPercent: number;
  /** How many of them must be present. */
  required: number;
  /** Members in good standing, linked to a beneficiary marked present at a session of the assembly. */
  present: { memberId: string; number: string; name: string }[];
  reached: boolean;
  /** The minutes attached to the assembly, oldest first. */
  minutes: AttachmentInfo[];
}

/** Owner type of assembly minutes in the attachments store (owner id: the activity). */
export const ASSEMBLY_MINUTES_OWNER = 'assembly_minutes';

export interface StatusRuleOutcome {
  /** Members moved from active to lapsed. */
  lapsed: string[];
  /** The rule is off (`memberLapseAfterUnpaidYears` = 0). */
  disabled: boolean;
}

// ---------------------------------------------------------------------------------------------

const byId = z.object({ id: idSchema });
const DUES_WRITERS = ['treasurer', 'president'] as const;

export const membersOps = {
  'members.list': defineOp<MemberSearchResult>()({ input: memberSearchSchema, kind: 'read', access: 'signedIn' }),
  'members.get': defineOp<MemberDetail>()({ input: byId, kind: 'read', access: 'signedIn' }),
  /** The member linked to this beneficiary record (archived members too), or null. */
  'members.byBeneficiary': defineOp<LinkedMember | null>()({ input: z.object({ beneficiaryId: idSchema }), kind: 'read', access: 'signedIn' }),
  /** A number already used → `duplicate_member_number`. */
  'members.save': defineOp<Member>()({ input: memberInputSchema, kind: 'write', access: 'signedIn' }),
  'members.archive': defineOp<Member>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'members.restore': defineOp<Member>()({ input: byId, kind: 'write', access: 'signedIn' }),
  /** Applies the status rule of Settings now (active members behind on their dues → lapsed). */
  'members.applyStatusRule': defineOp<StatusRuleOutcome>()({ input: z.object({}).strict(), kind: 'write', access: 'signedIn' }),
  'members.assemblies': defineOp<AssemblyQuorum[]>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  /** Of one activity of type `general_assembly` (else `not_general_assembly`). */
  'members.quorum': defineOp<AssemblyQuorum>()({ input: z.object({ activityId: idSchema }), kind: 'read', access: 'signedIn' }),
  /** PDF, JPEG or PNG (by content), at most 10 MB; only on an activity of type `general_assembly`. */
  'members.attachMinutes': defineOp<AttachmentInfo>()({
    input: z.object({ activityId: idSchema, file: attachmentUploadSchema }),
    kind: 'write',
    access: 'signedIn',
  }),
  'members.minutes': defineOp<AttachmentContent>()({ input: byId, kind: 'read', access: 'signedIn' }),
  'dues.fees': defineOp<YearFees[]>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  'dues.setFees': defineOp<YearFees>()({ input: feeInputSchema, kind: 'write', access: DUES_WRITERS }),
  /** Allocates the receipt number inside the transaction: a failed payment uses none. */
  'dues.pay': defineOp<DuesPayment>()({ input: duesPaymentInputSchema, kind: 'write', access: DUES_WRITERS }),
  /** Reverses the payment's journal entry with the reason: closed year → `period_closed`; twice → `already_reversed`. */
  'dues.reverse': defineOp<DuesPayment>()({ input: duesReversalSchema, kind: 'write', access: DUES_WRITERS }),
  'dues.receipt': defineOp<DuesReceipt>()({ input: z.object({ paymentId: idSchema }), kind: 'read', access: 'signedIn' }),
  'dues.status': defineOp<DuesStatusList>()({ input: z.object({ year: duesYearSchema }), kind: 'read', access: 'signedIn' }),
};
