import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { z } from 'zod';
import { archiveInputSchema } from './case-lifecycle';
import { isoDateSchema, notInFuture } from './dates';
import { lookupCodeSchema } from './lookups';
import { defineOp } from './operation';

export const MAX_NAME_LENGTH = 200;

export const sexSchema = z.enum(['female', 'male']);
export const consentScopeSchema = z.enum(['service', 'sharing', 'reporting']);
export const languageSchema = z.enum([
  'darija',
  'french',
  'english',
  'tamazight',
  'wolof',
  'bambara',
  'lingala',
  'pulaar',
  'other',
]);
export const educationLevelSchema = z.enum([
  'unknown',
  'none',
  'primary',
  'lower_secondary',
  'upper_secondary',
  'vocational',
  'university',
]);

/** ISO 3166-1 alpha-2; names come from i18n-iso-countries in the UI language. */
export const nationalitySchema = z.string().regex(/^[A-Z]{2}$/);

/**
 * Any plausible number; Moroccan numbers may be typed without +212. Stored as E.164. Read once
 * (as `isValidPhoneNumber` reads it: the whole text must be the number) for both the check and
 * the stored form: reading is most of the time an import of 20,000 rows spends checking them.
 */
export const phoneSchema = z
  .string()
  .trim()
  .max(40)
  .transform((v, ctx) => {
    const phone = parsePhoneNumberFromString(v, { defaultCountry: 'MA', extract: false });
    if (phone?.isValid()) return phone.number as string;
    ctx.issues.push({ code: 'custom', message: 'invalid_phone', input: v });
    return z.NEVER;
  });

const name = z.string().trim().min(1).max(MAX_NAME_LENGTH);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const pastDate = isoDateSchema.refine(notInFuture, { message: 'date_in_future' });

export const consentSchema = z
  .object({
    date: pastDate,
    givenBy: z.enum(['person', 'guardian']),
    guardianName: optionalText(MAX_NAME_LENGTH),
    scopes: z.array(consentScopeSchema).min(1),
    /** The partners named when consenting to sharing. */
    partners: optionalText(500),
  })
  .refine((c) => c.givenBy !== 'guardian' || Boolean(c.guardianName), {
    message: 'guardian_name_required',
    path: ['guardianName'],
  });
export type Consent = z.infer<typeof consentSchema>;

export const legalStatusSchema = z
  .object({
    code: lookupCodeSchema,
    documentNumber: optionalText(60),
    issueDate: isoDateSchema.optional(),
    expiryDate: isoDateSchema.optional(),
  })
  .refine((s) => !s.issueDate || !s.expiryDate || s.expiryDate >= s.issueDate, {
    message: 'expiry_before_issue',
    path: ['expiryDate'],
  });

export const personalDataSchema = z.object({
  firstName: name,
  lastName: name,
  arabicName: optionalText(MAX_NAME_LENGTH),
  birthDate: pastDate.optional(),
  phones: z.array(phoneSchema).max(5),
  city: optionalText(120),
  neighbourhood: optionalText(120),
  languages: z.array(languageSchema).max(9),
  legalStatus: legalStatusSchema.nullable(),
  /** A count is null when it was not asked: reports count it as "not stated", never as none. */
  household: z.object({
    dependants: z.number().int().min(0).max(30).nullable(),
    childrenUnder18: z.number().int().min(0).max(30).nullable(),
    singleParent: z.boolean(),
  }),
  educationLevel: educationLevelSchema,
  skills: optionalText(1000),
  occupation: optionalText(200),
  vulnerabilities: z.array(lookupCodeSchema).max(20),
});
export type PersonalData = z.infer<typeof personalDataSchema>;

/**
 * One shape for the form, the IPC check and the stored record. Law 09-08: personal data only with
 * consent to service delivery; without it, a pseudonymous record (initials, birth year, sex,
 * category, nationality) for counts.
 */
export const beneficiaryInputSchema = z
  .object({
    sex: sexSchema,
    birthYear: z.number().int().min(1900).max(new Date().getFullYear()),
    birthYearEstimated: z.boolean(),
    nationality: nationalitySchema,
    category: lookupCodeSchema,
    initials: z.string().trim().max(6).optional(),
    consent: consentSchema.nullable(),
    personal: personalDataSchema.nullable(),
  })
  .superRefine((b, ctx) => {
    if (b.personal && !b.consent?.scopes.includes('service')) {
      ctx.addIssue({ code: 'custom', message: 'consent_required', path: ['consent'] });
    }
    if (b.personal?.birthDate && Number(b.personal.birthDate.slice(0, 4)) !== b.birthYear) {
      ctx.addIssue({ code: 'custom', message: 'birth_year_mismatch', path: ['birthYear'] });
    }
  })
  // Checked even when other fields are wrong (zod skips a refinement after any issue), so that a
  // form says at once, with the rest, that a pseudonymous record lacks its initials.
  .superRefine(
    (b, ctx) => {
      if (!b.personal && !b.initials) ctx.addIssue({ code: 'custom', message: 'initials_required', path: ['initials'] });
    },
    { when: ({ issues }) => !issues.some((i) => i.path === undefined || i.path.length === 0 || i.path[0] === 'personal' || i.path[0] === 'initials') },
  );
export type BeneficiaryInput = z.infer<typeof beneficiaryInputSchema>;

export interface Beneficiary extends BeneficiaryInput {
  id: string;
  reference: string;
  initials: string;
  createdAt: string;
  updatedAt: string;
  archivedAt: string | null;
}

export const ageBandSchema = z.enum(['0-5', '6-11', '12-17', '18-24', '25-34', '35-49', '50-59', '60+']);
export type AgeBand = z.infer<typeof ageBandSchema>;

export const beneficiarySortSchema = z.enum(['reference', 'name', 'age', 'category', 'nationality', 'city', 'createdAt']);

export const beneficiarySearchSchema = z.object({
  query: z.string().max(200).default(''),
  filters: z
    .object({
      category: lookupCodeSchema.optional(),
      sex: sexSchema.optional(),
      ageBand: ageBandSchema.optional(),
      nationality: nationalitySchema.optional(),
      city: z.string().trim().max(120).optional(),
      legalStatus: lookupCodeSchema.optional(),
      /** Only people with a procedure still to start, in progress or waiting for a third party. */
      openProcedure: z.boolean().optional(),
      archived: z.boolean().default(false),
    })
    .default({ archived: false }),
  sort: z.object({ by: beneficiarySortSchema, direction: z.enum(['asc', 'desc']) }).default({ by: 'createdAt', direction: 'desc' }),
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(500).default(100),
});

export interface BeneficiaryRow {
  id: string;
  reference: string;
  /** Full Latin name, or the initials of a pseudonymous record. */
  displayName: string;
  arabicName: string | null;
  sex: z.infer<typeof sexSchema>;
  age: number;
  category: string;
  nationality: string;
  city: string | null;
  legalStatus: string | null;
  pseudonymous: boolean;
  archived: boolean;
}

/** Beyond this many matches a typed search says "1000+" instead of counting them all. */
export const SEARCH_COUNT_CAP = 1000;

export interface BeneficiarySearchResult {
  total: number;
  /** True when more than SEARCH_COUNT_CAP people match the typed query. */
  capped: boolean;
  rows: BeneficiaryRow[];
}

/** Why two records may be the same person, each shown to the user in words. */
export const duplicateReasonSchema = z.enum([
  'phone',
  'sameBirthDate',
  'sameBirthYear',
  'closeBirthYear',
  'namesSwapped',
  'sameFirstName',
  'firstNamesSoundAlike',
  'sameLastName',
  'lastNamesSoundAlike',
  'sameArabicName',
]);
export type DuplicateReason = z.infer<typeof duplicateReasonSchema>;

export interface DuplicateCandidate {
  id: string;
  reference: string;
  displayName: string;
  birthYear: number;
  reasons: DuplicateReason[];
}

export interface DuplicatePair {
  a: DuplicateCandidate;
  b: DuplicateCandidate;
}

/** The duplicates screen shows at most this many pairs at a time, the likeliest first. */
export const DUPLICATE_PAIRS_SHOWN = 200;

export interface DuplicatePairs {
  pairs: DuplicatePair[];
  /** Every pair found, of which `pairs` are the first DUPLICATE_PAIRS_SHOWN. */
  total: number;
}

const pairInput = z
  .object({ a: z.string().min(1).max(64), b: z.string().min(1).max(64) })
  .strict()
  .refine((p) => p.a !== p.b, { message: 'same_record', path: ['b'] });

const idInput = z.object({ id: z.string().min(1).max(64) });

export const beneficiariesOps = {
  'beneficiaries.search': defineOp<BeneficiarySearchResult>()({
    input: beneficiarySearchSchema,
    kind: 'read',
    access: 'signedIn',
  }),
  'beneficiaries.get': defineOp<Beneficiary>()({ input: idInput, kind: 'read', access: 'signedIn' }),
  'beneficiaries.findDuplicates': defineOp<DuplicateCandidate[]>()({
    input: z.object({ input: beneficiaryInputSchema, excludeId: z.string().max(64).optional() }),
    kind: 'read',
    access: 'signedIn',
  }),
  'beneficiaries.create': defineOp<Beneficiary>()({ input: beneficiaryInputSchema, kind: 'write', access: 'signedIn' }),
  'beneficiaries.update': defineOp<Beneficiary>()({
    input: z.object({ id: z.string().min(1).max(64), input: beneficiaryInputSchema }),
    kind: 'write',
    access: 'signedIn',
  }),
  'beneficiaries.archive': defineOp<Beneficiary>()({ input: archiveInputSchema, kind: 'write', access: 'signedIn' }),
  'beneficiaries.restore': defineOp<Beneficiary>()({ input: idInput, kind: 'write', access: 'signedIn' }),
  'beneficiaries.withdrawConsent': defineOp<Beneficiary>()({ input: idInput, kind: 'write', access: 'signedIn' }),
  'beneficiaries.duplicatePairs': defineOp<DuplicatePairs>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  /** "These are different people": the pair is never proposed again (recorded with who said it and when). */
  'beneficiaries.markDifferent': defineOp<{ a: string; b: string }>()({ input: pairInput, kind: 'write', access: 'signedIn' }),
  /**
   * Moves all history of `mergedId` onto `survivorId`; the merged record is archived, not deleted.
   * A president's decision, made after a backup of the file.
   */
  'beneficiaries.merge': defineOp<Beneficiary>()({
    input: z
      .object({ survivorId: z.string().min(1).max(64), mergedId: z.string().min(1).max(64) })
      .refine((m) => m.survivorId !== m.mergedId, { message: 'same_record', path: ['mergedId'] }),
    kind: 'write',
    access: ['president'],
  }),
};
