import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../electron/contract';
import { BackupCoordinator } from '../../../electron/core/backups/coordinator';
import { restoreBackup } from '../../../electron/core/backups/restore';
import { journalPathFor, SWAP_STEPS } from '../../../electron/core/backups/restore-journal';
import type { CoreContext } from '../../../electron/core/context';
import { keysPathFor } from '../../../electron/core/db/keyslots';
import { LATEST_VERSION } from '../../../electron/core/db/migrations';
import { JobProgressBoard } from '../../../electron/core/jobs/progress';
import { SignInThrottle } from '../../../electron/core/session/sign-in-throttle';
import { SessionState } from '../../../electron/core/session/state';
import { databaseKey, sha256, snapshotTree, useSuiteTempDir, useTempDir, withDb } from '../helpers';
import { addPeople, filesIn, manualClock, PRESIDENT_PASSWORD, signedInFile, testCore } from './fixtures';

const failure = (code: ErrorCode) => ({ ok: false, error: { code } });
const VOLUNTEER_PASSWORD = 'volunteer password 1';
const DAY = 86_400_000;

const count = (path: string, key: Buffer) =>
  withDb(path, key, (db) => (db.prepare('SELECT count(*) AS n FROM beneficiaries').get() as { n: number }).n);

/**
 * One association made once: day 1, three people and a backup (B1); day 2, two more people and a
 * lock (its automatic backup, B2). Each test works on a copy of the whole folder.
 */
describe('restore', () => {
  const suiteDir = useSuiteTempDir();
  const tempDir = useTempDir();
  let original: string; // the documents folder
  let presidentId: string;
  let volunteerId: string;
  let recoveryCode: string;
  let key: Buffer;
  let b1: string;
  const name = 'Association Amal.tadamon';

  beforeAll(async () => {
    const dir = suiteDir();
    const clock = manualClock('2026-05-04T08:00:00.000Z');
    const made = await signedInFile(dir, clock);
    presidentId = made.userId;
    recoveryCode = made.recoveryCode;
    const { core, path } = made;
    volunteerId = (await core.must('users.create', { displayName: 'Youssef Tazi', role: 'volunteer', temporaryPassword: 'temporary password 1' })).id;
    const volunteer = testCore(join(dir, 'v'), clock.now);
    await volunteer.must('file.open', { path, userId: volunteerId, password: 'temporary password 1' });
    await volunteer.must('session.changePassword', { currentPassword: 'temporary password 1', newPassword: VOLUNTEER_PASSWORD });
    volunteer.close();
    await addPeople(core, 3);
    b1 = (await core.must('backups.create', {})).backup.fileName;
    clock.advance(DAY);
    await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    await addPeople(core, 2, 'Moussa');
    await core.must('session.lock', {});
    core.close();
    original = dirname(path);
    key = await databaseKey(path, presidentId, PRESIDENT_PASSWORD);
  });

  /** A copy of the documents folder (file, keys, backups) and a core on it, with its own clock. */
  function copy() {
    const dir = tempDir();
    cpSync(original, join(dir, 'documents'), { recursive: true });
    const clock = manualClock('2026-05-06T10:00:00.000Z');
    const path = join(dir, 'documents', name);
    return { dir, path, backups: join(dir, 'documents', 'backups'), clock, core: testCore(dir, clock.now) };
  }

  it('lists the backups of a file with no one signed in: date, size, users; newest first', async () => {
    const { path, core } = copy();
    const list = await core.must('backups.listFor', { path });
    expect(list.map((b) => [b.fileName, b.kind, b.location])).toEqual([
      ['Association Amal.2026-05-05T08-00-00-000Z.tadamon', 'regular', 'local'],
      // the volunteer's sign-out on day 1, before the three people (a name of its own beside B1's)
      ['Association Amal.2026-05-04T08-00-00-000Z.tadamon', 'regular', 'local'],
      [b1, 'manual', 'local'],
    ]);
    expect(list[2].users.map((u) => u.displayName).sort()).toEqual(['Nadia Bennani', 'Youssef Tazi']);
    expect(list[2].sizeBytes).toBeGreaterThan(4096);
    expect(await core.call('backups.listFor', { path: join(dirname(path), 'notes.txt') })).toEqual(failure('not_a_tadamon_file'));
    expect(await core.must('backups.listFor', { path: join(dirname(path), 'Other.tadamon') })).toEqual([]);
    expect(await core.must('backups.listFor', { path, folder: join(dirname(path), 'backups') })).toHaveLength(3);
  });

  it("with a president's password: checked, swapped, the old file kept aside, and signed in on the restored file", async () => {
    const { path, backups, core } = copy();
    const before = sha256(path);
    expect(count(path, key)).toBe(5);
    const result = await core.must('backups.restore', { path, backupPath: join(backups, b1), userId: presidentId, password: PRESIDENT_PASSWORD });
    expect(result.session?.user.id).toBe(presidentId);
    expect(result.session?.path).toBe(path);
    expect(result.safetyCopy).toBe(join(backups, 'Association Amal.before-restore.2026-05-06T10-00-00-000Z.tadamon'));
    expect((await core.must('beneficiaries.search', {})).total).toBe(3);
    expect((await core.must('audit.list', { op: 'backups.restore' })).rows).toHaveLength(1);
    // the replaced file, byte for byte, with its keys file; it opens
    expect(sha256(result.safetyCopy!)).toBe(before);
    expect(existsSync(keysPathFor(result.safetyCopy!))).toBe(true);
    expect(count(result.safetyCopy!, key)).toBe(5);
    // the backup itself is untouched, and the safety copy is offered as one
    expect((await core.must('backups.list', {})).map((b) => b.kind)).toContain('beforeRestore');
    expect(filesIn(dirname(path)).filter((n) => n !== 'backups')).toEqual([name, `${name}-shm`, `${name}-wal`, `${name}.keys`]);
    core.close();
    await core.whenIdle(); // the background check of the restored file may still read it
    expect(filesIn(dirname(path))).toEqual([name, `${name}.keys`, 'backups']);
  });

  it('wrong password, a volunteer, or another association → refused before anything is touched', async () => {
    const { dir, path, backups, core } = copy();
    const before = snapshotTree(dir);
    const backupPath = join(backups, b1);
    expect(await core.call('backups.restore', { path, backupPath, userId: presidentId, password: 'not the password' })).toEqual(failure('wrong_password'));
    expect(await core.call('backups.restore', { path, backupPath, userId: volunteerId, password: VOLUNTEER_PASSWORD })).toEqual(failure('forbidden'));
    expect(await core.call('backups.restore', { path, backupPath, recoveryCode: 'A'.repeat(30) })).toEqual(failure('wrong_recovery_code'));
    const other = await signedInFile(join(dir, 'other'));
    await addPeople(other.core, 1);
    const otherBackup = (await other.core.must('backups.create', {})).backup.path;
    other.core.close();
    const withOther = snapshotTree(dir);
    expect(
      await core.call('backups.restore', { path, backupPath: otherBackup, userId: other.userId, password: PRESIDENT_PASSWORD }),
    ).toEqual(failure('keys_file_mismatch'));
    expect(snapshotTree(dir)).toEqual(withOther);
    expect(Object.keys(before).every((k) => k in withOther && before[k] === withOther[k])).toBe(true);
    expect((await core.must('app.status', {})).session).toBeNull();
  });

  it('with the recovery code: restored, nobody signed in; everyone signs in as the backup knew them', async () => {
    const { path, backups, core } = copy();
    const result = await core.must('backups.restore', { path, backupPath: join(backups, b1), recoveryCode: recoveryCode.toLowerCase() });
    expect(result.session).toBeNull();
    expect(count(path, key)).toBe(3);
    expect((await core.must('file.open', { path, userId: volunteerId, password: VOLUNTEER_PASSWORD })).user.role).toBe('volunteer');
    core.close();
  });

  it('a damaged file → file_damaged; its latest backup is offered and restored; the damaged bytes are kept aside, never overwritten', async () => {
    const { path, backups, core } = copy();
    const bytes = readFileSync(path);
    // In the first page: read by every open (damage deeper in is found by the check after sign-in).
    for (let i = 0; i < 16; i++) bytes[1000 + i] ^= 0x5a;
    writeFileSync(path, bytes);
    const damaged = sha256(path);
    expect(await core.call('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(failure('file_damaged'));

    const [latest] = await core.must('backups.listFor', { path });
    const result = await core.must('backups.restore', { path, backupPath: latest.path, userId: presidentId, password: PRESIDENT_PASSWORD });
    expect((await core.must('beneficiaries.search', {})).total).toBe(5);
    expect(sha256(result.safetyCopy!)).toBe(damaged);
    expect(existsSync(join(backups, latest.fileName))).toBe(true);
    core.close();
  });

  it('a damaged backup, or one from a newer app, is refused at the check; the live file is untouched', async () => {
    const { dir, path, backups, core } = copy();
    const bad = join(backups, 'Association Amal.2026-05-06T09-00-00-000Z.tadamon');
    copyFileSync(join(backups, b1), bad);
    copyFileSync(keysPathFor(join(backups, b1)), keysPathFor(bad));
    const bytes = readFileSync(bad);
    for (let i = 0; i < 16; i++) bytes[Math.floor(bytes.length / 2) + i] ^= 0xff;
    writeFileSync(bad, bytes);
    const before = snapshotTree(dir);
    expect(await core.call('backups.restore', { path, backupPath: bad, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(
      failure('file_damaged'),
    );
    expect(snapshotTree(dir)).toEqual(before); // no staged copy left either

    const newer = join(backups, 'Association Amal.2026-05-06T09-30-00-000Z.tadamon');
    copyFileSync(join(backups, b1), newer);
    copyFileSync(keysPathFor(join(backups, b1)), keysPathFor(newer));
    withDb(newer, key, (db) => db.pragma(`user_version = ${LATEST_VERSION + 1}`));
    const before2 = snapshotTree(dir);
    expect(await core.call('backups.restore', { path, backupPath: newer, userId: presidentId, password: PRESIDENT_PASSWORD })).toEqual(
      failure('file_too_new'),
    );
    expect(snapshotTree(dir)).toEqual(before2);
  });

  it('signed in: only a president may restore over the open file, and the session moves to the restored file', async () => {
    const { path, backups, core } = copy();
    const volunteer = testCore(join(dirname(path), '..', 'v2'));
    await volunteer.must('file.open', { path, userId: volunteerId, password: VOLUNTEER_PASSWORD });
    expect(
      await volunteer.call('backups.restore', { path, backupPath: join(backups, b1), userId: presidentId, password: PRESIDENT_PASSWORD }),
    ).toEqual(failure('forbidden'));
    volunteer.close();
    await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    await addPeople(core, 1, 'Salma'); // 6 now; the restore keeps this state aside
    const result = await core.must('backups.restore', { path, backupPath: join(backups, b1), userId: presidentId, password: PRESIDENT_PASSWORD });
    expect((await core.must('beneficiaries.search', {})).total).toBe(3);
    expect(count(result.safetyCopy!, key)).toBe(6);
    core.close();
  });

  describe('a kill at any step of the swap leaves a file that opens whole', () => {
    for (let step = 0; step <= SWAP_STEPS; step++) {
      it(step === 0 ? 'no kill' : `killed after step ${step} of ${SWAP_STEPS}`, async () => {
        const { dir, path, backups, clock } = copy();
        const ctx: CoreContext = {
          host: { dataDir: join(dir, 'data'), documentsDir: dir },
          now: clock.now,
          sessions: new SessionState(clock.now),
          jobs: new JobProgressBoard(),
          backups: new BackupCoordinator(clock.now, () => null),
          throttle: new SignInThrottle(clock.now),
        };
        const killed = new Error('killed');
        const run = restoreBackup(
          ctx,
          { path, backupPath: join(backups, b1), userId: presidentId, password: PRESIDENT_PASSWORD },
          { interrupt: (s) => { if (s === step) throw killed; } },
        );
        if (step > 0) {
          await expect(run).rejects.toMatchObject({ code: 'restore_failed' });
          // (the last step removes the journal itself)
          expect(existsSync(journalPathFor(path))).toBe(step < SWAP_STEPS);
        } else {
          await run;
          ctx.sessions.lock();
        }
        // the next start: whatever opens the file first finishes the swap
        const core = testCore(dir, clock.now);
        const session = await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
        expect(session.user.id).toBe(presidentId);
        expect((await core.must('beneficiaries.search', {})).total).toBe(3);
        core.close();
        // the sign-in's background check may still read the file: its connection closes last
        await core.whenIdle();
        expect(existsSync(journalPathFor(path))).toBe(false);
        expect(withDb(path, key, (db) => db.pragma('integrity_check', { simple: true }))).toBe('ok');
        const aside = join(backups, 'Association Amal.before-restore.2026-05-06T10-00-00-000Z.tadamon');
        expect(count(aside, key)).toBe(5);
        expect(filesIn(dirname(path))).toEqual([name, `${name}.keys`, 'backups']);
      });
    }
  });

  it('what a killed restore left before its journal (a staged copy) is cleared, and the file is as it was', async () => {
    const { path, core } = copy();
    const staged = join(dirname(path), `.${name}.restoring-2026-05-06T09-59-00-000Z.tadamon`);
    mkdirSync(dirname(staged), { recursive: true });
    copyFileSync(path, staged);
    writeFileSync(keysPathFor(staged), 'half');
    await core.must('file.open', { path, userId: presidentId, password: PRESIDENT_PASSWORD });
    expect(filesIn(dirname(path)).filter((n) => n.includes('restoring'))).toEqual([]);
    expect((await core.must('beneficiaries.search', {})).total).toBe(5);
    core.close();
  });
});
