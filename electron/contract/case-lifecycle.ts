import { z } from 'zod';
import { isoDateSchema } from './dates';
import { defineOp } from './operation';

const idSchema = z.string().min(1).max(64);

// ---------------------------------------------------------------------------------------------
// Closing and reopening a person's follow-up (and why a person was archived).

export const caseCloseReasonSchema = z.enum([
  'goals_reached',
  'moved_city',
  'returned_home',
  'referred_taken_over',
  'lost_contact',
  'deceased',
  'other',
]);
export type CaseCloseReason = z.infer<typeof caseCloseReasonSchema>;

export const MAX_CASE_NOTE_LENGTH = 1000;

const closingFields = {
  reason: caseCloseReasonSchema,
  note: z.string().trim().max(MAX_CASE_NOTE_LENGTH).nullish(),
};

/** The reason "other" needs a note saying which. */
const noteForOther = (c: { reason: CaseCloseReason; note?: string | null }, ctx: z.RefinementCtx) => {
  if (c.reason === 'other' && !c.note) ctx.addIssue({ code: 'custom', message: 'note_required', path: ['note'] });
};

export const caseCloseInputSchema = z.object({ beneficiaryId: idSchema, ...closingFields }).superRefine(noteForOther);
export type CaseCloseInput = z.infer<typeof caseCloseInputSchema>;

/** Archiving a person asks why, with the reasons of a closing (the case closes with it). */
export const archiveInputSchema = z.object({ id: idSchema, ...closingFields }).superRefine(noteForOther);
export type ArchiveInput = z.infer<typeof archiveInputSchema>;

export const caseReopenInputSchema = z.object({
  beneficiaryId: idSchema,
  note: z.string().trim().min(1).max(MAX_CASE_NOTE_LENGTH),
});
export type CaseReopenInput = z.infer<typeof caseReopenInputSchema>;

export type CaseEventKind = 'closed' | 'reopened' | 'archived';

export interface CaseEvent {
  id: string;
  kind: CaseEventKind;
  /** null for a reopening. */
  reason: CaseCloseReason | null;
  note: string | null;
  date: string;
  recordedByName: string;
  recordedAt: string;
}

export interface CaseLifecycle {
  /** A case closes by being closed or by the person being archived; it is open otherwise. */
  status: 'open' | 'closed';
  /** Oldest first. */
  history: CaseEvent[];
}

// ---------------------------------------------------------------------------------------------
// The needs assessment made at intake, and the needs met since.

export const intakeNeedSchema = z.enum(['documents', 'health', 'housing', 'food', 'schooling', 'work', 'training', 'legal', 'psychosocial']);
export type IntakeNeedCode = z.infer<typeof intakeNeedSchema>;

/** Health data (law 09-08): read only by the person who recorded it and by presidents. */
export const SENSITIVE_NEEDS: readonly IntakeNeedCode[] = ['health'];

export const needsAssessmentInputSchema = z.object({
  beneficiaryId: idSchema,
  /** Every need the person has; a need left out is removed, unless it was already met. */
  needs: z
    .array(intakeNeedSchema)
    .max(intakeNeedSchema.options.length)
    .refine((needs) => new Set(needs).size === needs.length, { message: 'duplicate' }),
});
export type NeedsAssessmentInput = z.infer<typeof needsAssessmentInputSchema>;

/** `metOn` null takes back a need marked met by mistake. */
export const needMetInputSchema = z.object({
  beneficiaryId: idSchema,
  need: intakeNeedSchema,
  metOn: isoDateSchema.nullable(),
});
export type NeedMetInput = z.infer<typeof needMetInputSchema>;

export interface IntakeNeed {
  need: IntakeNeedCode;
  sensitive: boolean;
  recordedByName: string;
  recordedAt: string;
  metOn: string | null;
  metByName: string | null;
}

// ---------------------------------------------------------------------------------------------

const byBeneficiary = z.object({ beneficiaryId: idSchema });

export const caseLifecycleOps = {
  'cases.lifecycle': defineOp<CaseLifecycle>()({ input: byBeneficiary, kind: 'read', access: 'signedIn' }),
  'cases.close': defineOp<CaseLifecycle>()({ input: caseCloseInputSchema, kind: 'write', access: 'signedIn' }),
  'cases.reopen': defineOp<CaseLifecycle>()({ input: caseReopenInputSchema, kind: 'write', access: 'signedIn' }),
  'intakeNeeds.list': defineOp<IntakeNeed[]>()({ input: byBeneficiary, kind: 'read', access: 'signedIn' }),
  'intakeNeeds.save': defineOp<IntakeNeed[]>()({ input: needsAssessmentInputSchema, kind: 'write', access: 'signedIn' }),
  'intakeNeeds.setMet': defineOp<IntakeNeed[]>()({ input: needMetInputSchema, kind: 'write', access: 'signedIn' }),
};
