import { z } from 'zod';
import { isoDateSchema } from './dates';
import { currencySchema, minorSchema } from './grants-money';
import { lookupCodeSchema } from './lookups';
import { defineOp } from './operation';
import type { Role } from './roles';

// What each person received: a typed log on their page, from the catalogue of service types kept
// with the other lists (lookups, list 'serviceType'). A service the association paid writes its
// entry in the treasury journal; an amount is corrected by a reversal with its reason, never edited.
// Money a sub-grant paid to the person shows in the same log, read from the grants area.

export const SERVICE_ROLES: readonly Role[] = ['volunteer', 'treasurer', 'president'];
/** A service the association paid moves money: only those who keep the books record it. */
export const SERVICE_PAYER_ROLES: readonly Role[] = ['treasurer', 'president'];

const idSchema = z.string().min(1).max(64);
const rateMicroSchema = z.number().int().min(1).max(1_000_000_000_000);

export const providerKindSchema = z.enum(['association', 'partner']);
export type ProviderKind = z.infer<typeof providerKindSchema>;

/** Who gave it, the agreement it was funded by, the note: what can be corrected without money moving. */
const serviceDetails = {
  typeCode: lookupCodeSchema,
  date: isoDateSchema,
  providerKind: providerKindSchema.default('association'),
  /** A partner of the case follow-up directory, when the partner gave it. */
  partnerId: idSchema.nullish(),
  agreementId: idSchema.nullish(),
  budgetLineId: idSchema.nullish(),
  note: z.string().trim().max(1000).nullish(),
  /** The person's legal status is outside those the type is open to, and the user gives it anyway. */
  confirmOutsideStatus: z.boolean().default(false),
};

function checkDetails(s: { providerKind: ProviderKind; partnerId?: string | null; agreementId?: string | null; budgetLineId?: string | null }, ctx: z.RefinementCtx) {
  if (s.providerKind === 'partner' && !s.partnerId) ctx.addIssue({ code: 'custom', message: 'required', path: ['partnerId'] });
  if (s.budgetLineId && !s.agreementId) ctx.addIssue({ code: 'custom', message: 'required', path: ['agreementId'] });
}

export const serviceInputSchema = z
  .object({
    beneficiaryId: idSchema,
    ...serviceDetails,
    amountMinor: minorSchema.nullish(),
    currency: currencySchema.default('MAD'),
    /** The treasury account the association paid from: required with an amount it paid. */
    accountId: idSchema.nullish(),
    /** When the account's currency is not the service's: 1 unit of the service's currency = rateMicro / 1,000,000 of the account's; else the stored rate of the date. */
    rateMicro: rateMicroSchema.nullish(),
  })
  .superRefine((s, ctx) => {
    checkDetails(s, ctx);
    if (s.amountMinor && s.providerKind === 'association' && !s.accountId) ctx.addIssue({ code: 'custom', message: 'required', path: ['accountId'] });
  });
export type ServiceInput = z.input<typeof serviceInputSchema>;

/** A correction of what was given, by whom, when and on which agreement; never of the amount. */
export const serviceUpdateSchema = z
  .object({ id: idSchema, ...serviceDetails })
  .superRefine(checkDetails);
export type ServiceUpdate = z.input<typeof serviceUpdateSchema>;

export const serviceReverseSchema = z.object({
  id: idSchema,
  date: isoDateSchema,
  reason: z.string().trim().min(1).max(1000),
});

export const serviceArchiveSchema = z.object({ id: idSchema, archived: z.boolean() });

export interface PersonService {
  id: string;
  /** `service`: recorded in this log; `sub_grant`: a disbursement of a sub-grant to the person, read from the grants area. */
  origin: 'service' | 'sub_grant';
  beneficiaryId: string;
  /** A code of the list 'serviceType'; null for a sub-grant's disbursement. */
  typeCode: string | null;
  date: string;
  amountMinor: number | null;
  currency: string | null;
  providerKind: ProviderKind;
  partnerId: string | null;
  partnerName: string | null;
  agreementId: string | null;
  agreementReference: string | null;
  budgetLineId: string | null;
  budgetLineCode: string | null;
  note: string | null;
  outsideStatus: boolean;
  /** The journal entry the payment wrote, if the association paid it. */
  journalEntryId: string | null;
  accountName: string | null;
  reversedOn: string | null;
  reversalReason: string | null;
  archivedAt: string | null;
  /** A sub-grant's disbursement: the sub-grant's reference. */
  subGrantReference: string | null;
}

/** A service type of the catalogue and the legal statuses it is open to (empty: everyone). */
export const serviceTypeRuleSchema = z.object({
  code: lookupCodeSchema,
  legalStatuses: z.array(lookupCodeSchema).max(50),
});
export type ServiceTypeRule = z.infer<typeof serviceTypeRuleSchema>;

const all = { access: SERVICE_ROLES };

export const servicesOps = {
  /** The person's services, newest first, with the sub-grants paid to them. */
  'services.list': defineOp<PersonService[]>()({ input: z.object({ beneficiaryId: idSchema, includeArchived: z.boolean().default(false) }), kind: 'read', ...all }),
  /**
   * An unknown type → `not_found` at typeCode; outside the type's legal statuses without
   * confirmation → `legal_status_outside` at typeCode; an amount the association paid by a
   * volunteer → `forbidden`. With an amount the association paid: its journal entry, once.
   */
  'services.record': defineOp<PersonService>()({ input: serviceInputSchema, kind: 'write', ...all }),
  /** A paid service's date, payer and agreement are its journal entry's: `correct_by_reversal` at the field. */
  'services.update': defineOp<PersonService>()({ input: serviceUpdateSchema, kind: 'write', ...all }),
  /** Reverses the amount (and the journal entry) with its reason; the service stays, marked reversed. */
  'services.reverse': defineOp<PersonService>()({ input: serviceReverseSchema, kind: 'write', access: SERVICE_PAYER_ROLES }),
  /** A paid service still standing is reversed first (`reverse_first`). */
  'services.archive': defineOp<PersonService>()({ input: serviceArchiveSchema, kind: 'write', ...all }),
  'services.types.rules': defineOp<ServiceTypeRule[]>()({ input: z.object({}), kind: 'read', access: 'signedIn' }),
  'services.types.setRule': defineOp<ServiceTypeRule>()({ input: serviceTypeRuleSchema, kind: 'write', access: ['president'] }),
};
