import { createCipheriv, createDecipheriv, randomBytes, scrypt as scryptCb, type ScryptOptions } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { z } from 'zod';
import { AppError } from '../errors';

/**
 * The key-slot file `<file>.keys`: the random database key wrapped once per user (under a key
 * derived from their password) and once under the recovery code. Labels are staff display names
 * so the sign-in screen can offer a choice of user; no beneficiary data lives here.
 */
export const KEYS_FORMAT = 'tadamon-keys';
export const KEYS_VERSION = 1;

/** scrypt N=2^16, r=8, p=1: about 0.2 s and 64 MiB per unlock on an old office PC. */
export const DEFAULT_KDF = { name: 'scrypt', N: 65536, r: 8, p: 1 } as const;

const kdfSchema = z.object({
  name: z.literal('scrypt'),
  N: z.number().int().min(1024).max(1 << 22),
  r: z.number().int().min(1).max(32),
  p: z.number().int().min(1).max(16),
  salt: z.string().min(16),
});

const slotSchema = z.object({
  id: z.string(),
  kind: z.enum(['user', 'recovery']),
  userId: z.string().optional(),
  label: z.string().optional(),
  kdf: kdfSchema,
  iv: z.string(),
  tag: z.string(),
  wrapped: z.string(),
});
export type KeySlot = z.infer<typeof slotSchema>;

const keysFileSchema = z.object({
  format: z.literal(KEYS_FORMAT),
  version: z.number().int(),
  fileId: z.string(),
  /**
   * The database file's cipher salt (base64, see readFileSalt): a keys file beside the wrong
   * database is refused as `keys_file_mismatch` instead of failing as damage. Absent in files
   * made before it existed. A rekey must write the new salt.
   */
  dbSalt: z.string().optional(),
  slots: z.array(slotSchema),
});
export type KeysFile = z.infer<typeof keysFileSchema>;

export function keysPathFor(dbPath: string): string {
  return `${dbPath}.keys`;
}

function deriveKey(secret: string, kdf: z.infer<typeof kdfSchema>): Promise<Buffer> {
  const options: ScryptOptions = { N: kdf.N, r: kdf.r, p: kdf.p, maxmem: 256 * kdf.N * kdf.r + 16 * 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scryptCb(secret.normalize('NFC'), Buffer.from(kdf.salt, 'base64'), 32, options, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function wrapKey(
  dbKey: Buffer,
  secret: string,
  slot: { kind: KeySlot['kind']; userId?: string; label?: string },
): Promise<KeySlot> {
  const kdf = { ...DEFAULT_KDF, salt: randomBytes(16).toString('base64') };
  const kek = await deriveKey(secret, kdf);
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', kek, iv);
  const id = slot.kind === 'recovery' ? 'recovery' : `user:${slot.userId}`;
  cipher.setAAD(Buffer.from(id));
  const wrapped = Buffer.concat([cipher.update(dbKey), cipher.final()]);
  kek.fill(0);
  return {
    id,
    ...slot,
    kdf,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    wrapped: wrapped.toString('base64'),
  };
}

/** Returns the database key, or null when the secret is wrong (the GCM tag does not verify). */
export async function unwrapKey(slot: KeySlot, secret: string): Promise<Buffer | null> {
  const kek = await deriveKey(secret, slot.kdf);
  try {
    const decipher = createDecipheriv('aes-256-gcm', kek, Buffer.from(slot.iv, 'base64'));
    decipher.setAAD(Buffer.from(slot.id));
    decipher.setAuthTag(Buffer.from(slot.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(slot.wrapped, 'base64')), decipher.final()]);
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

export function readKeysFile(dbPath: string): KeysFile {
  const path = keysPathFor(dbPath);
  if (!existsSync(path)) throw new AppError('keys_file_missing');
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
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

/** Atomic replace: write a sibling, fsync, rename, so a crash leaves the old or the new file whole. */
export function writeKeysFile(dbPath: string, keys: KeysFile): void {
  const path = keysPathFor(dbPath);
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(keys, null, 2));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}

export function userSlot(keys: KeysFile, userId: string): KeySlot | undefined {
  return keys.slots.find((s) => s.kind === 'user' && s.userId === userId);
}

export function withSlot(keys: KeysFile, slot: KeySlot): KeysFile {
  return { ...keys, slots: [...keys.slots.filter((s) => s.id !== slot.id), slot] };
}

export function withoutUserSlot(keys: KeysFile, userId: string): KeysFile {
  return { ...keys, slots: keys.slots.filter((s) => !(s.kind === 'user' && s.userId === userId)) };
}
