import { removeQuietly } from './durable-files';
import { listBackups } from './list';
import { backupsToDelete, DEFAULT_RETENTION, type RetentionPolicy } from './rotation';

/**
 * Applies the retention policy at `now` to the backups of `base` in `folder` (only automatic ones
 * are ever deleted: see backupsToDelete). Runs only after a new backup is complete, so the
 * previous good one is never deleted before its successor exists.
 */
export function rotateFolder(folder: string, base: string, now: Date, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  return backupsToDelete(listBackups(folder, base, 'local'), now, policy).map((backup) => {
    // Either half alone is never listed as a backup, so a kill between the two is harmless.
    removeQuietly(backup.path);
    removeQuietly(`${backup.path}.keys`);
    return backup.fileName;
  });
}
