import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
import { macMatches, macOf, type KeysSigner } from './keys-mac';
import { DEFAULT_KDF } from './slot-crypto';

export { DEFAULT_KDF };

/**
 * The key-slot file `<file>.keys`: who can open the database, one slot per user and one for the
 * recovery code. Labels are staff display names so the sign-in screen can offer a choice of user;
 * no beneficiary data lives here. How a slot yields the database key is in `slots.ts`.
 *
 * - version 1: every slot is `legacy`: the database key wrapped under a key derived from the
 *   password. Such a slot cannot follow a rekey (its password is needed to rewrap it).
 * - version 2: slots are `sealed` (a per-slot X25519 key pair whose private half is wrapped under
 *   the password, and the database key of each generation sealed to the public half), plus the
 *   current `keyGeneration` and, while a rekey is under way, the `pending` generation. Legacy
 *   slots may still appear in a version-2 file until their user signs in once.
 * - version 3: every slot carries a `mac` keyed from the database key (see keys-mac.ts), so a slot
 *   added outside the app is recognised and refused; the file also keeps the list of erasures
 *   (consent withdrawals and merges, ids only) that a restore must apply again, with its own `mac`.
 *   A version-2 file is upgraded at its next sign-in (db/trusted-keys.ts).
 */
export const KEYS_FORMAT = 'tadamon-keys';
export const KEYS_VERSION = 3;

const kdfSchema = z.object({
  name: z.enum(['scrypt', 'scrypt-lanes']),
  N: z.number().int().min(1024).max(1 << 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16),
});

const sealedSchema = z.object({ iv: z.string(), tag: z.string(), data: z.string() });

const slotBase = {
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().optional(),
  label: z.string().optional(),
  kdf: kdfSchema,
  /** Version 3: HMAC of the rest of the slot under the database key (keys-mac.ts). */
  mac: z.string().optional(),
};

const legacySlotSchema = z.object({
  ...slotBase,
  scheme: z.literal('legacy').optional(),
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
});

const sealedSlotSchema = z.object({
  ...slotBase,
  scheme: z.literal('sealed'),
  /** The slot's X25519 public key (raw, base64url): anyone holding the database key can seal to it. */
  publicKey: z.string(),
  /** The slot's private key (PKCS#8), AES-256-GCM under the password-derived key. */
  privateKey: sealedSchema,
  /** The database key of each live generation, sealed to `publicKey`. */
  keys: z.array(sealedSchema.extend({ generation: z.number().int().min(1), epk: z.string() })),
});

const slotSchema = z.union([sealedSlotSchema, legacySlotSchema]);
export type LegacySlot = z.infer<typeof legacySlotSchema>;
export type SealedSlot = z.infer<typeof sealedSlotSchema>;
export type KeySlot = z.infer<typeof slotSchema>;

/**
 * An erasure the live file has made, which a restored backup made before it must make again (law
 * 09-08: an erased person must not come back with an old copy). Ids only, never personal data.
 */
export const erasureSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('consentWithdrawn'), beneficiaryId: z.string().min(1).max(64), at: z.string() }),
  z.object({
    kind: z.literal('merged'),
    beneficiaryId: z.string().min(1).max(64),
    survivorId: z.string().min(1).max(64),
    at: z.string(),
  }),
]);
export type Erasure = z.infer<typeof erasureSchema>;

const keysFileSchema = z.object({
  format: z.literal(KEYS_FORMAT),
  version: z.number().int(),
  fileId: z.string(),
  /**
   * The database file's cipher salt (base64, see readFileSalt): a keys file beside the wrong
   * database is refused as `keys_file_mismatch` instead of failing as damage. Absent in files
   * made before it existed. A rekey changes it (the new one is recorded when the rekey completes).
   */
  dbSalt: z.string().optional(),
  /** Which database key is current; files of version 1 are at generation 1. */
  keyGeneration: z.number().int().min(1).default(1),
  /** A rekey in progress: the database is under `keyGeneration` or, once rekeyed, under this one. */
  pending: z.object({ generation: z.number().int().min(2), startedAt: z.string() }).optional(),
  slots: z.array(slotSchema),
  erasures: z.array(erasureSchema).max(100_000).default([]),
  erasuresMac: z.string().optional(),
});
export type KeysFile = z.infer<typeof keysFileSchema>;
/** What may be written: `keyGeneration` defaults to 1 (a file that was never rekeyed). */
export type KeysFileInput = z.input<typeof keysFileSchema>;

export const isSealed = (slot: KeySlot): slot is SealedSlot => slot.scheme === 'sealed';

export function keysPathFor(dbPath: string): string {
  return `${dbPath}.keys`;
}

/** Parses the text of a keys file (the live one or a backup's copy). */
export function parseKeysFile(text: string): KeysFile {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new AppError('not_a_tadamon_file');
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== KEYS_FORMAT) {
    throw new AppError('not_a_tadamon_file');
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > KEYS_VERSION) throw new AppError('file_too_new');
  const parsed = keysFileSchema.safeParse(raw);
  if (!parsed.success) throw new AppError('file_damaged');
  return parsed.data;
}

export function readKeysFile(dbPath: string): KeysFile {
  const path = keysPathFor(dbPath);
  if (!existsSync(path)) throw new AppError('keys_file_missing');
  return parseKeysFile(readFileSync(path, 'utf8'));
}

const withoutMac = <T extends { mac?: string }>({ mac: _mac, ...rest }: T): Omit<T, 'mac'> => rest;
const signed = <T extends KeySlot>(slot: T, signer: KeysSigner): T => ({ ...slot, mac: macOf(signer, 'slot', withoutMac(slot)) });

/** Every slot and the erasure list authenticated under `signer`: the only form ever written. */
export function signKeysFile(keys: KeysFileInput, signer: KeysSigner): KeysFileInput {
  const erasures = keys.erasures ?? [];
  return {
    ...keys,
    version: KEYS_VERSION,
    slots: keys.slots.map((slot) => signed(slot, signer)),
    erasures,
    erasuresMac: macOf(signer, 'erasures', erasures),
  };
}

/** Whether a slot was written by the app (version 3): its MAC verifies under the database key. */
export function slotIsAuthentic(slot: KeySlot, signer: KeysSigner): boolean {
  return macMatches(signer, 'slot', withoutMac(slot), slot.mac);
}

/** The erasure list, or null when it was altered outside the app. */
export function authenticErasures(keys: KeysFile, signer: KeysSigner): Erasure[] | null {
  return macMatches(signer, 'erasures', keys.erasures, keys.erasuresMac) ? keys.erasures : null;
}

export function serializeKeysFile(keys: KeysFileInput, signer: KeysSigner): string {
  return JSON.stringify(signKeysFile(keys, signer), null, 2);
}

/**
 * A copy's keys file with only its unauthenticated header changed (a backup's `dbSalt`): slots,
 * erasures and their MACs are written exactly as read, so nothing unchecked is ever signed.
 */
export function reserializeKeysFile(keys: KeysFile): string {
  return JSON.stringify(keys, null, 2);
}

/** Makes a finished rename survive a power cut (POSIX; Windows cannot open a folder, and needs not). */
export function fsyncDirectory(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // best effort
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Atomic replace: write a sibling, fsync, rename, so a crash leaves the old or the new file whole.
 * Always writes the current version, signed under the database key of `keys.keyGeneration`: callers
 * pass only slots they trust (db/trusted-keys.ts), never a list read from disk unchecked.
 */
export function writeKeysFile(dbPath: string, keys: KeysFileInput, signer: KeysSigner): void {
  const path = keysPathFor(dbPath);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, serializeKeysFile(keys, signer));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
  fsyncDirectory(dirname(path));
}

export function userSlot(keys: KeysFile, userId: string): KeySlot | undefined {
  return keys.slots.find((s) => s.kind === 'user' && s.userId === userId);
}

export function recoverySlot(keys: KeysFile): KeySlot | undefined {
  return keys.slots.find((s) => s.kind === 'recovery');
}

export function withSlot(keys: KeysFile, slot: KeySlot): KeysFile {
  return { ...keys, slots: [...keys.slots.filter((s) => s.id !== slot.id), slot] };
}

export function withoutUserSlot(keys: KeysFile, userId: string): KeysFile {
  return { ...keys, slots: keys.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)) };
}
