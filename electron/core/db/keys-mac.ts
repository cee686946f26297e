import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

/**
 * Authentication of the keys file's content. The keys file sits outside the encryption, so anyone
 * who can write the association's folder can edit it. Without this, a slot planted there (with a
 * key pair of the planter's own) would receive the new database key at the next rotation. Every
 * slot, and the erasure list, therefore carries an HMAC keyed from the database key (as KeePassXC
 * authenticates its header with a key derived from the master key): only someone who holds the
 * database key, that is a signed-in user of the app, can produce one.
 */

/** What the MAC key is derived from: the database key of the file's current generation. */
export interface KeysSigner {
  dbKey: Buffer;
  fileId: string;
}

const INFO = 'tadamon-keys/3 mac';

function macKey({ dbKey, fileId }: KeysSigner): Buffer {
  return Buffer.from(hkdfSync('sha256', dbKey, Buffer.from(fileId, 'utf8'), Buffer.from(INFO), 32));
}

/** JSON with object keys sorted at every depth: the same value always gives the same bytes. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The MAC of `what` (a slot without its `mac`, or the erasure list), bound to its purpose. */
export function macOf(signer: KeysSigner, purpose: 'slot' | 'erasures', what: unknown): string {
  const key = macKey(signer);
  try {
    return createHmac('sha256', key).update(`${purpose}\n${signer.fileId}\n${canonicalJson(what)}`).digest('base64');
  } finally {
    key.fill(0);
  }
}

export function macMatches(signer: KeysSigner, purpose: 'slot' | 'erasures', what: unknown, mac: string | undefined): boolean {
  if (typeof mac !== 'string') return false;
  const expected = Buffer.from(macOf(signer, purpose, what), 'base64');
  const given = Buffer.from(mac, 'base64');
  return given.length === expected.length && timingSafeEqual(given, expected);
}
