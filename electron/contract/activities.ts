import { z } from 'zod';
import { attachmentUploadSchema, type AttachmentContent, type AttachmentInfo } from './attachments';
import { beneficiaryInputSchema, consentSchema, nationalitySchema, type Beneficiary } from './beneficiaries';
import { isoDateSchema } from './dates';
import { lookupCodeSchema } from './lookups';
import { defineOp } from './operation';

// Activities (trainings, awareness sessions, workshops…), their sessions, registrations and
// attendance. Whether a session is in the future is checked by the core against its own clock
// (error `session_in_future`), so that tests and the core agree on what today is.

const idSchema = z.string().min(1).max(64);
/** Absent, null or blank all mean "none". */
const optionalText = (max: number) => z.string().trim().max(max).nullish();

/** Local wall-clock time `HH:MM` (24 h). */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

export const attendanceStatusSchema = z.enum(['present', 'absent', 'excused']);
export type AttendanceStatus = z.infer<typeof attendanceStatusSchema>;

export const DEFAULT_COMPLETION_THRESHOLD = 75;

// ---------------------------------------------------------------------------------------------
// Activities

/** Without `id`, creates (reference `A-YYYY-NNNNN`); with it, replaces the activity's fields. */
export const activityInputSchema = z
  .object({
    id: idSchema.optional(),
    title: z.string().trim().min(1).max(200),
    /** A code of the lookup list `activityType`. */
    type: lookupCodeSchema,
    /** A code of the lookup list `theme`. */
    theme: lookupCodeSchema,
    /** The funding agreement (grants area) the activity is part of; not archived when newly chosen. */
    agreementId: idSchema.nullish(),
    /** A project without a funding agreement in the file (free text). */
    project: optionalText(200),
    facilitators: optionalText(500),
    place: optionalText(200),
    targetAudience: optionalText(500),
    plannedParticipants: z.number().int().min(1).max(100_000).nullish(),
    startDate: isoDateSchema.nullish(),
    endDate: isoDateSchema.nullish(),
    /** Completed = present at ≥ this % of the activity's sessions held. */
    completionThreshold: z.number().int().min(1).max(100).default(DEFAULT_COMPLETION_THRESHOLD),
  })
  .superRefine((a, ctx) => {
    if (a.startDate && a.endDate && a.endDate < a.startDate) {
      ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['endDate'] });
    }
  });
export type ActivityInput = z.infer<typeof activityInputSchema>;

export interface Activity {
  id: string;
  reference: string;
  title: string;
  type: string;
  theme: string;
  agreementId: string | null;
  project: string | null;
  facilitators: string | null;
  place: string | null;
  targetAudience: string | null;
  plannedParticipants: number | null;
  startDate: string | null;
  endDate: string | null;
  completionThreshold: number;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

/** A line of the activities list. */
export interface ActivityRow extends Activity {
  sessionCount: number;
  /** Sessions where at least one person was marked present. */
  sessionsHeld: number;
  registeredCount: number;
  firstSessionDate: string | null;
  lastSessionDate: string | null;
  /** The first session today or later, if any. */
  nextSessionDate: string | null;
}

export const activitySearchSchema = z.object({
  /** Matches the title, the reference, the place and the project (case-insensitive). */
  query: z.string().trim().max(200).default(''),
  theme: lookupCodeSchema.optional(),
  type: lookupCodeSchema.optional(),
  archived: z.boolean().default(false),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface ActivitySearchResult {
  total: number;
  /** Newest first. */
  rows: ActivityRow[];
}

// ---------------------------------------------------------------------------------------------
// Sessions

/** Without `id`, adds a session to the activity; with it, replaces the session's fields. */
export const sessionInputSchema = z
  .object({
    id: idSchema.optional(),
    activityId: idSchema,
    date: isoDateSchema,
    startTime: timeSchema,
    endTime: timeSchema,
    place: optionalText(200),
    facilitator: optionalText(200),
  })
  .superRefine((s, ctx) => {
    if (s.endTime <= s.startTime) ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['endTime'] });
  });
export type SessionInput = z.infer<typeof sessionInputSchema>;

export interface ActivitySession {
  id: string;
  activityId: string;
  date: string;
  startTime: string;
  endTime: string;
  place: string | null;
  facilitator: string | null;
  /** Attendance recorded as counts by sex and age band, without names (see mass-events.ts). */
  countOnly: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface AttendanceCounts {
  present: number;
  absent: number;
  excused: number;
}

/** A session as listed on the activity page. */
export interface SessionRow extends ActivitySession, AttendanceCounts {
  /** Someone was marked present. */
  held: boolean;
}

/** The funding agreement an activity is linked to, as the activity page and the printed sheet name it (no amounts). */
export interface ActivityAgreement {
  id: string;
  reference: string;
  title: string;
  /** The sheet prints this funder's logos only. */
  funderId: string;
  funderName: string;
}

/** The activity page: the activity, its sessions in date order, how many are registered. */
export interface ActivityDetail {
  activity: Activity;
  agreement: ActivityAgreement | null;
  sessions: SessionRow[];
  registeredCount: number;
}

/** 1 = Monday … 7 = Sunday (ISO 8601). */
export const weekdaySchema = z.number().int().min(1).max(7);

export const MAX_SCHEDULE_WEEKS = 104;

/**
 * A repeating schedule: the given weekdays, from `startDate`, for `weeks` weeks (the first week
 * starts on `startDate`) or up to `endDate` included; the dates in `skipDates` (holidays) are left out.
 */
export const scheduleSchema = z
  .object({
    weekdays: z.array(weekdaySchema).min(1).max(7),
    startTime: timeSchema,
    endTime: timeSchema,
    startDate: isoDateSchema,
    weeks: z.number().int().min(1).max(MAX_SCHEDULE_WEEKS).optional(),
    endDate: isoDateSchema.optional(),
    skipDates: z.array(isoDateSchema).max(400).default([]),
    place: optionalText(200),
    facilitator: optionalText(200),
  })
  .superRefine((s, ctx) => {
    if (s.endTime <= s.startTime) ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['endTime'] });
    if ((s.weeks === undefined) === (s.endDate === undefined)) {
      ctx.addIssue({ code: 'custom', message: 'weeks_or_end_date', path: ['weeks'] });
    }
    if (s.endDate !== undefined && s.endDate < s.startDate) {
      ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['endDate'] });
    }
    if (s.endDate !== undefined && Date.parse(s.endDate) - Date.parse(s.startDate) >= MAX_SCHEDULE_WEEKS * 7 * 86_400_000) {
      ctx.addIssue({ code: 'custom', message: 'too_long', path: ['endDate'] });
    }
  });
export type Schedule = z.infer<typeof scheduleSchema>;

export interface ScheduledDate {
  date: string;
  /** `holiday`: in skipDates; `exists`: the activity already has a session that day at that time. */
  skipped: 'holiday' | 'exists' | null;
}

export interface GeneratedSessions {
  created: ActivitySession[];
  skipped: ScheduledDate[];
}

// ---------------------------------------------------------------------------------------------
// Registrations and attendance

/** A person as shown on the registration list, the attendance screen and the printed sheet. */
export interface ParticipantRow {
  beneficiaryId: string;
  reference: string;
  /** Full Latin name, or the initials of a pseudonymous record. */
  displayName: string;
  arabicName: string | null;
  sex: 'female' | 'male';
  /** This year minus the birth year. */
  age: number;
  category: string;
  nationality: string;
  /** First phone number (E.164), for the optional column of the sheet. */
  phone: string | null;
  pseudonymous: boolean;
  /** The person's record was archived (or merged) since. */
  archived: boolean;
  walkIn: boolean;
  /** 1, 2, 3… the row on the printed sheet. */
  sheetOrder: number;
  registeredAt: string;
}

/**
 * The order of the printed sheet (its row numbers), also the order of the attendance screen, so that
 * attendance is entered from the signed sheet line by line.
 */
export function inSheetOrder<T extends Pick<ParticipantRow, 'sheetOrder'>>(rows: readonly T[]): T[] {
  return [...rows].sort((a, b) => a.sheetOrder - b.sheetOrder);
}

export interface RegistrationRow extends ParticipantRow {
  presentCount: number;
  /** Present at ≥ completionThreshold % of the activity's sessions held. */
  completed: boolean;
}

export interface RegistrationList {
  activityId: string;
  sessionsHeld: number;
  completionThreshold: number;
  plannedParticipants: number | null;
  /** In sheet order. */
  rows: RegistrationRow[];
}

/** One earlier activity of the same theme where the person was present. */
export interface ThemeHistoryEntry {
  activityId: string;
  reference: string;
  title: string;
  type: string;
  firstPresentOn: string;
  lastPresentOn: string;
  sessionsPresent: number;
}

export interface RepeatCheck {
  beneficiaryId: string;
  theme: string;
  /** The setting `repeatAlertThreshold`. */
  threshold: number;
  /** How many other activities of this theme the person attended (was present at least once). */
  count: number;
  alert: boolean;
  /** Latest first. */
  history: ThemeHistoryEntry[];
}

export interface RegistrationOutcome {
  added: string[];
  alreadyRegistered: string[];
  registeredCount: number;
  plannedParticipants: number | null;
  /** More people registered than planned: a warning, not an error. */
  overPlanned: boolean;
  /** The people just added who already attended this theme often enough to warn. */
  repeatAlerts: RepeatCheck[];
}

/**
 * A member registered as a participant. A member linked to a beneficiary record registers that
 * record; a member without one gets a new record made from their fields and linked to them, in the
 * same transaction: named (names, birth date, phones) with consent to service delivery, else
 * pseudonymous (initials), as for walk-ins. `details` is what a member record does not hold, needed
 * only then (`birthYear` only when the member's birth date is unknown).
 */
export const memberRegistrationSchema = z.object({
  activityId: idSchema,
  memberId: idSchema,
  details: z
    .object({
      category: lookupCodeSchema,
      nationality: nationalitySchema,
      birthYear: z.number().int().min(1900).max(new Date().getFullYear()).optional(),
      consent: consentSchema.nullable(),
    })
    .optional(),
});
export type MemberRegistrationInput = z.infer<typeof memberRegistrationSchema>;

export interface MemberRegistration {
  beneficiaryId: string;
  /** A beneficiary record was created for the member (and linked to them). */
  created: boolean;
  outcome: RegistrationOutcome;
}

export interface AttendanceRow extends ParticipantRow {
  status: AttendanceStatus | null;
}

/** Everything the attendance screen of one session needs, registered people in sheet order. */
export interface AttendanceSheet {
  session: ActivitySession;
  activity: Pick<Activity, 'id' | 'reference' | 'title' | 'type' | 'theme' | 'plannedParticipants' | 'archivedAt'>;
  /** Printed in the sheet's header, for the funder. */
  agreement: ActivityAgreement | null;
  /** Where and by whom: the session's own, else the activity's (a session saved without them happens where the activity does). */
  place: string | null;
  facilitator: string | null;
  /** Attendance can be marked: the session is today or past, and the activity is not archived. */
  editable: boolean;
  rows: AttendanceRow[];
  counts: AttendanceCounts & { unmarked: number };
  registeredCount: number;
  overPlanned: boolean;
}

export const attendanceMarkSchema = z.object({ beneficiaryId: idSchema, status: attendanceStatusSchema });

export const markAttendanceSchema = z
  .object({
    sessionId: idSchema,
    marks: z.array(attendanceMarkSchema).min(1).max(1000),
    /** People to register (as walk-ins) in the same transaction, for example someone who came unregistered. */
    add: z.array(idSchema).max(200).default([]),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    m.marks.forEach((mark, i) => {
      if (seen.has(mark.beneficiaryId)) ctx.addIssue({ code: 'custom', message: 'duplicate', path: ['marks', i, 'beneficiaryId'] });
      seen.add(mark.beneficiaryId);
    });
  });

// ---------------------------------------------------------------------------------------------
// Statistics

export const statisticsInputSchema = z
  .object({
    /** One activity, or every activity of one theme, or (neither) all activities. */
    activityId: idSchema.optional(),
    theme: lookupCodeSchema.optional(),
    /** Sessions from this date included. */
    from: isoDateSchema.optional(),
    /** Sessions up to this date included. */
    to: isoDateSchema.optional(),
  })
  .superRefine((s, ctx) => {
    if (s.activityId && s.theme) ctx.addIssue({ code: 'custom', message: 'activity_or_theme', path: ['theme'] });
    if (s.from && s.to && s.to < s.from) ctx.addIssue({ code: 'custom', message: 'end_before_start', path: ['to'] });
  });
export type StatisticsInput = z.infer<typeof statisticsInputSchema>;

export interface StatisticsFigures {
  /** Different people present at least once. */
  uniqueParticipants: number;
  /** Presences (person × session) at the sessions held. */
  presences: number;
  /** Presences per session held (for a group: that group's presences per session held). */
  averageAttendance: number;
  /** (person, activity) pairs with at least one presence. */
  participations: number;
  /** Those where the person was present at ≥ the activity's threshold of its sessions held. */
  completed: number;
  /** completed / participations; null when there is none. */
  completionRate: number | null;
}

export interface StatisticsGroup extends StatisticsFigures {
  /** `female`, an age band label (`15-17`, `60+`), a category code, an ISO country code. */
  key: string;
}

/**
 * Statistics of the sessions held in scope (a session is held when someone was marked present).
 * Each person is counted in the age band of their age at their first presence in scope. Completion
 * is judged over all the sessions held of each activity concerned, not only those in the period.
 */
export interface ActivityStatistics {
  /** Activities with a session held in scope. */
  activities: number;
  sessionsHeld: number;
  total: StatisticsFigures;
  /** Both sexes, always. */
  bySex: StatisticsGroup[];
  /** Every band of the setting, in order, even when empty. */
  byAgeBand: StatisticsGroup[];
  /** Most participants first. */
  byCategory: StatisticsGroup[];
  byNationality: StatisticsGroup[];
}

// ---------------------------------------------------------------------------------------------
// Logos printed on the attendance sheets (the association's, the funders'), kept in the file's
// attachments. A logo is a PNG or JPEG image, recognised from its bytes (`logo_not_image`), of at
// most MAX_LOGO_BYTES (`logo_too_large`).

export const MAX_LOGO_BYTES = 1024 * 1024;

export const logoKindSchema = z.enum(['association', 'funder']);
export type LogoKind = z.infer<typeof logoKindSchema>;

export const logoUploadSchema = z
  .object({
    kind: logoKindSchema,
    /** A funder's logo belongs to a funder of the grants area: only its activities' sheets print it. */
    funderId: z.string().min(1).max(64).optional(),
    fileName: z.string().trim().min(1).max(260),
    /** base64 of a little more than the limit, so that the core says `logo_too_large` itself. */
    contentBase64: z
      .string()
      .min(1)
      .max(Math.ceil(((MAX_LOGO_BYTES + 1024) * 4) / 3)),
  })
  .refine((logo) => logo.kind === 'association' || logo.funderId !== undefined, { message: 'funder_required', path: ['funderId'] });

/** Gives a funder's logo added before logos belonged to a funder (printed on no sheet until then) its funder. */
export const logoFunderSchema = z.object({ id: z.string().min(1).max(64), funderId: z.string().min(1).max(64) });

export interface SheetLogo {
  id: string;
  kind: LogoKind;
  /** A funder's logo: its funder; null for the association's, or a funder's logo not yet given its funder. */
  funderId: string | null;
  fileName: string;
  mime: 'image/png' | 'image/jpeg';
  contentBase64: string;
}

export interface SheetLogos {
  association: SheetLogo | null;
  /** In the order they were added: printed in that order. */
  funders: SheetLogo[];
}

/** A logo as an image source (no network: the bytes are in the page). */
export const logoSrc = (logo: Pick<SheetLogo, 'mime' | 'contentBase64'>): string => `data:${logo.mime};base64,${logo.contentBase64}`;

// ---------------------------------------------------------------------------------------------
// Scanned signed attendance sheets: the paper sheet, signed by the participants, scanned and kept
// with its session in the file's attachments (PDF, JPEG or PNG recognised from the bytes, at most
// 10 MB: `attachment_type_not_allowed`, `attachment_too_large`). They go into the funder pack.

/** Owner type of a session's scanned signed sheets in the attachments store. */
export const SIGNED_SHEET_OWNER = 'session_signed_sheet';

export const signedSheetUploadSchema = z.object({ sessionId: idSchema, file: attachmentUploadSchema });

// ---------------------------------------------------------------------------------------------

const byId = z.object({ id: idSchema });
const byActivity = z.object({ activityId: idSchema });

export const activitiesOps = {
  'activities.list': defineOp<ActivitySearchResult>()({ input: activitySearchSchema, kind: 'read', access: 'signedIn' }),
  'activities.get': defineOp<ActivityDetail>()({
    input: byId,
    kind: 'read',
    access: 'signedIn',
  }),
  'activities.save': defineOp<Activity>()({ input: activityInputSchema, kind: 'write', access: 'signedIn' }),
  'activities.archive': defineOp<Activity>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'activities.restore': defineOp<Activity>()({ input: byId, kind: 'write', access: 'signedIn' }),
  /** Only an activity nobody attended yet, without scanned signed sheets (else `has_attendance`: archive it). */
  'activities.delete': defineOp<{ id: string }>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'activities.repeatCheck': defineOp<RepeatCheck>()({
    input: z.object({ activityId: idSchema, beneficiaryId: idSchema }),
    kind: 'read',
    access: 'signedIn',
  }),
  'activities.statistics': defineOp<ActivityStatistics>()({ input: statisticsInputSchema, kind: 'read', access: 'signedIn' }),
  'sessions.save': defineOp<ActivitySession>()({ input: sessionInputSchema, kind: 'write', access: 'signedIn' }),
  /** Only a session with no attendance and no scanned signed sheet (else `has_attendance`). */
  'sessions.delete': defineOp<{ id: string }>()({ input: byId, kind: 'write', access: 'signedIn' }),
  /** The dates a schedule gives, without writing anything (for the form's preview). */
  'sessions.previewSchedule': defineOp<ScheduledDate[]>()({
    input: z.object({ activityId: idSchema, schedule: scheduleSchema }),
    kind: 'read',
    access: 'signedIn',
  }),
  'sessions.generate': defineOp<GeneratedSessions>()({
    input: z.object({ activityId: idSchema, schedule: scheduleSchema }),
    kind: 'write',
    access: 'signedIn',
  }),
  'sessions.attachSignedSheet': defineOp<AttachmentInfo>()({ input: signedSheetUploadSchema, kind: 'write', access: 'signedIn' }),
  /** The scans of every session of the activity (`ownerId` is the session), oldest first. */
  'sessions.signedSheets': defineOp<AttachmentInfo[]>()({ input: byActivity, kind: 'read', access: 'signedIn' }),
  'sessions.signedSheet': defineOp<AttachmentContent>()({ input: byId, kind: 'read', access: 'signedIn' }),
  /** By the president, or by whoever attached it (to undo a wrong file); else `forbidden`. */
  'sessions.removeSignedSheet': defineOp<{ id: string }>()({ input: byId, kind: 'write', access: 'signedIn' }),
  'registrations.list': defineOp<RegistrationList>()({ input: byActivity, kind: 'read', access: 'signedIn' }),
  /** Archived people → `beneficiary_archived`. Over the planned number → `overPlanned`, not an error. */
  'registrations.add': defineOp<RegistrationOutcome>()({
    input: z.object({ activityId: idSchema, beneficiaryIds: z.array(idSchema).min(1).max(500) }),
    kind: 'write',
    access: 'signedIn',
  }),
  /** Archived member → `member_archived`; a member without beneficiary record and without `details` → `invalid_input` at `details.*`. */
  'registrations.addMember': defineOp<MemberRegistration>()({ input: memberRegistrationSchema, kind: 'write', access: 'signedIn' }),
  /** Only someone with no attendance in the activity (else `has_attendance`). */
  'registrations.remove': defineOp<{ activityId: string; beneficiaryId: string }>()({
    input: z.object({ activityId: idSchema, beneficiaryId: idSchema }),
    kind: 'write',
    access: 'signedIn',
  }),
  /**
   * Someone who came unregistered: creates their record (pseudonymous allowed, per the consent rules)
   * and registers them as a walk-in; with `presentAt`, also marks them present at that session.
   */
  'registrations.walkIn': defineOp<{ beneficiary: Beneficiary; outcome: RegistrationOutcome }>()({
    input: z.object({ activityId: idSchema, beneficiary: beneficiaryInputSchema, presentAt: idSchema.optional() }),
    kind: 'write',
    access: 'signedIn',
  }),
  'logos.list': defineOp<SheetLogos>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  /** An association logo replaces the previous one; funder logos add up. */
  'logos.add': defineOp<SheetLogo>()({ input: logoUploadSchema, kind: 'write', access: ['president'] }),
  'logos.remove': defineOp<{ id: string }>()({ input: byId, kind: 'write', access: ['president'] }),
  /** Unknown logo or funder → `not_found`. */
  'logos.setFunder': defineOp<SheetLogo>()({ input: logoFunderSchema, kind: 'write', access: ['president'] }),
  /**
   * The printable page on screen saved as a PDF where the user chooses (Electron: `printToPDF` and a
   * save dialog); `not_supported` without that host capability: print and choose "Save as PDF" there.
   */
  'print.savePdf': defineOp<{ path: string | null }>()({
    input: z.object({ fileName: z.string().trim().min(1).max(200) }),
    kind: 'read',
    access: 'signedIn',
  }),
  'attendance.get': defineOp<AttendanceSheet>()({ input: z.object({ sessionId: idSchema }), kind: 'read', access: 'signedIn' }),
  /** One transaction for the whole batch: all marks are written, or none. */
  'attendance.mark': defineOp<AttendanceSheet>()({ input: markAttendanceSchema, kind: 'write', access: 'signedIn' }),
  /** Everyone registered and not yet marked → present (with `overwrite`, everyone). */
  'attendance.markAllPresent': defineOp<AttendanceSheet>()({
    input: z.object({ sessionId: idSchema, overwrite: z.boolean().default(false) }),
    kind: 'write',
    access: 'signedIn',
  }),
};
