import { z } from 'zod';
import { partnerInputSchema, partnerTypeSchema, type PartnerType } from './case-follow-up';
import { associationCardSchema } from './exchange';
import { defineOp } from './operation';

/**
 * The actor map: the partner directory as a file one association gives another, so a network of
 * associations shares one map of who offers what. Signed with the maker's Ed25519 key; the
 * receiver merges it into its own directory on name and city, after a preview.
 */

export const PARTNER_MAP_FORMAT = 'tadamon-partners';
export const PARTNER_MAP_VERSION = 1;
export const PARTNER_MAP_FILE_EXTENSION = '.tadamon-partners';
/** A city's map counts tens of actors; a national one a few hundred. */
export const MAX_PARTNERS_IN_MAP = 2000;
/** 2,000 partners with long service lists and cards fit well below this. */
export const MAX_PARTNER_MAP_CHARS = 8 * 1024 * 1024;
export const MAX_PARTNER_SHEET_BYTES = 4 * 1024 * 1024;

/** One actor of the map: the directory's own fields, and its card when the maker holds one. */
export const partnerMapEntrySchema = partnerInputSchema
  .omit({ id: true })
  .extend({ card: associationCardSchema.optional() })
  .strict();
export type PartnerMapEntry = z.infer<typeof partnerMapEntrySchema>;

/** What the signature covers: who made the map (their card), when, and the actors. */
export const partnerMapContentSchema = z
  .object({
    madeBy: associationCardSchema,
    createdAt: z.iso.datetime(),
    partners: z.array(partnerMapEntrySchema).max(MAX_PARTNERS_IN_MAP),
  })
  .strict();
export type PartnerMapContent = z.infer<typeof partnerMapContentSchema>;

export const partnerMapFileSchema = z
  .object({
    format: z.literal(PARTNER_MAP_FORMAT),
    version: z.literal(PARTNER_MAP_VERSION),
    content: partnerMapContentSchema,
    /** Ed25519 by `content.madeBy`'s key, 64 bytes in base64url. */
    signature: z.string().regex(/^[A-Za-z0-9_-]{85}[AQgw]$/),
  })
  .strict();
export type PartnerMapFile = z.infer<typeof partnerMapFileSchema>;

/** Columns of a spreadsheet that can be mapped onto a partner. */
export const partnerSheetFieldSchema = z.enum(['name', 'type', 'city', 'contact', 'services']);
export type PartnerSheetField = z.infer<typeof partnerSheetFieldSchema>;

const sheetFileSchema = z.object({
  fileName: z.string().trim().min(1).max(260).regex(/\.(csv|xlsx)$/i),
  contentBase64: z.string().min(1).max(Math.ceil((MAX_PARTNER_SHEET_BYTES * 4) / 3) + 4),
});

/** Where the partners to merge come from: a map file, or a spreadsheet read through a column mapping. */
export const partnerImportSourceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('map'), fileText: z.string().max(MAX_PARTNER_MAP_CHARS) }).strict(),
  sheetFileSchema
    .extend({
      kind: z.literal('sheet'),
      /** Field → zero-based column index; the name is required. */
      columns: z.partialRecord(partnerSheetFieldSchema, z.number().int().min(0).max(200)).refine((c) => c.name !== undefined, {
        message: 'required',
        path: ['name'],
      }),
      /** The type each value found in the type column stands for (the sheet's own words). */
      types: z.record(z.string().max(200), partnerTypeSchema),
      /** For rows whose type cell is empty, or without a type column. */
      defaultType: partnerTypeSchema,
    })
    .strict(),
]);
export type PartnerImportSource = z.infer<typeof partnerImportSourceSchema>;

/** A spreadsheet as read: every row (a directory is small), and the columns that look like each field. */
export interface PartnerSheet {
  headers: string[];
  rows: string[][];
  suggestedColumns: Partial<Record<PartnerSheetField, number>>;
}

/** Who signed a map file, as our directory knows them. */
export interface PartnerMapSigner {
  associationName: string;
  city: string;
  fingerprint: string;
  /** The partner of ours holding this card; null: a signer we do not know (the map is unverified). */
  partnerName: string | null;
  /** When that card was checked by phone; null if never. */
  checkedAt: string | null;
  /** The map is one of ours. */
  ours: boolean;
}

/** A field of ours the map or sheet would fill, or where it says otherwise (we keep ours). */
export type PartnerMergeField = 'type' | 'contact' | 'services' | 'card';
export interface PartnerDifference {
  field: PartnerMergeField;
  /** A type code, a text, or a card's fingerprint. */
  ours: string;
  theirs: string;
}

/**
 * added: new to our directory; merged: empty fields of ours filled; unchanged: nothing new;
 * conflict: the file says otherwise on a field we keep (its other empty fields may still be filled);
 * ours: the entry is our own association (its card is ours), left out.
 */
export const partnerMergeOutcomeSchema = z.enum(['added', 'merged', 'unchanged', 'conflict', 'ours']);
export type PartnerMergeOutcome = z.infer<typeof partnerMergeOutcomeSchema>;

export interface PlannedPartner {
  /** 1-based: the entry's rank in the map, or the spreadsheet row counting the header. */
  row: number;
  name: string;
  city: string | null;
  type: PartnerType;
  outcome: PartnerMergeOutcome;
  /** The partner of ours it merges into. */
  partnerId: string | null;
  filled: PartnerMergeField[];
  differences: PartnerDifference[];
  /** The card in the file: added to the partner (unchecked), or not added and why. */
  card: 'none' | 'added' | 'same' | 'kept_ours' | 'held_by_another';
}

export interface PartnerRowProblem {
  row: number;
  /** Field → error code (i18n `validation.*` or `errors.*`). */
  reasons: Record<string, string>;
}

export interface PartnerImportPlan {
  /** Null for a spreadsheet. */
  signer: PartnerMapSigner | null;
  partners: PlannedPartner[];
  rejected: PartnerRowProblem[];
  counts: Record<PartnerMergeOutcome, number> & { rejected: number };
}

export interface PartnerMapOut {
  text: string;
  fileName: string;
  count: number;
}

export const partnerMapOps = {
  /** The directory's partners still in use, with the cards we hold, signed as ours. */
  'partners.exportMap': defineOp<PartnerMapOut>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  'partners.readSheet': defineOp<PartnerSheet>()({ input: sheetFileSchema.strict(), kind: 'read', access: 'signedIn' }),
  /** What `partners.importMerge` would do, writing nothing. */
  'partners.previewMerge': defineOp<PartnerImportPlan>()({
    input: z.object({ source: partnerImportSourceSchema }).strict(),
    kind: 'read',
    access: 'signedIn',
  }),
  /** A map signed by an association none of our partners' cards belong to needs `acceptUnverified`. */
  'partners.importMerge': defineOp<PartnerImportPlan>()({
    input: z.object({ source: partnerImportSourceSchema, acceptUnverified: z.boolean().default(false) }).strict(),
    kind: 'write',
    access: 'signedIn',
  }),
};
