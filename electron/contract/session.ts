import { z } from 'zod';
import { defineOp } from './operation';
import { localeSchema, roleSchema } from './roles';

export const PASSWORD_MIN_LENGTH = 10;
/** The lowest zxcvbn score (0–4) a new password may have: the meter's "good". */
export const MIN_PASSWORD_SCORE = 3;
export const passwordSchema = z.string().min(PASSWORD_MIN_LENGTH).max(256);

/** Demo file credentials: printed in the README, shown on the demo sign-in screen. */
export const DEMO_PASSWORD = 'tadamon-demo-2026';

/** Crockford-like alphabet without look-alike characters (no I, L, O, U, 0, 1). */
export const RECOVERY_ALPHABET = 'ABCDEFGHJKMNPQRSTVWXYZ23456789';
export const RECOVERY_GROUPS = 6;
export const RECOVERY_GROUP_LENGTH = 5;

export function normalizeRecoveryCode(text: string): string {
  return text.toUpperCase().replace(/[\s-]/g, '');
}

export const recoveryCodeSchema = z
  .string()
  .max(100)
  .transform(normalizeRecoveryCode)
  .pipe(z.string().regex(new RegExp(`^[${RECOVERY_ALPHABET}]{${RECOVERY_GROUPS * RECOVERY_GROUP_LENGTH}}$`)));

export function formatRecoveryCode(code: string): string[] {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += RECOVERY_GROUP_LENGTH) groups.push(code.slice(i, i + RECOVERY_GROUP_LENGTH));
  return groups;
}

const filePath = z.string().trim().min(1).max(4096);
const displayName = z.string().trim().min(1).max(120);

export const sessionUserSchema = z.object({
  id: z.string(),
  displayName,
  role: roleSchema,
  locale: localeSchema,
  mustChangePassword: z.boolean(),
});
export type SessionUser = z.infer<typeof sessionUserSchema>;

export interface SessionInfo {
  path: string;
  /** The key-slot file beside it, to back up with it (its name is the core's to choose). */
  keysPath: string;
  association: { name: string; city: string };
  user: SessionUser;
  autoLockMinutes: number;
  /** On the sign-in that found them: key slots added outside the app, removed from the keys file. */
  removedKeySlots?: number;
}

/**
 * The result of the whole-file check (`quick_check`) of the open file: run on the sign-in path after
 * an unclean shutdown, else in the background just after sign-in.
 */
export type IntegrityState = 'checking' | 'ok' | 'damaged' | 'unknown';

export interface RecentFile {
  path: string;
  associationName: string;
  openedAt: string;
}

export interface AppStatus {
  session: SessionInfo | null;
  recentFiles: RecentFile[];
  defaultDirectory: string;
  locale: z.infer<typeof localeSchema>;
  canBrowse: boolean;
}

export const createFileSchema = z.object({
  associationName: z.string().trim().min(2).max(160),
  city: z.string().trim().min(1).max(120),
  directory: filePath,
  displayName,
  password: passwordSchema,
});
export type CreateFileInput = z.infer<typeof createFileSchema>;

export const openFileSchema = z.object({
  path: filePath,
  userId: z.string().min(1).max(64),
  password: z.string().min(1).max(256),
});

export const recoverSchema = z.object({
  path: filePath,
  userId: z.string().min(1).max(64),
  recoveryCode: recoveryCodeSchema,
  newPassword: passwordSchema,
});

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});

const empty = z.object({}).strict();

export const sessionOps = {
  'app.status': defineOp<AppStatus>()({ input: empty, kind: 'read', access: 'public' }),
  'app.setLocale': defineOp<null>()({ input: z.object({ locale: localeSchema }), kind: 'session', access: 'public' }),
  'file.inspect': defineOp<{ associationHint: string; users: { id: string; displayName: string }[] }>()({
    input: z.object({ path: filePath }),
    kind: 'read',
    access: 'public',
  }),
  'file.pickFile': defineOp<{ path: string | null }>()({ input: empty, kind: 'read', access: 'public' }),
  'file.pickDirectory': defineOp<{ path: string | null }>()({ input: empty, kind: 'read', access: 'public' }),
  'file.create': defineOp<{ session: SessionInfo; recoveryCode: string }>()({
    input: createFileSchema,
    kind: 'session',
    access: 'public',
  }),
  'file.open': defineOp<SessionInfo>()({ input: openFileSchema, kind: 'session', access: 'public' }),
  'file.recover': defineOp<SessionInfo>()({ input: recoverSchema, kind: 'session', access: 'public' }),
  'file.openDemo': defineOp<{ path: string }>()({ input: empty, kind: 'session', access: 'public' }),
  'session.lock': defineOp<null>()({ input: empty, kind: 'session', access: 'public' }),
  'file.integrity': defineOp<IntegrityState>()({ input: empty, kind: 'read', access: 'signedIn' }),
  'session.changePassword': defineOp<SessionInfo>()({
    input: changePasswordSchema,
    kind: 'session',
    access: 'signedIn',
  }),
};
