import { z } from 'zod';
import { isoDateSchema } from './dates';
import { jobIdSchema } from './jobs';
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

/** An indicator of the agreement the report is for, and the figure that measures it. */
export interface ReportIndicator {
  code: string;
  label: string;
  target: number;
  measure: MeasuredIndicatorCode | null;
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

export const indicatorMeasureSchema = z.object({
  agreementId: z.string().min(1).max(64),
  code: z.string().trim().min(1).max(40),
  /** null: not measured by the report. */
  measure: measuredIndicatorCodeSchema.nullable(),
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
  /** A zip with the report, attendance, financial statement, pseudonymised participants and an index; recorded on the agreement. */
  'reports.funderPack': defineOp<BuiltFunderPack>()({ input: funderPackSchema, kind: 'write', access: ['treasurer', 'president'] }),
  'reports.funderPacks': defineOp<FunderPack[]>()({ input: z.object({ agreementId: idSchema }), kind: 'read', access: ['treasurer', 'president'] }),
  /** When and to whom a pack was sent. */
  'reports.recordPackSent': defineOp<FunderPack>()({ input: packSentSchema, kind: 'write', access: ['treasurer', 'president'] }),
};
