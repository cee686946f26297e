// Part of `npm run bench` (scripts/bench.ts): backup and restore of the 50,000-person file.
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BackupCoordinator } from '../electron/core/backups/coordinator';
import { restoreBackup } from '../electron/core/backups/restore';
import { snapshotOpenFile } from '../electron/core/backups/snapshot';
import type { CoreContext } from '../electron/core/context';
import { closeFile, type OpenedFile } from '../electron/core/db/association-file';
import { JobProgressBoard } from '../electron/core/jobs/progress';
import { SignInThrottle } from '../electron/core/session/sign-in-throttle';
import { SessionState } from '../electron/core/session/state';

export interface BackupBenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
}

const ms = (start: number) => performance.now() - start;

/**
 * Times, on the open (and then closed) bench file:
 * - the automatic/"Back up now" local backup: WAL checkpoint + copy of the encrypted file and its
 *   keys under the write lock + fsync + rename + rotation (the app is blocked for this long);
 * - the VACUUM INTO fallback, for comparison;
 * - a restore of that backup: unlock the backup and the live keys (2 × scrypt), staged copy,
 *   integrity_check, swap, reopen and sign-in.
 * The file is closed afterwards.
 */
export async function benchBackups(file: OpenedFile, presidentId: string, password: string): Promise<BackupBenchResult[]> {
  const size = statSync(file.path).size;
  const coordinator = new BackupCoordinator(() => new Date(), () => null);
  let start = performance.now();
  const backup = coordinator.local(file);
  const backupMs = ms(start);
  start = performance.now();
  snapshotOpenFile(file, join(file.path, '..', 'vacuum-into'), { now: new Date(), forceVacuum: true });
  const vacuumMs = ms(start);
  closeFile(file);

  const now = () => new Date();
  const ctx: CoreContext = {
    host: { dataDir: join(file.path, '..', '..', 'data'), documentsDir: join(file.path, '..') },
    now,
    sessions: new SessionState(now),
    jobs: new JobProgressBoard(),
    backups: new BackupCoordinator(now, () => null),
    throttle: new SignInThrottle(now),
  };
  start = performance.now();
  const restored = await restoreBackup(ctx, { path: file.path, backupPath: backup.path, userId: presidentId, password });
  const restoreMs = ms(start);
  ctx.sessions.lock('restore');
  if (!restored.session) throw new Error('restore did not sign in');

  console.log(
    `backup: file ${(size / 1e6).toFixed(1)} MB; local copy ${backupMs.toFixed(0)} ms, VACUUM INTO ${vacuumMs.toFixed(0)} ms; restore ${restoreMs.toFixed(0)} ms`,
  );
  return [
    { name: 'backup now (local, encrypted copy under write lock)', value: backupMs, unit: 'ms', target: 1000 },
    { name: 'restore (check with integrity_check, swap, sign in)', value: restoreMs, unit: 'ms', target: 20_000 },
  ];
}
