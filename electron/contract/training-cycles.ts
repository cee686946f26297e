import { z } from 'zod';
import type { SheetLogo } from './activities';
import { defineOp } from './operation';

// Trainings that lead somewhere: activities (modules) grouped into a training cycle, a person's
// completion of the cycle computed from their completion of each module, and the numbered
// certificates (CERT-YYYY-NNNNN) printed for the people who took part or completed.

const idSchema = z.string().min(1).max(64);

export const MAX_CYCLE_MODULES = 30;

/** Without `id`, creates a cycle; with it, replaces its title, modules and rule. */
export const cycleInputSchema = z
  .object({
    id: idSchema.optional(),
    title: z.string().trim().min(1).max(200),
    /** Activities of the activities area, in the order they are taught. */
    activityIds: z.array(idSchema).min(1).max(MAX_CYCLE_MODULES),
    /** The cycle is completed with at least this many modules completed; absent or null: all of them. */
    requiredModules: z.number().int().min(1).max(MAX_CYCLE_MODULES).nullish(),
  })
  .superRefine((c, ctx) => {
    if (new Set(c.activityIds).size !== c.activityIds.length) ctx.addIssue({ code: 'custom', message: 'duplicate', path: ['activityIds'] });
    if (c.requiredModules && c.requiredModules > c.activityIds.length) {
      ctx.addIssue({ code: 'custom', message: 'above_module_count', path: ['requiredModules'] });
    }
  });
export type CycleInput = z.infer<typeof cycleInputSchema>;

export interface TrainingCycle {
  id: string;
  title: string;
  requiredModules: number | null;
  /** In teaching order. */
  activityIds: string[];
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export interface CycleRow extends TrainingCycle {
  /** People who completed the cycle so far. */
  completedCount: number;
  participantCount: number;
}

export interface CycleModule {
  activityId: string;
  reference: string;
  title: string;
  sessionsHeld: number;
  completionThreshold: number;
  firstSessionDate: string | null;
  lastSessionDate: string | null;
  archived: boolean;
}

export interface CycleModuleProgress {
  activityId: string;
  registered: boolean;
  presentCount: number;
  /** The module's own rule: present at ≥ its completion threshold of its sessions held. */
  completed: boolean;
}

/** A person registered in at least one module of the cycle. */
export interface CycleParticipant {
  beneficiaryId: string;
  reference: string;
  /** Full Latin name, or the initials of a pseudonymous record. */
  displayName: string;
  arabicName: string | null;
  pseudonymous: boolean;
  /** In module order. */
  modules: CycleModuleProgress[];
  completedModules: number;
  /** Present at least once in one module. */
  attended: boolean;
  completed: boolean;
  /** References of the certificates already issued for the cycle. */
  certificates: { participation: string | null; completion: string | null };
}

export interface CycleDetail {
  cycle: TrainingCycle;
  /** In teaching order. */
  modules: CycleModule[];
  /** Modules to complete: the cycle's rule, else all of them. */
  modulesRequired: number;
  /** By name. */
  participants: CycleParticipant[];
}

// ---------------------------------------------------------------------------------------------
// Certificates

export const certificateKindSchema = z.enum(['participation', 'completion']);
export type CertificateKind = z.infer<typeof certificateKindSchema>;

export const certificateSubjectSchema = z.enum(['activity', 'cycle']);
export type CertificateSubject = z.infer<typeof certificateSubjectSchema>;

/**
 * Issues the certificates of these people, or gives back those already issued (same number, same
 * date). Completion: only people who completed (`not_completed` at their position); participation:
 * only people present at least once (`not_attended`); a pseudonymous record has no name to print
 * (`certificate_needs_name`). One refusal refuses the whole batch.
 */
export const certificateIssueSchema = z.object({
  subject: certificateSubjectSchema,
  subjectId: idSchema,
  kind: certificateKindSchema,
  beneficiaryIds: z.array(idSchema).min(1).max(500),
});
export type CertificateIssueInput = z.infer<typeof certificateIssueSchema>;

/** A module (or the activity itself) as the certificate writes it: the person's own presence. */
export interface CertificateCourse {
  title: string;
  firstPresentOn: string;
  lastPresentOn: string;
  /** Minutes of the sessions the person was present at. */
  minutes: number;
}

export interface CertificateDocument {
  reference: string;
  kind: CertificateKind;
  /** The day it was first issued: the date under the signature, also on a reprint. */
  issuedOn: string;
  person: { beneficiaryId: string; displayName: string; arabicName: string | null };
  subject: CertificateSubject;
  /** The activity's or the cycle's title. */
  title: string;
  /** Over all the modules (or the activity's sessions) the person attended. */
  course: CertificateCourse;
  /** A cycle: each module the person attended, in teaching order. */
  modules: CertificateCourse[];
}

export interface CertificateBatch {
  association: { name: string; city: string; logo: SheetLogo | null };
  /** The association's president, for the signature block (the first one, if several). */
  president: string | null;
  /** In the order asked. */
  certificates: CertificateDocument[];
}

const byId = z.object({ id: idSchema });

export const trainingCyclesOps = {
  'cycles.list': defineOp<CycleRow[]>()({ input: z.object({ archived: z.boolean().default(false) }), kind: 'read', access: 'signedIn' }),
  'cycles.get': defineOp<CycleDetail>()({ input: byId, kind: 'read', access: 'signedIn' }),
  /** Unknown activities → `not_found` at `activityIds.<i>`. */
  'cycles.save': defineOp<TrainingCycle>()({ input: cycleInputSchema, kind: 'write', access: 'signedIn' }),
  'cycles.archive': defineOp<TrainingCycle>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'cycles.restore': defineOp<TrainingCycle>()({ input: byId, kind: 'write', access: 'signedIn' }),
  /** Certificates carry the association's name and its president's signature: the president issues them. */
  'certificates.issue': defineOp<CertificateBatch>()({ input: certificateIssueSchema, kind: 'write', access: ['president'] }),
};
