import type { User } from '../../contract';
import { readAssociation } from '../association/repository';
import { openEitherGeneration, type FileOptions, type UnlockedKeys } from '../db/association-file';
import { isNotADatabase } from '../db/database';
import { assertNotTooNew, schemaVersion } from '../db/migrate';
import { AppError } from '../errors';
import { findActiveUser } from '../users/repository';

/**
 * Proves a (staged copy of a) backup is worth restoring before anything is replaced: it opens with
 * the key its slot yields, every page and index passes `integrity_check`, its schema is one this
 * app can open (older ones are migrated on open), it is the association its keys file names, and,
 * when a user's password was given, that user is an active president in it.
 */
export function verifyBackupCopy(path: string, unlocked: UnlockedKeys, userId: string | null, options: FileOptions): void {
  const { db, key } = openEitherGeneration(path, unlocked.keys, unlocked.unlocked, options);
  try {
    let result: unknown;
    try {
      result = db.pragma('integrity_check', { simple: true });
    } catch (error) {
      if (isNotADatabase(error)) throw new AppError('file_damaged');
      throw error;
    }
    if (result !== 'ok') throw new AppError('file_damaged');
    assertNotTooNew(db);
    if (schemaVersion(db) === 0) throw new AppError('not_a_tadamon_file');
    const association = readAssociation(db);
    if (!association) throw new AppError('not_a_tadamon_file');
    if (association.fileId !== unlocked.keys.fileId) throw new AppError('keys_file_mismatch');
    if (userId !== null) {
      const user: User | undefined = findActiveUser(db, userId);
      if (!user) throw new AppError('unknown_user');
      if (user.role !== 'president') throw new AppError('forbidden');
    }
  } finally {
    db.close();
    key.fill(0);
  }
}
