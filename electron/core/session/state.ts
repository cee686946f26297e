import type { User } from '../../contract';
import { closeFile, type OpenedFile } from '../db/association-file';

export interface Session {
  file: OpenedFile;
  user: User;
  autoLockMinutes: number;
  lastActivity: number;
}

/** How often an open session is checked for idleness even when nothing is asked of the core. */
export const IDLE_CHECK_MS = 15_000;

/**
 * The one file open in this process. Idle time is enforced here as well as in the renderer, so a
 * forgotten browser tab cannot keep the key in memory past the limit.
 */
export class SessionState {
  private session: Session | null = null;
  private lockedByIdle = false;
  private idleTimer: ReturnType<typeof setInterval> | null = null;

  constructor(private readonly clock: () => Date) {}

  /** The live session, after dropping it if it has been idle too long. */
  current(): Session | null {
    if (this.session && this.clock().getTime() - this.session.lastActivity > this.session.autoLockMinutes * 60_000) {
      this.lock();
      this.lockedByIdle = true;
    }
    return this.session;
  }

  wasLockedByIdle(): boolean {
    return this.lockedByIdle;
  }

  touch(session: Session): void {
    session.lastActivity = this.clock().getTime();
  }

  start(file: OpenedFile, user: User, autoLockMinutes: number): Session {
    this.lock();
    this.lockedByIdle = false;
    this.session = { file, user, autoLockMinutes, lastActivity: this.clock().getTime() };
    // Without it the key would stay in memory until the next request, however late that comes.
    this.idleTimer = setInterval(() => this.current(), IDLE_CHECK_MS);
    this.idleTimer.unref?.();
    return this.session;
  }

  lock(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
    if (this.session) closeFile(this.session.file);
    this.session = null;
  }
}
