import { backupsOps } from './backups';
import { sessionOps } from './session';

/**
 * The operations that need no session live in these two tables only, so the first screen can tell
 * them apart without loading every area's schemas (tests/core/dispatcher.test.ts holds to it).
 */
const tables = { ...sessionOps, ...backupsOps };

export const publicOpNames: ReadonlySet<string> = new Set(
  Object.entries(tables)
    .filter(([, op]) => op.access === 'public')
    .map(([name]) => name),
);
