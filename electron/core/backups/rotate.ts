import { removeQuietly } from './durable-files';
import { listBackups } from './list';
import { backupsToKeep, DEFAULT_RETENTION, type RetentionPolicy } from './rotation';

/**
 * Applies the retention policy to the regular backups of `base` in `folder`. Runs only after a new
 * backup is complete, so the previous good one is never deleted before its successor exists.
 * Pre-migration and pre-restore copies are never deleted automatically.
 */
export function rotateFolder(folder: string, base: string, policy: RetentionPolicy = DEFAULT_RETENTION): string[] {
  const regular = listBackups(folder, base, 'local').filter((b) => b.kind === 'regular');
  const dates = regular.map((b) => new Date(b.createdAt));
  const keep = backupsToKeep(dates, policy);
  const removed: string[] = [];
  regular.forEach((backup, i) => {
    if (keep.has(dates[i])) return;
    // Either half alone is never listed as a backup, so a kill between the two is harmless.
    removeQuietly(backup.path);
    removeQuietly(`${backup.path}.keys`);
    removed.push(backup.fileName);
  });
  return removed;
}
