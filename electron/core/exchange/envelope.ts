import { createPublicKey, sign, verify } from 'node:crypto';
import {
  EXCHANGE_FORMAT,
  EXCHANGE_VERSION,
  exchangeHeaderSchema,
  type AssociationCard,
  type ExchangeHeader,
  type ExchangeKind,
} from '../../contract';
import { openSealed, sealTo } from '../db/slot-crypto';
import { fingerprintOf, identityKeys } from './card';
import type { Identity } from './identity';

/**
 * A file sent to one partner association (a referral, or the answer to one), as ASCII text:
 *
 *   tadamon-exchange 1
 *   {"format":…,"kind":…,"id":…,"from":…,"to":…,"createdAt":…,"expiresAt":…}   the clear header
 *   <base64url: ephemeral X25519 key (32) | nonce (12) | GCM tag (16) | ciphertext>
 *   <base64url: Ed25519 signature (64) of the three lines above, newlines included>
 *
 * The payload is sealed to the recipient's X25519 key (ephemeral X25519, HKDF-SHA256, AES-256-GCM),
 * with the header line as HKDF info and GCM associated data, so a header cannot be moved onto
 * another body. Every line must be in its one canonical encoding: a file that differs by a single
 * byte from what was signed is refused, whatever byte it is.
 */

const MAGIC = `${EXCHANGE_FORMAT} ${EXCHANGE_VERSION}`;
/** Larger than any referral; refused before parsing so a huge file costs nothing. */
export const MAX_EXCHANGE_FILE_BYTES = 1024 * 1024;
const EPK = 32;
const IV = 12;
const TAG = 16;

export type ExchangeRefusal =
  | 'exchange_file_invalid'
  | 'exchange_wrong_recipient'
  | 'exchange_unknown_sender'
  | 'exchange_tampered'
  | 'exchange_expired'
  | 'exchange_replayed';

export interface SealRequest {
  kind: ExchangeKind;
  id: string;
  sender: Identity;
  recipientCard: AssociationCard;
  payload: unknown;
  createdAt: string;
  expiresAt: string;
}

export function sealFile(request: SealRequest): string {
  const header: ExchangeHeader = exchangeHeaderSchema.parse({
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    kind: request.kind,
    id: request.id,
    from: fingerprintOf(identityKeys(request.sender)),
    to: fingerprintOf(request.recipientCard.keys),
    createdAt: request.createdAt,
    expiresAt: request.expiresAt,
  });
  const plaintext = JSON.stringify(request.payload) as string | undefined;
  if (plaintext === undefined) throw new Error('the payload must be a JSON value');
  const headerLine = JSON.stringify(header);
  const box = sealTo(request.recipientCard.keys.x25519, Buffer.from(plaintext, 'utf8'), headerLine);
  const body = Buffer.concat([
    Buffer.from(box.epk, 'base64url'),
    Buffer.from(box.iv, 'base64'),
    Buffer.from(box.tag, 'base64'),
    Buffer.from(box.data, 'base64'),
  ]);
  const signed = `${MAGIC}\n${headerLine}\n${body.toString('base64url')}\n`;
  return `${signed}${sign(null, Buffer.from(signed, 'ascii'), request.sender.ed25519Private).toString('base64url')}\n`;
}

export interface OpenOptions {
  ourIdentity: Identity;
  /** The partners' cards we hold: a sender is recognised only by one of them. */
  knownCards: readonly AssociationCard[];
  now: Date;
  /** Ids of the exchange files already imported. */
  seenIds: { has(id: string): boolean };
}

export type OpenResult =
  | { ok: true; header: ExchangeHeader; sender: AssociationCard; payload: unknown }
  /** `senderFingerprint` once the header could be read, so the UI can ask for that partner's card. */
  | { ok: false; reason: ExchangeRefusal; senderFingerprint?: string };

/** base64url bytes, only when `text` is exactly their canonical encoding (no stray or padding bits). */
function canonicalBase64url(text: string): Buffer | null {
  if (!/^[A-Za-z0-9_-]+$/.test(text)) return null;
  const bytes = Buffer.from(text, 'base64url');
  return bytes.toString('base64url') === text ? bytes : null;
}

function asAscii(file: string | Uint8Array): string | null {
  if (file.length > MAX_EXCHANGE_FILE_BYTES) return null;
  const text = typeof file === 'string' ? file : Buffer.from(file).toString('latin1');
  return /^[\x20-\x7e\n]*$/.test(text) ? text : null;
}

function parseHeader(line: string): ExchangeHeader | null {
  try {
    const parsed = exchangeHeaderSchema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Opens a received file, which is hostile until proven otherwise. Checks, in order, and refuses at
 * the first that fails: it is a whole exchange file; it is addressed to us; its sender is a partner
 * whose card we hold; the signature verifies with that card and the payload decrypts (else it was
 * tampered with); it has not expired; it was not imported before. An unknown sender is refused,
 * not shown as unverified: its content could come from anyone holding our public card, so nothing
 * is decrypted until the partner's card is added (the refusal names the fingerprint to ask for).
 */
export function openFile(file: string | Uint8Array, options: OpenOptions): OpenResult {
  const invalid: OpenResult = { ok: false, reason: 'exchange_file_invalid' };
  const text = asAscii(file);
  const lines = text?.split('\n');
  if (!text || !lines || lines.length !== 5 || lines[0] !== MAGIC || lines[4] !== '') return invalid;
  const [, headerLine, bodyText, signatureText] = lines;
  const header = parseHeader(headerLine);
  const body = canonicalBase64url(bodyText);
  const signature = canonicalBase64url(signatureText);
  if (!header || !body || body.length <= EPK + IV + TAG || signature?.length !== 64) return invalid;

  if (header.to !== fingerprintOf(identityKeys(options.ourIdentity))) {
    return { ok: false, reason: 'exchange_wrong_recipient', senderFingerprint: header.from };
  }
  const sender = options.knownCards.find((card) => fingerprintOf(card.keys) === header.from);
  if (!sender) return { ok: false, reason: 'exchange_unknown_sender', senderFingerprint: header.from };

  const tampered: OpenResult = { ok: false, reason: 'exchange_tampered', senderFingerprint: header.from };
  const signedPart = Buffer.from(text.slice(0, text.length - signatureText.length - 1), 'ascii');
  const signerKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: sender.keys.ed25519 }, format: 'jwk' });
  if (!verify(null, signedPart, signerKey, signature)) return tampered;
  const plaintext = openSealed(
    options.ourIdentity.x25519Private,
    options.ourIdentity.x25519Public,
    {
      epk: body.subarray(0, EPK).toString('base64url'),
      iv: body.subarray(EPK, EPK + IV).toString('base64'),
      tag: body.subarray(EPK + IV, EPK + IV + TAG).toString('base64'),
      data: body.subarray(EPK + IV + TAG).toString('base64'),
    },
    headerLine,
  );
  if (!plaintext) return tampered;

  if (options.now.getTime() >= Date.parse(header.expiresAt)) {
    return { ok: false, reason: 'exchange_expired', senderFingerprint: header.from };
  }
  if (options.seenIds.has(header.id)) return { ok: false, reason: 'exchange_replayed', senderFingerprint: header.from };
  let payload: unknown;
  try {
    payload = JSON.parse(plaintext.toString('utf8'));
  } catch {
    return invalid;
  }
  return { ok: true, header, sender, payload };
}
