import { z } from 'zod';
import { isoDateSchema } from './dates';
import { jobIdSchema } from './jobs';
import { lookupCodeSchema } from './lookups';
import { defineOp } from './operation';
import { localeSchema, type Locale } from './roles';

// The indicator report for funders: people reached and what was done over a period. The core
// builds it already translated (headings, row labels, definitions, notes) in the requested
// language, so the screen, the printed PDF and the XLSX file say exactly the same thing.

/**
 * An end before the start is not refused: the report still renders, empty, with a note saying so
 * (the issue asks that bad periods never crash the report).
 */
export const reportInputSchema = z.object({
  from: isoDateSchema,
  to: isoDateSchema,
  /** A funding agreement: its targets are compared with what was achieved, its sub-grants counted. */
  agreementId: z.string().min(1).max(64).optional(),
  /** Defaults to the signed-in user's language. */
  locale: localeSchema.optional(),
});
export type ReportInput = z.infer<typeof reportInputSchema>;

/**
 * The figures the report measures. An agreement's indicator whose code is one of these, or which a
 * treasurer linked to one (`reports.setIndicatorMeasure`), gets its "achieved" figure for the
 * period; any other is shown with its target only.
 */
export const measuredIndicatorCodes = [
  'people_reached',
  'people_reached_female',
  'people_reached_male',
  /** Women among the people reached, in % (one decimal). */
  'people_reached_female_share',
  'people_registered',
  'activities_held',
  'sessions_held',
  'participants',
  'completions',
  'procedures_completed',
  'referrals_sent',
  'case_notes',
  'micro_projects_funded',
  'members_joined',
  'dues_payments',
  'cooperative_projects_started',
  'cooperatives_created',
] as const;
export type MeasuredIndicatorCode = (typeof measuredIndicatorCodes)[number];
export const measuredIndicatorCodeSchema = z.enum(measuredIndicatorCodes);

/**
 * What a measure can be narrowed to, each a lookup list of codes, or the employment situations
 * (`employmentSituation`: the person's latest situation by the period's end; "women placed in a job
 * after a training": activity type and the working situations). A new dimension is one more entry here, in
 * `FILTERABLE_BY` and in the core's `reports/filters.ts`.
 */
export const indicatorFilterDimensions = ['category', 'theme', 'activityType', 'employmentSituation', 'serviceType'] as const;
export type IndicatorFilterDimension = (typeof indicatorFilterDimensions)[number];
export const indicatorFiltersSchema = z.partialRecord(z.enum(indicatorFilterDimensions), z.array(lookupCodeSchema).min(1).max(50));
export type IndicatorFilters = z.infer<typeof indicatorFiltersSchema>;

const PEOPLE_AND_ACTIVITIES: readonly IndicatorFilterDimension[] = ['category', 'theme', 'activityType', 'employmentSituation', 'serviceType'];
/** The measures that can be narrowed, and by what (a person has a category, an activity a theme and a type). */
export const FILTERABLE_BY: Partial<Record<MeasuredIndicatorCode, readonly IndicatorFilterDimension[]>> = {
  people_reached: PEOPLE_AND_ACTIVITIES,
  people_reached_female: PEOPLE_AND_ACTIVITIES,
  people_reached_male: PEOPLE_AND_ACTIVITIES,
  participants: PEOPLE_AND_ACTIVITIES,
  activities_held: ['theme', 'activityType'],
  sessions_held: ['theme', 'activityType'],
};

/** A result the app cannot compute, entered for one report period with where it comes from. */
export interface EnteredResult {
  value: number;
  source: string;
  enteredAt: string;
}

/** An indicator of the agreement the report is for, and the figure that measures it. */
export interface ReportIndicator {
  code: string;
  label: string;
  target: number;
  measure: MeasuredIndicatorCode | null;
  /** The measure narrowed to some people or activities; null: the whole measure. */
  filters: IndicatorFilters | null;
  /** Entered by hand for the report's period (only in a report, for an indicator without a measure). */
  result: EnteredResult | null;
}

/** What a column holds: `amount` is in minor units (centimes) of the table's currency. */
export type ReportColumnKind = 'label' | 'count' | 'percent' | 'amount';

export interface ReportColumn {
  heading: string;
  kind: ReportColumnKind;
}

/** A label, a count, a percentage (0–100, one decimal), an amount in minor units, or nothing. */
export type ReportCell = string | number | null;

export interface ReportTable {
  /** Stable: `reached.bySex`, `activities.byTheme`… (tests and the chart find tables by id). */
  id: string;
  title: string;
  columns: ReportColumn[];
  rows: ReportCell[][];
  /** Sums of the count columns (labels and percentages recomputed or left blank). */
  total: ReportCell[] | null;
  /** ISO currency of the `amount` columns. */
  currency?: string;
}

export const reportSectionIds = ['beneficiaries', 'activities', 'followUp', 'grants', 'members', 'cooperatives'] as const;
export type ReportSectionId = (typeof reportSectionIds)[number];

export interface ReportSection {
  id: ReportSectionId;
  title: string;
  /** False while the area is not built yet: the section says so instead of showing tables. */
  available: boolean;
  /** Clear sentences for the reader (no data in the period, section not available yet…). */
  notes: string[];
  tables: ReportTable[];
}

export interface ReportDefinition {
  term: string;
  text: string;
}

export interface IndicatorReport {
  locale: Locale;
  title: string;
  associationName: string;
  /** The agreement the report is for; null: all the association's work. */
  agreement: { id: string; reference: string; title: string; funderName: string } | null;
  /** The agreement's indicators (empty without an agreement). */
  indicators: ReportIndicator[];
  from: string;
  to: string;
  /** ISO UTC timestamp. */
  generatedAt: string;
  /** The association's time zone (setting `timeZone`): times are shown in it. */
  timeZone: string;
  /** The name of its files without extension, in the report's language (`rapport-indicateurs-2026-01-01-2026-06-30`). */
  fileStem: string;
  /** Words around the tables, in the report's language. */
  headings: { agreement: string; period: string; generatedAt: string; definitions: string; notes: string };
  /** Stated on the report: who counts as reached, how age is computed… */
  definitions: ReportDefinition[];
  /** About the report as a whole (end before start…). */
  notes: string[];
  sections: ReportSection[];
}

/** A file made by the core, ready to be saved by the page (download or native save dialog). */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  contentBase64: string;
}

export const indicatorMeasureSchema = z
  .object({
    agreementId: z.string().min(1).max(64),
    code: z.string().trim().min(1).max(40),
    /** null: not measured by the report. */
    measure: measuredIndicatorCodeSchema.nullable(),
    filters: indicatorFiltersSchema.optional(),
  })
  .superRefine((input, ctx) => {
    const allowed = input.measure ? (FILTERABLE_BY[input.measure] ?? []) : [];
    for (const dimension of Object.keys(input.filters ?? {}) as IndicatorFilterDimension[]) {
      if (!allowed.includes(dimension)) ctx.addIssue({ code: 'custom', message: 'filter_not_applicable', path: ['filters', dimension] });
    }
  });

/** The result of an indicator for one report period, typed in with its source; `value` null clears it. */
export const indicatorResultSchema = z.object({
  agreementId: z.string().min(1).max(64),
  code: z.string().trim().min(1).max(40),
  from: isoDateSchema,
  to: isoDateSchema,
  value: z.number().int().min(0).max(1_000_000_000).nullable(),
  /** Where the figure comes from: a partner's list, a survey, an employer's letter… */
  source: z.string().trim().min(3).max(300),
});

const idSchema = z.string().min(1).max(64);

/** The pack for one reporting deadline of an agreement: the period runs from the previous deadline (or the agreement's start). */
export const funderPackSchema = z.object({
  agreementId: idSchema,
  deadlineId: idSchema,
  locale: localeSchema.optional(),
  /** Progress (documents printed) is reported on this job while the pack is built. */
  jobId: jobIdSchema.optional(),
});

export interface FunderPack {
  id: string;
  agreementId: string;
  deadlineId: string;
  dueDate: string;
  from: string;
  to: string;
  /** The files in the pack, as listed in its index. */
  documents: string[];
  builtAt: string;
  builtByName: string;
  sentOn: string | null;
  sentTo: string | null;
}

export interface BuiltFunderPack extends ExportedFile {
  pack: FunderPack;
}

export const packSentSchema = z.object({
  packId: idSchema,
  sentOn: isoDateSchema,
  /** Who received it (funder's officer, e-mail address…). */
  sentTo: z.string().trim().min(2).max(300),
});

export const reportsOps = {
  'reports.indicators': defineOp<IndicatorReport>()({ input: reportInputSchema, kind: 'read', access: 'signedIn' }),
  /** The same report as XLSX: a cover sheet, then one sheet per table. Changes nothing. */
  'reports.exportXlsx': defineOp<ExportedFile>()({ input: reportInputSchema, kind: 'read', access: 'signedIn' }),
  /** Links an indicator of an agreement to the figure that measures it (unknown agreement or code → `not_found`). */
  'reports.setIndicatorMeasure': defineOp<ReportIndicator>()({ input: indicatorMeasureSchema, kind: 'write', access: ['treasurer', 'president'] }),
  /** Records (or clears) the result of an indicator for a period (unknown agreement or code → `not_found`; one the report measures → `indicator_measured` at `value`). */
  'reports.setIndicatorResult': defineOp<null>()({ input: indicatorResultSchema, kind: 'write', access: ['treasurer', 'president'] }),
  /** A zip with the report, attendance, financial statement, pseudonymised participants and an index; recorded on the agreement. */
  'reports.funderPack': defineOp<BuiltFunderPack>()({ input: funderPackSchema, kind: 'write', access: ['treasurer', 'president'] }),
  'reports.funderPacks': defineOp<FunderPack[]>()({ input: z.object({ agreementId: idSchema }), kind: 'read', access: ['treasurer', 'president'] }),
  /** When and to whom a pack was sent. */
  'reports.recordPackSent': defineOp<FunderPack>()({ input: packSentSchema, kind: 'write', access: ['treasurer', 'president'] }),
};
