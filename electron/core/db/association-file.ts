import { randomBytes } from 'node:crypto';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Locale, User } from '../../contract';
import { insertAssociation, readAssociation, type Association } from '../association/repository';
import { appendAudit } from '../audit/repository';
import { AppError } from '../errors';
import { newId } from '../ids';
import { findActiveUser, insertUser } from '../users/repository';
import { assertIntact, assertLooksLikeTadamonFile, openEncrypted, readFileSalt, type Db } from './database';
import {
  authenticErasures,
  isSealed,
  KEYS_FORMAT,
  KEYS_VERSION,
  keysPathFor,
  readKeysFile,
  slotIsAuthentic,
  writeKeysFile,
  type KeysFile,
  type KeySlot,
} from './keyslots';
import { assertNotTooNew, migrate, schemaVersion } from './migrate';
import { LATEST_VERSION } from './migrations';
import { backupBeforeMigration } from './pre-migration-backup';
import { wasShutDownUncleanly } from './integrity';
import { generateRecoveryCode } from './recovery-code';
import { createSlot, keepingGenerations, unlockSlot, type UnlockedSlot } from './slots';
import { recordKeysVersion } from './trusted-keys';

/** An unlocked association file. `key` (of generation `keyGeneration`) is zeroed on close. */
export interface OpenedFile {
  path: string;
  db: Db;
  key: Buffer;
  keyGeneration: number;
  association: Association;
  /** Whether every page was checked on open (after an unclean shutdown); else a background check follows. */
  checked?: boolean;
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
  const slot = (secret: string, meta: Parameters<typeof createSlot>[0]['meta']) =>
    createSlot({ fileId: association.fileId, dbKey: key, generation: 1, secret, meta });
  const slots = await Promise.all([
    slot(request.president.password, { kind: 'user', userId: user.id, label: user.displayName }),
    slot(recoveryCode, { kind: 'recovery' }),
  ]);

  let db: Db | undefined;
  try {
    db = openEncrypted(path, key, { nativeBinding: options.nativeBinding, create: true });
    migrate(db);
    const created = db;
    created.transaction(() => {
      insertAssociation(created, association);
      insertUser(created, user);
      recordKeysVersion(created);
      appendAudit(created, { at, userId: user.id, op: 'file.create', entityId: association.id });
    })();
    created.pragma('wal_checkpoint(TRUNCATE)');
    writeKeysFile(path, {
      format: KEYS_FORMAT,
      version: KEYS_VERSION,
      fileId: association.fileId,
      dbSalt: readFileSalt(path),
      keyGeneration: 1,
      slots,
    }, { dbKey: key, fileId: association.fileId });
  } catch (error) {
    db?.close();
    removeFileSet(path);
    key.fill(0);
    throw error;
  }
  return { file: { path, db, key, keyGeneration: 1, association, checked: true }, user, recoveryCode };
}

export type Unlocker = (keys: KeysFile) => { slot: KeySlot | undefined; secret: string };

export interface UnlockedKeys {
  keys: KeysFile;
  slot: KeySlot;
  unlocked: UnlockedSlot;
}

/** Reads the keys file and opens one slot. Writes nothing, whatever the outcome. */
export async function unlockKeys(
  path: string,
  pick: Unlocker,
  failure: 'wrong_password' | 'wrong_recovery_code',
): Promise<UnlockedKeys> {
  assertLooksLikeTadamonFile(path);
  const keys = readKeysFile(path);
  // While a rekey is pending the file may already carry the new key's salt, not yet recorded.
  if (!keys.pending && keys.dbSalt !== undefined && keys.dbSalt !== readFileSalt(path)) {
    throw new AppError('keys_file_mismatch');
  }
  const { slot, secret } = pick(keys);
  if (!slot) throw new AppError(failure === 'wrong_password' ? 'unknown_user' : 'file_damaged');
  const unlocked = await unlockSlot(keys, slot, secret);
  if (!unlocked) throw new AppError(failure);
  return { keys, slot, unlocked };
}

/**
 * A rollback journal left by a kill: the next connection plays it back with the key it is given.
 * As for SQLite, a journal whose first byte is zero (its header never completed) is not hot: it was
 * left before any page of the file was touched, and SQLite ignores it.
 */
export function hasHotJournal(path: string): boolean {
  const journal = `${path}-journal`;
  if (!existsSync(journal) || statSync(journal).size === 0) return false;
  const head = Buffer.alloc(1);
  const fd = openSync(journal, 'r');
  try {
    readSync(fd, head, 0, 1, 0);
  } finally {
    closeSync(fd);
  }
  return head[0] !== 0;
}

/**
 * Once the file is open in WAL mode, SQLite has played back any hot journal (and deleted it); what
 * remains is a journal it judged not hot, left by a rekey killed before it touched the file. It is
 * never read again; removed so that nothing later mistakes it for a hot one.
 */
function removeStaleJournal(path: string): void {
  if (existsSync(`${path}-journal`) && !hasHotJournal(path)) rmSync(`${path}-journal`, { force: true });
}

/**
 * Opens the database with the key a slot yields. During a rekey (see db/rekey.ts) the keys file
 * names a pending generation. The current key is always tried first: a rekey interrupted before
 * its commit left a rollback journal written under the current key, which only the current key
 * may play back (played back under the new key it would write garbage). Only when there is no
 * journal and the current key is refused is the pending one tried, and then nothing is written
 * under it (not even the switch back to WAL, which journals a page) until the keys file names it
 * current: `settle` does that, and must be called before any write.
 *
 * One more subtlety: SQLCipher reads its salt from the file's first bytes, and a rekey killed after
 * rewriting page 1 left the new salt there; the old key is then given the old salt explicitly.
 */
export function openEitherGeneration(path: string, keys: KeysFile, unlocked: UnlockedSlot, options: FileOptions) {
  const current = unlocked.keyFor(keys.keyGeneration);
  if (!current) throw new AppError('file_damaged');
  try {
    // The rekey may have rewritten the first page (and its salt) before the kill: the old key must
    // come with the old salt, recorded in the keys file, to read its own rollback journal.
    const salt = keys.pending ? keys.dbSalt : undefined;
    const db = openEncrypted(path, current, { nativeBinding: options.nativeBinding, salt });
    return { db, key: current, generation: keys.keyGeneration, settle: () => undefined };
  } catch (error) {
    current.fill(0);
    const pending = keys.pending;
    if (!(error instanceof AppError) || error.code !== 'file_damaged' || !pending || hasHotJournal(path)) throw error;
    const next = unlocked.keyFor(pending.generation);
    if (!next) throw error;
    try {
      const db = openEncrypted(path, next, { nativeBinding: options.nativeBinding, keepJournalMode: true });
      const settle = () => {
        writeKeysFile(path, settledKeys(path, keys, unlocked, pending.generation), { dbKey: next, fileId: keys.fileId });
        db.pragma('journal_mode = WAL');
      };
      return { db, key: next, generation: pending.generation, settle };
    } catch (again) {
      next.fill(0);
      throw again;
    }
  }
}

/**
 * After a rekey was interrupted: keeps the generation the database is really under, drops the other.
 * Slots of a version-3 file are kept only if authentic under the key they were signed with (the
 * generation the file names current), since the result is signed anew.
 */
function settledKeys(path: string, keys: KeysFile, unlocked: UnlockedSlot, generation: number): KeysFile {
  const { pending: _pending, ...rest } = keys;
  const signedWith = unlocked.keyFor(keys.keyGeneration);
  if (!signedWith) throw new AppError('file_damaged');
  try {
    const signer = { dbKey: signedWith, fileId: keys.fileId };
    const erasures = keys.version >= 3 ? authenticErasures(keys, signer) : keys.erasures;
    return {
      ...rest,
      keyGeneration: generation,
      dbSalt: readFileSalt(path),
      erasures: erasures ?? [],
      slots: keys.slots
        .filter((s) => keys.version < 3 || slotIsAuthentic(s, signer))
        .map((s) => (isSealed(s) ? keepingGenerations(s, (g) => g === generation) : s)),
    };
  } finally {
    signedWith.fill(0);
  }
}

/**
 * Opens a file whose slot is unlocked: checks it is of a version this app understands and matches
 * its keys file, then migrates it (with an encrypted copy set aside first). Every page is checked
 * here only after an unclean shutdown; otherwise just after sign-in, in the background (integrity.ts).
 */
export function openUnlocked(path: string, { keys, unlocked }: UnlockedKeys, options: FileOptions): OpenedFile {
  // Before opening: our own connection makes a WAL too.
  const unclean = wasShutDownUncleanly(path) || hasHotJournal(path);
  const { db, key, generation, settle } = openEitherGeneration(path, keys, unlocked, options);
  try {
    // A migration writes: never into a damaged file.
    const checked = unclean || schemaVersion(db) < LATEST_VERSION;
    if (checked) assertIntact(db);
    assertNotTooNew(db);
    if (schemaVersion(db) === 0) throw new AppError('not_a_tadamon_file');
    const association = readAssociation(db);
    if (!association) throw new AppError('not_a_tadamon_file');
    if (association.fileId !== keys.fileId) throw new AppError('keys_file_mismatch');
    settle();
    if (keys.pending && generation === keys.keyGeneration) {
      writeKeysFile(path, settledKeys(path, keys, unlocked, generation), { dbKey: key, fileId: keys.fileId });
    }
    removeStaleJournal(path);
    migrate(db, { beforeMigrating: (from) => backupBeforeMigration(db, path, from, options.now) });
    return { path, db, key, keyGeneration: generation, association, checked };
  } catch (error) {
    db.close();
    key.fill(0);
    throw error;
  }
}

export function activeUserOrThrow(file: OpenedFile, userId: string): User {
  const user = findActiveUser(file.db, userId);
  if (!user) throw new AppError('unknown_user');
  return user;
}

