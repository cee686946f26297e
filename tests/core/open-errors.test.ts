import Database from 'better-sqlite3-multiple-ciphers';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../electron/contract';
import { openEncrypted } from '../../electron/core/db/database';
import { keysPathFor } from '../../electron/core/db/keyslots';
import { LATEST_VERSION } from '../../electron/core/db/migrations';
import {
  auditRows,
  copyFileSet,
  createdFile,
  databaseKey,
  keysFileOf,
  PRESIDENT_PASSWORD,
  sha256,
  snapshotTree,
  testCore,
  useSuiteTempDir,
  useTempDir,
  withDb,
} from './helpers';

const failure = (code: ErrorCode) => ({ ok: false, error: { code } });

describe('signing in fails with a precise code, and writes nothing', () => {
  const suiteDir = useSuiteTempDir();
  const tempDir = useTempDir();
  /** A locked, valid file made once; tests that change it work on a copy. */
  let original: string;
  let presidentId: string;
  let key: Buffer;

  beforeAll(async () => {
    const dir = suiteDir();
    const core = testCore(dir);
    const { session } = await createdFile(core, dir);
    original = session.path;
    presidentId = session.user.id;
    await core.must('session.lock', {});
    key = await databaseKey(original, presidentId, PRESIDENT_PASSWORD);
  });

  /** A copy of the original file set in a fresh folder, with a core whose data dir is beside it. */
  function copy() {
    const dir = tempDir();
    const path = copyFileSet(original, join(dir, 'documents'));
    return { dir, path, core: testCore(dir) };
  }

  it('the untouched copy opens (so every failure below comes from what the test changed)', async () => {
    const { path, core } = copy();
    const session = await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    expect(session.association.name).toBe('Association Amal');
    core.close();
  });

  it('wrong password → wrong_password; the database, keys file and folder are byte-for-byte unchanged', async () => {
    const { dir, path, core } = copy();
    const before = snapshotTree(dir);
    expect(Object.keys(before).sort()).toEqual(['documents/Association Amal.tadamon', 'documents/Association Amal.tadamon.keys']);
    const dbHash = sha256(path);
    const keysHash = sha256(keysPathFor(path));

    const result = await core.call('file.open', { path, userId: presidentId, password: 'not the password at all' });

    expect(result).toEqual(failure('wrong_password'));
    expect(sha256(path)).toBe(dbHash);
    expect(sha256(keysPathFor(path))).toBe(keysHash);
    expect(snapshotTree(dir)).toEqual(before); // no -wal, -shm, config.json or anything else
    expect(readdirSync(dirname(path)).sort()).toEqual(['Association Amal.tadamon', 'Association Amal.tadamon.keys']);
    expect((await core.must('app.status', {})).session).toBeNull();
    // no trace in the file either: only the creation and the first sign-in were ever audited
    expect(withDb(path, key, (db) => auditRows(db).map((r) => r.op))).toEqual(['file.create', 'session.signIn']);
  });

  it('a user id with no key slot → unknown_user, nothing written', async () => {
    const { dir, path, core } = copy();
    const before = snapshotTree(dir);
    expect(await core.call('file.open', { path, userId: '0190f0f0-0000-7000-8000-000000000000', password: PRESIDENT_PASSWORD })).toEqual(
      failure('unknown_user'),
    );
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a path that does not exist → file_not_found (open, inspect and recover)', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const path = join(dir, 'nowhere', 'Missing.tadamon');
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('file_not_found'));
    expect(await core.call('file.inspect', { path })).toEqual(failure('file_not_found'));
    expect(
      await core.call('file.recover', { path, userId: presidentId, recoveryCode: 'A'.repeat(30), newPassword: 'a brand new password' }),
    ).toEqual(failure('file_not_found'));
    expect(existsSync(join(dir, 'nowhere'))).toBe(false);
  });

  it('a text file renamed .tadamon (even with a valid keys file beside it) → not_a_tadamon_file', async () => {
    const { dir, path, core } = copy();
    writeFileSync(path, 'Liste des bénévoles\nNadia, Youssef, Salma\n'.repeat(20));
    const before = snapshotTree(dir);
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('not_a_tadamon_file'));
    expect(await core.call('file.inspect', { path })).toEqual(failure('not_a_tadamon_file'));
    writeFileSync(path, '');
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('not_a_tadamon_file'));
    expect(snapshotTree(dir)).toEqual({ ...before, 'documents/Association Amal.tadamon': sha256(path) });
  });

  it('a valid file under another extension → not_a_tadamon_file', async () => {
    const dir = tempDir();
    const path = copyFileSet(original, join(dir, 'documents'), 'Association Amal.db');
    const core = testCore(dir);
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('not_a_tadamon_file'));
  });

  it('a plaintext SQLite database named .tadamon → not_a_tadamon_file, and it is left as it was', async () => {
    const { dir, path, core } = copy();
    rmSync(path);
    const plain = new Database(path);
    plain.exec("CREATE TABLE association (id TEXT, file_id TEXT, name TEXT, city TEXT, created_at TEXT); INSERT INTO association VALUES ('a', 'b', 'Plain', 'Rabat', 'now')");
    plain.close();
    expect(readFileSync(path).subarray(0, 15).toString('latin1')).toBe('SQLite format 3');
    const before = snapshotTree(dir);
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('not_a_tadamon_file'));
    expect(await core.call('file.inspect', { path })).toEqual(failure('not_a_tadamon_file'));
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('keys file deleted → keys_file_missing (open, inspect and recover)', async () => {
    const { dir, path, core } = copy();
    rmSync(keysPathFor(path));
    const before = snapshotTree(dir);
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('keys_file_missing'));
    expect(await core.call('file.inspect', { path })).toEqual(failure('keys_file_missing'));
    expect(
      await core.call('file.recover', { path, userId: presidentId, recoveryCode: 'A'.repeat(30), newPassword: 'a brand new password' }),
    ).toEqual(failure('keys_file_missing'));
    expect(snapshotTree(dir)).toEqual(before);
  });

  /**
   * Flips bytes inside the page of a table that signing in never reads (the people's), so only a
   * whole-file check can see the damage. Which page that is comes from the schema: a page picked
   * by position may hold the audit log, which sign-in writes to.
   */
  function flipPeoplePage(path: string, rootPage: number): void {
    const bytes = readFileSync(path);
    for (let i = 0; i < 8; i++) bytes[(rootPage - 1) * 4096 + 2000 + i] ^= 0xa5;
    writeFileSync(path, bytes);
  }

  const peopleRootPage = (path: string) =>
    withDb(path, key, (db) => (db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'beneficiaries'").get() as { rootpage: number }).rootpage);

  it('bytes flipped inside a page past the first, after a clean shutdown → signed in, then the background check says damaged', async () => {
    const { path, core } = copy();
    expect(existsSync(`${path}-wal`)).toBe(false);
    // every page is in use (a flip in a free page would go unnoticed, and rightly so)
    expect(withDb(path, key, (db) => db.pragma('freelist_count', { simple: true }))).toBe(0);
    flipPeoplePage(path, peopleRootPage(path));
    expect((await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).ok).toBe(true);
    await vi.waitFor(async () => expect(await core.must('file.integrity', {})).toBe('damaged'), { timeout: 20_000, interval: 50 });
    core.close();
  });

  it('a whole file after a clean shutdown: the background check says ok', async () => {
    const { path, core } = copy();
    await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    await vi.waitFor(async () => expect(await core.must('file.integrity', {})).toBe('ok'), { timeout: 20_000, interval: 50 });
    core.close();
  });

  it('the same damage after an unclean shutdown (a WAL left behind) → file_damaged at sign-in, before anything is written', async () => {
    const { dir, path, core } = copy();
    const rootPage = peopleRootPage(path);
    // The app stopped with the file open: its connection never closed, its WAL stays.
    const crashed = openEncrypted(path, key);
    crashed.prepare("INSERT INTO settings (key, value) VALUES ('crash', '1')").run();
    const left = join(dir, 'left');
    mkdirSync(left);
    const copied = join(left, basename(path));
    cpSync(path, copied);
    cpSync(`${path}-wal`, `${copied}-wal`);
    cpSync(keysPathFor(path), keysPathFor(copied));
    crashed.close();
    expect(existsSync(`${copied}-wal`)).toBe(true);
    flipPeoplePage(copied, rootPage);
    expect(await core.call('file.open', { path: copied, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('file_damaged'));
    expect((await core.must('app.status', {})).session).toBeNull();
  });

  it('bytes flipped in the first page → file_damaged', async () => {
    const { path, core } = copy();
    const bytes = readFileSync(path);
    for (let i = 0; i < 8; i++) bytes[1000 + i] ^= 0xff;
    writeFileSync(path, bytes);
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('file_damaged'));
  });

  it('a file from a newer app (user_version > LATEST_VERSION) → file_too_new, never migrated down or backed up', async () => {
    const { dir, path, core } = copy();
    withDb(path, key, (db) => db.pragma(`user_version = ${LATEST_VERSION + 1}`));
    const before = snapshotTree(dir);
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('file_too_new'));
    expect(withDb(path, key, (db) => db.pragma('user_version', { simple: true }))).toBe(LATEST_VERSION + 1);
    expect(existsSync(join(dirname(path), 'backups'))).toBe(false);
    expect(Object.keys(snapshotTree(dir)).sort()).toEqual(Object.keys(before).sort());
  });

  it('a keys file from a newer app (version 99) → file_too_new', async () => {
    const { path, core } = copy();
    writeFileSync(keysPathFor(path), JSON.stringify({ ...keysFileOf(path), version: 99 }));
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('file_too_new'));
    expect(await core.call('file.inspect', { path })).toEqual(failure('file_too_new'));
  });

  it('a keys file that is not one → not_a_tadamon_file; one with a mangled slot → file_damaged', async () => {
    const { path, core } = copy();
    const keys = keysFileOf(path);
    writeFileSync(keysPathFor(path), '{ this is not json');
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('not_a_tadamon_file'));
    writeFileSync(keysPathFor(path), JSON.stringify({ ...keys, format: 'something-else' }));
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('not_a_tadamon_file'));
    writeFileSync(keysPathFor(path), JSON.stringify({ ...keys, slots: keys.slots.map((s) => ({ ...s, kdf: { name: 'md5' } })) }));
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('file_damaged'));
  });

  it('the keys file of another association file → keys_file_mismatch, nothing written', async () => {
    const { dir, path, core } = copy();
    const other = await createdFile(core, dir, 'Association Nour');
    await core.must('session.lock', {});
    writeFileSync(keysPathFor(path), readFileSync(keysPathFor(other.session.path)));
    // Signing in as the other file's president, whose password is right for that slot:
    const before = snapshotTree(dir);
    expect(await core.call('file.open', { path, userId: other.session.user.id, password: PRESIDENT_PASSWORD })).toEqual(
      failure('keys_file_mismatch'),
    );
    expect(snapshotTree(dir)).toEqual(before);
    expect((await core.must('app.status', {})).session).toBeNull();
  });

  it('the keys file records its database by the cipher salt, which stays put through writes', async () => {
    const { path, core } = copy();
    const salt = readFileSync(path).subarray(0, 16).toString('base64');
    expect(keysFileOf(path).dbSalt).toBe(salt);
    await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    for (let i = 0; i < 5; i++) await core.must('settings.update', { autoLockMinutes: 20 + i });
    await core.must('session.lock', {});
    expect(readFileSync(path).subarray(0, 16).toString('base64')).toBe(salt);
    expect(keysFileOf(path).dbSalt).toBe(salt);
  });

  it('a keys file written before the salt was recorded still opens', async () => {
    const { path, core } = copy();
    const { dbSalt: _dropped, ...older } = keysFileOf(path);
    writeFileSync(keysPathFor(path), JSON.stringify(older));
    expect((await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).user.id).toBe(presidentId);
    core.close();
  });

  it('a removed user cannot sign in any more', async () => {
    const { path, core } = copy();
    await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    const volunteer = await core.must('users.create', { displayName: 'Youssef Tazi', role: 'volunteer', temporaryPassword: 'temporary password 1' });
    await core.must('users.remove', { userId: volunteer.id });
    await core.must('session.lock', {});
    expect(await core.call('file.open', { path, userId: volunteer.id, password: 'temporary password 1' })).toEqual(failure('unknown_user'));
    expect((await core.must('file.inspect', { path })).users.map((u) => u.id)).toEqual([presidentId]);
  });

  it('creating over an existing file → file_exists, and the existing file is untouched', async () => {
    const { dir, path, core } = copy();
    const before = snapshotTree(dir);
    const result = await core.call('file.create', {
      associationName: 'Association Amal',
      city: 'Rabat',
      directory: dirname(path),
      displayName: 'Someone Else',
      password: 'another password 123',
    });
    expect(result).toEqual(failure('file_exists'));
    expect(snapshotTree(dir)).toEqual(before);
  });

  it('a failed sign-in to another file leaves the open session as it was', async () => {
    const { path, core } = copy();
    await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    const second = copyFileSet(original, join(tempDir(), 'other'));
    expect(await core.call('file.open', { path: second, userId: presidentId, password: 'wrong password!!' })).toEqual(
      failure('wrong_password'),
    );
    const status = await core.must('app.status', {});
    expect(status.session?.path).toBe(path);
    expect((await core.must('users.list', {})).map((u) => u.id)).toEqual([presidentId]);
    core.close();
  });
});
