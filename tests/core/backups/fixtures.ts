import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openUnlocked, unlockKeys, type OpenedFile } from '../../../electron/core/db/association-file';
import { userSlot } from '../../../electron/core/db/keyslots';
import { person } from '../builders';
import { databaseKey, PRESIDENT_PASSWORD, testCore, withDb, type TestCore } from '../helpers';

/** A clock the test moves by hand. */
export function manualClock(start = '2026-05-04T08:00:00.000Z') {
  let t = Date.parse(start);
  return {
    now: () => new Date(t),
    advance: (ms: number) => (t += ms),
    set: (iso: string) => (t = Date.parse(iso)),
  };
}

export const PRESIDENT = 'Nadia Bennani';

/** A signed-in president on a new file in `<dir>/documents`, with a manual clock. */
export async function signedInFile(dir: string, clock = manualClock()) {
  const core = testCore(dir, clock.now);
  const { session, recoveryCode } = await core.must('file.create', {
    associationName: 'Association Amal',
    city: 'Oujda',
    directory: join(dir, 'documents'),
    displayName: PRESIDENT,
    password: PRESIDENT_PASSWORD,
  });
  return { core, clock, path: session.path, userId: session.user.id, recoveryCode };
}

/** `n` committed beneficiaries; returns their ids. */
export async function addPeople(core: TestCore, n: number, firstName = 'Aminata'): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) ids.push((await core.must('beneficiaries.create', person({ firstName, lastName: `Diop ${i}` }))).id);
  return ids;
}

/** The beneficiary ids stored in a file (or backup), read with the key of its own keys file. */
export async function storedPeople(path: string, userId: string, password = PRESIDENT_PASSWORD): Promise<string[]> {
  const key = await databaseKey(path, userId, password);
  return withDb(path, key, (db) => (db.prepare('SELECT id FROM beneficiaries ORDER BY id').all() as { id: string }[]).map((r) => r.id));
}

/** The file opened the way sign-in does, without a core (close it with closeFile). */
export async function openedFile(path: string, userId: string, password = PRESIDENT_PASSWORD, now = new Date()): Promise<OpenedFile> {
  const unlocked = await unlockKeys(path, (k) => ({ slot: userSlot(k, userId), secret: password }), 'wrong_password');
  try {
    return openUnlocked(path, unlocked, { now });
  } finally {
    unlocked.unlocked.dispose();
  }
}

export function integrity(path: string, key: Buffer): unknown {
  return withDb(path, key, (db) => db.pragma('integrity_check', { simple: true }));
}

export const filesIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir).sort() : []);

export { PRESIDENT_PASSWORD };

// ---------------------------------------------------------------------------------------------
// Failing disks, for real. Tests run as root here, where chmod does not stop writes; so a folder
// is made read-only by the strongest means available, and a full disk is a small tmpfs filled up.

export const isRoot = process.getuid?.() === 0;

function tryRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Proves writes really fail in `dir`. */
function writesFail(dir: string): boolean {
  try {
    writeFileSync(join(dir, '.probe'), 'x');
    rmSync(join(dir, '.probe'), { force: true });
    return false;
  } catch {
    return true;
  }
}

/**
 * Makes an existing folder refuse new files: chmod for a normal user; as root, the immutable
 * attribute (chattr +i), else a read-only bind mount. Returns how, and how to undo it; null when
 * nothing works here (the caller skips, saying so).
 */
export function makeReadOnly(dir: string): { how: string; undo: () => void } | null {
  if (!isRoot) {
    chmodSync(dir, 0o555);
    if (writesFail(dir)) return { how: 'chmod 555', undo: () => chmodSync(dir, 0o755) };
    chmodSync(dir, 0o755);
  }
  if (tryRun('chattr', ['+i', dir])) {
    if (writesFail(dir)) return { how: 'chattr +i', undo: () => tryRun('chattr', ['-i', dir]) };
    tryRun('chattr', ['-i', dir]);
  }
  if (tryRun('mount', ['--bind', dir, dir]) && tryRun('mount', ['-o', 'remount,bind,ro', dir])) {
    if (writesFail(dir)) return { how: 'read-only bind mount', undo: () => tryRun('umount', ['-l', dir]) };
    tryRun('umount', ['-l', dir]);
  }
  return null;
}

/** A real small file system (tmpfs) mounted at `dir`; null when mounting is not allowed here. */
export function tinyDisk(dir: string, sizeKb: number): { fill: (leaveBytes: number) => void; undo: () => void } | null {
  mkdirSync(dir, { recursive: true });
  if (!tryRun('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir])) return null;
  return {
    /** Fills the disk with a filler file until only `leaveBytes` remain. */
    fill(leaveBytes: number) {
      const { bavail, bsize } = statfsSync(dir);
      const size = Math.max(0, bavail * bsize - leaveBytes);
      writeFileSync(join(dir, 'filler.bin'), Buffer.alloc(size));
    },
    undo: () => {
      tryRun('umount', ['-l', dir]);
    },
  };
}

export { testCore };
