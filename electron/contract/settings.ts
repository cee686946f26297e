import { z } from 'zod';
import { defineOp } from './operation';

export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { autoLockMinutes: 10 };

export const settingsOps = {
  'settings.get': defineOp<Settings>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  'settings.update': defineOp<Settings>()({ input: settingsSchema, kind: 'write', access: ['president'] }),
};
