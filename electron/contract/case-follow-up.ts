import { z } from 'zod';
import type { EmploymentFollowUps } from './employment';
import type { ReferralFileRecord } from './exchange';
import { isoDateSchema } from './dates';
import { lookupCodeSchema } from './lookups';
import { defineOp } from './operation';

// Dates that must not be after "today" are checked by the core against its own clock
// (error `date_in_future` on the field), so that tests and the core agree on what today is.

const idSchema = z.string().min(1).max(64);
const text = (max: number) => z.string().trim().min(1).max(max);
/** Absent, null or blank all mean "none". */
const optionalText = (max: number) => z.string().trim().max(max).nullish();

// ---------------------------------------------------------------------------------------------
// Case notes: the timeline of a person's file.

export const caseNoteTypeSchema = z.enum(['visit', 'call', 'accompaniment', 'referral', 'other']);
export type CaseNoteType = z.infer<typeof caseNoteTypeSchema>;

export const MAX_NOTE_LENGTH = 10_000;

export const caseNoteInputSchema = z.object({
  beneficiaryId: idSchema,
  date: isoDateSchema,
  type: caseNoteTypeSchema,
  text: text(MAX_NOTE_LENGTH),
  /** Shown in full only to its author and to presidents. */
  sensitive: z.boolean(),
});
export type CaseNoteInput = z.infer<typeof caseNoteInputSchema>;

export interface CaseNote {
  id: string;
  beneficiaryId: string;
  date: string;
  type: CaseNoteType;
  authorId: string;
  authorName: string;
  /** null when `hidden`. */
  text: string | null;
  sensitive: boolean;
  /** A sensitive note of someone else, seen by a non-president: only that it exists. */
  hidden: boolean;
  createdAt: string;
}

// ---------------------------------------------------------------------------------------------
// Procedures: something started for the person.

export const procedureStatusSchema = z.enum(['to_start', 'in_progress', 'waiting_third_party', 'completed', 'abandoned']);
export type ProcedureStatus = z.infer<typeof procedureStatusSchema>;
export const OPEN_PROCEDURE_STATUSES = ['to_start', 'in_progress', 'waiting_third_party'] as const satisfies readonly ProcedureStatus[];
export const isOpenProcedure = (status: ProcedureStatus): boolean =>
  (OPEN_PROCEDURE_STATUSES as readonly ProcedureStatus[]).includes(status);

/**
 * Without `id`, creates; with it, replaces the procedure's fields. `closedOn` counts only for a
 * completed or abandoned procedure and defaults to today (or the date it was first closed).
 */
export const procedureInputSchema = z
  .object({
    id: idSchema.optional(),
    beneficiaryId: idSchema,
    /** A code of the lookup list `procedureType`. */
    type: lookupCodeSchema,
    status: procedureStatusSchema,
    abandonReason: optionalText(500),
    startedOn: isoDateSchema.nullish(),
    closedOn: isoDateSchema.nullish(),
    nextStep: optionalText(500),
    nextStepDue: isoDateSchema.nullish(),
    responsibleId: idSchema.nullish(),
  })
  .superRefine((p, ctx) => {
    if (p.status === 'abandoned' && !p.abandonReason) {
      ctx.addIssue({ code: 'custom', message: 'abandon_reason_required', path: ['abandonReason'] });
    }
    if (p.startedOn && p.closedOn && p.closedOn < p.startedOn) {
      ctx.addIssue({ code: 'custom', message: 'closed_before_start', path: ['closedOn'] });
    }
  });
export type ProcedureInput = z.infer<typeof procedureInputSchema>;

export interface Procedure {
  id: string;
  beneficiaryId: string;
  type: string;
  status: ProcedureStatus;
  abandonReason: string | null;
  startedOn: string | null;
  closedOn: string | null;
  nextStep: string | null;
  nextStepDue: string | null;
  responsibleId: string | null;
  responsibleName: string | null;
  lastActivityAt: string;
  createdAt: string;
  updatedAt: string;
}

// ---------------------------------------------------------------------------------------------
// Partners: the association's shared directory.

export const partnerTypeSchema = z.enum(['public_service', 'un_agency', 'ngo', 'lawyer', 'other']);
export type PartnerType = z.infer<typeof partnerTypeSchema>;

export const partnerInputSchema = z.object({
  id: idSchema.optional(),
  name: text(200),
  type: partnerTypeSchema,
  city: optionalText(120),
  contact: optionalText(500),
  services: optionalText(2000),
});
export type PartnerInput = z.infer<typeof partnerInputSchema>;

export interface Partner {
  id: string;
  name: string;
  type: PartnerType;
  city: string | null;
  contact: string | null;
  services: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

// ---------------------------------------------------------------------------------------------
// Referrals of a person to a partner.

export const referralStatusSchema = z.enum(['sent', 'received', 'service_given', 'refused', 'no_answer']);
export type ReferralStatus = z.infer<typeof referralStatusSchema>;

/**
 * Without `id`, creates (the partner must not be archived); with it, updates. Once the status is
 * past `sent`, `feedbackOn` defaults to today (or the feedback date already recorded).
 */
export const referralInputSchema = z
  .object({
    id: idSchema.optional(),
    beneficiaryId: idSchema,
    partnerId: idSchema,
    sentOn: isoDateSchema,
    reason: text(1000),
    status: referralStatusSchema,
    feedbackOn: isoDateSchema.nullish(),
    notes: optionalText(2000),
  })
  .superRefine((r, ctx) => {
    if (r.feedbackOn && r.feedbackOn < r.sentOn) {
      ctx.addIssue({ code: 'custom', message: 'feedback_before_sent', path: ['feedbackOn'] });
    }
  });
export type ReferralInput = z.infer<typeof referralInputSchema>;

export interface Referral {
  id: string;
  beneficiaryId: string;
  partnerId: string;
  partnerName: string;
  sentOn: string;
  reason: string;
  status: ReferralStatus;
  feedbackOn: string | null;
  notes: string | null;
  /** Set once sent to the partner as a file (`referrals.sendFile`). */
  file: ReferralFileRecord | null;
  createdAt: string;
  updatedAt: string;
}

/** The referrals list across people: sent between `from` and `to` (inclusive), of one status. */
export const referralSearchSchema = z.object({
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  status: referralStatusSchema.optional(),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});
export type ReferralFilters = Omit<z.input<typeof referralSearchSchema>, 'offset' | 'limit'>;

/** A referral in that list: no reason or notes (free text stays on the person's page). */
export interface ReferralListRow extends DashboardPerson {
  id: string;
  partnerName: string;
  sentOn: string;
  status: ReferralStatus;
  feedbackOn: string | null;
  /** As in the beneficiaries list: shown with its initials and a badge. */
  pseudonymous: boolean;
  archived: boolean;
}

export interface ReferralSearchResult {
  total: number;
  /** Newest first. */
  rows: ReferralListRow[];
}

// ---------------------------------------------------------------------------------------------
// The follow-up dashboard.

export const DOCUMENT_EXPIRY_WARNING_DAYS = 60;
/** "Coming up": next steps falling due from today to this many days ahead. */
export const COMING_UP_DAYS = 14;
export const NOT_SEEN_DAYS = 90;

/** Who the row is about; `displayName` is the full name, or the initials of a pseudonymous record. */
export interface DashboardPerson {
  beneficiaryId: string;
  reference: string;
  displayName: string;
}

export interface OverdueNextStep extends DashboardPerson {
  procedureId: string;
  procedureType: string;
  nextStep: string | null;
  nextStepDue: string;
  daysOverdue: number;
  responsibleName: string | null;
}

export interface ComingUpNextStep extends DashboardPerson {
  procedureId: string;
  procedureType: string;
  nextStep: string | null;
  nextStepDue: string;
  daysLeft: number;
  responsibleName: string | null;
}

export interface StaleProcedure extends DashboardPerson {
  procedureId: string;
  procedureType: string;
  status: ProcedureStatus;
  lastActivityAt: string;
  daysInactive: number;
}

export interface ExpiringDocument extends DashboardPerson {
  legalStatus: string | null;
  expiryDate: string;
  daysLeft: number;
}

/** A residence or identity document whose expiry date has passed. */
export interface ExpiredDocument extends DashboardPerson {
  legalStatus: string | null;
  expiryDate: string;
  daysAgo: number;
}

export interface NotSeenPerson extends DashboardPerson {
  /** Date of the last case note or procedure activity. */
  lastSeenOn: string;
  daysSince: number;
  openProcedures: number;
}

/** A referral sent as a file whose answer has not come back. */
export interface UnansweredReferral extends DashboardPerson {
  referralId: string;
  partnerName: string;
  fileSentAt: string;
  daysWaiting: number;
}

export interface FollowUpDashboard {
  today: string;
  staleProcedureDays: number;
  unansweredReferralDays: number;
  overdueNextSteps: OverdueNextStep[];
  comingUpNextSteps: ComingUpNextStep[];
  staleProcedures: StaleProcedure[];
  expiringDocuments: ExpiringDocument[];
  expiredDocuments: ExpiredDocument[];
  notSeen: NotSeenPerson[];
  unansweredReferrals: UnansweredReferral[];
  /** Situations to ask again 3, 6 and 12 months after a training or a job started. */
  employmentFollowUps: EmploymentFollowUps;
}

// ---------------------------------------------------------------------------------------------

const byBeneficiary = z.object({ beneficiaryId: idSchema });
const byId = z.object({ id: idSchema });

export const caseFollowUpOps = {
  'caseNotes.list': defineOp<CaseNote[]>()({ input: byBeneficiary, kind: 'read', access: 'signedIn' }),
  'caseNotes.add': defineOp<CaseNote>()({ input: caseNoteInputSchema, kind: 'write', access: 'signedIn' }),
  'procedures.list': defineOp<Procedure[]>()({ input: byBeneficiary, kind: 'read', access: 'signedIn' }),
  'procedures.save': defineOp<Procedure>()({ input: procedureInputSchema, kind: 'write', access: 'signedIn' }),
  'partners.list': defineOp<Partner[]>()({
    input: z.object({ includeArchived: z.boolean().default(false) }),
    kind: 'read',
    access: 'signedIn',
  }),
  'partners.save': defineOp<Partner>()({ input: partnerInputSchema, kind: 'write', access: 'signedIn' }),
  'partners.archive': defineOp<Partner>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'partners.restore': defineOp<Partner>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'referrals.list': defineOp<Referral[]>()({ input: byBeneficiary, kind: 'read', access: 'signedIn' }),
  'referrals.search': defineOp<ReferralSearchResult>()({ input: referralSearchSchema, kind: 'read', access: 'signedIn' }),
  'referrals.save': defineOp<Referral>()({ input: referralInputSchema, kind: 'write', access: 'signedIn' }),
  /**
   * `mine`: only the signed-in person's cases, and those nobody leads: procedures they or nobody are
   * responsible for, and people with such a procedure or with none open.
   */
  'followUp.dashboard': defineOp<FollowUpDashboard>()({
    input: z.object({ mine: z.boolean().default(false) }).strict(),
    kind: 'read',
    access: 'signedIn',
  }),
};
