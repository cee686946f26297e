import { createHash, createPublicKey, sign, verify } from 'node:crypto';
import { associationCardSchema, CARD_FORMAT, CARD_VERSION, type AssociationCard } from '../../contract';
import { AppError } from '../errors';
import type { Identity } from './identity';

/**
 * "Our card": an association's public keys with its name and city, signed with its own Ed25519
 * key, and the fingerprint people read to each other over the phone to know a card is genuine.
 * The self-signature proves the card is whole and that whoever made it holds the signing key; only
 * the fingerprint check proves who that is.
 */

export interface PublicKeys {
  x25519: string;
  ed25519: string;
}

/**
 * Thirty digits in six groups of five, from SHA-256 of both public keys: about 100 bits, as
 * Signal's safety numbers, each group 5 bytes of the hash taken modulo 100000.
 */
export function fingerprintOf(keys: PublicKeys): string {
  const hash = createHash('sha256')
    .update('tadamon-fingerprint-v1\n')
    .update(Buffer.from(keys.x25519, 'base64url'))
    .update(Buffer.from(keys.ed25519, 'base64url'))
    .digest();
  const groups: string[] = [];
  for (let i = 0; i < 6; i++) groups.push(String(hash.readUIntBE(i * 5, 5) % 100_000).padStart(5, '0'));
  return groups.join(' ');
}

export const identityKeys = (identity: Identity): PublicKeys => ({
  x25519: identity.x25519Public,
  ed25519: identity.ed25519Public,
});

/** The exact bytes the signature covers: every field but the signature, in a fixed order. */
function signedBytes(card: Omit<AssociationCard, 'signature'>): Buffer {
  return Buffer.from(
    JSON.stringify([
      card.format,
      card.version,
      card.association.name,
      card.association.city,
      card.keys.x25519,
      card.keys.ed25519,
      card.createdAt,
    ]),
  );
}

export function signedCard(identity: Identity, association: { name: string; city: string }): AssociationCard {
  const unsigned = {
    format: CARD_FORMAT,
    version: CARD_VERSION,
    association: { name: association.name, city: association.city },
    keys: identityKeys(identity),
    createdAt: identity.createdAt,
  } as const;
  return { ...unsigned, signature: sign(null, signedBytes(unsigned), identity.ed25519Private).toString('base64url') };
}

export const cardText = (card: AssociationCard): string => `${JSON.stringify(card, null, 2)}\n`;

const ed25519Key = (x: string) => createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });

export function cardVerifies(card: AssociationCard): boolean {
  try {
    return verify(null, signedBytes(card), ed25519Key(card.keys.ed25519), Buffer.from(card.signature, 'base64url'));
  } catch {
    return false;
  }
}

/**
 * A card file as given by a partner: refused at the `cardText` field when it is not a card
 * (`card_invalid`) or when its signature does not verify, i.e. it was altered (`card_tampered`).
 */
export function readCard(text: string): AssociationCard {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('card_invalid', { cardText: 'card_invalid' });
  }
  const parsed = associationCardSchema.safeParse(json);
  if (!parsed.success) throw new AppError('card_invalid', { cardText: 'card_invalid' });
  if (!cardVerifies(parsed.data)) throw new AppError('card_tampered', { cardText: 'card_tampered' });
  return parsed.data;
}
