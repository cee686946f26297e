import { z } from 'zod';
import { defineOp } from './operation';

export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
  /** Follow-up dashboard: an open procedure with no activity for this many days is listed. */
  staleProcedureDays: z.number().int().min(1).max(365),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 10, staleProcedureDays: 30 };

export const settingsOps = {
  'settings.get': defineOp<Settings>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  /** Changes only the settings given; returns them all. */
  'settings.update': defineOp<Settings>()({ input: settingsSchema.partial(), kind: 'write', access: ['president'] }),
};
