import { randomBytes } from 'node:crypto';
import { AppError } from '../errors';
import type { OpenedFile } from './association-file';
import { readFileSalt } from './database';
import { isSealed, writeKeysFile, type KeysFile } from './keyslots';
import { keepingGenerations, withGeneration } from './slots';
import { readTrustedKeys, signerOf } from './trusted-keys';

/** Points of the procedure, reported to `after` (tests kill the process there). */
export type RekeyStep = 'pending-written' | 'left-wal' | 'rekeyed' | 'promoted' | 'done';

const code = (error: unknown) => (error as { code?: string } | null)?.code;

function failure(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (code(error) === 'SQLITE_BUSY' || code(error) === 'SQLITE_LOCKED') return new AppError('file_in_use');
  if (code(error) === 'SQLITE_FULL') return new AppError('disk_full');
  return new AppError('rekey_failed');
}

/**
 * Rotates the database key of an open file: a new random 32-byte key, the whole file re-encrypted
 * under it, and the new key sealed to every trusted slot (no password needed: slots are sealed to
 * their public keys, see slots.ts). Trusted means the slots of active users and the recovery slot,
 * authenticated (db/trusted-keys.ts): a slot planted in the keys file gets nothing, and is dropped.
 * Safe against a kill at any moment:
 *
 * 1. The keys file gains a `pending` generation, sealed to every slot (atomic write). A kill from
 *    here to step 4 leaves a file that opens with either key: see openEitherGeneration.
 * 2. WAL is checkpointed and left (`journal_mode=DELETE`): SQLCipher cannot rekey in WAL mode.
 * 3. `PRAGMA rekey` rewrites every page in one transaction. Its rollback journal is written under
 *    the old key, so a kill midway is undone by the next open with the old (still current) key.
 * 4. The keys file makes the new generation current and forgets the old one (atomic write).
 * 5. Back to WAL: only now may anything be written under the new key, since from here on a
 *    rollback journal is under the new key, which the keys file names current.
 *
 * Refused (`legacy_key_slots`) while a slot of the first format remains: it could not receive the
 * new key. Refused (`file_in_use`) when another connection holds the file.
 */
export function rekeyOpenFile(file: OpenedFile, now: Date, after?: (step: RekeyStep) => void): void {
  const { db, path } = file;
  const { keys } = readTrustedKeys(file);
  if (keys.slots.some((s) => !isSealed(s))) throw new AppError('legacy_key_slots');
  if (db.inTransaction) throw new AppError('file_in_use');
  const fileId = file.association.fileId;
  const generation = file.keyGeneration + 1;
  const newKey = randomBytes(32);
  const { pending: _stale, ...settled } = keys;
  const withPending: KeysFile = {
    ...settled,
    // The current key's salt must be on record: a kill midway needs it to roll the rekey back.
    dbSalt: readFileSalt(path),
    pending: { generation, startedAt: now.toISOString() },
    slots: keys.slots.map((s) => (isSealed(s) ? withGeneration(s, fileId, newKey, generation) : s)),
  };
  const oldSigner = signerOf(file);
  const abandon = () => {
    try {
      writeKeysFile(path, settled, oldSigner);
    } catch {
      // a pending generation the file is not under is dropped by the next open
    }
  };

  try {
    writeKeysFile(path, withPending, oldSigner);
  } catch (error) {
    newKey.fill(0);
    throw failure(error);
  }
  after?.('pending-written');

  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  try {
    // Leaving WAL needs the file to itself: wait a second for another connection, not five.
    db.pragma('busy_timeout = 1000');
    db.pragma('main.wal_checkpoint(TRUNCATE)');
    if (db.pragma('main.journal_mode = DELETE', { simple: true }) !== 'delete') throw new AppError('file_in_use');
  } catch (error) {
    db.pragma(`busy_timeout = ${busyTimeout}`);
    abandon();
    newKey.fill(0);
    throw failure(error);
  }
  db.pragma(`busy_timeout = ${busyTimeout}`);
  after?.('left-wal');

  try {
    const [result] = db.pragma(`rekey="x'${newKey.toString('hex')}'"`) as { ok?: string }[];
    if (result?.ok !== 'ok') throw new AppError('rekey_failed');
  } catch (error) {
    // Rolled back by SQLite: the file is under the old key, as the keys file says.
    db.pragma('main.journal_mode = WAL');
    abandon();
    newKey.fill(0);
    throw failure(error);
  }
  after?.('rekeyed');

  // The database is under the new key from here: the session must use it whatever follows.
  file.key.fill(0);
  file.key = newKey;
  file.keyGeneration = generation;
  try {
    writeKeysFile(path, {
      ...settled,
      keyGeneration: generation,
      dbSalt: readFileSalt(path),
      slots: withPending.slots.map((s) => (isSealed(s) ? keepingGenerations(s, (g) => g === generation) : s)),
    }, { dbKey: newKey, fileId });
  } catch (error) {
    // Nothing may be written under the new key while the keys file still names the old one
    // current: close now (a closed connection writes nothing); the next open finds the new key.
    db.close();
    throw failure(error);
  }
  after?.('promoted');

  db.pragma('main.journal_mode = WAL');
  after?.('done');
}
