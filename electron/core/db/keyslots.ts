import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';
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
 */
export const KEYS_FORMAT = 'tadamon-keys';
export const KEYS_VERSION = 2;

const kdfSchema = z.object({
  name: z.literal('scrypt'),
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

export function serializeKeysFile(keys: KeysFileInput): string {
  return JSON.stringify({ ...keys, version: KEYS_VERSION }, null, 2);
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
 * Always writes the current version: a version-1 file becomes version 2 on its first rewrite.
 */
export function writeKeysFile(dbPath: string, keys: KeysFileInput): void {
  const path = keysPathFor(dbPath);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, serializeKeysFile(keys));
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
