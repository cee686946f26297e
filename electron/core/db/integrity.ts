import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { IntegrityState } from '../../contract';

/**
 * `PRAGMA quick_check` reads every page: half a second on a 50,000-person file, too long to sit
 * between a password and the first screen. It runs on the sign-in path only after an unclean
 * shutdown (a WAL left behind: the app or the PC stopped with the file open), when damage is most
 * likely and must be found before anything is written. Otherwise it runs right after sign-in, on a
 * connection of its own in a worker thread, and the app says so if it fails.
 */

/** SQLite removes the WAL when the last connection closes cleanly; one left behind means it did not. */
export function wasShutDownUncleanly(path: string): boolean {
  const wal = `${path}-wal`;
  return existsSync(wal) && statSync(wal).size > 0;
}

// Plain CommonJS evaluated in the worker: nothing to bundle, and the addon is the one given.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let state = 'unknown';
try {
  // Not read-only, though it only reads: the last connection to close removes the WAL, and a
  // read-only one cannot. The session may end (and its connection close) while this one still reads.
  const db = new Database(workerData.path, { fileMustExist: true, nativeBinding: workerData.nativeBinding });
  try {
    db.pragma("cipher='sqlcipher'");
    db.pragma('legacy=4');
    db.pragma('key="x' + "'" + workerData.keyHex + "'" + '"');
    db.pragma('temp_store = MEMORY');
    state = db.pragma('quick_check', { simple: true }) === 'ok' ? 'ok' : 'damaged';
  } finally {
    db.close();
  }
} catch (error) {
  state = error && (error.code === 'SQLITE_NOTADB' || error.code === 'SQLITE_CORRUPT') ? 'damaged' : 'unknown';
}
parentPort.postMessage(state);
`;

/** Where the addon's JavaScript is: the CommonJS bundle (Electron) has `require`; ESM asks import.meta. */
function addonModule(): string {
  const resolver = typeof require === 'function' ? require : createRequire(import.meta.url);
  return resolver.resolve('better-sqlite3-multiple-ciphers');
}

/** Runs quick_check on `path` with `key` in a worker thread; never rejects. */
export function checkInBackground(path: string, key: Buffer, nativeBinding: string | undefined): Promise<IntegrityState> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER, {
        eval: true,
        workerData: { module: addonModule(), path, keyHex: key.toString('hex'), nativeBinding },
      });
    } catch {
      resolve('unknown');
      return;
    }
    worker.once('message', (state: IntegrityState) => resolve(state));
    worker.once('error', () => resolve('unknown'));
    worker.once('exit', () => resolve('unknown'));
  });
}
