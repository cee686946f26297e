import { randomBytes } from 'node:crypto';
import { accessSync, constants, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale, User } from '../../contract';
import { insertAssociation, readAssociation, type Association } from '../association/repository';
import { appendAudit } from '../audit/repository';
import { AppError } from '../errors';
import { newId } from '../ids';
import { findActiveUser, insertUser } from '../users/repository';
import { assertIntact, assertLooksLikeTadamonFile, openEncrypted, readFileSalt, type Db } from './database';
import {
  KEYS_FORMAT,
  KEYS_VERSION,
  keysPathFor,
  readKeysFile,
  unwrapKey,
  wrapKey,
  writeKeysFile,
  type KeysFile,
  type KeySlot,
} from './keyslots';
import { assertNotTooNew, migrate, schemaVersion } from './migrate';
import { backupBeforeMigration } from './pre-migration-backup';
import { generateRecoveryCode } from './recovery-code';

/** An unlocked association file. `key` is zeroed on close. */
export interface OpenedFile {
  path: string;
  db: Db;
  key: Buffer;
  association: Association;
}

export interface FileOptions {
  nativeBinding?: string;
  now: Date;
}

export function closeFile(file: OpenedFile): void {
  if (file.db.open) file.db.close();
  file.key.fill(0);
}

/** A file name Windows, macOS and Linux all accept; Arabic letters are kept. */
export function fileNameFor(associationName: string): string {
  const cleaned = [...associationName.normalize('NFC')]
    .map((c) => (c.charCodeAt(0) < 32 || '<>:"/\\|?*'.includes(c) ? ' ' : c))
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  return `${cleaned || 'association'}.tadamon`;
}

function ensureWritableDirectory(directory: string): void {
  try {
    mkdirSync(directory, { recursive: true });
    accessSync(directory, constants.W_OK);
  } catch {
    throw new AppError('directory_not_writable');
  }
}

function removeFileSet(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, keysPathFor(path), `${keysPathFor(path)}.tmp`]) {
    rmSync(p, { force: true });
  }
}

export interface CreateFileRequest {
  directory: string;
  associationName: string;
  city: string;
  president: { displayName: string; password: string; locale: Locale };
}

export async function createAssociationFile(
  request: CreateFileRequest,
  options: FileOptions,
): Promise<{ file: OpenedFile; user: User; recoveryCode: string }> {
  ensureWritableDirectory(request.directory);
  const path = join(request.directory, fileNameFor(request.associationName));
  if (existsSync(path) || existsSync(keysPathFor(path))) throw new AppError('file_exists');

  const key = randomBytes(32);
  const recoveryCode = generateRecoveryCode();
  const at = options.now.toISOString();
  const user: User = {
    id: newId(),
    displayName: request.president.displayName,
    role: 'president',
    locale: request.president.locale,
    mustChangePassword: false,
    createdAt: at,
  };
  const association: Association = {
    id: newId(),
    fileId: newId(),
    name: request.associationName,
    city: request.city,
    createdAt: at,
  };
  const slots = await Promise.all([
    wrapKey(key, request.president.password, { kind: 'user', userId: user.id, label: user.displayName }),
    wrapKey(key, recoveryCode, { kind: 'recovery' }),
  ]);

  let db: Db | undefined;
  try {
    db = openEncrypted(path, key, { nativeBinding: options.nativeBinding, create: true });
    migrate(db);
    const created = db;
    created.transaction(() => {
      insertAssociation(created, association);
      insertUser(created, user);
      appendAudit(created, { at, userId: user.id, op: 'file.create', entityId: association.id });
    })();
    created.pragma('wal_checkpoint(TRUNCATE)');
    writeKeysFile(path, {
      format: KEYS_FORMAT,
      version: KEYS_VERSION,
      fileId: association.fileId,
      dbSalt: readFileSalt(path),
      slots,
    });
  } catch (error) {
    db?.close();
    removeFileSet(path);
    key.fill(0);
    throw error;
  }
  return { file: { path, db, key, association }, user, recoveryCode };
}

export type Unlocker = (keys: KeysFile) => { slot: KeySlot | undefined; secret: string };

/** Reads the keys file and unwraps the database key. Writes nothing, whatever the outcome. */
export async function unlockKey(
  path: string,
  pick: Unlocker,
  failure: 'wrong_password' | 'wrong_recovery_code',
): Promise<{ key: Buffer; keys: KeysFile }> {
  assertLooksLikeTadamonFile(path);
  const keys = readKeysFile(path);
  if (keys.dbSalt !== undefined && keys.dbSalt !== readFileSalt(path)) throw new AppError('keys_file_mismatch');
  const { slot, secret } = pick(keys);
  if (!slot) throw new AppError(failure === 'wrong_password' ? 'unknown_user' : 'file_damaged');
  const key = await unwrapKey(slot, secret);
  if (!key) throw new AppError(failure);
  return { key, keys };
}

/**
 * Opens a file whose key is known: checks it is whole, of a version this app understands, and
 * matches its keys file, then migrates it (with an encrypted copy set aside first).
 */
export function openWithKey(path: string, key: Buffer, keys: KeysFile, options: FileOptions): OpenedFile {
  const db = openEncrypted(path, key, { nativeBinding: options.nativeBinding });
  try {
    assertIntact(db);
    assertNotTooNew(db);
    if (schemaVersion(db) === 0) throw new AppError('not_a_tadamon_file');
    const association = readAssociation(db);
    if (!association) throw new AppError('not_a_tadamon_file');
    if (association.fileId !== keys.fileId) throw new AppError('keys_file_mismatch');
    migrate(db, { beforeMigrating: (from) => backupBeforeMigration(db, path, from, options.now) });
    return { path, db, key, association };
  } catch (error) {
    db.close();
    throw error;
  }
}

export function activeUserOrThrow(file: OpenedFile, userId: string): User {
  const user = findActiveUser(file.db, userId);
  if (!user) throw new AppError('unknown_user');
  return user;
}

