import { appendAudit } from '../audit/repository';
import { AppError } from '../errors';
import type { Erasure, KeysFile, KeySlot } from './keyslots';
import { authenticErasures, KEYS_VERSION, readKeysFile, slotIsAuthentic, writeKeysFile } from './keyslots';
import type { KeysSigner } from './keys-mac';
import type { OpenedFile } from './association-file';
import { findActiveUser } from '../users/repository';
import type { Db } from './database';

/**
 * Which key slots a signed-in session may trust, and so rewrite or seal a new database key to.
 *
 * A slot is trusted when it is authentic (its MAC verifies under the database key: written by the
 * app, see keys-mac.ts) and it belongs to someone the encrypted users table knows as active, or is
 * the one recovery slot. Everything else (a slot planted by editing the keys file, an old slot of a
 * removed user copied back from an older keys file) is dropped at the next write: it never
 * receives a database key, and it is never listed.
 *
 * A file from before version 3 has no MACs yet; its slots are trusted on the users table alone,
 * once, while it is upgraded. The database remembers that its keys file was upgraded, so a keys
 * file set back to version 2 by hand (to skip the MAC check) is still checked.
 */

const KEYS_VERSION_SETTING = 'keysFileVersion';

export const signerOf = (file: OpenedFile): KeysSigner => ({ dbKey: file.key, fileId: file.association.fileId });

export function keysVersionSeen(db: Db): number {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEYS_VERSION_SETTING) as { value: string } | undefined;
  const value = row ? (JSON.parse(row.value) as unknown) : 0;
  return typeof value === 'number' ? value : 0;
}

export function recordKeysVersion(db: Db): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    KEYS_VERSION_SETTING,
    JSON.stringify(KEYS_VERSION),
  );
}

export interface SlotTrust {
  trusted: KeySlot[];
  rejected: KeySlot[];
}

function belongs(db: Db, slot: KeySlot): boolean {
  if (slot.kind === 'recovery') return slot.id === 'recovery' && slot.userId === undefined;
  return typeof slot.userId === 'string' && slot.id === `user:${slot.userId}` && findActiveUser(db, slot.userId) !== undefined;
}

/** Sorts the slots of `keys` into trusted and rejected (see above); one slot per id at most. */
export function sortSlots(keys: KeysFile, file: OpenedFile): SlotTrust {
  const macRequired = keys.version >= 3 || keysVersionSeen(file.db) >= 3;
  const signer = signerOf(file);
  const trusted: KeySlot[] = [];
  const rejected: KeySlot[] = [];
  for (const slot of keys.slots) {
    const ok =
      belongs(file.db, slot) && (!macRequired || slotIsAuthentic(slot, signer)) && !trusted.some((t) => t.id === slot.id);
    (ok ? trusted : rejected).push(slot);
  }
  return { trusted, rejected };
}

/** The erasures the live database has made, read from the records themselves. */
export function erasuresInDatabase(db: Db): Erasure[] {
  const withdrawn = db
    .prepare('SELECT id, consent_withdrawn_at AS at FROM beneficiaries WHERE consent_withdrawn_at IS NOT NULL')
    .all() as { id: string; at: string }[];
  const merged = db
    .prepare('SELECT id, merged_into AS survivor, updated_at AS at FROM beneficiaries WHERE merged_into IS NOT NULL')
    .all() as { id: string; survivor: string; at: string }[];
  return [
    ...withdrawn.map((r): Erasure => ({ kind: 'consentWithdrawn', beneficiaryId: r.id, at: r.at })),
    ...merged.map((r): Erasure => ({ kind: 'merged', beneficiaryId: r.id, survivorId: r.survivor, at: r.at })),
  ];
}

/** The erasure list to keep: the file's own when authentic, else rebuilt from the database. */
function trustedErasures(keys: KeysFile, file: OpenedFile): Erasure[] {
  if (keys.version >= 3) {
    const authentic = authenticErasures(keys, signerOf(file));
    if (authentic) return authentic;
  }
  return erasuresInDatabase(file.db);
}

/** The keys file as the session may rewrite it: trusted slots only, and an authentic erasure list. */
export function readTrustedKeys(file: OpenedFile): { keys: KeysFile; rejected: KeySlot[] } {
  const keys = readKeysFile(file.path);
  const { trusted, rejected } = sortSlots(keys, file);
  return { keys: { ...keys, slots: trusted, erasures: trustedErasures(keys, file) }, rejected };
}

/** Rewrites the keys file through `change`, from its trusted content only, signed. */
export function updateTrustedKeys(file: OpenedFile, change: (keys: KeysFile) => KeysFile = (k) => k): void {
  writeKeysFile(file.path, change(readTrustedKeys(file).keys), signerOf(file));
}

/**
 * At every sign-in: the slot just used must be trusted; slots that are not (planted, or left by a
 * removed user) are dropped from the keys file, each with an audit row; a file of an older format
 * is rewritten as version 3. Returns how many slots were dropped, for the screen to say so.
 */
export function checkKeysAtSignIn(file: OpenedFile, usedSlotId: string, userId: string, at: string): number {
  const raw = readKeysFile(file.path);
  const { keys, rejected } = readTrustedKeys(file);
  if (!keys.slots.some((s) => s.id === usedSlotId)) throw new AppError('key_slot_not_trusted');
  const upToDate = raw.version >= KEYS_VERSION && keysVersionSeen(file.db) >= KEYS_VERSION;
  const erasuresKept = raw.erasures.length === keys.erasures.length;
  if (rejected.length === 0 && upToDate && erasuresKept) return 0;
  file.db.transaction(() => {
    for (const slot of rejected) {
      appendAudit(file.db, { at, userId, op: 'keys.rejectSlot', entityId: slot.id });
    }
    recordKeysVersion(file.db);
    writeKeysFile(file.path, keys, signerOf(file));
  })();
  return rejected.length;
}
