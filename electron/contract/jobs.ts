import { z } from 'zod';
import { defineOp } from './operation';

export interface JobProgress {
  done: number;
  total: number;
  finished: boolean;
}

export const jobsOps = {
  'jobs.progress': defineOp<JobProgress | null>()({
    input: z.object({ jobId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/) }),
    kind: 'read',
    access: 'signedIn',
  }),
};
