import { basename, dirname, join } from 'node:path';
import type { BackupKind } from '../../contract';

/**
 * Where backups go and what they are called. A backup is two files side by side, named after the
 * file they copy and the UTC moment they were made, e.g.
 * `Association Amal.2026-05-01T08-00-00-000Z.tadamon` and its `.keys`. Names are matched against
 * the base name of the live file, so one folder can hold backups of several associations.
 */
export const BACKUPS_FOLDER = 'backups';

const STAMP = '\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z';

export function backupsFolderFor(dbPath: string): string {
  return join(dirname(dbPath), BACKUPS_FOLDER);
}

export function baseNameOf(dbPath: string): string {
  return basename(dbPath).replace(/\.tadamon$/i, '');
}

/** `2026-05-01T08:00:00.000Z` → `2026-05-01T08-00-00-000Z`: sortable, and valid on every file system. */
export function stampOf(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

export function dateOfStamp(stamp: string): Date | null {
  const m = new RegExp(`^(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2})-(\\d{3})Z$`).exec(stamp);
  if (!m) return null;
  const date = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  return Number.isNaN(date.getTime()) ? null : date;
}

export function backupFileName(base: string, kind: Exclude<BackupKind, 'beforeMigration'>, date: Date): string {
  return kind === 'regular' ? `${base}.${stampOf(date)}.tadamon` : `${base}.before-restore.${stampOf(date)}.tadamon`;
}

export interface ParsedBackupName {
  kind: BackupKind;
  createdAt: Date;
  /** For `beforeMigration`: the schema version the file was at. */
  fromVersion?: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Recognises a backup of `base` by its name (the pre-migration copies of db/ included), or null. */
export function parseBackupName(fileName: string, base: string): ParsedBackupName | null {
  const m = new RegExp(`^${escape(base)}\\.(?:(before-restore)\\.|before-v(\\d+)\\.)?(${STAMP})\\.tadamon$`).exec(fileName);
  if (!m) return null;
  const createdAt = dateOfStamp(m[3]);
  if (!createdAt) return null;
  if (m[1]) return { kind: 'beforeRestore', createdAt };
  if (m[2]) return { kind: 'beforeMigration', createdAt, fromVersion: Number(m[2]) - 1 };
  return { kind: 'regular', createdAt };
}

/** Unfinished copies are hidden and marked: `.<final name>.partial-<random>`; never listed. */
export function isPartialOf(fileName: string, base: string): boolean {
  return fileName.startsWith(`.${base}.`) && /\.partial-[0-9a-f]+$/.test(fileName);
}
