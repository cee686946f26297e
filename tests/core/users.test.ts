import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatRecoveryCode, type ErrorCode } from '../../electron/contract';
import { writeAppConfig } from '../../electron/core/app-config';
import { keysPathFor } from '../../electron/core/db/keyslots';
import {
  auditRows,
  databaseKey,
  keysFileOf,
  sha256,
  snapshotTree,
  testCore,
  useSuiteTempDir,
  useTempDir,
  withDb,
  type TestCore,
} from './helpers';

const failure = (code: ErrorCode) => ({ ok: false, error: { code } });
const PRESIDENT = 'Latifa Ouazzani';
const PASSWORD = 'president password 1';
const TEMPORARY = 'temporary password 1';

async function createFile(core: TestCore, directory: string, associationName = 'Association Chourouk') {
  return core.must('file.create', { associationName, city: 'Nador', directory, displayName: PRESIDENT, password: PASSWORD });
}

describe('users, passwords and recovery', () => {
  const suiteDir = useSuiteTempDir();
  const tempDir = useTempDir();
  let dir: string;
  let path: string;
  let presidentId: string;
  let recoveryCode: string;
  let president: TestCore;
  let key: Buffer;
  /** A volunteer removed by one test, used again by the recovery test. */
  let removedId: string;

  const slotIds = () => keysFileOf(path).slots.map((s) => s.id).sort();
  const auditCount = () => withDb(path, key, (db) => auditRows(db).length);

  beforeAll(async () => {
    dir = suiteDir();
    president = testCore(join(dir, 'president'));
    const created = await createFile(president, join(dir, 'file'));
    path = created.session.path;
    presidentId = created.session.user.id;
    recoveryCode = created.recoveryCode;
    key = await databaseKey(path, presidentId, PASSWORD);
  });

  it('a new file has a slot for its president and one for the recovery code, nothing else', () => {
    expect(slotIds()).toEqual(['recovery', `user:${presidentId}`]);
    expect(keysFileOf(path).slots.find((s) => s.kind === 'user')).toMatchObject({ userId: presidentId, label: PRESIDENT });
  });

  it('the president adds a volunteer: a key slot appears, and they sign in with the temporary password', async () => {
    const before = keysFileOf(path);
    const user = await president.must('users.create', { displayName: '  Rachid Benjelloun ', role: 'volunteer', temporaryPassword: TEMPORARY });
    expect(user).toMatchObject({ displayName: 'Rachid Benjelloun', role: 'volunteer', mustChangePassword: true, locale: 'fr' });

    const after = keysFileOf(path);
    expect(after.slots.map((s) => s.id).sort()).toEqual([...before.slots.map((s) => s.id), `user:${user.id}`].sort());
    expect(after.slots.find((s) => s.id === `user:${user.id}`)).toMatchObject({ kind: 'user', userId: user.id, label: 'Rachid Benjelloun' });
    for (const slot of before.slots) expect(after.slots.find((s) => s.id === slot.id)).toEqual(slot); // others untouched
    expect((await president.must('users.list', {})).map((u) => u.id)).toContain(user.id);

    const core = testCore(tempDir());
    expect((await core.must('file.inspect', { path })).users).toContainEqual({ id: user.id, displayName: 'Rachid Benjelloun' });
    const session = await core.must('file.open', { path, userId: user.id, password: TEMPORARY });
    expect(session.user).toMatchObject({ id: user.id, role: 'volunteer', mustChangePassword: true });
    core.close();
  });

  it('two users added at the same moment both get their slot', async () => {
    const [a, b] = await Promise.all([
      president.must('users.create', { displayName: 'Aya Konan', role: 'volunteer', temporaryPassword: TEMPORARY }),
      president.must('users.create', { displayName: 'Moussa Diop', role: 'treasurer', temporaryPassword: TEMPORARY }),
    ]);
    expect(slotIds()).toEqual(expect.arrayContaining([`user:${a.id}`, `user:${b.id}`]));
  });

  it('removing a user deletes their slot, hides them, keeps their row for the audit trail, and stops their sign-in', async () => {
    const user = await president.must('users.create', { displayName: 'Said Tazi', role: 'volunteer', temporaryPassword: TEMPORARY });
    expect(slotIds()).toContain(`user:${user.id}`);
    expect(await president.must('users.remove', { userId: user.id })).toBeNull();
    removedId = user.id;

    expect(slotIds()).not.toContain(`user:${user.id}`);
    expect(keysFileOf(path).slots.some((s) => s.userId === user.id || s.label === 'Said Tazi')).toBe(false);
    expect((await president.must('users.list', {})).map((u) => u.id)).not.toContain(user.id);
    expect(withDb(path, key, (db) => db.prepare('SELECT removed_at FROM users WHERE id = ?').get(user.id))).toEqual({
      removed_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });

    const core = testCore(tempDir());
    expect((await core.must('file.inspect', { path })).users.map((u) => u.id)).not.toContain(user.id);
    expect(await core.call('file.open', { path, userId: user.id, password: TEMPORARY })).toEqual(failure('unknown_user'));
    expect(await president.call('users.remove', { userId: user.id })).toEqual(failure('unknown_user'));
  });

  it('a president cannot remove themselves, and nothing is written', async () => {
    const keys = sha256(keysPathFor(path));
    const audit = auditCount();
    expect(await president.call('users.remove', { userId: presidentId })).toEqual(failure('cannot_remove_self'));
    expect(sha256(keysPathFor(path))).toBe(keys);
    expect(auditCount()).toBe(audit);
    expect((await president.must('users.list', {})).map((u) => u.id)).toContain(presidentId);
  });

  it('the president resets a forgotten password: only that slot is sealed anew, the old password fails, the temporary one must be changed; audited without it', async () => {
    const user = await president.must('users.create', { displayName: 'Nawal Idrissi', role: 'volunteer', temporaryPassword: TEMPORARY });
    const own = testCore(tempDir());
    await own.must('file.open', { path, userId: user.id, password: TEMPORARY });
    await own.must('session.changePassword', { currentPassword: TEMPORARY, newPassword: 'nawal own password 1' });
    own.close();

    const keys = sha256(keysPathFor(path));
    const audit = auditCount();
    const weak = await president.call('users.resetPassword', { userId: user.id, temporaryPassword: 'nawal idrissi' });
    expect(weak).toEqual({ ok: false, error: { code: 'weak_password', fields: { temporaryPassword: 'weak_password' } } });
    expect(await president.call('users.resetPassword', { userId: presidentId, temporaryPassword: 'a fresh temporary one 7' })).toEqual(
      failure('cannot_reset_own_password'),
    );
    expect(await president.call('users.resetPassword', { userId: removedId, temporaryPassword: 'a fresh temporary one 7' })).toEqual(failure('unknown_user'));
    expect(sha256(keysPathFor(path))).toBe(keys);
    expect(auditCount()).toBe(audit);

    const others = keysFileOf(path).slots.filter((s) => s.userId !== user.id);
    const before = keysFileOf(path).slots.find((s) => s.userId === user.id);
    expect(await president.must('users.resetPassword', { userId: user.id, temporaryPassword: 'a fresh temporary one 7' })).toMatchObject({
      id: user.id,
      mustChangePassword: true,
    });
    expect(keysFileOf(path).slots.filter((s) => s.userId !== user.id)).toEqual(others);
    expect(keysFileOf(path).slots.find((s) => s.userId === user.id)).not.toEqual(before);
    const rows = withDb(path, key, (db) => auditRows(db));
    expect(rows).toHaveLength(audit + 1);
    expect(rows.at(-1)).toMatchObject({ op: 'users.resetPassword', entity_id: user.id, user_id: presidentId });
    expect(JSON.stringify(rows.at(-1))).not.toContain('fresh temporary');
    expect((await president.must('users.list', {})).find((u) => u.id === user.id)?.mustChangePassword).toBe(true);

    const again = testCore(tempDir());
    expect(await again.call('file.open', { path, userId: user.id, password: 'nawal own password 1' })).toEqual(failure('wrong_password'));
    const session = await again.must('file.open', { path, userId: user.id, password: 'a fresh temporary one 7' });
    expect(session.user).toMatchObject({ id: user.id, mustChangePassword: true });
    again.close();
  });

  it('a removed president\'s open session is locked at its next request and cannot remove the last president', async () => {
    const second = await president.must('users.create', { displayName: 'Houda Alaoui', role: 'president', temporaryPassword: TEMPORARY });
    const other = testCore(tempDir());
    await other.must('file.open', { path, userId: second.id, password: TEMPORARY });
    await other.must('session.changePassword', { currentPassword: TEMPORARY, newPassword: 'second president 2' });

    // Two presidents: one may remove the other.
    await president.must('users.remove', { userId: second.id });
    // The removed president's session is still open in another window: it is locked, and writes nothing.
    const keys = sha256(keysPathFor(path));
    expect(await other.call('users.remove', { userId: presidentId })).toEqual(failure('session_locked'));
    expect(await other.call('users.list', {})).toEqual(failure('no_open_file'));
    expect(sha256(keysPathFor(path))).toBe(keys);
    expect((await president.must('users.list', {})).filter((u) => u.role === 'president').map((u) => u.id)).toEqual([presidentId]);
    other.close();
  });

  it('changing one\'s own password: wrong current → wrong_password; then the old one fails and the new one works', async () => {
    const keys = sha256(keysPathFor(path));
    const audit = auditCount();
    expect(await president.call('session.changePassword', { currentPassword: 'not the current one', newPassword: 'new president pass' })).toEqual(
      failure('wrong_password'),
    );
    expect(await president.call('session.changePassword', { currentPassword: PASSWORD, newPassword: PASSWORD })).toEqual(failure('same_password'));
    expect(sha256(keysPathFor(path))).toBe(keys);
    expect(auditCount()).toBe(audit);

    const otherSlots = keysFileOf(path).slots.filter((s) => s.userId !== presidentId);
    await president.must('session.changePassword', { currentPassword: PASSWORD, newPassword: 'new president pass' });
    expect(keysFileOf(path).slots.filter((s) => s.userId !== presidentId)).toEqual(otherSlots); // only their slot was rewritten
    expect(auditCount()).toBe(audit + 1);
    await president.must('session.lock', {});

    expect(await president.call('file.open', { path, userId: presidentId, password: PASSWORD })).toEqual(failure('wrong_password'));
    expect((await president.must('file.open', { path, userId: presidentId, password: 'new president pass' })).user.id).toBe(presidentId);
  });

  describe('recovery code', () => {
    it('a wrong code → wrong_recovery_code, and nothing is written', async () => {
      const d = tempDir();
      const core = testCore(d);
      const before = { file: snapshotTree(dirname(path)), device: snapshotTree(d) };
      const wrong = recoveryCode.startsWith('A') ? `B${recoveryCode.slice(1)}` : `A${recoveryCode.slice(1)}`;
      expect(await core.call('file.recover', { path, userId: presidentId, recoveryCode: wrong, newPassword: 'a password of mine' })).toEqual(
        failure('wrong_recovery_code'),
      );
      expect(await core.call('file.recover', { path, userId: presidentId, recoveryCode: 'not a code', newPassword: 'a password of mine' })).toMatchObject({
        ok: false,
        error: { code: 'invalid_input', fields: { recoveryCode: expect.any(String) } },
      });
      expect(snapshotTree(dirname(path))).toEqual(before.file);
      expect(snapshotTree(d)).toEqual(before.device);
      expect((await core.must('app.status', {})).session).toBeNull();
    });

    it('the right code, typed in lowercase with spaces and dashes, sets a new password for the chosen user', async () => {
      const user = await president.must('users.create', { displayName: 'Grace Mbuyi', role: 'volunteer', temporaryPassword: TEMPORARY });
      const recoverySlot = keysFileOf(path).slots.find((s) => s.kind === 'recovery');
      const typed = formatRecoveryCode(recoveryCode).join(' - ').toLowerCase();
      expect(typed).not.toBe(recoveryCode);

      const core = testCore(tempDir());
      const session = await core.must('file.recover', { path, userId: user.id, recoveryCode: typed, newPassword: 'chosen after recovery' });
      expect(session.user).toMatchObject({ id: user.id, role: 'volunteer', mustChangePassword: false });
      expect(await core.must('settings.get', {})).toMatchObject({ autoLockMinutes: expect.any(Number) }); // fully signed in
      await core.must('session.lock', {});

      expect(await core.call('file.open', { path, userId: user.id, password: TEMPORARY })).toEqual(failure('wrong_password'));
      expect((await core.must('file.open', { path, userId: user.id, password: 'chosen after recovery' })).user.mustChangePassword).toBe(false);
      await core.must('session.lock', {});
      // The recovery slot is untouched and the president's password still works.
      expect(keysFileOf(path).slots.find((s) => s.kind === 'recovery')).toEqual(recoverySlot);
      expect(
        withDb(path, key, (db) => auditRows(db).filter((r) => r.op === 'file.recover').map((r) => [r.user_id, r.entity_id])),
      ).toEqual([[user.id, user.id]]);
      expect((await president.must('app.status', {})).session?.user.id).toBe(presidentId); // the other window is unaffected
    });

    it('cannot be used for a removed user', async () => {
      const keys = readFileSync(keysPathFor(path));
      const core = testCore(tempDir());
      expect(await core.call('file.recover', { path, userId: removedId, recoveryCode, newPassword: 'let me back in 123' })).toEqual(
        failure('unknown_user'),
      );
      expect(readFileSync(keysPathFor(path)).equals(keys)).toBe(true);
      expect((await core.must('app.status', {})).session).toBeNull();
    });
  });
});

describe('device preferences', () => {
  const tempDir = useTempDir();

  it('the recent files list keeps the last 5, the latest first, without duplicates', async () => {
    const dir = tempDir();
    // Five files opened on earlier days (the device's own preferences file).
    const older = [1, 2, 3, 4, 5].map((i) => ({
      path: join(dir, 'elsewhere', `Old ${i}.tadamon`),
      associationName: `Old ${i}`,
      openedAt: `2025-01-0${6 - i}T09:00:00.000Z`,
    }));
    writeAppConfig(join(dir, 'data'), { locale: 'fr', recentFiles: older });
    const core = testCore(dir);
    const recent = async () => (await core.must('app.status', {})).recentFiles;
    expect(await recent()).toEqual(older);

    const a = (await createFile(core, join(dir, 'documents'), 'Association Alif')).session;
    expect((await recent()).map((f) => f.path)).toEqual([a.path, ...older.slice(0, 4).map((f) => f.path)]);
    expect((await recent())[0]).toEqual({ path: a.path, associationName: 'Association Alif', openedAt: expect.any(String) });
    expect(new Date((await recent())[0].openedAt).toISOString()).toBe((await recent())[0].openedAt);

    const b = (await createFile(core, join(dir, 'documents'), 'Association Ba')).session;
    expect((await recent()).map((f) => f.path)).toEqual([b.path, a.path, older[0].path, older[1].path, older[2].path]);

    // Opening one already listed moves it to the front, once.
    await core.must('session.lock', {});
    await core.must('file.open', { path: a.path, userId: a.user.id, password: PASSWORD });
    expect((await recent()).map((f) => f.path)).toEqual([a.path, b.path, older[0].path, older[1].path, older[2].path]);
    // A failed sign-in is not "opening" a file.
    expect(await core.call('file.open', { path: b.path, userId: 'nobody', password: PASSWORD })).toEqual(failure('unknown_user'));
    expect((await recent()).map((f) => f.path)).toEqual([a.path, b.path, older[0].path, older[1].path, older[2].path]);
    core.close();
  });

  it('the language chosen while signed in is remembered for each user', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    const { session } = await createFile(core, join(dir, 'documents'));
    const path = session.path;
    const volunteer = await core.must('users.create', { displayName: 'Mamadou Ndiaye', role: 'volunteer', temporaryPassword: TEMPORARY });
    expect(session.user.locale).toBe('fr');

    expect(await core.must('app.setLocale', { locale: 'ar' })).toBeNull();
    let status = await core.must('app.status', {});
    expect([status.locale, status.session?.user.locale]).toEqual(['ar', 'ar']);
    await core.must('session.lock', {});
    expect((await core.must('app.status', {})).locale).toBe('ar'); // the device keeps the last language

    const v = await core.must('file.open', { path, userId: volunteer.id, password: TEMPORARY });
    expect(v.user.locale).toBe('fr');
    expect((await core.must('app.status', {})).locale).toBe('fr');
    await core.must('app.setLocale', { locale: 'en' }); // allowed before the temporary password is changed
    await core.must('session.lock', {});

    expect((await core.must('file.open', { path, userId: session.user.id, password: PASSWORD })).user.locale).toBe('ar');
    status = await core.must('app.status', {});
    expect([status.locale, status.session?.user.locale]).toEqual(['ar', 'ar']);
    expect(Object.fromEntries((await core.must('users.list', {})).map((u) => [u.displayName, u.locale]))).toEqual({
      [PRESIDENT]: 'ar',
      'Mamadou Ndiaye': 'en',
    });
    await core.must('session.lock', {});
    expect((await core.must('file.open', { path, userId: volunteer.id, password: TEMPORARY })).user.locale).toBe('en');
    core.close();
  });

  it('with no file open, the language is the device\'s and becomes that of the next new file\'s president', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    expect((await core.must('app.status', {})).locale).toBe('fr');
    await core.must('app.setLocale', { locale: 'en' });
    expect((await core.must('app.status', {})).locale).toBe('en');
    expect((await testCore(dir).must('app.status', {})).locale).toBe('en'); // kept on disk
    const { session } = await createFile(core, join(dir, 'documents'));
    expect(session.user.locale).toBe('en');
    core.close();
  });
});

