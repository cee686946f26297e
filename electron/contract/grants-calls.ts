import { z } from 'zod';
import { isoDateSchema } from './dates';
import { minorSchema } from './grants-money';
import type { Agreement } from './grants';

// Calls for proposals of a funding agreement, and the applications they receive: scored per
// criterion by each evaluator, ranked by weighted total, decided.

const idSchema = z.string().min(1).max(64);
/** Absent, null or blank all mean "none". */
const optionalText = (max: number) => z.string().trim().max(max).nullish();
const requiredText = (max: number) => z.string().trim().min(1).max(max);

// ---------------------------------------------------------------------------------------------
// Calls for proposals

export const criterionInputSchema = z.object({
  id: idSchema.optional(),
  label: requiredText(300),
  weight: z.number().int().min(1).max(100),
});

export const callInputSchema = z
  .object({
    id: idSchema.optional(),
    agreementId: idSchema,
    title: requiredText(300),
    openDate: isoDateSchema,
    closeDate: isoDateSchema,
    envelopeMinor: minorSchema,
    maxPerProjectMinor: minorSchema,
    eligibility: optionalText(4000),
    criteria: z.array(criterionInputSchema).max(50).default([]),
  })
  .superRefine((c, ctx) => {
    if (c.closeDate < c.openDate) ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['closeDate'] });
    if (c.maxPerProjectMinor > c.envelopeMinor) ctx.addIssue({ code: 'custom', message: 'above_envelope', path: ['maxPerProjectMinor'] });
  });
export type CallInput = z.input<typeof callInputSchema>;

export interface Criterion {
  id: string;
  label: string;
  weight: number;
}

export interface Call {
  id: string;
  agreementId: string;
  reference: string;
  title: string;
  openDate: string;
  closeDate: string;
  envelopeMinor: number;
  maxPerProjectMinor: number;
  eligibility: string | null;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface CallRow extends Call {
  applications: number;
  selected: number;
  /** Sum of the sub-grants signed under this call (call currency = agreement currency). */
  committedMinor: number;
}


// ---------------------------------------------------------------------------------------------
// Applications

export const MAX_SCORE = 20;

export const applicationInputSchema = z.object({
  id: idSchema.optional(),
  callId: idSchema,
  recipientId: idSchema,
  projectTitle: requiredText(300),
  summary: optionalText(4000),
  requestedMinor: minorSchema,
});
export type ApplicationInput = z.input<typeof applicationInputSchema>;

export const scoreInputSchema = z.object({
  applicationId: idSchema,
  evaluator: requiredText(120),
  scores: z.array(z.object({ criterionId: idSchema, score: z.number().int().min(0).max(MAX_SCORE) })).min(1).max(50),
});

export const decisionSchema = z.enum(['pending', 'selected', 'reserve', 'rejected']);
export type Decision = z.infer<typeof decisionSchema>;

export const decideInputSchema = z
  .object({ applicationId: idSchema, decision: decisionSchema, reason: optionalText(1000) })
  .superRefine((d, ctx) => {
    if (d.decision === 'rejected' && !d.reason) ctx.addIssue({ code: 'custom', message: 'reason_required', path: ['reason'] });
  });

export interface EvaluatorScores {
  evaluator: string;
  scores: Record<string, number>;
  /** Σ(weight × score) / Σ weight, on /20, 2 decimals; null until every criterion is scored. */
  weighted: number | null;
}

export interface ApplicationRow {
  id: string;
  callId: string;
  recipientId: string;
  recipientName: string;
  projectTitle: string;
  summary: string | null;
  requestedMinor: number;
  decision: Decision;
  decisionReason: string | null;
  evaluations: EvaluatorScores[];
  /** Mean of the evaluators' complete weighted totals, 2 decimals; null when none is complete. */
  total: number | null;
  /** 1 = best total of the call; null when not scored. Ties share a rank. */
  rank: number | null;
  /** The sub-grant signed from it, if any. */
  subGrantId: string | null;
}

export interface CallDetail {
  call: Call;
  agreement: Pick<Agreement, 'id' | 'reference' | 'title' | 'currency'>;
  criteria: Criterion[];
  /** Best total first, then unscored ones. */
  applications: ApplicationRow[];
  committedMinor: number;
}
