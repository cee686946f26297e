import { z } from 'zod';
import { nationalitySchema, sexSchema } from './beneficiaries';
import { isoDateSchema, notInFuture } from './dates';
import { jobIdSchema } from './jobs';
import { lookupCodeSchema } from './lookups';
import { defineOp } from './operation';

/** Columns of an association's spreadsheet that can be mapped onto a beneficiary. */
export const importFieldSchema = z.enum([
  'fullName',
  'firstName',
  'lastName',
  'arabicName',
  'initials',
  'sex',
  'birthDate',
  'birthYear',
  'nationality',
  'category',
  'phone',
  'city',
  'neighbourhood',
  'legalStatus',
  'documentNumber',
  'documentExpiry',
  'consentDate',
  'consentAnswer',
  'dependants',
  'childrenUnder18',
]);
export type ImportField = z.infer<typeof importFieldSchema>;

/**
 * Columns whose values are matched to the app's codes, once per distinct value for the whole file.
 * A city is free text: its "code" is a spelling already in the file, and an unmatched city is kept as written.
 */
export const codedFieldSchema = z.enum(['sex', 'nationality', 'category', 'legalStatus', 'city', 'consentAnswer']);
export type CodedField = z.infer<typeof codedFieldSchema>;

/** What a consent column's "yes" and "no" become. */
export const consentAnswerSchema = z.enum(['yes', 'no']);

/** 20,000 rows of a typical sheet fit well below this. */
export const MAX_IMPORT_BYTES = 12 * 1024 * 1024;

export const importFileSchema = z.object({
  fileName: z.string().trim().min(1).max(260).regex(/\.(csv|xlsx)$/i),
  /** The file's bytes, base64: the same on IPC and on the web bridge. */
  contentBase64: z.string().min(1).max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
  /** The line (1-based, as the spreadsheet numbers it) holding the column titles; found by the core when absent. */
  headerRow: z.number().int().min(1).max(100_000).optional(),
});

/** One value for every row, for a field the file lacks. */
export const importBatchSchema = z.object({
  sex: sexSchema.optional(),
  nationality: nationalitySchema.optional(),
  category: lookupCodeSchema.optional(),
  legalStatus: lookupCodeSchema.optional(),
  city: z.string().trim().min(1).max(120).optional(),
});
export type ImportBatch = z.infer<typeof importBatchSchema>;

const consentDay = isoDateSchema.refine(notInFuture, { message: 'date_in_future' });

/** On what ground the rows keep their personal data (law 09-08); without it, pseudonymous records. */
export const importConsentSchema = z.discriminatedUnion('basis', [
  /** Each row's own consent date column; rows without one become pseudonymous. */
  z.object({ basis: z.literal('dateColumn') }),
  /** Everyone signed the paper consent form on this day. */
  z.object({ basis: z.literal('paperForm'), date: consentDay }),
  /** A column says who agreed (oui/non…); those who did consented on this day. */
  z.object({ basis: z.literal('answerColumn'), date: consentDay }),
  z.object({ basis: z.literal('none') }),
]);
export type ImportConsent = z.infer<typeof importConsentSchema>;

/** Field → a value as written in the file → the code it stands for. */
export const importValueChoicesSchema = z.partialRecord(
  codedFieldSchema,
  z.record(z.string().max(200), z.string().trim().min(1).max(48)),
);
export type ImportValueChoices = z.infer<typeof importValueChoicesSchema>;

export const importSetupSchema = importFileSchema.extend({
  /** Field → zero-based column index. */
  mapping: z.partialRecord(importFieldSchema, z.number().int().min(0).max(500)),
  batch: importBatchSchema.default({}),
  consent: importConsentSchema.default({ basis: 'dateColumn' }),
  values: importValueChoicesSchema.default({}),
});

export const importRunSchema = importSetupSchema.extend({
  /** Client-chosen id to poll with `jobs.progress`. */
  jobId: jobIdSchema,
});

export interface ImportPreview {
  /** The line holding the column titles (1-based). */
  headerRow: number;
  /** The first lines of the file as they are, to choose the title line from. */
  topRows: { line: number; cells: string[] }[];
  headers: string[];
  rows: string[][];
  rowCount: number;
  suggestedMapping: Partial<Record<ImportField, number>>;
}

/** A value of a coded column the app does not recognise, to be matched by hand once for the file. */
export interface ImportValueQuestion {
  field: CodedField;
  value: string;
  /** How many rows carry it. */
  count: number;
  /** The likeliest code, or null. */
  suggestion: string | null;
  /** For a city: the spellings already in the file, to choose from. */
  choices?: string[];
}

/** Why a row was refused: a code (i18n `import.problems.*`) and what the message quotes. */
export interface ImportReason {
  code: string;
  /** The user's own text, quoted back. */
  value?: string;
  year?: number;
}

export interface ImportProblem {
  /** 1-based, as in the spreadsheet. */
  row: number;
  /** Field → reason. */
  reasons: Record<string, ImportReason>;
}

/** The refused rows as the user wrote them, to save in the file's own format with the reasons added. */
export interface RejectedSheet {
  delimiter: ',' | ';' | '\t';
  encoding: 'utf-8' | 'windows-1252';
  bom: boolean;
  headers: string[];
  /** In the order of `ImportReport.rejected`. */
  rows: string[][];
}

export interface ImportReport {
  imported: number;
  pseudonymous: number;
  rejected: ImportProblem[];
  /** Rows that look like people already registered or like another row of the file: not imported, to review by hand. */
  toReview: {
    row: number;
    candidates: { id: string; reference: string; displayName: string }[];
    /** Earlier rows of the same file this row looks like. */
    sameFileRows: number[];
  }[];
  /** Total and notes lines: not people. */
  skipped: { row: number; text: string }[];
  rejectedSheet: RejectedSheet | null;
}

export const importOps = {
  'beneficiaries.importPreview': defineOp<ImportPreview>()({ input: importFileSchema, kind: 'read', access: 'signedIn' }),
  'beneficiaries.importValues': defineOp<ImportValueQuestion[]>()({ input: importSetupSchema, kind: 'read', access: 'signedIn' }),
  'beneficiaries.import': defineOp<ImportReport>()({ input: importRunSchema, kind: 'write', access: 'signedIn' }),
};
