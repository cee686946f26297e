import { z } from 'zod';
import { isoDateSchema } from './dates';
import { lookupCodeSchema } from './lookups';
import { defineOp } from './operation';

// Mass events, where nobody registers. A session of an activity (a school programme, a street
// outreach) may record attendance as counts by sex and age band instead of names; and outreach
// agents keep a light log of their outings. Both count as participations in the indicator report,
// never as distinct people reached.

const idSchema = z.string().min(1).max(64);
const optionalText = (max: number) => z.string().trim().max(max).nullish();
/** A number of people: a whole number, 0 or more (a typed -3 or 2.5 is refused at its field, never rounded). */
export const headCountSchema = z.number().int().min(0).max(100_000);

export const headCountSexSchema = z.enum(['female', 'male']);
export type HeadCountSex = z.infer<typeof headCountSexSchema>;

// ---------------------------------------------------------------------------------------------
// Count-only sessions

export const headCountCellSchema = z.object({
  sex: headCountSexSchema,
  /** A band of the setting `statisticsAgeBands` as the reports write it (`12-14`, `60+`). */
  ageBand: z.string().trim().min(1).max(16),
  count: headCountSchema,
});
export type HeadCountCell = z.infer<typeof headCountCellSchema>;

/** Replaces the session's counts (and its place): the cells not sent are no longer counted. */
export const headCountsInputSchema = z
  .object({
    sessionId: idSchema,
    place: optionalText(200),
    counts: z.array(headCountCellSchema).max(48),
  })
  .superRefine((input, ctx) => {
    const seen = new Set<string>();
    input.counts.forEach((cell, i) => {
      const key = `${cell.sex} ${cell.ageBand}`;
      if (seen.has(key)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: ['counts', i, 'count'] });
      seen.add(key);
    });
  });
export type HeadCountsInput = z.input<typeof headCountsInputSchema>;

/** The counts of a session, as its attendance screen shows them. */
export interface SessionHeadCounts {
  sessionId: string;
  /** False: the session names who came (the attendance sheet); its counts are then empty. */
  countOnly: boolean;
  /** The bands of the setting, in order: the rows of the form. */
  ageBands: string[];
  /** Every cell recorded, including bands the setting no longer has (recorded before it changed). */
  counts: HeadCountCell[];
  total: number;
  /** The session's place, else the activity's. */
  place: string | null;
  /** Counts can be recorded: the session is today or past and the activity is not archived. */
  editable: boolean;
  /** Names were marked at this session: it cannot become count-only. */
  hasNamedAttendance: boolean;
}

/**
 * Switches a session between named attendance and counts. Refused when the session already holds
 * the other kind: names marked → `session_has_names`, counts recorded → `session_has_counts`.
 */
export const countOnlyModeSchema = z.object({ sessionId: idSchema, countOnly: z.boolean() });

// ---------------------------------------------------------------------------------------------
// Community outreach log

export const outreachInputSchema = z
  .object({
    /** Without it, a new entry; with it, replaces the entry's fields. */
    id: idSchema.optional(),
    date: isoDateSchema,
    neighbourhood: z.string().trim().min(1).max(200),
    /** The agent: a user of the file, or else a name typed in. */
    agentUserId: idSchema.nullish(),
    agentName: optionalText(200),
    informedFemale: headCountSchema,
    informedMale: headCountSchema,
    /** Codes of the lookup list `outreachTopic`. */
    topics: z.array(lookupCodeSchema).max(20).default([]),
    referrals: headCountSchema.default(0),
    referralsNote: optionalText(1000),
  })
  .superRefine((o, ctx) => {
    const byUser = Boolean(o.agentUserId);
    const byName = Boolean(o.agentName?.trim());
    if (byUser === byName) ctx.addIssue({ code: 'custom', message: 'agent_user_or_name', path: ['agentName'] });
    if (new Set(o.topics).size !== o.topics.length) ctx.addIssue({ code: 'custom', message: 'duplicate', path: ['topics'] });
  });
export type OutreachInput = z.input<typeof outreachInputSchema>;

export interface OutreachLog {
  id: string;
  date: string;
  neighbourhood: string;
  agentUserId: string | null;
  agentName: string | null;
  /** The user's display name, or the name typed in. */
  agentLabel: string;
  informedFemale: number;
  informedMale: number;
  topics: string[];
  referrals: number;
  referralsNote: string | null;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const outreachSearchSchema = z
  .object({
    /** Entries of this day or later. */
    from: isoDateSchema.optional(),
    /** Entries of this day or earlier. */
    to: isoDateSchema.optional(),
    archived: z.boolean().default(false),
  })
  .superRefine((s, ctx) => {
    if (s.from && s.to && s.to < s.from) ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['to'] });
  });
export type OutreachSearch = z.input<typeof outreachSearchSchema>;

export interface OutreachTotals {
  entries: number;
  informedFemale: number;
  informedMale: number;
  referrals: number;
}

export interface OutreachList {
  /** Newest first. */
  rows: OutreachLog[];
  totals: OutreachTotals;
}

const byId = z.object({ id: idSchema });

export const massEventsOps = {
  'attendance.counts': defineOp<SessionHeadCounts>()({ input: z.object({ sessionId: idSchema }), kind: 'read', access: 'signedIn' }),
  /** On a session that names who came → `not_count_only`; a negative or fractional count → `invalid_input` at its field, nothing written. */
  'attendance.saveCounts': defineOp<SessionHeadCounts>()({ input: headCountsInputSchema, kind: 'write', access: 'signedIn' }),
  'sessions.setCountOnly': defineOp<SessionHeadCounts>()({ input: countOnlyModeSchema, kind: 'write', access: 'signedIn' }),
  'outreach.list': defineOp<OutreachList>()({ input: outreachSearchSchema, kind: 'read', access: 'signedIn' }),
  'outreach.get': defineOp<OutreachLog>()({ input: byId, kind: 'read', access: 'signedIn' }),
  /** A new entry by anyone signed in; changing one, by the president or whoever wrote it (else `forbidden`). */
  'outreach.save': defineOp<OutreachLog>()({ input: outreachInputSchema, kind: 'write', access: 'signedIn' }),
  /** By the president or whoever wrote it (else `forbidden`): the report no longer counts it. */
  'outreach.archive': defineOp<OutreachLog>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'outreach.restore': defineOp<OutreachLog>()({ input: byId, kind: 'write', access: 'signedIn' }),
};
