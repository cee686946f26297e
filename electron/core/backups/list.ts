import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { BackupInfo } from '../../contract';
import { keysPathFor, parseKeysFile } from '../db/keyslots';
import { parseBackupName } from './naming';

/**
 * The backups of one file in one folder, newest first. A backup counts only when both its files
 * are there and its keys file reads: anything else (a partial copy, a lone file) is not offered.
 */
export function listBackups(folder: string, base: string, location: BackupInfo['location']): BackupInfo[] {
  let names: string[];
  try {
    names = existsSync(folder) ? readdirSync(folder) : [];
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const fileName of names) {
    const parsed = parseBackupName(fileName, base);
    if (!parsed) continue;
    const path = join(folder, fileName);
    const info = describe(path, fileName, parsed.kind, parsed.createdAt, location);
    if (info) found.push(info);
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || a.fileName.localeCompare(b.fileName));
}

function describe(
  path: string,
  fileName: string,
  kind: BackupInfo['kind'],
  createdAt: Date,
  location: BackupInfo['location'],
): BackupInfo | null {
  try {
    const keysPath = keysPathFor(path);
    if (!existsSync(keysPath)) return null;
    const keys = parseKeysFile(readFileSync(keysPath, 'utf8'));
    const users = keys.slots
      .filter((s) => s.kind === 'user' && s.userId)
      .map((s) => ({ id: s.userId as string, displayName: s.label ?? '' }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
    return {
      path,
      fileName,
      createdAt: createdAt.toISOString(),
      kind,
      location,
      sizeBytes: statSync(path).size + statSync(keysPath).size,
      users,
      hasRecoverySlot: keys.slots.some((s) => s.kind === 'recovery'),
    };
  } catch {
    return null;
  }
}
