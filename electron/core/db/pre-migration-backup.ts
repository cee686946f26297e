import { copyFileSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { Db } from './database';
import { keysPathFor } from './keyslots';

/**
 * Copies the still-encrypted file and its keys aside before a migration touches them. The WAL is
 * checkpointed first so the copy is complete; nothing is ever decrypted to disk.
 */
export function backupBeforeMigration(db: Db, dbPath: string, fromVersion: number, now: Date): string {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const dir = join(dirname(dbPath), 'backups');
  mkdirSync(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  const target = join(dir, `${basename(dbPath, '.tadamon')}.before-v${fromVersion + 1}.${stamp}.tadamon`);
  copyFileSync(dbPath, target);
  copyFileSync(keysPathFor(dbPath), keysPathFor(target));
  return target;
}
