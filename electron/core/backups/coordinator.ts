import type { AutomaticBackupOutcome, BackupInfo, BackupResult, BackupTrigger, SecondCopyOutcome } from '../../contract';
import type { OpenedFile } from '../db/association-file';
import type { JobProgressBoard } from '../jobs/progress';
import type { EndReason, Session } from '../session/state';
import { changeMark, lastChangeAt } from './changes';
import { ioErrorCode } from './durable-files';
import { listBackups } from './list';
import { backupsFolderFor, baseNameOf } from './naming';
import { rotateFolder } from './rotate';
import { copyToSecondFolder } from './second-copy';
import { readSecondFolder } from './second-folder-setting';
import { snapshotOpenFile, type SnapshotKind } from './snapshot';

/** A backup at least this old (with changes since) is renewed while the file stays open. */
export const DAILY_BACKUP_MS = 24 * 60 * 60_000;
/** How often an open session checks whether its daily backup is due. */
export const BACKUP_CHECK_MS = 10 * 60_000;


/**
 * When backups happen, and what became of them. One per core:
 * - on lock, sign-out, idle lock, switching file and app close, if the file changed since its
 *   last backup (the local copy is synchronous: the file is about to close);
 * - once a day while a session stays open (a timer driven by the injected clock);
 * - on demand ("Back up now").
 * The copy to the second folder always runs in the background from the finished local backup.
 */
export class BackupCoordinator {
  /** Change mark of each file at its last backup made by this process. */
  private readonly marks = new Map<string, number>();
  private readonly outcomes = new Map<string, AutomaticBackupOutcome>();
  private readonly background = new Set<Promise<unknown>>();
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly now: () => Date,
    private readonly currentSession: () => Session | null,
  ) {}

  sessionStarted(_session: Session): void {
    this.stopTimer();
    this.timer = setInterval(() => this.dailyCheck(), BACKUP_CHECK_MS);
    this.timer.unref?.();
  }

  sessionEnding(session: Session, reason: EndReason): void {
    this.stopTimer();
    if (reason === 'restore') return;
    this.automatic(session.file, reason === 'close' ? 'close' : 'lock');
  }

  /** The daily timer's work; public so a host (or a test) can drive it. */
  dailyCheck(): void {
    const session = this.currentSession();
    if (!session) return;
    const latest = this.latest(session.file.path);
    if (latest && this.now().getTime() - Date.parse(latest.createdAt) < DAILY_BACKUP_MS) return;
    this.automatic(session.file, 'daily');
  }

  /** Resolves once every background copy has finished (the host awaits it before quitting). */
  async whenIdle(): Promise<void> {
    while (this.background.size > 0) await Promise.allSettled([...this.background]);
  }

  lastAutomatic(path: string): AutomaticBackupOutcome | null {
    return this.outcomes.get(path) ?? null;
  }

  /**
   * The newest automatic or hand-made backup beside the file. The other kinds do not count: a
   * pre-restore or pre-migration copy holds a state the file has left, and a pre-rotation one is
   * under a key the file no longer uses.
   */
  latest(path: string): BackupInfo | null {
    return (
      listBackups(backupsFolderFor(path), baseNameOf(path), 'local').find((b) => b.kind === 'regular' || b.kind === 'manual') ?? null
    );
  }

  /** Whether the file holds changes that no backup has: the mark of this process, else the dates. */
  changedSinceBackup(file: OpenedFile): boolean {
    const mark = changeMark(file.db);
    if (mark === 0) return false;
    const known = this.marks.get(file.path);
    if (known !== undefined) return mark > known;
    const latest = this.latest(file.path);
    const changedAt = lastChangeAt(file.db);
    return !latest || (changedAt !== null && changedAt > latest.createdAt);
  }

  /**
   * A backup now, into the folder beside the file and then into the second folder, reporting
   * progress in bytes to `jobId`. Throws (disk_full, directory_not_writable, backup_failed) only
   * for the local copy; the second copy's outcome is returned.
   */
  async backupNow(file: OpenedFile, jobs: JobProgressBoard, jobId?: string): Promise<BackupResult> {
    const second = readSecondFolder(file.db);
    const backup = this.local(file, 'manual');
    if (jobId) {
      jobs.start(jobId, backup.sizeBytes * (second ? 2 : 1));
      jobs.advance(jobId, backup.sizeBytes);
    }
    let secondCopy: SecondCopyOutcome | null = null;
    if (second) {
      secondCopy = await this.track(
        copyToSecondFolder(backup, second, baseNameOf(file.path), this.now(), (bytes) => jobId && jobs.advance(jobId, backup.sizeBytes + bytes)),
      );
    }
    if (jobId) jobs.finish(jobId);
    return { backup, secondCopy };
  }

  /** The local backup of `kind`, synchronously, then the rotation of the automatic ones; the change mark is recorded. */
  local(file: OpenedFile, kind: SnapshotKind = 'regular'): BackupInfo {
    const mark = changeMark(file.db);
    const folder = backupsFolderFor(file.path);
    const now = this.now();
    const backup = snapshotOpenFile(file, folder, { now, kind });
    this.marks.set(file.path, mark);
    try {
      rotateFolder(folder, baseNameOf(file.path), now);
    } catch {
      // rotation is housekeeping: the new backup is made, an old one may wait for next time
    }
    return backup;
  }

  private automatic(file: OpenedFile, trigger: BackupTrigger): void {
    const at = this.now().toISOString();
    try {
      if (!file.db.open || !this.changedSinceBackup(file)) return;
      const second = readSecondFolder(file.db);
      const backup = this.local(file);
      this.outcomes.set(file.path, { at, trigger, ok: true, error: null });
      if (second) {
        void this.track(copyToSecondFolder(backup, second, baseNameOf(file.path), this.now())).then((outcome) => {
          if (!outcome.ok) this.outcomes.set(file.path, { at, trigger, ok: false, error: outcome.error });
        });
      }
    } catch (error) {
      const code = ioErrorCode(error);
      this.outcomes.set(file.path, { at, trigger, ok: false, error: code });
      // Codes only: a message could quote a path with a person's name in it.
      console.error(`[tadamon] automatic backup (${trigger}) failed: ${code}`);
    }
  }

  private track<T>(work: Promise<T>): Promise<T> {
    this.background.add(work);
    void work.finally(() => this.background.delete(work)).catch(() => undefined);
    return work;
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }
}
