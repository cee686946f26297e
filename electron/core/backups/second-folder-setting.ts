import type { Db } from '../db/database';

/** The second backup folder lives in the encrypted file (a path can name a person's USB drive). */
const KEY = 'backupSecondFolder';

export function readSecondFolder(db: Db): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return null;
  try {
    const value = JSON.parse(row.value) as unknown;
    return typeof value === 'string' && value.length > 0 ? value : null;
  } catch {
    return null;
  }
}

export function writeSecondFolder(db: Db, folder: string | null): void {
  if (folder === null) {
    db.prepare('DELETE FROM settings WHERE key = ?').run(KEY);
    return;
  }
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(
    KEY,
    JSON.stringify(folder),
  );
}
