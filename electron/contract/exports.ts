import { z } from 'zod';
import { beneficiarySearchSchema } from './beneficiaries';
import { referralSearchSchema } from './case-follow-up';
import { memberSearchSchema } from './members';
import { defineOp } from './operation';
import type { ExportedFile } from './reports';
import { localeSchema } from './roles';
import { jobIdSchema } from './jobs';

// Lists leave the app as XLSX or CSV, pseudonymised by default: reference, sex, age band, category,
// nationality, city and what the list is about (presences, status…) — never names, phones,
// document numbers or free-text notes. A named export is for presidents only, with a stated
// purpose kept in the file's export log; the audit row names that export, not the people in it.

const idSchema = z.string().min(1).max(64);

/** Which list, with the filters the screen applied. */
export const exportTargetSchema = z.discriminatedUnion('list', [
  z.object({ list: z.literal('beneficiaries'), filters: beneficiarySearchSchema.omit({ offset: true, limit: true }) }),
  z.object({ list: z.literal('participants'), filters: z.object({ activityId: idSchema }) }),
  z.object({ list: z.literal('attendance'), filters: z.object({ sessionId: idSchema }) }),
  z.object({
    list: z.literal('referrals'),
    filters: referralSearchSchema.omit({ offset: true, limit: true }).default({}),
  }),
  z.object({ list: z.literal('members'), filters: memberSearchSchema.omit({ offset: true, limit: true }).default({ query: '', archived: false }) }),
  /** `archived`: the screen's switch, which adds the archived projects after the others. */
  z.object({ list: z.literal('cooperatives'), filters: z.object({ archived: z.boolean().default(false) }).default({ archived: false }) }),
  /** Treasurers and presidents only (else `forbidden`), like the grants screens; archived sub-grants left out, as there. */
  z.object({ list: z.literal('subGrants'), filters: z.object({ agreementId: idSchema.optional() }).default({}) }),
  z.object({ list: z.literal('expenses'), filters: z.object({ agreementId: idSchema.optional(), subGrantId: idSchema.optional() }).default({}) }),
]);
export type ExportTarget = z.input<typeof exportTargetSchema>;
export type ExportListName = ExportTarget['list'];

export const exportFormatSchema = z.enum(['xlsx', 'csv']);
export type ExportFormat = z.infer<typeof exportFormatSchema>;

export const listExportSchema = z.object({
  target: exportTargetSchema,
  format: exportFormatSchema,
  /** CSV only: `;` for French Excel. */
  delimiter: z.enum([',', ';']).default(','),
  /** Defaults to the signed-in user's language. */
  locale: localeSchema.optional(),
  /** Progress is reported on this job (`jobs.progress`) while the file is built. */
  jobId: jobIdSchema.optional(),
});

export const namedExportSchema = listExportSchema.extend({
  /** Why names leave the app (kept in the export log). */
  purpose: z.string().trim().min(3).max(500),
});

export interface ListExport extends ExportedFile {
  rows: number;
}

export const exportsOps = {
  /** Pseudonymised: no name, phone, document number or free text. Logged and audited. */
  'exports.list': defineOp<ListExport>()({ input: listExportSchema, kind: 'write', access: 'signedIn' }),
  /** With names and phones: presidents only, with a purpose; the file says it holds personal data. */
  'exports.namedList': defineOp<ListExport>()({ input: namedExportSchema, kind: 'write', access: ['president'] }),
};
