import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RestoreBackupInput, RestoreResult } from '../../contract';
import { appendAudit } from '../audit/repository';
import type { CoreContext } from '../context';
import { activeUserOrThrow, closeFile, openUnlocked, unlockKeys, type Unlocker, type UnlockedKeys } from '../db/association-file';
import { authenticErasures, readKeysFile, recoverySlot, userSlot, keysPathFor, type Erasure } from '../db/keyslots';
import { readTrustedKeys } from '../db/trusted-keys';
import { unlockSlot } from '../db/slots';
import { AppError } from '../errors';
import { startSession } from '../session/service';
import { reapplyErasures } from './erasures';
import { asAppError, assertWritableFolder, copyDurably, removeQuietly } from './durable-files';
import { backupFileName, backupsFolderFor, baseNameOf, stampOf } from './naming';
import { completeSwap, journalPathFor, recoverInterruptedRestore, stagedPathFor, writeJournal } from './restore-journal';
import { verifyBackupCopy } from './verify';

export interface RestoreHooks {
  /** Test hook: called after each swap step; throwing there simulates a kill. */
  interrupt?: (step: number) => void;
}

function unlocker(input: RestoreBackupInput): { pick: Unlocker; failure: 'wrong_password' | 'wrong_recovery_code'; userId: string | null } {
  if ('recoveryCode' in input) {
    return { pick: (k) => ({ slot: recoverySlot(k), secret: input.recoveryCode }), failure: 'wrong_recovery_code', userId: null };
  }
  return { pick: (k) => ({ slot: userSlot(k, input.userId), secret: input.password }), failure: 'wrong_password', userId: input.userId };
}

/**
 * Who may replace the live file: whoever the backup names as a president (or the recovery code),
 * AND, when the live file can still say so, someone it lets in: its open president session, or
 * the same credentials on its own keys file. Only a file whose keys file is gone or unreadable
 * (damaged, lost) is restored on the backup's word alone.
 *
 * Returns the erasures the live file recorded (authenticated under its database key), which the
 * restored file must make again; none when the live keys file cannot vouch for them.
 */
async function assertMayReplace(
  ctx: CoreContext,
  path: string,
  backupFileId: string,
  access: ReturnType<typeof unlocker>,
): Promise<Erasure[]> {
  const session = ctx.sessions.current();
  let keys;
  try {
    keys = existsSync(keysPathFor(path)) ? readKeysFile(path) : null;
  } catch {
    keys = null;
  }
  if (keys && keys.fileId !== backupFileId) throw new AppError('keys_file_mismatch');
  if (session && resolve(session.file.path) === path) {
    if (session.user.role !== 'president') throw new AppError('forbidden');
    return readTrustedKeys(session.file).keys.erasures;
  }
  if (!keys) return [];
  const { slot, secret } = access.pick(keys);
  if (!slot) throw new AppError(access.failure === 'wrong_password' ? 'unknown_user' : 'wrong_recovery_code');
  const opened = await ctx.throttle.attempt(path, async () => {
    const unlocked = await unlockSlot(keys, slot, secret);
    if (!unlocked) throw new AppError(access.failure);
    return unlocked;
  });
  const dbKey = opened.keyFor(keys.keyGeneration);
  opened.dispose();
  if (!dbKey) return [];
  try {
    return (keys.version >= 3 && authenticErasures(keys, { dbKey, fileId: keys.fileId })) || [];
  } finally {
    dbKey.fill(0);
  }
}

/**
 * Restores a backup over the file at `path`: checks first, then swaps (see restore-journal.ts).
 * The replaced pair is kept as `backups/<name>.before-restore.<stamp>.tadamon`, a damaged file
 * included: it is renamed, never overwritten. Afterwards the president who gave their password
 * is signed in on the restored file; with the recovery code, nobody is (sign in as usual).
 */
export async function restoreBackup(ctx: CoreContext, input: RestoreBackupInput, hooks: RestoreHooks = {}): Promise<RestoreResult> {
  const path = resolve(input.path);
  const backupPath = resolve(input.backupPath);
  if (!path.toLowerCase().endsWith('.tadamon')) throw new AppError('not_a_tadamon_file');
  if (backupPath === path) throw new AppError('restore_failed');
  recoverInterruptedRestore(path);
  const access = unlocker(input);
  const options = { nativeBinding: ctx.host.nativeBinding, now: ctx.now() };

  const backup = await ctx.throttle.attempt(path, () => unlockKeys(backupPath, access.pick, access.failure));
  try {
    const erasures = await assertMayReplace(ctx, path, backup.keys.fileId, access);

    // Stage an exact copy beside the file and check that copy: what is checked is what goes in.
    const stamp = stampOf(ctx.now());
    const staged = stagedPathFor(path, stamp);
    const aside = join(backupsFolderFor(path), backupFileName(baseNameOf(path), 'beforeRestore', ctx.now()));
    try {
      assertWritableFolder(dirname(path));
      assertWritableFolder(dirname(aside));
      copyDurably(keysPathFor(backupPath), keysPathFor(staged));
      copyDurably(backupPath, staged);
      const stagedKeys: UnlockedKeys = { ...backup, keys: readKeysFile(staged) };
      verifyBackupCopy(staged, stagedKeys, access.userId, options);
    } catch (error) {
      removeQuietly(staged, keysPathFor(staged), `${staged}-wal`, `${staged}-shm`);
      throw asAppError(error, 'restore_failed');
    }

    // The point of no return: the current session (if on this file) ends without a backup of its
    // own (the safety copy is one), the journal is written, the swap runs.
    // The background whole-file check holds the file open: Windows cannot rename an open file.
    await ctx.sessions.current()?.integrityDone;
    const session = ctx.sessions.current();
    if (session && resolve(session.file.path) === path) ctx.sessions.lock('restore');
    try {
      writeJournal(path, staged, aside);
    } catch (error) {
      removeQuietly(staged, keysPathFor(staged), journalPathFor(path));
      throw asAppError(error, 'restore_failed');
    }
    try {
      completeSwap(path, { staged, aside }, hooks.interrupt);
    } catch (error) {
      // Left for recoverInterruptedRestore to finish at the next access (it only renames).
      throw asAppError(error, 'restore_failed');
    }
    const safetyCopy = existsSync(aside) ? aside : null;

    // Reopen: migrates an older backup (with its own pre-migration copy) and records the restore.
    const file = openUnlocked(path, { ...backup, keys: readKeysFile(path) }, options);
    let erasuresReapplied: number;
    try {
      erasuresReapplied = reapplyErasures(file, erasures, access.userId, ctx.now().toISOString());
    } catch (error) {
      closeFile(file);
      throw error;
    }
    if (access.userId === null) {
      try {
        file.db.transaction(() => appendAudit(file.db, { at: ctx.now().toISOString(), userId: null, op: 'backups.restore', entityId: null }))();
      } finally {
        closeFile(file);
      }
      return { session: null, safetyCopy, erasuresReapplied };
    }
    try {
      const user = activeUserOrThrow(file, access.userId);
      return { session: startSession(ctx, file, user, 'backups.restore'), safetyCopy, erasuresReapplied };
    } catch (error) {
      closeFile(file);
      throw error;
    }
  } finally {
    backup.unlocked.dispose();
  }
}
