import type { OpenedFile } from './association-file';
import { isSealed, readKeysFile, withSlot, writeKeysFile, type KeySlot } from './keyslots';
import { createSlot } from './slots';

/**
 * A version-1 (legacy) slot can become a sealed one only while its secret is at hand, that is just
 * after it was used to sign in or recover. The keys file is then rewritten as version 2. Slots of
 * users who have not signed in since stay legacy (and still open the file) until they do.
 */
export async function upgradeSlotIfLegacy(file: OpenedFile, slot: KeySlot, secret: string): Promise<void> {
  if (isSealed(slot)) return;
  const sealed = await createSlot({
    fileId: file.association.fileId,
    dbKey: file.key,
    generation: file.keyGeneration,
    secret,
    meta: { kind: slot.kind, userId: slot.userId, label: slot.label },
  });
  const keys = readKeysFile(file.path);
  // Only if the slot is still the one that was opened (a concurrent change wins).
  const now = keys.slots.find((s) => s.id === slot.id);
  if (now && !isSealed(now) && now.kdf.salt === slot.kdf.salt) writeKeysFile(file.path, withSlot(keys, sealed));
}
