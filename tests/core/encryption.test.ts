import Database from 'better-sqlite3-multiple-ciphers';
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openEncrypted } from '../../electron/core/db/database';
import { keysPathFor } from '../../electron/core/db/keyslots';
import { databaseKey, keysFileOf, testCore, useSuiteTempDir, withDb, type TestCore } from './helpers';

/**
 * Distinctive strings that can only be found on disk if they were written there in clear.
 * Each has a Latin and (for two of them) an Arabic part, so UTF-8 multibyte text is covered too.
 */
const ASSOCIATION = 'Jamaiya Qorvexzil جمعية زرقويلا';
const CITY = 'Vlinderhaven-Ouxtrabad';
const PRESIDENT = 'Wendeline Qarzazi-Vorhees';
const VOLUNTEER = 'Ysolde Brakkenfjord يسولدا';
const PASSWORD = 'quartz-lantern-0917';
const TEMPORARY = 'temporary-passw0rd-42';

/** The whole string and its distinctive words, so a split or partial copy would be caught too. */
const needles = (text: string): string[] => [text, ...text.split(/[\s-]+/).filter((w) => w.length >= 5)];

function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le).swap16();
  return [Buffer.from(text, 'utf8'), le, be];
}

/** Names of the needles (and encoding) found in `bytes`. */
function foundIn(bytes: Buffer, texts: string[]): string[] {
  const found: string[] = [];
  for (const text of texts.flatMap(needles)) {
    encodings(text).forEach((needle, i) => {
      if (bytes.includes(needle)) found.push(`${text} (${['utf8', 'utf16le', 'utf16be'][i]})`);
    });
  }
  return found;
}

describe('encryption at rest', () => {
  const suiteDir = useSuiteTempDir();
  let core: TestCore;
  let path: string;
  let presidentId: string;
  let volunteerId: string;
  let walWhileOpen: Buffer | null = null;
  let shmWhileOpen: Buffer | null = null;
  let dbWhileOpen: Buffer;
  let keysWhileOpen: Buffer;
  let key: Buffer;

  beforeAll(async () => {
    const dir = suiteDir();
    core = testCore(dir);
    const created = await core.must('file.create', {
      associationName: ASSOCIATION,
      city: CITY,
      directory: join(dir, 'documents'),
      displayName: PRESIDENT,
      password: PASSWORD,
    });
    path = created.session.path;
    presidentId = created.session.user.id;
    const volunteer = await core.must('users.create', { displayName: VOLUNTEER, role: 'volunteer', temporaryPassword: TEMPORARY });
    volunteerId = volunteer.id;
    // The session is still open: the second user lives in the WAL for now.
    dbWhileOpen = readFileSync(path);
    keysWhileOpen = readFileSync(keysPathFor(path));
    if (existsSync(`${path}-wal`)) walWhileOpen = readFileSync(`${path}-wal`);
    if (existsSync(`${path}-shm`)) shmWhileOpen = readFileSync(`${path}-shm`);
    await core.must('session.lock', {});
    key = await databaseKey(path, presidentId, PASSWORD);
  });

  it('keeps a write-ahead log while the file is open (so the next checks really look at it)', () => {
    expect(walWhileOpen).not.toBeNull();
    expect(walWhileOpen!.length).toBeGreaterThan(4096);
  });

  it('stores the names for real: they come back through the key (the searches below are not vacuous)', () => {
    const stored = withDb(path, key, (db) => ({
      association: db.prepare('SELECT name, city FROM association').get(),
      users: db.prepare('SELECT display_name FROM users ORDER BY created_at, display_name').all(),
    }));
    expect(stored.association).toEqual({ name: ASSOCIATION, city: CITY });
    expect(stored.users.map((u) => (u as { display_name: string }).display_name).sort()).toEqual([PRESIDENT, VOLUNTEER].sort());
  });

  it('the search itself finds text written in clear (the keys file carries staff labels by design)', () => {
    expect(foundIn(readFileSync(keysPathFor(path)), [PRESIDENT])).toContain(`${PRESIDENT} (utf8)`);
    expect(foundIn(Buffer.from(`xx${VOLUNTEER}xx`, 'utf16le'), [VOLUNTEER])).toContain(`${VOLUNTEER} (utf16le)`);
  });

  it('while open: the database, its WAL and WAL index hold no association name, city or staff name', () => {
    const secrets = [ASSOCIATION, CITY, PRESIDENT, VOLUNTEER];
    expect(foundIn(dbWhileOpen, secrets)).toEqual([]);
    expect(foundIn(walWhileOpen!, secrets)).toEqual([]);
    if (shmWhileOpen) expect(foundIn(shmWhileOpen, secrets)).toEqual([]);
  });

  it('while open: the keys file holds no association name or city, and no passwords', () => {
    expect(foundIn(keysWhileOpen, [ASSOCIATION, CITY, PASSWORD, TEMPORARY])).toEqual([]);
  });

  it('after lock: no WAL is left behind, and nothing readable is in the database or keys file', () => {
    const folder = readdirSync(dirname(path)).sort();
    // (and the backup the lock made of the changed file, checked below)
    expect(folder).toEqual([`${ASSOCIATION}.tadamon`, `${ASSOCIATION}.tadamon.keys`, 'backups'].sort());
    expect(foundIn(readFileSync(path), [ASSOCIATION, CITY, PRESIDENT, VOLUNTEER])).toEqual([]);
    expect(foundIn(readFileSync(keysPathFor(path)), [ASSOCIATION, CITY, PASSWORD, TEMPORARY])).toEqual([]);
  });

  it('the keys file wraps the key: no slot carries the raw database key', () => {
    const keysText = readFileSync(keysPathFor(path));
    for (const form of [key, Buffer.from(key.toString('hex')), Buffer.from(key.toString('base64'))]) {
      expect(keysText.includes(form)).toBe(false);
      expect(readFileSync(path).includes(form)).toBe(false);
    }
    expect(keysFileOf(path).slots.map((s) => s.id).sort()).toEqual(['recovery', `user:${presidentId}`, `user:${volunteerId}`].sort());
  });

  it('the device preferences outside the file name the file but carry no city, staff names or passwords', () => {
    const dataDir = join(dirname(dirname(path)), 'data');
    const files = readdirSync(dataDir);
    expect(files).toEqual(['config.json']);
    expect(foundIn(readFileSync(join(dataDir, 'config.json')), [CITY, PRESIDENT, VOLUNTEER, PASSWORD, TEMPORARY])).toEqual([]);
  });

  it('does not begin with the plaintext SQLite header, and its size is whole pages', () => {
    const head = readFileSync(path).subarray(0, 16);
    expect(head.toString('latin1')).not.toBe('SQLite format 3\0');
    expect(head.toString('latin1').startsWith('SQLite format 3')).toBe(false);
    expect(statSync(path).size % 4096).toBe(0);
    expect(dbWhileOpen.subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
  });

  it('cannot be read by plain SQLite without the key', () => {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      expect(() => db.prepare('SELECT count(*) FROM sqlite_master').get()).toThrow(
        expect.objectContaining({ code: 'SQLITE_NOTADB' }),
      );
    } finally {
      db.close();
    }
  });

  it('cannot be read with another key', () => {
    expect(() => openEncrypted(path, randomBytes(32))).toThrow(expect.objectContaining({ code: 'file_damaged' }));
    // and the failed attempt left no side files behind
    expect(readdirSync(dirname(path)).sort()).toEqual([`${ASSOCIATION}.tadamon`, `${ASSOCIATION}.tadamon.keys`, 'backups'].sort());
  });

  it('the backup made on lock is encrypted too: no plaintext header, no names, and it opens with the key', () => {
    const folder = join(dirname(path), 'backups');
    const names = readdirSync(folder).sort();
    expect(names).toHaveLength(2);
    const [backup, backupKeys] = names.map((n) => join(folder, n));
    expect(backupKeys).toBe(keysPathFor(backup));
    const bytes = readFileSync(backup);
    expect(bytes.subarray(0, 16).toString('latin1').startsWith('SQLite format 3')).toBe(false);
    expect(foundIn(bytes, [ASSOCIATION, CITY, PRESIDENT, VOLUNTEER])).toEqual([]);
    expect(foundIn(readFileSync(backupKeys), [ASSOCIATION, CITY, PASSWORD, TEMPORARY])).toEqual([]);
    expect(withDb(backup, key, (db) => db.prepare('SELECT count(*) AS n FROM users').get())).toEqual({ n: 2 });
  });
});
