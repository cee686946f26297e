import type { KeyObject } from 'node:crypto';
import { isSealed, type KeysFile, type KeySlot, type LegacySlot, type SealedSlot } from './keyslots';
import {
  decrypt,
  deriveKey,
  type KdfParams,
  encrypt,
  newKdfParams,
  newKeyPair,
  openSealed,
  privateKeyObject,
  sealTo,
} from './slot-crypto';

/**
 * What a key slot holds and how it is opened.
 *
 * A sealed slot has its own X25519 key pair. The private half is wrapped under the slot's
 * password (or recovery code); the database key is sealed to the public half, once per key
 * generation. So:
 * - unlocking costs one scrypt, as before;
 * - anyone holding the database key (a signed-in president) can seal a new database key to every
 *   slot without knowing their passwords: that is what makes a rekey possible;
 * - a removed user, or an old password, keeps at most an old private key, to which no later
 *   database key is ever sealed.
 */

export interface SlotMeta {
  kind: KeySlot['kind'];
  userId?: string;
  label?: string;
}

export const slotIdFor = (meta: SlotMeta): string => (meta.kind === 'recovery' ? 'recovery' : `user:${meta.userId}`);

const privateKeyAad = (slotId: string) => `tadamon-keys/2 private-key ${slotId}`;
const dbKeyAad = (fileId: string, slotId: string, generation: number) => `tadamon-keys/2 db-key ${fileId} ${slotId} ${generation}`;

/** A new slot for `secret`, holding the database key of `generation`. One scrypt. */
export async function createSlot(request: {
  fileId: string;
  dbKey: Buffer;
  generation: number;
  secret: string;
  meta: SlotMeta;
  /** The KDF cost is stored in each slot; new slots use DEFAULT_KDF (tests may pass a cheaper one). */
  kdf?: KdfParams;
}): Promise<SealedSlot> {
  const id = slotIdFor(request.meta);
  const kdf = request.kdf ?? newKdfParams();
  const kek = await deriveKey(request.secret, kdf);
  const pair = newKeyPair();
  try {
    const slot: SealedSlot = {
      id,
      ...request.meta,
      scheme: 'sealed',
      kdf,
      publicKey: pair.publicKey,
      privateKey: encrypt(kek, pair.privateKeyDer, privateKeyAad(id)),
      keys: [],
    };
    return withGeneration(slot, request.fileId, request.dbKey, request.generation);
  } finally {
    kek.fill(0);
    pair.privateKeyDer.fill(0);
  }
}

/** The slot with the database key of `generation` sealed to it (replacing any earlier seal of it). */
export function withGeneration(slot: SealedSlot, fileId: string, dbKey: Buffer, generation: number): SealedSlot {
  const box = sealTo(slot.publicKey, dbKey, dbKeyAad(fileId, slot.id, generation));
  return { ...slot, keys: [...slot.keys.filter((k) => k.generation !== generation), { generation, ...box }] };
}

/** The slot keeping only the generations `keep` accepts. */
export function keepingGenerations(slot: SealedSlot, keep: (generation: number) => boolean): SealedSlot {
  return { ...slot, keys: slot.keys.filter((k) => keep(k.generation)) };
}

/** An opened slot: yields the database key of a generation while it is held, then is disposed. */
export interface UnlockedSlot {
  keyFor(generation: number): Buffer | null;
  dispose(): void;
}

/** Opens a slot with its secret; null when the secret is wrong (or the slot was tampered with). */
export async function unlockSlot(keys: KeysFile, slot: KeySlot, secret: string): Promise<UnlockedSlot | null> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    return isSealed(slot) ? openSealedSlot(keys, slot, kek) : openLegacySlot(keys, slot, kek);
  } finally {
    kek.fill(0);
  }
}

function openSealedSlot(keys: KeysFile, slot: SealedSlot, kek: Buffer): UnlockedSlot | null {
  const der = decrypt(kek, slot.privateKey, privateKeyAad(slot.id));
  if (!der) return null;
  let privateKey: KeyObject | null;
  try {
    privateKey = privateKeyObject(der);
  } catch {
    return null;
  } finally {
    der.fill(0);
  }
  return {
    keyFor(generation) {
      const box = slot.keys.find((k) => k.generation === generation);
      if (!box || !privateKey) return null;
      const key = openSealed(privateKey, slot.publicKey, box, dbKeyAad(keys.fileId, slot.id, generation));
      return key && key.length === 32 ? key : null;
    },
    dispose() {
      privateKey = null;
    },
  };
}

/** A version-1 slot wraps the one database key a version-1 file ever had: the current generation. */
function openLegacySlot(keys: KeysFile, slot: LegacySlot, kek: Buffer): UnlockedSlot | null {
  const dbKey = decrypt(kek, { iv: slot.iv, tag: slot.tag, data: slot.wrapped }, slot.id);
  if (!dbKey || dbKey.length !== 32) return null;
  return {
    keyFor: (generation) => (generation === keys.keyGeneration ? Buffer.from(dbKey) : null),
    dispose: () => dbKey.fill(0),
  };
}

/**
 * A version-1 slot (the database key wrapped directly under the password). New files never get
 * one; this exists to read old files and to build them in tests.
 */
export async function legacyWrapKey(dbKey: Buffer, secret: string, meta: SlotMeta): Promise<LegacySlot> {
  const id = slotIdFor(meta);
  const kdf = newKdfParams();
  const kek = await deriveKey(secret, kdf);
  try {
    const sealed = encrypt(kek, dbKey, id);
    return { id, ...meta, kdf, iv: sealed.iv, tag: sealed.tag, wrapped: sealed.data };
  } finally {
    kek.fill(0);
  }
}
