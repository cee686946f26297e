import { z } from 'zod';
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
