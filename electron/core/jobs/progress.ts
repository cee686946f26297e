import type { JobProgress } from '../../contract';

/**
 * Progress of long operations, polled by the page while the operation's own call is pending.
 * Kept in memory only: a job is a few numbers, gone when the file is locked or the app quits.
 */
export class JobProgressBoard {
  private readonly jobs = new Map<string, JobProgress>();

  start(jobId: string, total: number): void {
    this.jobs.set(jobId, { done: 0, total, finished: false });
  }

  advance(jobId: string, done: number): void {
    const job = this.jobs.get(jobId);
    if (job) job.done = done;
  }

  finish(jobId: string): void {
    const job = this.jobs.get(jobId);
    if (job) Object.assign(job, { done: job.total, finished: true });
  }

  get(jobId: string): JobProgress | null {
    return this.jobs.get(jobId) ?? null;
  }
}
