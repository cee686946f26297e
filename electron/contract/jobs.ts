import { z } from 'zod';
import { defineOp } from './operation';

export interface JobProgress {
  done: number;
  total: number;
  finished: boolean;
}

/** A client-chosen id under which a long operation reports its progress. */
export const jobIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const jobsOps = {
  'jobs.progress': defineOp<JobProgress | null>()({
    input: z.object({ jobId: jobIdSchema }),
    kind: 'read',
    access: 'signedIn',
  }),
};
