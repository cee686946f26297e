import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
  scrypt as scryptCb,
  type KeyObject,
  type ScryptOptions,
} from 'node:crypto';

/**
 * The cryptographic primitives of the key-slot file, and nothing else: a password-derived key
 * (scrypt), authenticated encryption (AES-256-GCM) and sealing to a public key (X25519 + HKDF +
 * AES-256-GCM). What is wrapped where is decided in `slots.ts`.
 */

export interface KdfParams {
  /**
   * `scrypt`: one scrypt of N, r, p (slots made before `scrypt-lanes`). `scrypt-lanes`: p scrypts of
   * N, r and 1, each with the salt and its lane's number, computed side by side and joined by HKDF.
   */
  name: 'scrypt' | 'scrypt-lanes';
  N: number;
  r: number;
  p: number;
  /** base64, 16 random bytes per slot. */
  salt: string;
}

/**
 * Two scrypt lanes of N=2^16, r=8 (64 MiB each, 128 MiB together). OWASP lists N=2^16, r=8, p=2 as
 * equivalent to its minimum N=2^17, r=8, p=1: the same work for each guess. scrypt computes its p
 * lanes one after the other; computed as two scrypts at once, they take one lane's time on a
 * two-core office PC, about half the wait at sign-in.
 */
export const DEFAULT_KDF = { name: 'scrypt-lanes', N: 65536, r: 8, p: 2 } as const;

export function newKdfParams(): KdfParams {
  return { ...DEFAULT_KDF, salt: randomBytes(16).toString('base64') };
}

function scrypt(password: string, salt: Buffer, N: number, r: number, p: number): Promise<Buffer> {
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCb(password, salt, 32, options, (err, key) => (err ? reject(err) : resolve(key))));
}

const LANES_INFO = Buffer.from('tadamon scrypt lanes');

export async function deriveKey(secret: string, kdf: KdfParams): Promise<Buffer> {
  const password = secret.normalize('NFC');
  const salt = Buffer.from(kdf.salt, 'base64');
  if (kdf.name === 'scrypt') return scrypt(password, salt, kdf.N, kdf.r, kdf.p);
  // Node runs each scrypt on its own thread of the libuv pool (four by default).
  const lanes = await Promise.all(Array.from({ length: kdf.p }, (_, lane) => scrypt(password, Buffer.concat([salt, Buffer.from([lane])]), kdf.N, kdf.r, 1)));
  const joined = Buffer.concat(lanes);
  for (const lane of lanes) lane.fill(0);
  try {
    return Buffer.from(hkdfSync('sha256', joined, salt, LANES_INFO, 32));
  } finally {
    joined.fill(0);
  }
}

/** An AES-256-GCM ciphertext with its nonce and tag (all base64). */
export interface Sealed {
  iv: string;
  tag: string;
  data: string;
}

export function encrypt(key: Buffer, plaintext: Buffer, aad: string): Sealed {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const data = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return { iv: iv.toString('base64'), tag: cipher.getAuthTag().toString('base64'), data: data.toString('base64') };
}

/** The plaintext, or null when the key is wrong or anything was altered (the tag does not verify). */
export function decrypt(key: Buffer, sealed: Sealed, aad: string): Buffer | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(aad));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  } catch {
    return null;
  }
}

/** A fresh X25519 key pair: the public half as raw base64url, the private half as PKCS#8 DER. */
export function newKeyPair(): { publicKey: string; privateKeyDer: Buffer } {
  const { publicKey, privateKey } = generateKeyPairSync('x25519');
  return {
    publicKey: publicKeyText(publicKey),
    privateKeyDer: privateKey.export({ format: 'der', type: 'pkcs8' }),
  };
}

function publicKeyText(key: KeyObject): string {
  const jwk = key.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an X25519 key');
  return jwk.x;
}

function publicKeyObject(text: string): KeyObject {
  return createPublicKey({ key: { kty: 'OKP', crv: 'X25519', x: text }, format: 'jwk' });
}

export function privateKeyObject(der: Buffer): KeyObject {
  return createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
}

/** What a sealed box carries besides the ciphertext: the sender's one-time public key. */
export interface SealedBox extends Sealed {
  epk: string;
}

function boxKey(shared: Buffer, epk: string, recipient: string, aad: string): Buffer {
  const salt = Buffer.concat([Buffer.from(epk, 'base64url'), Buffer.from(recipient, 'base64url')]);
  return Buffer.from(hkdfSync('sha256', shared, salt, Buffer.from(aad), 32));
}

/**
 * Encrypts `plaintext` so that only the holder of the private half of `recipient` can read it,
 * without needing anything secret from them: this is what lets a rekey reach every slot.
 */
export function sealTo(recipient: string, plaintext: Buffer, aad: string): SealedBox {
  const ephemeral = generateKeyPairSync('x25519');
  const epk = publicKeyText(ephemeral.publicKey);
  const shared = diffieHellman({ privateKey: ephemeral.privateKey, publicKey: publicKeyObject(recipient) });
  const key = boxKey(shared, epk, recipient, aad);
  shared.fill(0);
  try {
    return { epk, ...encrypt(key, plaintext, aad) };
  } finally {
    key.fill(0);
  }
}

export function openSealed(privateKey: KeyObject, recipient: string, box: SealedBox, aad: string): Buffer | null {
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey: publicKeyObject(box.epk) });
  } catch {
    return null;
  }
  const key = boxKey(shared, box.epk, recipient, aad);
  shared.fill(0);
  try {
    return decrypt(key, box, aad);
  } finally {
    key.fill(0);
  }
}
