import type { OpenedFile } from './association-file';
import { isSealed, withSlot, type KeySlot } from './keyslots';
import { DEFAULT_KDF } from './slot-crypto';
import { createSlot } from './slots';
import { readTrustedKeys, updateTrustedKeys } from './trusted-keys';

/** A slot made before the current format, with another KDF than today's, or with a cheaper one. */
export function isOutdated(slot: KeySlot): boolean {
  const { kdf } = slot;
  return !isSealed(slot) || kdf.name !== DEFAULT_KDF.name || kdf.N < DEFAULT_KDF.N || kdf.r < DEFAULT_KDF.r || kdf.p < DEFAULT_KDF.p;
}

/**
 * A slot of the first format (legacy), or one whose KDF is not today's, can be remade only
 * while its secret is at hand, that is just after it was used to sign in or recover. Slots of users
 * who have not signed in since stay as they are (and still open the file) until they do.
 */
export async function upgradeSlotIfOutdated(file: OpenedFile, slot: KeySlot, secret: string): Promise<void> {
  if (!isOutdated(slot)) return;
  const upgraded = await createSlot({
    fileId: file.association.fileId,
    dbKey: file.key,
    generation: file.keyGeneration,
    secret,
    meta: { kind: slot.kind, userId: slot.userId, label: slot.label },
  });
  // Only if the slot is still the one that was opened (a concurrent change wins).
  const now = readTrustedKeys(file).keys.slots.find((s) => s.id === slot.id);
  if (now && now.kdf.salt === slot.kdf.salt) updateTrustedKeys(file, (keys) => withSlot(keys, upgraded));
}
