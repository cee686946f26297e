import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../electron/contract';
import { closeFile } from '../../electron/core/db/association-file';
import { openEncrypted } from '../../electron/core/db/database';
import { isSealed, keysPathFor, readKeysFile, recoverySlot, userSlot, type KeysFile } from '../../electron/core/db/keyslots';
import { rekeyOpenFile, type RekeyStep } from '../../electron/core/db/rekey';
import { legacyWrapKey, unlockSlot } from '../../electron/core/db/slots';
import { addPeople, manualClock, openedFile, signedInFile } from './backups/fixtures';
import { databaseKey, keysFileOf, PRESIDENT_PASSWORD, testCore, useSuiteTempDir, useTempDir, withDb, type TestCore } from './helpers';

const failure = (code: ErrorCode) => ({ ok: false, error: { code } });
const VOLUNTEER_PASSWORD = 'volunteer password 1';
const people = (path: string, key: Buffer) =>
  withDb(path, key, (db) => (db.prepare('SELECT count(*) AS n FROM beneficiaries').get() as { n: number }).n);

/** A file with a president, a volunteer who chose a password, and 3 people; locked. */
async function association(dir: string) {
  const made = await signedInFile(dir, manualClock());
  const { core, path } = made;
  const volunteerId = (await core.must('users.create', { displayName: 'Youssef Tazi', role: 'volunteer', temporaryPassword: 'temporary password 1' })).id;
  const other = testCore(join(dir, 'v'));
  await other.must('file.open', { path, userId: volunteerId, password: 'temporary password 1' });
  await other.must('session.changePassword', { currentPassword: 'temporary password 1', newPassword: VOLUNTEER_PASSWORD });
  other.close();
  await addPeople(core, 3);
  await core.must('session.lock', {});
  return { ...made, volunteerId };
}

describe('key slots', () => {
  const tempDir = useTempDir();

  it('a new file: version 3, every slot sealed (a public key, a wrapped private key, the database key sealed to it) and authenticated', async () => {
    const { path, core } = await signedInFile(tempDir());
    core.close();
    const keys = keysFileOf(path);
    expect(keys).toMatchObject({ version: 3, keyGeneration: 1, erasures: [], erasuresMac: expect.any(String) });
    for (const slot of keys.slots) expect(slot.mac).toEqual(expect.any(String));
    expect(keys.pending).toBeUndefined();
    for (const slot of keys.slots) {
      expect(slot).toMatchObject({ scheme: 'sealed', publicKey: expect.any(String), privateKey: { iv: expect.any(String) } });
      expect(isSealed(slot) && slot.keys.map((k) => k.generation)).toEqual([1]);
    }
  });

  describe('a keys file of the first format (version 1) still opens, and is brought up to date slot by slot', () => {
    const suiteDir = useSuiteTempDir();
    let path: string;
    let presidentId: string;
    let volunteerId: string;
    let recoveryCode: string;
    let key: Buffer;

    beforeAll(async () => {
      const made = await association(suiteDir());
      ({ path, volunteerId, recoveryCode } = made);
      presidentId = made.userId;
      key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
      // As the first version wrote it: every slot the database key wrapped under its secret.
      const now = keysFileOf(path);
      const v1 = {
        format: now.format,
        version: 1,
        fileId: now.fileId,
        dbSalt: now.dbSalt,
        slots: [
          await legacyWrapKey(key, PRESIDENT_PASSWORD, { kind: 'user', userId: presidentId, label: 'Nadia Bennani' }),
          await legacyWrapKey(key, VOLUNTEER_PASSWORD, { kind: 'user', userId: volunteerId, label: 'Youssef Tazi' }),
          await legacyWrapKey(key, recoveryCode, { kind: 'recovery' }),
        ],
      };
      writeFileSync(keysPathFor(path), JSON.stringify(v1, null, 2));
      // An app of that time had never seen a version-3 keys file for it.
      withDb(path, key, (db) => db.prepare("DELETE FROM settings WHERE key = 'keysFileVersion'").run());
    });

    it('the president signs in: the file becomes version 3 and their slot sealed; the others stay as they were', async () => {
      const core = testCore(suiteDir());
      expect((await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).user.id).toBe(presidentId);
      const keys = readKeysFile(path);
      expect(keys.version).toBe(3);
      expect(isSealed(userSlot(keys, presidentId)!)).toBe(true);
      expect(isSealed(userSlot(keys, volunteerId)!)).toBe(false);
      const view = await core.must('security.keySlots', {});
      expect(view.canRekey).toBe(false);
      expect(view.slots.map((s) => [s.kind, s.displayName, s.role, s.upToDate])).toEqual([
        ['user', 'Nadia Bennani', 'president', true],
        ['user', 'Youssef Tazi', 'volunteer', false],
        ['recovery', null, null, false],
      ]);
      expect(await core.call('security.rekey', { password: PRESIDENT_PASSWORD })).toEqual(failure('legacy_key_slots'));
      core.close();
    });

    it('the volunteer signs in with the same password as ever, and their slot is sealed in turn', async () => {
      const core = testCore(suiteDir());
      await core.must('file.open', { path, userId: volunteerId, password: VOLUNTEER_PASSWORD });
      core.close();
      expect(isSealed(userSlot(readKeysFile(path), volunteerId)!)).toBe(true);
      expect(isSealed(recoverySlot(readKeysFile(path))!)).toBe(false);
    });

    it('a new recovery code replaces the old one (which stops working); then the key can rotate', async () => {
      const core = testCore(suiteDir());
      await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
      expect(await core.call('security.newRecoveryCode', { password: 'wrong password!' })).toEqual(failure('wrong_password'));
      const { recoveryCode: fresh } = await core.must('security.newRecoveryCode', { password: PRESIDENT_PASSWORD });
      expect(fresh).toMatch(/^[A-Z2-9]{30}$/);
      expect((await core.must('security.keySlots', {})).canRekey).toBe(true);
      expect((await core.must('security.rekey', { password: PRESIDENT_PASSWORD })).keyGeneration).toBe(2);
      // and again in the same session (the file was checked on open: that must not get in the way)
      expect((await core.must('security.rekey', { password: PRESIDENT_PASSWORD })).keyGeneration).toBe(3);
      await core.must('session.lock', {});
      const recover = (code: string) =>
        core.call('file.recover', { path, userId: volunteerId, recoveryCode: code, newPassword: 'volunteer password 2' });
      expect(await recover(recoveryCode)).toEqual(failure('wrong_recovery_code'));
      expect((await recover(fresh)).ok).toBe(true);
      core.close();
      expect(() => openEncrypted(path, key)).toThrow(expect.objectContaining({ code: 'file_damaged' }));
    });
  });
});

describe('rotating the database key', () => {
  const tempDir = useTempDir();

  it('re-encrypts the file under a new key that every remaining slot (not the removed) receives, with no one else’s password', async () => {
    const dir = tempDir();
    const { core, path, userId, volunteerId, recoveryCode } = await association(dir);
    const oldKey = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const oldSalt = readFileSync(path).subarray(0, 16).toString('base64');
    const oldKeysFile = readFileSync(keysPathFor(path), 'utf8');
    await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    const third = await core.must('users.create', { displayName: 'Salma Idrissi', role: 'treasurer', temporaryPassword: 'temporary password 3' });
    await core.must('users.remove', { userId: volunteerId });

    expect(await core.call('security.rekey', { password: 'not my password' })).toEqual(failure('wrong_password'));
    const before = (await core.must('backups.list', {})).length;
    expect(await core.must('security.rekey', { password: PRESIDENT_PASSWORD })).toEqual({ keyGeneration: 2 });
    // a fresh backup under the old key was made first
    expect((await core.must('backups.list', {})).length).toBe(before + 1);
    // the session goes on, under the new key
    await addPeople(core, 1);
    expect((await core.must('audit.list', { op: 'security.rekey' })).rows).toHaveLength(1);
    await core.must('session.lock', {});

    const keys = keysFileOf(path);
    expect(keys.keyGeneration).toBe(2);
    expect(keys.pending).toBeUndefined();
    expect(keys.dbSalt).toBe(readFileSync(path).subarray(0, 16).toString('base64'));
    expect(keys.dbSalt).not.toBe(oldSalt);
    for (const slot of keys.slots) expect(isSealed(slot) && slot.keys.map((k) => k.generation)).toEqual([2]);
    const newKey = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    expect(newKey.equals(oldKey)).toBe(false);
    expect(() => openEncrypted(path, oldKey)).toThrow(expect.objectContaining({ code: 'file_damaged' }));
    expect(withDb(path, newKey, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
    expect(people(path, newKey)).toBe(4);

    // the treasurer (temporary password) and the recovery code still open it: nobody's password was needed
    expect((await core.must('file.open', { path, userId: third.id, password: 'temporary password 3' })).user.mustChangePassword).toBe(true);
    await core.must('session.lock', {});
    expect((await core.call('file.recover', { path, userId, recoveryCode, newPassword: 'president password 2' })).ok).toBe(true);
    core.close();

    // The removed volunteer kept a copy of the old keys file: their old slot yields the old key only,
    // which opens neither the file nor any sealed key of the new keys file.
    const stale = JSON.parse(oldKeysFile) as KeysFile;
    const theirs = await unlockSlot(stale, userSlot(stale, volunteerId)!, VOLUNTEER_PASSWORD);
    expect(theirs?.keyFor(1)?.equals(oldKey)).toBe(true);
    expect(theirs?.keyFor(2)).toBeNull();
    const grafted = { ...keys, slots: [...keys.slots, userSlot(stale, volunteerId)!] };
    const again = await unlockSlot(grafted, userSlot(grafted, volunteerId)!, VOLUNTEER_PASSWORD);
    expect(again?.keyFor(2)).toBeNull();
  });

  it('is refused while another connection holds the file, and nothing changes', async () => {
    const dir = tempDir();
    const { core, path, userId } = await association(dir);
    await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const other = openEncrypted(path, key);
    other.pragma('busy_timeout = 50');
    try {
      expect(await core.call('security.rekey', { password: PRESIDENT_PASSWORD })).toEqual(failure('file_in_use'));
    } finally {
      other.close();
    }
    expect(keysFileOf(path).pending).toBeUndefined();
    expect(keysFileOf(path).keyGeneration).toBe(1);
    await addPeople(core, 1);
    core.close();
    expect(people(path, key)).toBe(4);
  });

  it('a rollback journal a killed rekey left unfinished (first byte zero, so not hot) is ignored and removed on open', async () => {
    const dir = tempDir();
    const { core, path, userId } = await association(dir);
    core.close();
    writeFileSync(`${path}-journal`, Buffer.concat([Buffer.alloc(28), Buffer.from('stale page bytes'.repeat(256))]));
    const again = testCore(dir);
    await again.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    expect((await again.must('beneficiaries.search', {})).total).toBe(3);
    again.close();
    expect(existsSync(`${path}-journal`)).toBe(false);
  });

  describe('killed at each point of the procedure: the file opens with everyone’s password, whole', () => {
    const suiteDir = useSuiteTempDir();
    let made: Awaited<ReturnType<typeof association>>;
    beforeAll(async () => {
      made = await association(suiteDir());
      made.core.close();
    });

    const steps: [RekeyStep, number][] = [
      ['pending-written', 1],
      ['left-wal', 1],
      ['rekeyed', 2],
      ['promoted', 2],
      ['done', 2],
    ];
    for (const [step, generation] of steps) {
      it(`after "${step}" → generation ${generation}`, async () => {
        const dir = tempDir();
        cpSync(dirname(made.path), join(dir, 'documents'), { recursive: true });
        const path = join(dir, 'documents', 'Association Amal.tadamon');
        const file = await openedFile(path, made.userId);
        const killed = new Error('killed');
        expect(() =>
          rekeyOpenFile(file, new Date(), (s) => {
            if (s === step) throw killed;
          }),
        ).toThrow(killed);
        // what a kill leaves: the connection goes without a word (closing writes nothing new under any key)
        closeFile(file);
        expect(keysFileOf(path).pending !== undefined).toBe(step !== 'promoted' && step !== 'done');

        const core: TestCore = testCore(dir);
        await core.must('file.open', { path, userId: made.volunteerId, password: VOLUNTEER_PASSWORD });
        expect((await core.must('beneficiaries.search', {})).total).toBe(3);
        core.close();
        const keys = keysFileOf(path);
        expect(keys.pending).toBeUndefined();
        expect(keys.keyGeneration).toBe(generation);
        const key = await databaseKey(path, made.userId, PRESIDENT_PASSWORD);
        expect(withDb(path, key, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
        expect(withDb(path, key, (db) => db.pragma('journal_mode', { simple: true }))).toBe('wal');
      });
    }
  });
});

describe('the audit log', () => {
  const tempDir = useTempDir();

  it('lists by user, operation and day, a page at a time; exports CSV; presidents only', async () => {
    const clock = manualClock('2026-05-04T08:00:00.000Z');
    const { core, path, userId } = await signedInFile(tempDir(), clock);
    await addPeople(core, 2);
    clock.advance(86_400_000);
    await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD }); // (locked overnight)
    await core.must('settings.update', { autoLockMinutes: 20 });
    const volunteerId = (await core.must('users.create', { displayName: 'Youssef =cmd', role: 'volunteer', temporaryPassword: 'temporary password 1' })).id;

    const all = await core.must('audit.list', {});
    expect(all.total).toBe(7); // file.create, session.signIn, 2 × beneficiaries.create, session.signIn, settings.update, users.create
    expect(all.rows[0]).toMatchObject({ op: 'users.create', userId, userName: 'Nadia Bennani', entityId: volunteerId });
    expect((await core.must('audit.list', { op: 'beneficiaries.create' })).total).toBe(2);
    expect((await core.must('audit.list', { op: 'beneficiaries.*' })).total).toBe(2);
    expect((await core.must('audit.list', { op: 'beneficiaries.' })).total).toBe(2);
    expect((await core.must('audit.list', { from: '2026-05-05' })).rows.map((r) => r.op)).toEqual(['users.create', 'settings.update', 'session.signIn']);
    expect((await core.must('audit.list', { to: '2026-05-04' })).total).toBe(4);
    expect((await core.must('audit.list', { userId: volunteerId })).total).toBe(0);
    const page = await core.must('audit.list', { offset: 2, limit: 2 });
    expect(page).toEqual({ total: 7, rows: all.rows.slice(2, 4) });
    expect(await core.call('audit.list', { limit: 0 })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const exported = await core.must('audit.export', { delimiter: ';', from: '2026-05-05' });
    expect(exported.fileName).toBe('audit-2026-05-05.csv');
    expect(exported.rows).toBe(3);
    expect(exported.csv.startsWith('\uFEFFat;user_id;user;operation;record;note\r\n')).toBe(true);
    expect(exported.csv).toContain(";Nadia Bennani;users.create;");
    expect((await core.must('audit.list', { op: 'audit.export' })).total).toBe(1);

    await core.must('session.lock', {});
    const volunteer = testCore(tempDir(), clock.now);
    await volunteer.must('file.open', { path, userId: volunteerId, password: 'temporary password 1' });
    await volunteer.must('session.changePassword', { currentPassword: 'temporary password 1', newPassword: 'volunteer password 1' });
    for (const op of ['audit.list', 'audit.export', 'security.keySlots'] as const) expect(await volunteer.call(op, {}), op).toEqual(failure('forbidden'));
    expect(await volunteer.call('security.rekey', { password: 'volunteer password 1' })).toEqual(failure('forbidden'));
    volunteer.close();
    core.close();
  });

  it('a name that looks like a formula is defused in the export', async () => {
    const { core } = await signedInFile(tempDir());
    await core.must('users.create', { displayName: '=HYPERLINK("x")', role: 'volunteer', temporaryPassword: 'temporary password 1' });
    await core.must('users.list', {});
    // the creating president is named normally; the formula-like name appears only as a user of later rows
    const csv = (await core.must('audit.export', {})).csv;
    expect(csv).not.toMatch(/[;,]=HYPERLINK/);
    core.close();
  });
});
