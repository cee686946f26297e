import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { newKeyPair } from '../db/slot-crypto';

/** The association's keys as stored in its encrypted file (private halves as PKCS#8 DER). */
export interface StoredIdentity {
  x25519Public: string;
  x25519Private: Buffer;
  ed25519Public: string;
  ed25519Private: Buffer;
  createdAt: string;
}

/** The same keys ready for use: public halves as raw base64url, private halves as key objects. */
export interface Identity {
  x25519Public: string;
  x25519Private: KeyObject;
  ed25519Public: string;
  ed25519Private: KeyObject;
  createdAt: string;
}

export function newIdentity(createdAt: string): StoredIdentity {
  const receiving = newKeyPair();
  const signing = generateKeyPairSync('ed25519');
  const jwk = signing.publicKey.export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('not an Ed25519 key');
  return {
    x25519Public: receiving.publicKey,
    x25519Private: receiving.privateKeyDer,
    ed25519Public: jwk.x,
    ed25519Private: signing.privateKey.export({ format: 'der', type: 'pkcs8' }),
    createdAt,
  };
}

export function loadIdentity(stored: StoredIdentity): Identity {
  const key = (der: Buffer) => createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
  return {
    x25519Public: stored.x25519Public,
    x25519Private: key(stored.x25519Private),
    ed25519Public: stored.ed25519Public,
    ed25519Private: key(stored.ed25519Private),
    createdAt: stored.createdAt,
  };
}
