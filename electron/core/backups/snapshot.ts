import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { BackupInfo } from '../../contract';
import type { OpenedFile } from '../db/association-file';
import { readFileSalt, type Db } from '../db/database';
import { fsyncDirectory, keysPathFor, parseKeysFile, reserializeKeysFile } from '../db/keyslots';
import { AppError } from '../errors';
import { asAppError, copyDurably, fsyncFile, partialPathFor, removeQuietly, writeDurably } from './durable-files';
import { listBackups } from './list';
import { backupFileName, baseNameOf, isPartialOf, type NamedBackupKind } from './naming';

/** The kinds of backup made from an open file (a pre-restore copy is the replaced file itself, renamed). */
export type SnapshotKind = Extract<NamedBackupKind, 'regular' | 'manual' | 'beforeRekey' | 'beforeMerge'>;

/** Partial files this process is writing right now (not to be cleaned up under its feet). */
export const inFlight = new Set<string>();

/** Leftovers of a backup killed midway: hidden partial files of this base, not in flight. */
export function removeStalePartials(folder: string, base: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  for (const name of names) {
    const path = join(folder, name);
    if (isPartialOf(name, base) && !inFlight.has(path)) removeQuietly(path);
  }
}

const walBytes = (path: string): number => (existsSync(`${path}-wal`) ? statSync(`${path}-wal`).size : 0);

interface CheckpointResult {
  busy: number;
  log: number;
  checkpointed: number;
}

/**
 * The cheap way: checkpoint the WAL into the database file, then take the write lock and copy the
 * (still encrypted) database file and the keys file while nobody can write. Returns false when
 * another connection keeps the WAL from being emptied.
 */
function copyUnderWriteLock(db: Db, path: string, dbTarget: string, keysTarget: string): boolean {
  const busyTimeout = db.pragma('busy_timeout', { simple: true }) as number;
  db.pragma('busy_timeout = 250');
  try {
    for (let attempt = 0; attempt < 3; attempt++) {
      const [result] = db.pragma('main.wal_checkpoint(TRUNCATE)') as CheckpointResult[];
      if (result.busy !== 0) continue;
      try {
        db.exec('BEGIN IMMEDIATE');
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_BUSY') continue;
        throw error;
      }
      try {
        // A write by another connection between the checkpoint and the lock would live only in the WAL.
        if (walBytes(path) > 0) continue;
        copyDurably(path, dbTarget);
        writeDurably(keysTarget, readFileSync(keysPathFor(path)));
        return true;
      } finally {
        db.exec('ROLLBACK');
      }
    }
    return false;
  } finally {
    db.pragma(`busy_timeout = ${busyTimeout}`);
  }
}

/**
 * The fallback: SQLite writes a consistent copy itself. SQLite3 Multiple Ciphers encrypts the copy
 * with the same cipher and key (checked by the tests: no plaintext header, opens with the key),
 * under a new salt, which the copied keys file must record.
 */
function vacuumInto(db: Db, path: string, dbTarget: string, keysTarget: string): void {
  db.prepare('VACUUM INTO ?').run(dbTarget);
  fsyncFile(dbTarget);
  const keys = parseKeysFile(readFileSync(keysPathFor(path), 'utf8'));
  writeDurably(keysTarget, reserializeKeysFile({ ...keys, dbSalt: readFileSalt(dbTarget) }));
}

export interface SnapshotOptions {
  /** The moment in the backup's name. */
  now: Date;
  /** Why it is made, in its name; `regular` (automatic) when not given. */
  kind?: SnapshotKind;
  /** Test hook: force the VACUUM INTO path. */
  forceVacuum?: boolean;
}

/**
 * Makes an encrypted backup of an open file into `folder`: the database and its keys file, under a
 * timestamped name, both complete before either is visible. Never writes plaintext, never
 * touches an existing backup. Synchronous: the write lock is held only for the copy itself
 * (tens of milliseconds for a large association; see `npm run bench`).
 */
export function snapshotOpenFile(file: OpenedFile, folder: string, options: SnapshotOptions): BackupInfo {
  const { db, path } = file;
  if (db.inTransaction) throw new AppError('backup_failed');
  const base = baseNameOf(path);
  const target = join(folder, backupFileName(base, options.kind ?? 'regular', options.now));
  const dbPartial = partialPathFor(target);
  const keysPartial = partialPathFor(keysPathFor(target));
  inFlight.add(dbPartial);
  inFlight.add(keysPartial);
  try {
    mkdirSync(folder, { recursive: true });
    removeStalePartials(folder, base);
    if (options.forceVacuum || !copyUnderWriteLock(db, path, dbPartial, keysPartial)) {
      removeQuietly(dbPartial, keysPartial);
      vacuumInto(db, path, dbPartial, keysPartial);
    }
    // Keys first: a database without its keys file is never listed, so the backup appears whole or not at all.
    renameSync(keysPartial, keysPathFor(target));
    renameSync(dbPartial, target);
    fsyncDirectory(folder);
  } catch (error) {
    removeQuietly(dbPartial, keysPartial);
    throw asAppError(error);
  } finally {
    inFlight.delete(dbPartial);
    inFlight.delete(keysPartial);
  }
  const info = listBackups(folder, base, 'local').find((b) => b.fileName === basename(target));
  if (!info) throw new AppError('backup_failed');
  return info;
}
