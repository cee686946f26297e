import type { KeySlotsView, Role } from '../../contract';
import type { SignedInContext, WriteTx } from '../context';
import { isSealed, readKeysFile, recoverySlot, userSlot, withSlot } from '../db/keyslots';
import { generateRecoveryCode } from '../db/recovery-code';
import { rekeyOpenFile } from '../db/rekey';
import { createSlot, unlockSlot } from '../db/slots';
import { readTrustedKeys, updateTrustedKeys } from '../db/trusted-keys';
import { AppError } from '../errors';

/** Destructive security operations ask for the president's password again, however long signed in. */
async function confirmPassword(ctx: SignedInContext, password: string): Promise<void> {
  const { path } = ctx.session.file;
  const keys = readKeysFile(path);
  const slot = userSlot(keys, ctx.session.user.id);
  const opened = await ctx.throttle.attempt(path, async () => {
    const unlocked = slot && (await unlockSlot(keys, slot, password));
    if (!unlocked) throw new AppError('wrong_password');
    return unlocked;
  });
  opened.dispose();
}

/**
 * "Who can open this file": every trusted slot, with the user's current name and role. A slot
 * planted in the keys file is not listed (it is dropped at the next sign-in or write).
 */
export function keySlots(ctx: SignedInContext): KeySlotsView {
  const { db } = ctx.session.file;
  const { keys } = readTrustedKeys(ctx.session.file);
  const users = new Map(
    (db.prepare('SELECT id, display_name, role, removed_at FROM users').all() as {
      id: string;
      display_name: string;
      role: Role;
      removed_at: string | null;
    }[]).map((u) => [u.id, u]),
  );
  const slots = keys.slots
    .map((s) => {
      const user = s.userId ? users.get(s.userId) : undefined;
      return {
        id: s.id,
        kind: s.kind,
        userId: s.userId ?? null,
        displayName: user?.display_name ?? s.label ?? null,
        role: user && !user.removed_at ? user.role : null,
        upToDate: isSealed(s),
      };
    })
    .sort((a, b) => (a.kind === b.kind ? (a.displayName ?? '').localeCompare(b.displayName ?? '') : a.kind === 'user' ? -1 : 1));
  return { keyGeneration: keys.keyGeneration, slots, canRekey: slots.every((s) => s.upToDate) };
}

/**
 * Rotates the database key (db/rekey.ts), after a fresh backup under the old key (a rekey that
 * cannot be backed up first does not start). If the rekey had to close the file midway, the session
 * ends: signing in again completes it.
 */
export async function rekey(ctx: SignedInContext, password: string) {
  await confirmPassword(ctx, password);
  const { session } = ctx;
  if (ctx.sessions.current() !== session) throw new AppError('session_locked');
  if (readTrustedKeys(session.file).keys.slots.some((s) => !isSealed(s))) throw new AppError('legacy_key_slots');
  // The background whole-file check holds a reader: a rekey needs the file to itself.
  await session.integrityDone;
  if (ctx.sessions.current() !== session) throw new AppError('session_locked');
  ctx.backups.local(session.file, 'beforeRekey');
  try {
    rekeyOpenFile(session.file, ctx.now());
  } catch (error) {
    if (!session.file.db.open) ctx.sessions.lock();
    throw error;
  }
  return (tx: WriteTx) => {
    tx.audit(null);
    return { keyGeneration: session.file.keyGeneration };
  };
}

/** A new recovery code (shown once): a new sealed recovery slot replaces the old one. */
export async function newRecoveryCode(ctx: SignedInContext, password: string) {
  await confirmPassword(ctx, password);
  const { file } = ctx.session;
  const recoveryCode = generateRecoveryCode();
  const slot = await createSlot({
    fileId: file.association.fileId,
    dbKey: file.key,
    generation: file.keyGeneration,
    secret: recoveryCode,
    meta: { kind: 'recovery' },
  });
  return (tx: WriteTx) => {
    const keys = readKeysFile(file.path);
    if (keys.keyGeneration !== file.keyGeneration || !recoverySlot(keys)) throw new AppError('session_locked');
    updateTrustedKeys(file, (trusted) => withSlot(trusted, slot));
    tx.audit(null);
    return { recoveryCode };
  };
}
