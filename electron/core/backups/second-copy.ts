import { renameSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo, SecondCopyOutcome } from '../../contract';
import { fsyncDirectory, keysPathFor } from '../db/keyslots';
import { assertWritableFolder, copyDurablyAsync, ioErrorCode, partialPathFor, removeQuietly } from './durable-files';
import { rotateFolder } from './rotate';
import { inFlight, removeStalePartials } from './snapshot';

/**
 * Copies a finished backup (an immutable pair of files, so no lock is needed) to a second folder,
 * typically a USB drive: asynchronously, with progress in bytes, whole or not at all, then rotated
 * there by the same policy. Never throws: a missing drive is an outcome to show, not a crash.
 */
export async function copyToSecondFolder(
  backup: BackupInfo,
  folder: string,
  liveBase: string,
  now: Date,
  onProgress?: (bytes: number) => void,
): Promise<SecondCopyOutcome> {
  const target = join(folder, backup.fileName);
  const dbPartial = partialPathFor(target);
  const keysPartial = partialPathFor(keysPathFor(target));
  inFlight.add(dbPartial);
  inFlight.add(keysPartial);
  try {
    assertWritableFolder(folder);
    removeStalePartials(folder, liveBase);
    await copyDurablyAsync(keysPathFor(backup.path), keysPartial);
    await copyDurablyAsync(backup.path, dbPartial, onProgress);
    renameSync(keysPartial, keysPathFor(target));
    renameSync(dbPartial, target);
    fsyncDirectory(folder);
    rotateFolder(folder, liveBase, now);
    return { ok: true, path: target };
  } catch (error) {
    removeQuietly(dbPartial, keysPartial);
    return { ok: false, error: ioErrorCode(error) };
  } finally {
    inFlight.delete(dbPartial);
    inFlight.delete(keysPartial);
  }
}
