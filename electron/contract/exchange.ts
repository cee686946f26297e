import { z } from 'zod';
import {
  beneficiaryInputSchema,
  consentSchema,
  languageSchema,
  MAX_NAME_LENGTH,
  nationalitySchema,
  sexSchema,
  type BeneficiaryInput,
  type Consent,
  type DuplicateCandidate,
} from './beneficiaries';
import type { Referral } from './case-follow-up';
import { isoDateSchema } from './dates';
import { lookupCodeSchema } from './lookups';
import { defineOp } from './operation';

/**
 * Files exchanged between associations without a server: each association file has an identity
 * (X25519 to receive, Ed25519 to sign), hands its public half to partners as a self-signed card,
 * and seals the files it sends to a partner's card.
 */

/** A raw 32-byte public key in base64url without padding. */
const publicKeySchema = z.string().regex(/^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/);

/** Six groups of five digits, read over the phone to check that a card is the partner's. */
export const fingerprintSchema = z.string().regex(/^\d{5}( \d{5}){5}$/);

export const CARD_FORMAT = 'tadamon-card';
export const CARD_VERSION = 1;
export const CARD_FILE_EXTENSION = '.tadamon-card';

/** The card file: who the association is and its public keys, signed with its own Ed25519 key. */
export const associationCardSchema = z
  .object({
    format: z.literal(CARD_FORMAT),
    version: z.literal(CARD_VERSION),
    association: z.object({ name: z.string().trim().min(1).max(200), city: z.string().trim().max(120) }).strict(),
    keys: z.object({ x25519: publicKeySchema, ed25519: publicKeySchema }).strict(),
    createdAt: z.iso.datetime(),
    /** Ed25519 over the card's other fields, 64 bytes in base64url. */
    signature: z.string().regex(/^[A-Za-z0-9_-]{85}[AQgw]$/),
  })
  .strict();
export type AssociationCard = z.infer<typeof associationCardSchema>;

export const EXCHANGE_FORMAT = 'tadamon-exchange';
export const EXCHANGE_VERSION = 1;
export const exchangeKindSchema = z.enum(['referral', 'reply']);
export type ExchangeKind = z.infer<typeof exchangeKindSchema>;
export const EXCHANGE_FILE_EXTENSIONS: Record<ExchangeKind, string> = {
  referral: '.tadamon-referral',
  reply: '.tadamon-reply',
};

/** The clear part of an exchanged file: all anyone who finds the file can read. */
export const exchangeHeaderSchema = z
  .object({
    format: z.literal(EXCHANGE_FORMAT),
    version: z.literal(EXCHANGE_VERSION),
    kind: exchangeKindSchema,
    id: z.string().regex(/^[0-9a-f-]{1,64}$/),
    from: fingerprintSchema,
    to: fingerprintSchema,
    createdAt: z.iso.datetime(),
    expiresAt: z.iso.datetime(),
  })
  .strict()
  .refine((h) => Date.parse(h.expiresAt) > Date.parse(h.createdAt), { path: ['expiresAt'] });
export type ExchangeHeader = z.infer<typeof exchangeHeaderSchema>;

/** Our card, ready to save as a file and give to partners. */
export interface OurCard {
  text: string;
  fingerprint: string;
  fileName: string;
}

/** A partner's card as held in our directory. */
export interface PartnerCard {
  partnerId: string;
  fingerprint: string;
  associationName: string;
  city: string;
  /** When the partner made its identity (from the card). */
  createdAt: string;
  /** When someone of ours confirmed the fingerprint by phone; null until then. */
  checkedAt: string | null;
  checkedByName: string | null;
}

export const MAX_CARD_TEXT = 4000;

const partnerIdSchema = z.string().min(1).max(64);

export const exchangeOps = {
  'identity.card': defineOp<OurCard>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  'partners.card': defineOp<PartnerCard | null>()({
    input: z.object({ partnerId: partnerIdSchema }),
    kind: 'read',
    access: 'signedIn',
  }),
  /** Replaces any card held for the partner; the new one is unchecked until confirmed. */
  'partners.importCard': defineOp<PartnerCard>()({
    input: z.object({ partnerId: partnerIdSchema, cardText: z.string().max(MAX_CARD_TEXT) }),
    kind: 'write',
    access: 'signedIn',
  }),
  /** The fingerprint the user read out, so a card replaced meanwhile is not confirmed by mistake. */
  'partners.confirmCard': defineOp<PartnerCard>()({
    input: z.object({ partnerId: partnerIdSchema, fingerprint: fingerprintSchema }),
    kind: 'write',
    access: 'signedIn',
  }),
};

// ---------------------------------------------------------------------------------------------
// Referrals sent to a partner as a file, and their answers.

/** What the user ticks to send with a referral. */
export const referralFactSchema = z.enum(['identity', 'contact', 'birthYear', 'nationality', 'legalStatus', 'needs', 'reason', 'notes']);
export type ReferralFact = z.infer<typeof referralFactSchema>;
/** Facts that name or reach the person: they go only with the person's consent to sharing. */
export const PERSONAL_REFERRAL_FACTS: readonly ReferralFact[] = ['identity', 'contact'];
/** A referral or reply file can be opened for this long after it is made. */
export const EXCHANGE_FILE_VALID_DAYS = 30;
/** Above the envelope's own 1 MiB limit, so the envelope is the one that refuses a large file. */
const MAX_EXCHANGE_FILE_CHARS = 2 * 1024 * 1024;

const remoteIdSchema = z.string().min(1).max(64);
const remoteText = (max: number) => z.string().trim().min(1).max(max);

/**
 * The sealed payload of a referral file. Parsed again by the receiver (the sender is authenticated,
 * its data is not trusted to fit). `person` always goes: without initials and sex nobody can be
 * received; each key of `facts` is there only when ticked.
 */
export const referralFilePayloadSchema = z
  .object({
    referralId: remoteIdSchema,
    sentOn: isoDateSchema,
    person: z.object({ initials: z.string().trim().min(1).max(6), sex: sexSchema, category: lookupCodeSchema }).strict(),
    facts: z
      .object({
        identity: z
          .object({
            firstName: remoteText(MAX_NAME_LENGTH),
            lastName: remoteText(MAX_NAME_LENGTH),
            arabicName: remoteText(MAX_NAME_LENGTH).optional(),
            birthDate: isoDateSchema.optional(),
          })
          .strict(),
        contact: z
          .object({
            phones: z.array(z.string().max(40)).max(5),
            city: remoteText(120).optional(),
            neighbourhood: remoteText(120).optional(),
            languages: z.array(languageSchema).max(9),
          })
          .strict(),
        birthYear: z.object({ year: z.number().int().min(1900).max(2200), estimated: z.boolean() }).strict(),
        nationality: nationalitySchema,
        legalStatus: z.object({ code: lookupCodeSchema, expiryDate: isoDateSchema.optional() }).strict(),
        needs: z.array(lookupCodeSchema).max(20),
        reason: remoteText(1000),
        notes: remoteText(2000),
      })
      .partial()
      .strict(),
    /** The person's consent record, sent with personal facts only. */
    consent: consentSchema.nullable(),
  })
  .strict();
export type ReferralFilePayload = z.infer<typeof referralFilePayloadSchema>;
export type ReferralFacts = ReferralFilePayload['facts'];

export const incomingReferralStatusSchema = z.enum(['received', 'service_given', 'refused', 'no_answer_possible']);
export type IncomingReferralStatus = z.infer<typeof incomingReferralStatusSchema>;

/** The sealed payload of a reply file: the answer to one of the sender's referrals. */
export const referralReplyPayloadSchema = z
  .object({
    referralId: remoteIdSchema,
    status: incomingReferralStatusSchema,
    reason: remoteText(1000).nullable(),
    answeredOn: isoDateSchema,
  })
  .strict();
export type ReferralReplyPayload = z.infer<typeof referralReplyPayloadSchema>;

/** A sealed file ready to save and hand over (USB key, e-mail, WhatsApp). */
export interface ExchangeFileOut {
  text: string;
  fileName: string;
}

/** How a referral of ours went out as a file; on `Referral.file`. */
export interface ReferralFileRecord {
  sentAt: string;
  facts: ReferralFact[];
  /** The partner's reason when its reply was a refusal. */
  answerReason: string | null;
}

/** A referral a partner sent us as a file. */
export interface IncomingReferral {
  id: string;
  partnerId: string;
  partnerName: string;
  remoteReferralId: string;
  sentOn: string;
  receivedAt: string;
  person: ReferralFilePayload['person'];
  /** Sensitive needs are left out for users who do not see them on a person's record. */
  facts: ReferralFacts;
  consent: Consent | null;
  status: IncomingReferralStatus;
  answerReason: string | null;
  answeredOn: string | null;
  /** The person in our file once matched or created. */
  beneficiaryId: string | null;
}

export interface ReceivedReferral {
  incoming: IncomingReferral;
  /** People of ours who may be the same person, to propose linking instead of creating. */
  duplicates: DuplicateCandidate[];
  /** A new record built from the facts and the consent sent, for the form; null without birth year or nationality. */
  draft: BeneficiaryInput | null;
}

const idSchema = z.string().min(1).max(64);
const fileTextInput = z.object({ fileText: z.string().max(MAX_EXCHANGE_FILE_CHARS) });

// Refusals of a received file carry `fields.fileText` (the reason) and, once the header could be
// read, `fields.senderFingerprint`, so the screen can ask for that partner's card.
export const referralFileOps = {
  /** Personal facts without the person's consent to sharing: `consent_sharing_required` at `facts`. */
  'referrals.sendFile': defineOp<ExchangeFileOut & { referral: Referral }>()({
    input: z.object({ referralId: idSchema, facts: z.array(referralFactSchema).max(8) }),
    kind: 'write',
    access: 'signedIn',
  }),
  'referrals.receiveFile': defineOp<ReceivedReferral>()({ input: fileTextInput, kind: 'write', access: 'signedIn' }),
  'referrals.incoming.list': defineOp<IncomingReferral[]>()({ input: z.object({}).strict(), kind: 'read', access: 'signedIn' }),
  /** One referral received, with the people it may be and its draft record, to link it after leaving its page. */
  'referrals.incoming.get': defineOp<ReceivedReferral>()({ input: z.object({ id: idSchema }).strict(), kind: 'read', access: 'signedIn' }),
  /** To a person already in our file, or to a new record (the draft, checked by the user). */
  'referrals.incoming.link': defineOp<IncomingReferral>()({
    input: z.union([
      z.object({ id: idSchema, beneficiaryId: idSchema }).strict(),
      z.object({ id: idSchema, create: beneficiaryInputSchema }).strict(),
    ]),
    kind: 'write',
    access: 'signedIn',
  }),
  'referrals.incoming.answer': defineOp<ExchangeFileOut & { incoming: IncomingReferral }>()({
    input: z
      .object({ id: idSchema, status: incomingReferralStatusSchema, reason: z.string().trim().max(1000).nullish() })
      .refine((a) => a.status !== 'refused' || Boolean(a.reason), { message: 'refusal_reason_required', path: ['reason'] }),
    kind: 'write',
    access: 'signedIn',
  }),
  'referrals.importReply': defineOp<Referral>()({ input: fileTextInput, kind: 'write', access: 'signedIn' }),
};
