import { z } from 'zod';
import type { ErrorCode } from './errors';
import { defineOp } from './operation';
import { recoveryCodeSchema, type SessionInfo } from './session';
import { jobIdSchema } from './jobs';

/**
 * - `regular`: made automatically (on lock, on close, once a day); the only kind rotation deletes.
 * - `manual`: made by "Back up now".
 * - `beforeMigration`: set aside before an app update changed the file's structure.
 * - `beforeRestore`: the file as it was just before a restore replaced it (a damaged file too).
 * - `beforeRekey`: made under the old key just before the database key was rotated.
 * - `beforeMerge`: made just before two people's records were merged into one.
 */
export const backupKindSchema = z.enum(['regular', 'manual', 'beforeMigration', 'beforeRestore', 'beforeRekey', 'beforeMerge']);
export type BackupKind = z.infer<typeof backupKindSchema>;

export interface BackupInfo {
  /** Full path of the backup's `.tadamon` file (its `.keys` file lies beside it). */
  path: string;
  fileName: string;
  /** ISO UTC, from the name. */
  createdAt: string;
  kind: BackupKind;
  /** `local`: the `backups` folder beside the file; `second`: the folder chosen in settings; `other`: a folder given to `backups.listFor`. */
  location: 'local' | 'second' | 'other';
  /** Database and keys file together. */
  sizeBytes: number;
  /** Who could open the file when it was backed up (from the backup's own keys file). */
  users: { id: string; displayName: string }[];
  hasRecoverySlot: boolean;
}

export type BackupTrigger = 'manual' | 'lock' | 'close' | 'daily' | 'beforeRekey';

export type SecondCopyOutcome = { ok: true; path: string } | { ok: false; error: ErrorCode };

export interface BackupResult {
  backup: BackupInfo;
  /** null when no second folder is set. */
  secondCopy: SecondCopyOutcome | null;
}

export interface AutomaticBackupOutcome {
  at: string;
  trigger: BackupTrigger;
  ok: boolean;
  error: ErrorCode | null;
}

export interface BackupStatus {
  localFolder: string;
  secondFolder: string | null;
  latest: BackupInfo | null;
  /** The last automatic backup attempted by this app run for this file (a failure stays visible). */
  lastAutomatic: AutomaticBackupOutcome | null;
}

export interface RestoreResult {
  /** Signed in again on the restored file when a user's password was given and they are in it; else null (sign in). */
  session: SessionInfo | null;
  /** Where the file that was replaced now lies (null when there was none). */
  safetyCopy: string | null;
  /** Consent withdrawals and merges made after the backup, made again on the restored file. */
  erasuresReapplied: number;
}

const filePath = z.string().trim().min(1).max(4096);
const empty = z.object({}).strict();

export const restoreBackupSchema = z.union([
  z.object({ path: filePath, backupPath: filePath, userId: z.string().min(1).max(64), password: z.string().min(1).max(256) }).strict(),
  z.object({ path: filePath, backupPath: filePath, recoveryCode: recoveryCodeSchema }).strict(),
]);
export type RestoreBackupInput = z.infer<typeof restoreBackupSchema>;

export const backupsOps = {
  /** "Back up now": any signed-in user (a copy of what they may already open, written beside it). */
  'backups.create': defineOp<BackupResult>()({
    input: z.object({ jobId: jobIdSchema.optional() }).strict(),
    kind: 'write',
    access: 'signedIn',
  }),
  'backups.status': defineOp<BackupStatus>()({ input: empty, kind: 'read', access: 'signedIn' }),
  /** Every backup of the open file, newest first, in the local and the second folder. */
  'backups.list': defineOp<BackupInfo[]>()({ input: empty, kind: 'read', access: ['president'] }),
  /** The second folder (e.g. a USB drive); null turns it off. */
  'backups.setSecondFolder': defineOp<BackupStatus>()({
    input: z.object({ folder: filePath.nullable() }).strict(),
    kind: 'write',
    access: ['president'],
  }),
  /**
   * With no file open (the sign-in screen, e.g. after `file_damaged`): the backups of the file at
   * `path`, from the folder beside it or from `folder` (a USB drive), newest first. While a
   * session is open, only for a president (`forbidden` otherwise), like `backups.list`.
   */
  'backups.listFor': defineOp<BackupInfo[]>()({
    input: z.object({ path: filePath, folder: filePath.optional() }).strict(),
    kind: 'read',
    access: 'public',
  }),
  /**
   * Replaces the file at `path` with a backup, after checking the backup opens with the password
   * of one of its presidents (or the recovery code) and is whole. Public because a damaged file
   * cannot be signed into; see docs/security.md for who may restore.
   */
  'backups.restore': defineOp<RestoreResult>()({ input: restoreBackupSchema, kind: 'session', access: 'public' }),
};
