import { mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { copyDurably, partialPathFor, removeQuietly } from '../backups/durable-files';
import { backupsFolderFor, baseNameOf, beforeMigrationFileName } from '../backups/naming';
import type { Db } from './database';
import { fsyncDirectory, keysPathFor } from './keyslots';

/**
 * Copies the still-encrypted file and its keys aside before a migration touches them. The WAL is
 * checkpointed first so the copy is complete; nothing is ever decrypted to disk. Both files are
 * written under hidden partial names and renamed once whole (keys first: a database without its
 * keys file is never listed), so a kill never leaves a half copy that looks like a backup.
 */
export function backupBeforeMigration(db: Db, dbPath: string, fromVersion: number, now: Date): string {
  db.pragma('main.wal_checkpoint(TRUNCATE)');
  const dir = backupsFolderFor(dbPath);
  mkdirSync(dir, { recursive: true });
  const target = join(dir, beforeMigrationFileName(baseNameOf(dbPath), fromVersion + 1, now));
  const dbPartial = partialPathFor(target);
  const keysPartial = partialPathFor(keysPathFor(target));
  try {
    copyDurably(dbPath, dbPartial);
    copyDurably(keysPathFor(dbPath), keysPartial);
    renameSync(keysPartial, keysPathFor(target));
    renameSync(dbPartial, target);
    fsyncDirectory(dir);
  } finally {
    removeQuietly(dbPartial, keysPartial);
  }
  return target;
}
