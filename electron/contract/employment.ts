import { z } from 'zod';
import type { DashboardPerson } from './case-follow-up';
import { isoDateSchema } from './dates';
import { defineOp } from './operation';

// Employment and livelihood: a person's situation at intake and at each follow-up as dated records,
// the follow-ups due 3, 6 and 12 months after a training they completed or a job they started, and
// the small business a person started on the self-employment path with its follow-up visits.

const idSchema = z.string().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const employmentSituationSchema = z.enum([
  'employed_contract',
  'employed_no_contract',
  'self_employed',
  'own_business',
  'in_training',
  'unemployed_looking',
  'not_looking',
]);
export type EmploymentSituation = z.infer<typeof employmentSituationSchema>;

/** Situations where the person works: they name an employer or activity and the day it started. */
export const WORKING_SITUATIONS: readonly EmploymentSituation[] = ['employed_contract', 'employed_no_contract', 'self_employed', 'own_business'];

/** The situations a report counts as "placed in a job" (employed or self-employed). */
export const PLACED_SITUATIONS = WORKING_SITUATIONS;

export const contractTypeSchema = z.enum(['cdi', 'cdd', 'anapec', 'none']);
export type ContractType = z.infer<typeof contractTypeSchema>;

export const employmentSectorSchema = z.enum([
  'agriculture',
  'construction',
  'industry',
  'commerce',
  'hospitality',
  'domestic_work',
  'crafts',
  'transport',
  'services',
  'other',
]);
export type EmploymentSector = z.infer<typeof employmentSectorSchema>;

/** Monthly income in MAD: the SMIG (about 3,000 MAD) sits between two bands. */
export const incomeBandSchema = z.enum(['none', 'under_1500', 'from_1500_to_3000', 'from_3000_to_5000', 'over_5000']);
export type IncomeBand = z.infer<typeof incomeBandSchema>;

/** Activity types that are trainings: completing one starts the follow-ups. */
export const TRAINING_ACTIVITY_TYPES: readonly string[] = ['training_module', 'vocational_training'];

/** Months after a training ends or a job starts when the person's situation is asked again. */
export const EMPLOYMENT_FOLLOW_UP_MONTHS = [3, 6, 12] as const;
export type EmploymentFollowUpMonths = (typeof EMPLOYMENT_FOLLOW_UP_MONTHS)[number];

export const employmentRecordInputSchema = z
  .object({
    /** With an id, corrects that record. */
    id: idSchema.optional(),
    beneficiaryId: idSchema,
    /** The day the situation was asked (intake or follow-up). */
    date: isoDateSchema,
    situation: employmentSituationSchema,
    /** The employer, or the activity of a self-employed person. */
    employer: optionalText(200),
    sector: employmentSectorSchema.nullish(),
    contractType: contractTypeSchema.nullish(),
    /** When the job or activity started. */
    startDate: isoDateSchema.nullish(),
    incomeBand: incomeBandSchema.nullish(),
  })
  .superRefine((r, ctx) => {
    const working = WORKING_SITUATIONS.includes(r.situation);
    if (working && !r.employer) ctx.addIssue({ code: 'custom', message: 'employer_required', path: ['employer'] });
    if (working && !r.startDate) ctx.addIssue({ code: 'custom', message: 'start_date_required', path: ['startDate'] });
    if (r.situation === 'employed_contract' && (!r.contractType || r.contractType === 'none')) {
      ctx.addIssue({ code: 'custom', message: 'contract_type_required', path: ['contractType'] });
    }
    if (!working && r.contractType && r.contractType !== 'none') ctx.addIssue({ code: 'custom', message: 'contract_without_job', path: ['contractType'] });
    if (r.startDate && r.startDate > r.date) ctx.addIssue({ code: 'custom', message: 'start_after_record', path: ['startDate'] });
  });
export type EmploymentRecordInput = z.input<typeof employmentRecordInputSchema>;

export interface EmploymentRecord {
  id: string;
  beneficiaryId: string;
  date: string;
  situation: EmploymentSituation;
  employer: string | null;
  sector: EmploymentSector | null;
  contractType: ContractType | null;
  startDate: string | null;
  incomeBand: IncomeBand | null;
  createdAt: string;
  updatedAt: string;
}

export const businessStateSchema = z.enum(['active', 'struggling', 'stopped']);
export type BusinessState = z.infer<typeof businessStateSchema>;

export const businessInputSchema = z.object({
  id: idSchema.optional(),
  beneficiaryId: idSchema,
  activity: z.string().trim().min(1).max(300),
  sector: employmentSectorSchema,
  startDate: isoDateSchema,
});
export type BusinessInput = z.input<typeof businessInputSchema>;

/** Money: set by those who handle it, like the grants area. */
export const businessGrantInputSchema = z.object({
  businessId: idSchema,
  /** Centimes of MAD; null: no grant. */
  grantMinor: z.number().int().min(1).max(100_000_000).nullable(),
});
export type BusinessGrantInput = z.input<typeof businessGrantInputSchema>;

export const businessVisitInputSchema = z.object({
  id: idSchema.optional(),
  businessId: idSchema,
  date: isoDateSchema,
  state: businessStateSchema,
  note: optionalText(2000),
});
export type BusinessVisitInput = z.input<typeof businessVisitInputSchema>;

export interface BusinessVisit {
  id: string;
  businessId: string;
  date: string;
  state: BusinessState;
  note: string | null;
  createdAt: string;
}

export interface Business {
  id: string;
  beneficiaryId: string;
  activity: string;
  sector: EmploymentSector;
  startDate: string;
  grantMinor: number | null;
  currency: 'MAD';
  createdAt: string;
  updatedAt: string;
  /** Newest first. */
  visits: BusinessVisit[];
}

/** What starts a person's follow-ups: a training completed (its last day) or a job started. */
export interface EmploymentAnchor {
  kind: 'training' | 'job';
  date: string;
  /** The training's title or the employer. */
  about: string | null;
}

/** One follow-up not settled yet, from its window's opening to its end. */
export interface EmploymentFollowUp extends DashboardPerson {
  anchor: EmploymentAnchor;
  months: EmploymentFollowUpMonths;
  dueOn: string;
  /** A situation dated from this day to `windowEnd` settles it. */
  windowStart: string;
  windowEnd: string;
}

export interface EmploymentFollowUps {
  /** Due from today to COMING_UP_DAYS ahead. */
  comingUp: EmploymentFollowUp[];
  /** Past due, their window still open. */
  late: EmploymentFollowUp[];
}

export interface PersonEmployment {
  /** Newest first. */
  records: EmploymentRecord[];
  businesses: Business[];
  /** The person's follow-ups not settled whose window is open or opens later, soonest first. */
  followUps: EmploymentFollowUp[];
}

// ---------------------------------------------------------------------------------------------

export const employmentOps = {
  'employment.person': defineOp<PersonEmployment>()({ input: z.object({ beneficiaryId: idSchema }), kind: 'read', access: 'signedIn' }),
  /** A date after today → `date_in_future` at `date`; an archived person → `beneficiary_archived`. */
  'employment.saveRecord': defineOp<EmploymentRecord>()({ input: employmentRecordInputSchema, kind: 'write', access: 'signedIn' }),
  'employment.saveBusiness': defineOp<Business>()({ input: businessInputSchema, kind: 'write', access: 'signedIn' }),
  'employment.setBusinessGrant': defineOp<Business>()({ input: businessGrantInputSchema, kind: 'write', access: ['treasurer', 'president'] }),
  /** Before the business started → `before_business_start` at `date`. */
  'employment.saveVisit': defineOp<BusinessVisit>()({ input: businessVisitInputSchema, kind: 'write', access: 'signedIn' }),
};
