import { z } from 'zod';
import { isoDateSchema } from './dates';
import { defineOp } from './operation';
import type { Role } from './roles';

export interface KeySlotView {
  id: string;
  kind: 'user' | 'recovery';
  userId: string | null;
  /** From the users table when the user is known there, else the slot's own label. */
  displayName: string | null;
  role: Role | null;
  /**
   * false for a slot of the first format, which cannot follow a key rotation: its user must sign
   * in once (or, for the recovery slot, a new recovery code be made) before the key can rotate.
   */
  upToDate: boolean;
}

export interface KeySlotsView {
  keyGeneration: number;
  slots: KeySlotView[];
  /** Every slot is up to date. */
  canRekey: boolean;
}

/** Why a write is worth a second look: a rule the user chose to override, with a reason kept on the record. */
export const auditNoteSchema = z.enum(['override_envelope', 'override_tranche_condition']);
export type AuditNote = z.infer<typeof auditNoteSchema>;

export interface AuditEntryView {
  id: string;
  at: string;
  userId: string | null;
  userName: string | null;
  op: string;
  entityId: string | null;
  note: AuditNote | null;
}

const auditFilters = {
  userId: z.string().min(1).max(64).optional(),
  op: z.string().trim().min(1).max(80).optional(),
  /** Inclusive days, UTC. */
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
};

export const auditQuerySchema = z
  .object({
    ...auditFilters,
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
  })
  .strict();

export const auditExportSchema = z.object({ ...auditFilters, delimiter: z.enum([',', ';']).default(',') }).strict();

const confirm = z.object({ password: z.string().min(1).max(256) }).strict();

export const securityOps = {
  /** "Who can open this file": the key slots, joined with the users. */
  'security.keySlots': defineOp<KeySlotsView>()({ input: z.object({}).strict(), kind: 'read', access: ['president'] }),
  /** Rotates the database key (the president confirms with their password). */
  'security.rekey': defineOp<{ keyGeneration: number }>()({ input: confirm, kind: 'write', access: ['president'] }),
  /** A new recovery code, shown once; the old one stops working. */
  'security.newRecoveryCode': defineOp<{ recoveryCode: string }>()({ input: confirm, kind: 'write', access: ['president'] }),
  'audit.list': defineOp<{ rows: AuditEntryView[]; total: number }>()({ input: auditQuerySchema, kind: 'read', access: ['president'] }),
  /** The filtered log as CSV (UTF-8 with BOM); the export itself is audited. */
  'audit.export': defineOp<{ fileName: string; csv: string; rows: number }>()({
    input: auditExportSchema,
    kind: 'write',
    access: ['president'],
  }),
};
