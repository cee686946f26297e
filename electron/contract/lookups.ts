import { z } from 'zod';
import { defineOp } from './operation';

/** Lists the association edits in Settings; records store the stable `code`. */
export const lookupListSchema = z.enum(['category', 'legalStatus', 'vulnerability', 'procedureType', 'activityType', 'theme', 'outreachTopic', 'serviceType']);
export type LookupList = z.infer<typeof lookupListSchema>;

export const lookupCodeSchema = z.string().trim().regex(/^[a-z0-9_]{1,48}$/);

export const lookupValueSchema = z.object({
  list: lookupListSchema,
  code: lookupCodeSchema,
  labels: z.object({
    fr: z.string().trim().min(1).max(120),
    ar: z.string().trim().min(1).max(120),
    en: z.string().trim().min(1).max(120),
  }),
  /** Health-related vulnerabilities: shown only to those who may see sensitive data. */
  sensitive: z.boolean(),
  /** Activity types only: a general assembly or board meeting never counts people reached (absent: not governance). */
  governance: z.boolean().optional(),
  archived: z.boolean(),
});
export type LookupValue = z.infer<typeof lookupValueSchema>;

export const lookupsOps = {
  'lookups.list': defineOp<LookupValue[]>()({
    input: z.object({ list: lookupListSchema.optional() }),
    kind: 'read',
    access: 'signedIn',
  }),
  'lookups.save': defineOp<LookupValue>()({ input: lookupValueSchema, kind: 'write', access: ['president'] }),
};
