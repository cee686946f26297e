import { todayIso, type AuditNote, type User } from '../contract';
import type { BackupCoordinator } from './backups/coordinator';
import type { Db } from './db/database';
import type { Host } from './host';
import type { SignInThrottle } from './session/sign-in-throttle';
import type { JobProgressBoard } from './jobs/progress';
import type { Session, SessionState } from './session/state';

export interface CoreContext {
  host: Host;
  now: () => Date;
  sessions: SessionState;
  jobs: JobProgressBoard;
  backups: BackupCoordinator;
  throttle: SignInThrottle;
}

/** What an operation sees once the dispatcher has checked who is signed in. */
export interface SignedInContext extends CoreContext {
  session: Session;
}

/** Inside the write transaction the dispatcher opened. */
export interface WriteTx {
  db: Db;
  user: User;
  at: string;
  /** Names the record the operation changed, for the audit row, and any rule it overrode. */
  audit(entityId: string | null, note?: AuditNote): void;
}

/** The day of a write on the office PC (`at` is a UTC timestamp): what a record dated today carries. */
export const dayOf = (tx: WriteTx): string => todayIso(new Date(tx.at));
