import Database from 'better-sqlite3-multiple-ciphers';
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { AppError } from '../errors';

export type Db = Database.Database;

const SQLITE_PLAIN_HEADER = 'SQLite format 3\0';

function readHead(path: string, length: number): Buffer {
  const fd = openSync(path, 'r');
  const head = Buffer.alloc(length);
  try {
    readSync(fd, head, 0, length, 0);
  } finally {
    closeSync(fd);
  }
  return head;
}

/**
 * The cipher salt SQLCipher keeps in clear in the first 16 bytes of the file. It is random per file
 * and never changes (until a rekey), so the keys file records it to recognise its own database.
 */
export function readFileSalt(path: string): string {
  return readHead(path, 16).toString('base64');
}

/**
 * Cheap checks before any key is tried: an encrypted Tadamon file has a `.tadamon` name, a size
 * that is a whole number of pages, and never the plaintext SQLite header.
 */
export function assertLooksLikeTadamonFile(path: string): void {
  if (!existsSync(path)) throw new AppError('file_not_found');
  if (!path.toLowerCase().endsWith('.tadamon')) throw new AppError('not_a_tadamon_file');
  const { size } = statSync(path);
  if (size === 0 || size % 512 !== 0) throw new AppError('not_a_tadamon_file');
  if (readHead(path, 16).toString('latin1') === SQLITE_PLAIN_HEADER) throw new AppError('not_a_tadamon_file');
}

/**
 * Opens (or creates) the encrypted file with a raw 32-byte key. The cipher is chosen before the
 * key, the key is passed as hex (never user text inside a PRAGMA), and a read follows at once
 * because a wrong key only fails on first read.
 */
export function openEncrypted(
  path: string,
  key: Buffer,
  options: { nativeBinding?: string; create?: boolean; keepJournalMode?: boolean; salt?: string } = {},
): Db {
  if (key.length !== 32) throw new Error('database key must be 32 bytes');
  const salt = options.salt === undefined ? null : Buffer.from(options.salt, 'base64');
  if (salt && salt.length !== 16) throw new Error('cipher salt must be 16 bytes');
  const db = new Database(path, { fileMustExist: !options.create, nativeBinding: options.nativeBinding });
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma('legacy=4');
    // Normally the salt is read from the file's first bytes. After a rekey killed midway those hold
    // the new key's salt while the rollback journal is under the old key and salt: see openEitherGeneration.
    if (salt) db.pragma(`cipher_salt='${salt.toString('hex')}'`);
    db.pragma(`key="x'${key.toString('hex')}'"`);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    // Switching to WAL writes to the file; after an interrupted rekey that must wait (see openEitherGeneration).
    if (!options.keepJournalMode) db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Erased personal data is zeroed in place, not left in free pages.
    db.pragma('secure_delete = ON');
    db.pragma('cache_size = -65536');
    // Temp files (a large sort, an index build) are not encrypted: keep them in memory.
    db.pragma('temp_store = MEMORY');
    db.pragma('busy_timeout = 5000');
  } catch (error) {
    db.close();
    if (isNotADatabase(error)) throw new AppError('file_damaged');
    throw error;
  }
  return db;
}

export function isNotADatabase(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT';
}

/** Damage inside pages is only seen when they are read: scan every page once on open. */
export function assertIntact(db: Db): void {
  let result: unknown;
  try {
    result = db.pragma('quick_check', { simple: true });
  } catch (error) {
    if (isNotADatabase(error)) throw new AppError('file_damaged');
    throw error;
  }
  if (result !== 'ok') throw new AppError('file_damaged');
}
