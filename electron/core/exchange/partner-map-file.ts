import { createPublicKey, sign, verify } from 'node:crypto';
import {
  MAX_PARTNER_MAP_CHARS,
  PARTNER_MAP_FORMAT,
  PARTNER_MAP_VERSION,
  partnerMapContentSchema,
  partnerMapFileSchema,
  type AssociationCard,
  type PartnerMapContent,
  type PartnerMapEntry,
  type PartnerMapFile,
} from '../../contract';
import { AppError } from '../errors';
import { cardVerifies } from './card';
import type { Identity } from './identity';

/**
 * The actor map as a JSON file anyone can read (it holds no personal data: organisations, their
 * public contact and services, their public cards), signed so the receiver knows who made it and
 * that nothing was changed on the way.
 */

/**
 * The bytes signed: the content in the contract's own shape and key order, so maker and receiver,
 * both going through the same schema, sign and check the very same text.
 */
const signedBytes = (content: PartnerMapContent) =>
  Buffer.from(`${PARTNER_MAP_FORMAT}-v${PARTNER_MAP_VERSION}\n${JSON.stringify(partnerMapContentSchema.parse(content))}`, 'utf8');

const mapText = (file: PartnerMapFile) => `${JSON.stringify(file, null, 2)}\n`;

export function signedMapText(identity: Identity, madeBy: AssociationCard, partners: PartnerMapEntry[], createdAt: string): string {
  const content = partnerMapContentSchema.parse({ madeBy, createdAt, partners });
  const signature = sign(null, signedBytes(content), identity.ed25519Private).toString('base64url');
  return mapText(partnerMapFileSchema.parse({ format: PARTNER_MAP_FORMAT, version: PARTNER_MAP_VERSION, content, signature }));
}

const invalid = (): never => {
  throw new AppError('partner_map_invalid', { fileText: 'partner_map_invalid' });
};

/**
 * A received map, hostile until checked: refused at `fileText` when it is not a whole map
 * (`partner_map_invalid`: too large, not JSON, any field out of the contract, a card inside that
 * is not whole), or when its signature does not verify with its maker's card or its text is not
 * the text signed (`partner_map_tampered`).
 * Who the maker is stays to be judged against the cards we hold.
 */
export function readMapText(text: string): PartnerMapContent {
  if (text.length > MAX_PARTNER_MAP_CHARS) return invalid();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return invalid();
  }
  const parsed = partnerMapFileSchema.safeParse(json);
  if (!parsed.success) return invalid();
  const { content, signature } = parsed.data;
  if (!content.partners.every((p) => !p.card || cardVerifies(p.card))) return invalid();
  const makerKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: content.madeBy.keys.ed25519 }, format: 'jwk' });
  const genuine = cardVerifies(content.madeBy) && verify(null, signedBytes(content), makerKey, Buffer.from(signature, 'base64url'));
  // Only the text as made counts (line ends aside, which mail and editors change): a change of
  // layout proves nothing, but accepting it would let a file differ from what was signed.
  const asMade = text.replace(/\r\n/g, '\n') === mapText(parsed.data);
  if (!genuine || !asMade) throw new AppError('partner_map_tampered', { fileText: 'partner_map_tampered' });
  return content;
}
