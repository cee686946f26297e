import { AppError } from '../errors';
import type { Db } from './database';
import { registerMigrationFunctions } from './migration-functions';
import { LATEST_VERSION, migrations } from './migrations';

export function schemaVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function assertNotTooNew(db: Db, latest = LATEST_VERSION): void {
  if (schemaVersion(db) > latest) throw new AppError('file_too_new');
}

/**
 * Brings the file up to `target`, one migration per transaction. `beforeMigrating` runs once,
 * only when there is something to apply to a file that already holds data (the backup hook).
 */
export function migrate(
  db: Db,
  options: { target?: number; beforeMigrating?: (fromVersion: number) => void } = {},
): void {
  const target = options.target ?? LATEST_VERSION;
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) throw new AppError('file_too_new');
  if (current >= target) return;
  if (current > 0) options.beforeMigrating?.(current);
  registerMigrationFunctions(db);
  for (let version = current; version < target; version++) {
    const step = migrations[version];
    db.transaction(() => {
      db.exec(step.sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
