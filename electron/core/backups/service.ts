import { resolve } from 'node:path';
import type { BackupInfo, BackupStatus } from '../../contract';
import type { CoreContext, SignedInContext, WriteTx } from '../context';
import { AppError } from '../errors';
import { assertWritableFolder } from './durable-files';
import { listBackups } from './list';
import { backupsFolderFor, baseNameOf } from './naming';
import { recoverInterruptedRestore } from './restore-journal';
import { readSecondFolder, writeSecondFolder } from './second-folder-setting';

/** "Back up now": the local copy at once, then the second folder, with progress on `jobId`. */
export async function createBackup(ctx: SignedInContext, jobId: string | undefined) {
  const result = await ctx.backups.backupNow(ctx.session.file, ctx.jobs, jobId);
  return (tx: WriteTx) => {
    tx.audit(null);
    return result;
  };
}

export function backupStatus(ctx: SignedInContext): BackupStatus {
  const { file } = ctx.session;
  return {
    localFolder: backupsFolderFor(file.path),
    secondFolder: readSecondFolder(file.db),
    latest: ctx.backups.latest(file.path),
    lastAutomatic: ctx.backups.lastAutomatic(file.path),
  };
}

const newestFirst = (a: BackupInfo, b: BackupInfo) => b.createdAt.localeCompare(a.createdAt) || a.location.localeCompare(b.location);

/** Every backup of the open file, local and second folder, newest first. */
export function listAllBackups(ctx: SignedInContext): BackupInfo[] {
  const { file } = ctx.session;
  const base = baseNameOf(file.path);
  const second = readSecondFolder(file.db);
  const local = listBackups(backupsFolderFor(file.path), base, 'local');
  return (second ? [...local, ...listBackups(second, base, 'second')] : local).sort(newestFirst);
}

/** The folder must take a file now (a drive that is not plugged in is refused, not remembered). */
export async function setSecondFolder(ctx: SignedInContext, folder: string | null) {
  const chosen = folder === null ? null : resolve(folder);
  if (chosen !== null) {
    if (chosen === resolve(backupsFolderFor(ctx.session.file.path))) throw new AppError('directory_not_writable');
    assertWritableFolder(chosen);
  }
  return (tx: WriteTx): BackupStatus => {
    writeSecondFolder(tx.db, chosen);
    tx.audit(null);
    return backupStatus(ctx);
  };
}

/**
 * The backups of the file at `path` (beside it, or in `folder`), newest first. Public for the
 * sign-in screen of a damaged file; while someone is signed in it lists no more than `backups.list`
 * would show them, so only to a president.
 */
export function listBackupsFor(ctx: CoreContext, path: string, folder: string | undefined): BackupInfo[] {
  const session = ctx.sessions.current();
  if (session && session.user.role !== 'president') throw new AppError('forbidden');
  if (!path.toLowerCase().endsWith('.tadamon')) throw new AppError('not_a_tadamon_file');
  recoverInterruptedRestore(path);
  const base = baseNameOf(path);
  return folder ? listBackups(resolve(folder), base, 'other') : listBackups(backupsFolderFor(path), base, 'local');
}
