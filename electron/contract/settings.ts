import { z } from 'zod';
import { defineOp } from './operation';

/** A time zone this runtime knows (its Intl data), e.g. `Africa/Casablanca`. */
function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return name.length > 0;
  } catch {
    return false;
  }
}

export const settingsSchema = z.object({
  autoLockMinutes: z.number().int().min(1).max(240),
  /** Follow-up dashboard: an open procedure with no activity for this many days is listed. */
  staleProcedureDays: z.number().int().min(1).max(365),
  /** Activities: registering someone who already attended this many activities on the same theme warns. */
  repeatAlertThreshold: z.number().int().min(1).max(20),
  /** Activity statistics: the lower edge of each age band, from 0 up (`[0, 15, 18, 30, 60]` → 0–14 … 60+). */
  statisticsAgeBands: z
    .array(z.number().int().min(0).max(120))
    .min(1)
    .max(12)
    .refine((edges) => edges[0] === 0 && edges.every((e, i) => i === 0 || e > edges[i - 1]), {
      message: 'age_bands_order',
    }),
  /** Members: an active member who has not paid their dues in full for this many past years lapses when the rule is applied (0 = never). */
  memberLapseAfterUnpaidYears: z.number().int().min(0).max(10),
  /** General assemblies: the share (%) of members in good standing that must be present. */
  assemblyQuorumPercent: z.number().int().min(1).max(100),
  /** Cooperatives: least value of one share and least capital (centimes, MAD), least founders. */
  cooperativeMinShareValue: z.number().int().min(1).max(100_000_000),
  cooperativeMinCapital: z.number().int().min(0).max(1_000_000_000),
  cooperativeMinFounders: z.number().int().min(1).max(100),
  /** Cooperatives: a project with no change for this many days is highlighted on the pipeline. */
  cooperativeStaleDays: z.number().int().min(1).max(365),
  /** Follow-up dashboard: a referral sent as a file with no answer after this many days is listed. */
  unansweredReferralDays: z.number().int().min(1).max(365),
  /** Reports: a breakdown table shows a group of fewer people than this as "< n" (1: every group shown). */
  smallCellThreshold: z.number().int().min(1).max(20),
  /** Reports: the association's time zone (IANA name), for the times written in files. */
  timeZone: z.string().refine(isTimeZone, { message: 'unknown_time_zone' }),
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = {
  autoLockMinutes: 10,
  staleProcedureDays: 30,
  repeatAlertThreshold: 2,
  statisticsAgeBands: [0, 15, 18, 30, 60],
  memberLapseAfterUnpaidYears: 0,
  assemblyQuorumPercent: 50,
  cooperativeMinShareValue: 10_000,
  cooperativeMinCapital: 100_000,
  cooperativeMinFounders: 5,
  cooperativeStaleDays: 45,
  unansweredReferralDays: 14,
  smallCellThreshold: 5,
  timeZone: 'Africa/Casablanca',
};

/** What the association prints on its receipts besides its name and city; '' when not known. */
export const associationDetailsSchema = z.object({
  address: z.string().trim().max(300),
  /** The number of its registration receipt (récépissé de dépôt) at the local authority. */
  registrationNumber: z.string().trim().max(60),
});
export type AssociationDetails = z.infer<typeof associationDetailsSchema>;

export const settingsOps = {
  'settings.get': defineOp<Settings>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  /** Changes only the settings given; returns them all. */
  'settings.update': defineOp<Settings>()({ input: settingsSchema.partial(), kind: 'write', access: ['president'] }),
  'association.details': defineOp<AssociationDetails>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  'association.updateDetails': defineOp<AssociationDetails>()({ input: associationDetailsSchema, kind: 'write', access: ['president'] }),
};
