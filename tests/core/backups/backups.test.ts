import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ErrorCode } from '../../../electron/contract';
import { BACKUP_CHECK_MS, BackupCoordinator, DAILY_BACKUP_MS } from '../../../electron/core/backups/coordinator';
import { listBackups } from '../../../electron/core/backups/list';
import { snapshotOpenFile } from '../../../electron/core/backups/snapshot';
import { closeFile, unlockKeys } from '../../../electron/core/db/association-file';
import { keysPathFor, readKeysFile, userSlot } from '../../../electron/core/db/keyslots';
import { SessionState, type Session } from '../../../electron/core/session/state';
import { databaseKey, sha256, useTempDir, withDb } from '../helpers';
import {
  addPeople,
  filesIn,
  integrity,
  isRoot,
  makeReadOnly,
  manualClock,
  openedFile,
  PRESIDENT,
  PRESIDENT_PASSWORD,
  signedInFile,
  storedPeople,
  testCore,
  tinyDisk,
} from './fixtures';

const failure = (code: ErrorCode) => ({ ok: false, error: { code } });
const tempDir = useTempDir();
const backupsOf = (path: string) => join(dirname(path), 'backups');
const regularBackups = (path: string) => filesIn(backupsOf(path)).filter((n) => /\.\d{4}-\d\d-\d\dT[\d-]+Z\.tadamon$/.test(n));

describe('back up now', () => {
  it('writes an encrypted copy and its keys file under a UTC name; the copy opens with the same key and its own keys file', async () => {
    const { core, path, userId } = await signedInFile(tempDir());
    const ids = await addPeople(core, 3);
    const { backup, secondCopy } = await core.must('backups.create', {});
    expect(secondCopy).toBeNull();
    expect(backup).toMatchObject({
      fileName: 'Association Amal.manual.2026-05-04T08-00-00-000Z.tadamon',
      createdAt: '2026-05-04T08:00:00.000Z',
      kind: 'manual',
      location: 'local',
      users: [{ id: userId, displayName: PRESIDENT }],
      hasRecoverySlot: true,
    });
    expect(backup.path).toBe(join(backupsOf(path), backup.fileName));
    expect(backup.sizeBytes).toBe(statSync(backup.path).size + statSync(keysPathFor(backup.path)).size);
    expect(filesIn(backupsOf(path))).toEqual([backup.fileName, `${backup.fileName}.keys`]);

    const head = readFileSync(backup.path).subarray(0, 16).toString('latin1');
    expect(head.startsWith('SQLite format 3')).toBe(false);
    expect(readFileSync(backup.path).includes(Buffer.from('Aminata'))).toBe(false);
    // same key as the live file, found again through the backup's own keys file
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    expect(await databaseKey(backup.path, userId, PRESIDENT_PASSWORD)).toEqual(key);
    expect(integrity(backup.path, key)).toBe('ok');
    expect(await storedPeople(backup.path, userId)).toEqual([...ids].sort());
    core.close();
  });

  it('is audited, and any signed-in user may do it; the list, the status and the second folder are for presidents', async () => {
    const { core, path } = await signedInFile(tempDir());
    await core.must('users.create', { displayName: 'Youssef Tazi', role: 'volunteer', temporaryPassword: 'temporary password 1' });
    const volunteerId = (await core.must('users.list', {})).find((u) => u.role === 'volunteer')!.id;
    const volunteer = testCore(tempDir());
    await volunteer.must('file.open', { path, userId: volunteerId, password: 'temporary password 1' });
    await volunteer.must('session.changePassword', { currentPassword: 'temporary password 1', newPassword: 'volunteer password 1' });
    expect((await volunteer.must('backups.create', {})).backup.kind).toBe('manual');
    expect(await volunteer.call('backups.list', {})).toEqual(failure('forbidden'));
    expect(await volunteer.call('backups.setSecondFolder', { folder: null })).toEqual(failure('forbidden'));
    expect((await volunteer.must('backups.status', {})).latest?.kind).toBe('manual');
    const audit = await core.must('audit.list', { op: 'backups.create' });
    expect(audit.rows.map((r) => [r.op, r.userId])).toEqual([['backups.create', volunteerId]]);
    volunteer.close();
    core.close();
  });

  it('falls back to VACUUM INTO when the WAL cannot be emptied: still encrypted, same key, its keys file matching it', async () => {
    const dir = tempDir();
    const { core, path, userId } = await signedInFile(dir);
    await addPeople(core, 2);
    const session = vi.spyOn(SessionState.prototype, 'current');
    await core.must('settings.get', {});
    const file = (session.mock.results.at(-1)?.value as Session).file;
    session.mockRestore();
    const info = snapshotOpenFile(file, join(dir, 'vacuum'), { now: new Date('2026-05-04T09:00:00Z'), forceVacuum: true });
    expect(readFileSync(info.path).subarray(0, 15).toString('latin1')).not.toBe('SQLite format 3');
    // (SQLite3 Multiple Ciphers keeps the cipher salt in the copy; the keys file records whatever it is)
    expect(readKeysFile(info.path).dbSalt).toBe(readFileSync(info.path).subarray(0, 16).toString('base64'));
    expect(readKeysFile(path).fileId).toBe(readKeysFile(info.path).fileId);
    const unlocked = await unlockKeys(info.path, (k) => ({ slot: userSlot(k, userId), secret: PRESIDENT_PASSWORD }), 'wrong_password');
    unlocked.unlocked.dispose();
    expect((await storedPeople(info.path, userId)).length).toBe(2);
    core.close();
  });

  it('keeps every backup of 48 hours, then 7 daily, 4 weekly and 12 monthly on disk as days go by, each with its keys file', async () => {
    const clock = manualClock('2026-01-01T10:00:00.000Z');
    const { core, path, userId } = await signedInFile(tempDir(), clock);
    core.close();
    // Two months of backups, without two months of sign-ins: the coordinator on the opened file.
    const file = await openedFile(path, userId);
    const backups = new BackupCoordinator(clock.now, () => null);
    for (let day = 0; day < 60; day++) {
      for (const hour of [0, 6]) {
        clock.set(new Date(Date.parse('2026-01-01T10:00:00.000Z') + day * 86_400_000 + hour * 3_600_000).toISOString());
        backups.local(file);
      }
    }
    closeFile(file);
    const kept = regularBackups(path);
    // 60 days, two a day: the 5 of the last 48 hours, the newest of the last 7 days, of 4 weeks, of 3 months (Jan, Feb, Mar)
    expect(kept.length).toBeGreaterThanOrEqual(7 + 2);
    expect(kept.length).toBeLessThanOrEqual(7 + 4 + 3 + 2);
    expect(kept.slice(-5)).toEqual(
      ['2026-02-27T16', '2026-02-28T10', '2026-02-28T16', '2026-03-01T10', '2026-03-01T16'].map((h) => `Association Amal.${h}-00-00-000Z.tadamon`),
    );
    expect(kept).not.toContain('Association Amal.2026-02-27T10-00-00-000Z.tadamon');
    expect(kept[0]).toBe('Association Amal.2026-01-31T16-00-00-000Z.tadamon');
    // each kept backup still has its keys file, and nothing partial is left
    expect(filesIn(backupsOf(path)).length).toBe(kept.length * 2);
  });
});

describe('backups that are kept', () => {
  it('a Back up now copy outlives the automatic backup made at sign-out the same day, and the weeks of backups after it', async () => {
    const clock = manualClock('2026-05-04T09:00:00.000Z');
    const { core, path, userId } = await signedInFile(tempDir(), clock);
    await core.must('settings.update', { autoLockMinutes: 240 });
    const morning = await addPeople(core, 2);
    const manual = (await core.must('backups.create', {})).backup;
    clock.advance(2 * 3_600_000);
    await addPeople(core, 1, 'Moussa');
    await core.must('session.lock', {}); // the sign-out backup, the same day, newer than the manual one
    core.close();
    const file = await openedFile(path, userId);
    const backups = new BackupCoordinator(clock.now, () => null);
    for (let day = 0; day < 21; day++) {
      clock.advance(86_400_000);
      backups.local(file);
    }
    closeFile(file);
    const kinds = new Map(listBackups(backupsOf(path), 'Association Amal', 'local').map((b) => [b.fileName, b.kind]));
    expect(kinds.get(manual.fileName)).toBe('manual');
    expect(existsSync(keysPathFor(manual.path))).toBe(true);
    expect(await storedPeople(manual.path, userId)).toEqual([...morning].sort());
    // the automatic ones were rotated meanwhile: the first days' are gone but for their week's newest
    expect([...kinds.values()].filter((k) => k === 'regular').length).toBeLessThan(21);
  });

  it('a key rotation first makes a backup under the old key, marked as such, which rotation never deletes', async () => {
    const clock = manualClock('2026-05-04T09:00:00.000Z');
    const { core, path, userId } = await signedInFile(tempDir(), clock);
    const ids = await addPeople(core, 2);
    const oldKey = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    await core.must('security.rekey', { password: PRESIDENT_PASSWORD });
    const [before] = (await core.must('backups.list', {})).filter((b) => b.kind === 'beforeRekey');
    expect(before.fileName).toBe('Association Amal.before-rekey.2026-05-04T09-00-00-000Z.tadamon');
    expect(integrity(before.path, oldKey)).toBe('ok');
    core.close();
    const file = await openedFile(path, userId);
    const backups = new BackupCoordinator(clock.now, () => null);
    for (let day = 0; day < 10; day++) {
      clock.advance(86_400_000);
      backups.local(file);
    }
    closeFile(file);
    expect(filesIn(backupsOf(path))).toContain(before.fileName);
    expect(await storedPeople(before.path, userId)).toEqual([...ids].sort());
  });
});

describe('backups.listFor while someone is signed in', () => {
  it('answers anyone with no session, a president while signed in, and refuses a volunteer what backups.list refuses them', async () => {
    const { core, path } = await signedInFile(tempDir());
    await addPeople(core, 1);
    await core.must('backups.create', {});
    await core.must('users.create', { displayName: 'Youssef Tazi', role: 'volunteer', temporaryPassword: 'temporary password 1' });
    const volunteerId = (await core.must('users.list', {})).find((u) => u.role === 'volunteer')!.id;
    expect(await core.must('backups.listFor', { path })).toHaveLength(1);

    const volunteer = testCore(tempDir());
    expect(await volunteer.must('backups.listFor', { path })).toHaveLength(1); // the sign-in screen, no session
    await volunteer.must('file.open', { path, userId: volunteerId, password: 'temporary password 1' });
    expect(await volunteer.call('backups.listFor', { path })).toEqual(failure('forbidden'));
    expect(await volunteer.call('backups.listFor', { path, folder: backupsOf(path) })).toEqual(failure('forbidden'));
    await volunteer.must('session.changePassword', { currentPassword: 'temporary password 1', newPassword: 'volunteer password 1' });
    expect(await volunteer.call('backups.listFor', { path })).toEqual(failure('forbidden'));
    await volunteer.must('session.lock', {}); // (its automatic backup: the password change is a write)
    expect((await volunteer.must('backups.listFor', { path })).map((b) => b.kind).sort()).toEqual(['manual', 'regular']);
    volunteer.close();
    core.close();
  });
});

describe('automatic backups', () => {
  afterEach(() => vi.useRealTimers());

  it('on lock when the file changed, not when it did not; on close; never for a mere sign-in', async () => {
    const clock = manualClock();
    const { core, path, userId } = await signedInFile(tempDir(), clock);
    await core.must('session.lock', {});
    expect(regularBackups(path)).toEqual([]); // a new file, nothing in it yet

    clock.advance(60_000);
    await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    const ids = await addPeople(core, 2);
    await core.must('session.lock', {});
    expect(regularBackups(path)).toEqual(['Association Amal.2026-05-04T08-01-00-000Z.tadamon']);
    expect(await storedPeople(join(backupsOf(path), regularBackups(path)[0]), userId)).toEqual([...ids].sort());

    clock.advance(60_000);
    await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    await core.must('settings.get', {});
    await core.must('session.lock', {});
    expect(regularBackups(path)).toHaveLength(1); // signed in and read only: no new copy

    clock.advance(60_000);
    await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    await addPeople(core, 1);
    core.close(); // the app quits
    // (the 08:01 backup stays: every backup of the last 48 hours is kept)
    expect(regularBackups(path)).toEqual(['Association Amal.2026-05-04T08-01-00-000Z.tadamon', 'Association Amal.2026-05-04T08-03-00-000Z.tadamon']);
    // a restart knows the file has not changed since (from the dates, not from memory)
    const restarted = testCore(dirname(dirname(path)), clock.now);
    clock.advance(60_000);
    await restarted.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    restarted.close();
    expect(regularBackups(path)).toHaveLength(2);
  });

  it('when the session locks itself for idleness', async () => {
    const clock = manualClock();
    const { core, path } = await signedInFile(tempDir(), clock);
    await addPeople(core, 1);
    clock.advance(11 * 60_000);
    expect(await core.call('settings.get', {})).toEqual(failure('session_locked'));
    expect(regularBackups(path)).toHaveLength(1);
  });

  it('once a day while the file stays open, driven by the timer and the clock', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const clock = manualClock();
    const { core, path } = await signedInFile(tempDir(), clock);
    await core.must('settings.update', { autoLockMinutes: 240 });
    await core.must('backups.create', {});
    expect(regularBackups(path)).toHaveLength(1);
    // a working day and a night, with someone active every 2 hours
    for (let h = 0; h < 24; h += 2) {
      clock.advance(2 * 3_600_000);
      await addPeople(core, 1);
      vi.advanceTimersByTime(BACKUP_CHECK_MS);
    }
    // 24 h after the last backup, with changes since: a new one, and only one
    expect(regularBackups(path)).toHaveLength(2);
    clock.advance(2 * 3_600_000);
    vi.advanceTimersByTime(BACKUP_CHECK_MS * 3);
    expect(regularBackups(path)).toHaveLength(2);
    expect(DAILY_BACKUP_MS).toBe(86_400_000);
    core.close();
    vi.useRealTimers();
  });
});

describe('the second folder (USB drive)', () => {
  it('must be writable when chosen; then every backup is copied there too, with progress', async () => {
    const dir = tempDir();
    const { core } = await signedInFile(dir);
    const usb = join(dir, 'usb');
    writeFileSync(join(dir, 'a-file.txt'), 'x');
    expect(await core.call('backups.setSecondFolder', { folder: join(dir, 'a-file.txt', 'inside') })).toEqual(failure('directory_not_writable'));
    expect((await core.must('backups.setSecondFolder', { folder: usb })).secondFolder).toBe(usb);
    expect(filesIn(usb)).toEqual([]); // the write test leaves nothing

    await addPeople(core, 2);
    const result = await core.must('backups.create', { jobId: 'backup-job-1' });
    expect(result.secondCopy).toEqual({ ok: true, path: join(usb, result.backup.fileName) });
    expect(sha256(join(usb, result.backup.fileName))).toBe(sha256(result.backup.path));
    expect(sha256(keysPathFor(join(usb, result.backup.fileName)))).toBe(sha256(keysPathFor(result.backup.path)));
    expect(await core.must('jobs.progress', { jobId: 'backup-job-1' })).toEqual({
      done: result.backup.sizeBytes * 2,
      total: result.backup.sizeBytes * 2,
      finished: true,
    });
    const listed = await core.must('backups.list', {});
    expect(listed.map((b) => b.location).sort()).toEqual(['local', 'second']);

    // the drive is unplugged: the local backup is made, the second copy reports why it is missing
    const { rmSync } = await import('node:fs');
    rmSync(usb, { recursive: true });
    writeFileSync(usb, 'not a folder any more');
    const again = await core.must('backups.create', {});
    expect(again.secondCopy).toEqual({ ok: false, error: 'directory_not_writable' });
    expect(existsSync(again.backup.path)).toBe(true);

    // automatic backups copy in the background; the host waits for them before quitting
    rmSync(usb);
    await addPeople(core, 1);
    await core.must('session.lock', {});
    await core.whenIdle();
    expect(filesIn(usb).filter((n) => n.endsWith('.tadamon'))).toHaveLength(1);
    core.close();
  });
});

describe('a disk that fails during a backup', () => {
  it('a backups folder that cannot be created (a file is in the way) → directory_not_writable, nothing changed', async () => {
    const { core, path } = await signedInFile(tempDir());
    writeFileSync(backupsOf(path), 'in the way');
    await addPeople(core, 1);
    expect(await core.call('backups.create', {})).toEqual(failure('directory_not_writable'));
    expect(readFileSync(backupsOf(path), 'utf8')).toBe('in the way');
    // the file itself is fine and goes on taking writes
    await addPeople(core, 1);
    expect((await core.must('beneficiaries.search', {})).total).toBe(2);
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await core.must('session.lock', {}); // its automatic backup fails the same way, and only logs the code
    expect(log.mock.calls.map((c) => String(c[0]))).toEqual(['[tadamon] automatic backup (lock) failed: directory_not_writable']);
    log.mockRestore();
    core.close();
  });

  it(`a read-only backups folder → directory_not_writable; the previous backup is intact (${isRoot ? 'root: chattr +i or a read-only mount' : 'chmod'})`, async (context) => {
    const { core, path, userId } = await signedInFile(tempDir());
    await addPeople(core, 1);
    const first = (await core.must('backups.create', {})).backup;
    const before = { db: sha256(first.path), keys: sha256(keysPathFor(first.path)) };
    const readOnly = makeReadOnly(backupsOf(path));
    if (!readOnly) {
      core.close();
      context.skip('no way to make a folder read-only for this user on this system');
      return;
    }
    try {
      await addPeople(core, 1);
      expect(await core.call('backups.create', {})).toEqual(failure('directory_not_writable'));
      const status = await core.must('backups.status', {});
      expect(status.latest?.fileName).toBe(first.fileName);
    } finally {
      readOnly.undo();
    }
    expect(filesIn(backupsOf(path))).toEqual([first.fileName, `${first.fileName}.keys`]);
    expect({ db: sha256(first.path), keys: sha256(keysPathFor(first.path)) }).toEqual(before);
    expect((await core.must('beneficiaries.search', {})).total).toBe(2);
    core.close();
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    expect(integrity(path, key)).toBe('ok');
  });

  it('a full disk → disk_full; no partial file is left, the previous backup is intact, the file consistent (a real tmpfs)', async (context) => {
    const { core, path, userId } = await signedInFile(tempDir());
    await addPeople(core, 5);
    mkdirSync(backupsOf(path));
    const disk = tinyDisk(backupsOf(path), 4096);
    if (!disk) {
      core.close();
      context.skip('mounting a small tmpfs needs privileges this run does not have');
      return;
    }
    try {
      const first = (await core.must('backups.create', {})).backup;
      const before = sha256(first.path);
      disk.fill(64 * 1024); // less room than one more copy of the file
      await addPeople(core, 1);
      expect(await core.call('backups.create', {})).toEqual(failure('disk_full'));
      expect(filesIn(backupsOf(path))).toEqual([first.fileName, `${first.fileName}.keys`, 'filler.bin']);
      expect(sha256(first.path)).toBe(before);
      expect(await storedPeople(first.path, userId)).toHaveLength(5);
      // an automatic backup at lock fails the same way, and says so at the next sign-in (the log
      // line carries the code, never a path that could name someone)
      await addPeople(core, 1);
      const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      await core.must('session.lock', {});
      expect(log.mock.calls.map((c) => String(c[0]))).toEqual(['[tadamon] automatic backup (lock) failed: disk_full']);
      await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
      expect((await core.must('backups.status', {})).lastAutomatic).toMatchObject({ ok: false, error: 'disk_full', trigger: 'lock' });
      expect((await core.must('beneficiaries.search', {})).total).toBe(7);
      core.close(); // (and the backup on close fails the same way)
      expect(log).toHaveBeenLastCalledWith('[tadamon] automatic backup (close) failed: disk_full');
      log.mockRestore();
    } finally {
      disk.undo();
    }
    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    expect(integrity(path, key)).toBe('ok');
    expect(withDb(path, key, (db) => db.prepare('SELECT count(*) AS n FROM beneficiaries').get())).toEqual({ n: 7 });
  });
});
