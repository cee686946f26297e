import type { IntegrityState, User } from '../../contract';
import { closeFile, type OpenedFile } from '../db/association-file';

export interface Session {
  file: OpenedFile;
  /** The whole-file check of this session's file (see db/integrity.ts). */
  integrity: IntegrityState;
  /** Settles when the background check has closed its connection (exclusive work waits for it). */
  integrityDone: Promise<void>;
  user: User;
  autoLockMinutes: number;
  lastActivity: number;
}

/** How often an open session is checked for idleness even when nothing is asked of the core. */
export const IDLE_CHECK_MS = 15_000;

/** Why a session ends: `lock` (asked for), `idle`, `switch` (another file opened), `close` (app quit), `removed` (user removed elsewhere), `restore`. */
export type EndReason = 'lock' | 'idle' | 'switch' | 'close' | 'removed' | 'restore';

/** Told when a session starts and just before its file closes (the automatic backups listen). */
export interface SessionHooks {
  started?(session: Session): void;
  ending?(session: Session, reason: EndReason): void;
}

/**
 * The one file open in this process. Idle time is enforced here as well as in the renderer, so a
 * forgotten browser tab cannot keep the key in memory past the limit.
 */
export class SessionState {
  private session: Session | null = null;
  private lockedByIdle = false;
  private idleTimer: ReturnType<typeof setInterval> | null = null;
  private readonly checks = new Set<Promise<void>>();

  constructor(
    private readonly clock: () => Date,
    private readonly hooks: SessionHooks = {},
  ) {}

  /** The live session, after dropping it if it has been idle too long. */
  current(): Session | null {
    if (this.session && this.clock().getTime() - this.session.lastActivity > this.session.autoLockMinutes * 60_000) {
      this.lock('idle');
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
    this.lock('switch');
    this.lockedByIdle = false;
    this.session = {
      file,
      user,
      autoLockMinutes,
      lastActivity: this.clock().getTime(),
      integrity: file.checked ? 'ok' : 'checking',
      integrityDone: Promise.resolve(),
    };
    // Without it the key would stay in memory until the next request, however late that comes.
    this.idleTimer = setInterval(() => this.current(), IDLE_CHECK_MS);
    this.idleTimer.unref?.();
    this.hooks.started?.(this.session);
    return this.session;
  }

  /**
   * Records the background check of `session`'s file. It may outlive the session: its connection
   * closing last is what removes the WAL, so quitting waits for it (see `whenChecked`).
   */
  checking(session: Session, done: Promise<void>): void {
    session.integrityDone = done;
    this.checks.add(done);
    void done.finally(() => this.checks.delete(done));
  }

  /** Resolves once no background check holds a connection to any file. */
  async whenChecked(): Promise<void> {
    while (this.checks.size > 0) await Promise.allSettled([...this.checks]);
  }

  lock(reason: EndReason = 'lock'): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
    const session = this.session;
    this.session = null;
    if (!session) return;
    try {
      this.hooks.ending?.(session, reason);
    } catch {
      // whatever the listeners do, the file closes and the key is wiped
    } finally {
      closeFile(session.file);
    }
  }
}
