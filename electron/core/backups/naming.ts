import { basename, dirname, join } from 'node:path';
import type { BackupKind } from '../../contract';

/**
 * Where backups go and what they are called. A backup is two files side by side, named after the
 * file they copy, its kind and the UTC moment it was made, e.g.
 * `Association Amal.2026-05-01T08-00-00-000Z.tadamon` (automatic, the only kind rotation deletes)
 * or `Association Amal.manual.2026-05-01T08-00-00-000Z.tadamon`, and its `.keys`. The kind is in
 * the name so that a folder copied to a USB drive keeps it. Names are matched against the base
 * name of the live file, so one folder can hold backups of several associations.
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

/** The infix of each kind but `beforeMigration`, whose name also carries the schema version. */
const INFIX = {
  regular: '',
  manual: 'manual.',
  beforeRestore: 'before-restore.',
  beforeRekey: 'before-rekey.',
  beforeMerge: 'before-merge.',
} as const satisfies Record<Exclude<BackupKind, 'beforeMigration'>, string>;

export type NamedBackupKind = keyof typeof INFIX;

export function backupFileName(base: string, kind: NamedBackupKind, date: Date): string {
  return `${base}.${INFIX[kind]}${stampOf(date)}.tadamon`;
}

/** Before a migration to schema `toVersion` (the name records the version the file is about to leave). */
export function beforeMigrationFileName(base: string, toVersion: number, date: Date): string {
  return `${base}.before-v${toVersion}.${stampOf(date)}.tadamon`;
}

export interface ParsedBackupName {
  kind: BackupKind;
  createdAt: Date;
  /** For `beforeMigration`: the schema version the file was at. */
  fromVersion?: number;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const KIND_BY_INFIX = new Map<string, NamedBackupKind>(Object.entries(INFIX).map(([kind, infix]) => [infix, kind as NamedBackupKind]));
const INFIXES = Object.values(INFIX).filter(Boolean).map(escape).join('|');

/** Recognises a backup of `base` by its name (the pre-migration copies of db/ included), or null. */
export function parseBackupName(fileName: string, base: string): ParsedBackupName | null {
  const m = new RegExp(`^${escape(base)}\\.(?:(${INFIXES})|before-v(\\d+)\\.)?(${STAMP})\\.tadamon$`).exec(fileName);
  if (!m) return null;
  const createdAt = dateOfStamp(m[3]);
  if (!createdAt) return null;
  if (m[2]) return { kind: 'beforeMigration', createdAt, fromVersion: Number(m[2]) - 1 };
  return { kind: KIND_BY_INFIX.get(m[1] ?? '') ?? 'regular', createdAt };
}

/** Unfinished copies are hidden and marked: `.<final name>.partial-<random>`; never listed. */
export function isPartialOf(fileName: string, base: string): boolean {
  return fileName.startsWith(`.${base}.`) && /\.partial-[0-9a-f]+$/.test(fileName);
}
