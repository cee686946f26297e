// Run by temp-store.test.ts (through scripts/run-ts.mjs) with SQLite's temp directory pointed at
// an empty folder: a sort far larger than the cache, over a connection opened the way the app
// opens every file. Prints one JSON line saying what the folder held while the sort was under way.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, readlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { openEncrypted } from '../../../electron/core/db/database';

const [path, tempFolder] = process.argv.slice(2);
const ROWS = 40_000;

/** Files this process holds open in the folder: SQLite unlinks its temp files as soon as it opens them. */
function openInFolder(): { target: string; bytes: number; sentinel: boolean }[] {
  const fds = '/proc/self/fd';
  const found: { target: string; bytes: number; sentinel: boolean }[] = [];
  for (const fd of readdirSync(fds)) {
    let target: string;
    try {
      target = readlinkSync(join(fds, fd));
    } catch {
      continue;
    }
    if (!target.startsWith(`${tempFolder}/`)) continue;
    const content = readFileSync(join(fds, fd));
    found.push({ target, bytes: content.length, sentinel: content.includes('sentinel') });
  }
  return found;
}

const db = openEncrypted(path, randomBytes(32), { create: true });
db.exec('CREATE TABLE notes (id INTEGER PRIMARY KEY, body TEXT NOT NULL)');
const insert = db.prepare('INSERT INTO notes (body) VALUES (?)');
db.transaction(() => {
  for (let i = 0; i < ROWS; i++) insert.run(`sentinel ${randomBytes(96).toString('hex')}`);
})();
// The sorter keeps at most the page cache in memory before writing sorted runs to temp files.
db.pragma('cache_size = 10');
const rows = db.prepare('SELECT body FROM notes ORDER BY body').iterate();
rows.next(); // the whole sort is done before the first row comes out
const report = { procFds: existsSync('/proc/self/fd'), entries: readdirSync(tempFolder), open: openInFolder() };
rows.return?.();
db.close();
writeSync(1, `${JSON.stringify(report)}\n`);
