import { z } from 'zod';
import { defineOp } from './operation';
import { jobIdSchema } from './jobs';

/** Columns of an association's spreadsheet that can be mapped onto a beneficiary. */
export const importFieldSchema = z.enum([
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
]);
export type ImportField = z.infer<typeof importFieldSchema>;

/** 20,000 rows of a typical sheet fit well below this. */
export const MAX_IMPORT_BYTES = 12 * 1024 * 1024;

export const importFileSchema = z.object({
  fileName: z.string().trim().min(1).max(260).regex(/\.(csv|xlsx)$/i),
  /** The file's bytes, base64: the same on IPC and on the web bridge. */
  contentBase64: z.string().min(1).max(Math.ceil((MAX_IMPORT_BYTES * 4) / 3) + 4),
});

export const importRunSchema = importFileSchema.extend({
  /** Field → zero-based column index. */
  mapping: z.partialRecord(importFieldSchema, z.number().int().min(0).max(500)),
  /** Client-chosen id to poll with `jobs.progress`. */
  jobId: jobIdSchema,
});

export interface ImportPreview {
  headers: string[];
  rows: string[][];
  rowCount: number;
  suggestedMapping: Partial<Record<ImportField, number>>;
}

export interface ImportProblem {
  /** 1-based, as in the spreadsheet, counting the header row. */
  row: number;
  /** Field → error code (i18n `validation.*` or `errors.*`). */
  reasons: Record<string, string>;
}

export interface ImportReport {
  imported: number;
  pseudonymous: number;
  rejected: ImportProblem[];
  /** Rows that look like people already registered: not imported, to review by hand. */
  toReview: { row: number; candidates: { id: string; reference: string; displayName: string }[] }[];
  /** The rejected rows with a `reason` column, as CSV (UTF-8 with BOM), for fixing and re-importing. */
  rejectedCsv: string | null;
}

export const importOps = {
  'beneficiaries.importPreview': defineOp<ImportPreview>()({ input: importFileSchema, kind: 'read', access: 'signedIn' }),
  'beneficiaries.import': defineOp<ImportReport>()({ input: importRunSchema, kind: 'write', access: 'signedIn' }),
};
