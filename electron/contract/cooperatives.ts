import { z } from 'zod';
import { attachmentUploadSchema, type AttachmentContent, type AttachmentInfo } from './attachments';
import { isoDateSchema } from './dates';
import { defineOp } from './operation';

// Cooperative creation (law 112-12, ODCO): a project of a group of founders, the creation steps
// copied from the template at the project's creation (so a template edit in Settings changes new
// projects only), the founders' shares, and the follow-up visits once the cooperative exists.

const idSchema = z.string().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max).nullish();

export const cooperativeSectorSchema = z.enum(['sewing', 'catering', 'farming', 'handicraft', 'services', 'other']);
export type CooperativeSector = z.infer<typeof cooperativeSectorSchema>;

export const stepStatusSchema = z.enum(['not_started', 'in_progress', 'done', 'blocked']);
export type StepStatus = z.infer<typeof stepStatusSchema>;

export const revenueBandSchema = z.enum(['none', 'under_5000', 'from_5000_to_20000', 'from_20000_to_50000', 'over_50000']);
export type RevenueBand = z.infer<typeof revenueBandSchema>;

/** The step whose completion needs the minimum number of founders and capital. */
export const CONSTITUTIVE_ASSEMBLY_STEP = 'constitutive_assembly';

/** Residence documents that do not allow a foreigner to found a cooperative. */
export const NOT_RESIDENCE_DOCUMENTS: readonly string[] = ['no_document', 'pending_receipt', 'moroccan_citizen'];

/** A foreign founder's residence document expiring within this many days is flagged. */
export const RESIDENCE_WARNING_DAYS = 60;

/** Follow-up visits after creation, in months. */
export const VISIT_MONTHS = [6, 12] as const;

// ---------------------------------------------------------------------------------------------
// Step template (Settings)

export const stepCodeSchema = z.string().trim().regex(/^[a-z0-9_]{1,48}$/);

export const templateStepSchema = z.object({
  code: stepCodeSchema,
  labels: z.object({
    fr: z.string().trim().min(1).max(200),
    ar: z.string().trim().min(1).max(200),
    en: z.string().trim().min(1).max(200),
  }),
  /** A later step cannot be done before this one is. */
  mandatory: z.boolean(),
});
export type TemplateStep = z.infer<typeof templateStepSchema>;

export const templateInputSchema = z.object({
  steps: z
    .array(templateStepSchema)
    .min(1)
    .max(40)
    .superRefine((steps, ctx) => {
      const seen = new Set<string>();
      steps.forEach((s, i) => {
        if (seen.has(s.code)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: [i, 'code'] });
        seen.add(s.code);
      });
    }),
});

// ---------------------------------------------------------------------------------------------
// Projects

/** Without `id`, creates the project (reference `C-YYYY-NNNNN`) with the template's steps; with it, replaces the fields. */
export const cooperativeInputSchema = z.object({
  id: idSchema.optional(),
  /** In order of preference, for the name approval (certificat négatif). */
  proposedNames: z.array(z.string().trim().min(1).max(200)).min(1).max(5),
  sector: cooperativeSectorSchema,
  activity: z.string().trim().min(1).max(500),
  city: z.string().trim().min(1).max(120),
  /** The association's staff member coaching the group. */
  coach: optionalText(200),
  /** Value of one share in centimes (≥ the setting `cooperativeMinShareValue`). */
  shareValue: z.number().int().min(1).max(100_000_000),
  notes: optionalText(2000),
  /** The cooperative as a recipient in the grants area, once it receives grants. */
  grantRecipientId: idSchema.nullish(),
});
export type CooperativeInput = z.input<typeof cooperativeInputSchema>;

export interface Cooperative {
  id: string;
  reference: string;
  proposedNames: string[];
  sector: CooperativeSector;
  activity: string;
  city: string;
  coach: string | null;
  shareValue: number;
  currency: 'MAD';
  notes: string | null;
  grantRecipientId: string | null;
  createdAt: string;
  /** The last change to the project, its founders, steps or visits (the pipeline's staleness). */
  lastChangeAt: string;
  archivedAt: string | null;
}

export const founderInputSchema = z
  .object({
    id: idSchema.optional(),
    cooperativeId: idSchema,
    /** Exactly one of beneficiaryId and memberId. */
    beneficiaryId: idSchema.nullish(),
    memberId: idSchema.nullish(),
    sharesSubscribed: z.number().int().min(1).max(100_000),
    sharesPaid: z.number().int().min(0).max(100_000),
  })
  .superRefine((f, ctx) => {
    if (Boolean(f.beneficiaryId) === Boolean(f.memberId)) ctx.addIssue({ code: 'custom', message: 'beneficiary_or_member', path: ['beneficiaryId'] });
    if (f.sharesPaid > f.sharesSubscribed) ctx.addIssue({ code: 'custom', message: 'shares_paid_above_subscribed', path: ['sharesPaid'] });
  });

export interface Founder {
  id: string;
  cooperativeId: string;
  beneficiaryId: string | null;
  memberId: string | null;
  /** Reference of the beneficiary or number of the member. */
  reference: string;
  name: string;
  arabicName: string | null;
  sex: 'female' | 'male';
  nationality: string | null;
  sharesSubscribed: number;
  sharesPaid: number;
  /** A foreigner's residence document: its type code and expiry, for the warning. */
  residenceDocument: string | null;
  residenceExpiry: string | null;
  /** The residence document expires within RESIDENCE_WARNING_DAYS days. */
  residenceWarning: boolean;
  addedAt: string;
}

export const stepInputSchema = z
  .object({
    id: idSchema,
    status: stepStatusSchema,
    blockedReason: optionalText(500),
    startedOn: isoDateSchema.nullish(),
    doneOn: isoDateSchema.nullish(),
    responsible: optionalText(200),
    notes: optionalText(2000),
  })
  .superRefine((s, ctx) => {
    if (s.status === 'blocked' && !s.blockedReason) ctx.addIssue({ code: 'custom', message: 'blocked_reason_required', path: ['blockedReason'] });
    if (s.status === 'done' && !s.doneOn) ctx.addIssue({ code: 'custom', message: 'done_date_required', path: ['doneOn'] });
    if (s.startedOn && s.doneOn && s.doneOn < s.startedOn) ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['doneOn'] });
  });
export type StepInput = z.input<typeof stepInputSchema>;

/** A step marked done goes back to in progress only this way, with the reason. */
export const stepUndoSchema = z.object({ id: idSchema, reason: z.string().trim().min(1).max(1000) });
export type StepUndoInput = z.input<typeof stepUndoSchema>;

export interface CooperativeStep {
  id: string;
  cooperativeId: string;
  position: number;
  code: string;
  labels: { fr: string; ar: string; en: string };
  mandatory: boolean;
  status: StepStatus;
  blockedReason: string | null;
  startedOn: string | null;
  doneOn: string | null;
  responsible: string | null;
  notes: string | null;
  updatedAt: string;
  /** Files attached to the step (name approval, signed statutes, minutes…), oldest first. */
  documents: AttachmentInfo[];
}

/** Owner type of a step's documents in the attachments store. */
export const STEP_DOCUMENT_OWNER = 'cooperative_step';

export const visitInputSchema = z.object({
  cooperativeId: idSchema,
  /** The 6- or 12-month visit. */
  month: z.union([z.literal(6), z.literal(12)]),
  date: isoDateSchema,
  revenueBand: revenueBandSchema,
  activeMembers: z.number().int().min(0).max(10_000),
  difficulties: optionalText(2000),
  supportNeeded: optionalText(2000),
});
export type VisitInput = z.input<typeof visitInputSchema>;

export interface CooperativeVisit {
  id: string;
  cooperativeId: string;
  month: 6 | 12;
  date: string;
  revenueBand: RevenueBand;
  activeMembers: number;
  difficulties: string | null;
  supportNeeded: string | null;
  createdAt: string;
}

export interface VisitSlot {
  month: 6 | 12;
  /** Creation date + month months; null while the cooperative is not created. */
  dueOn: string | null;
  visit: CooperativeVisit | null;
}

/** Activities the founders who are beneficiaries attended. */
export interface FounderTraining {
  activityId: string;
  reference: string;
  title: string;
  founders: number;
}

export interface CooperativeDetail {
  cooperative: Cooperative;
  founders: Founder[];
  steps: CooperativeStep[];
  /** Sum of shares subscribed and paid × share value (centimes). */
  capitalSubscribed: number;
  capitalPaid: number;
  /** The settings the rules use, for the page to explain them. */
  minFounders: number;
  minCapital: number;
  /** The first step not done, null when all are. */
  currentStep: string | null;
  /** The done date of the last step, once every step is done. */
  createdOn: string | null;
  visits: VisitSlot[];
  trainings: FounderTraining[];
}

export interface PipelineCard {
  id: string;
  reference: string;
  name: string;
  sector: CooperativeSector;
  city: string;
  founders: number;
  /** Position of the current step, or null when every step is done. */
  currentStep: { code: string; labels: { fr: string; ar: string; en: string }; status: StepStatus } | null;
  lastChangeAt: string;
  /** No change for the setting `cooperativeStaleDays` days. */
  stale: boolean;
}

export interface PipelineColumn {
  code: string;
  labels: { fr: string; ar: string; en: string };
  cards: PipelineCard[];
}

export interface Pipeline {
  /** The template's steps in order (plus any older step code still in use), then `created`. */
  columns: PipelineColumn[];
  created: PipelineCard[];
}

/** A sub-grant the cooperative received (from the grants area), with what was paid of it. */
export interface CooperativeGrant {
  subGrantId: string;
  reference: string;
  title: string;
  amountMinor: number;
  currency: string;
  startDate: string;
  endDate: string;
  disbursedMinor: number;
}

/** The outcome of a founder change: the warnings that do not stop it. */
export interface FounderOutcome {
  founder: Founder;
  residenceWarning: boolean;
}

// ---------------------------------------------------------------------------------------------

const byId = z.object({ id: idSchema });

export const cooperativesOps = {
  'cooperatives.list': defineOp<PipelineCard[]>()({
    input: z.object({ archived: z.boolean().default(false) }),
    kind: 'read',
    access: 'signedIn',
  }),
  'cooperatives.pipeline': defineOp<Pipeline>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  'cooperatives.get': defineOp<CooperativeDetail>()({ input: byId, kind: 'read', access: 'signedIn' }),
  /** Share value below the setting → `share_value_below_minimum`. */
  'cooperatives.save': defineOp<Cooperative>()({ input: cooperativeInputSchema, kind: 'write', access: 'signedIn' }),
  'cooperatives.archive': defineOp<Cooperative>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'cooperatives.restore': defineOp<Cooperative>()({ input: byId, kind: 'write', access: 'signedIn' }),
  /** A foreigner without a valid residence document → `residence_document_required`; expiring soon → warning. */
  'cooperatives.saveFounder': defineOp<FounderOutcome>()({ input: founderInputSchema, kind: 'write', access: 'signedIn' }),
  /** After the constitutive assembly, not below the minimum number of founders (`founders_below_minimum`). */
  'cooperatives.removeFounder': defineOp<{ id: string }>()({ input: byId, kind: 'write', access: 'signedIn' }),
  /** Done before an earlier mandatory step → `previous_step_not_done`; the assembly needs the founders and capital. */
  'cooperatives.saveStep': defineOp<CooperativeStep>()({ input: stepInputSchema, kind: 'write', access: 'signedIn' }),
  /** Back to in progress, the reason kept; not done → `step_not_done`; a later step done → `later_step_done`. */
  'cooperatives.undoStep': defineOp<CooperativeStep>()({ input: stepUndoSchema, kind: 'write', access: 'signedIn' }),
  /** PDF, JPEG or PNG (by content), at most 10 MB; kept inside the encrypted file. */
  'cooperatives.attachDocument': defineOp<AttachmentInfo>()({
    input: z.object({ stepId: idSchema, file: attachmentUploadSchema }),
    kind: 'write',
    access: 'signedIn',
  }),
  'cooperatives.document': defineOp<AttachmentContent>()({ input: byId, kind: 'read', access: 'signedIn' }),
  'cooperatives.saveVisit': defineOp<CooperativeVisit>()({ input: visitInputSchema, kind: 'write', access: 'signedIn' }),
  /** Amounts: for those who handle money, like the grants area itself. */
  'cooperatives.grants': defineOp<CooperativeGrant[]>()({ input: byId, kind: 'read', access: ['treasurer', 'president'] }),
  'cooperatives.template': defineOp<TemplateStep[]>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  /** Applies to projects created afterwards; existing projects keep their steps. */
  'cooperatives.saveTemplate': defineOp<TemplateStep[]>()({ input: templateInputSchema, kind: 'write', access: ['president'] }),
};
