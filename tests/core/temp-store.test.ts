import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { useTempDir } from './helpers';

const tempDir = useTempDir();

interface SortReport {
  procFds: boolean;
  entries: string[];
  /** What the child held open there: size, and whether the rows' text was in it in clear. */
  open: { target: string; bytes: number; sentinel: boolean }[];
}

describe('nothing decrypted on disk: temp_store = MEMORY', () => {
  // The check reads the child's open files from /proc: SQLite deletes a temp file right after opening it.
  it.skipIf(process.platform !== 'linux')('a sort far larger than the cache writes nothing to SQLite’s temp folder', async () => {
    const dir = tempDir();
    const temp = join(dir, 'sqlite-temp');
    mkdirSync(temp);
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [resolve('scripts/run-ts.mjs'), 'tests/core/temp-store/sort-child.ts', join(dir, 'Notes.tadamon'), temp],
      { env: { ...process.env, SQLITE_TMPDIR: temp, TMPDIR: temp }, timeout: 60_000 },
    );
    const report = JSON.parse(stdout.trim().split('\n').at(-1)!) as SortReport;
    expect(report.procFds).toBe(true);
    expect(report.open).toEqual([]);
    expect(report.entries).toEqual([]);
    expect(readdirSync(temp)).toEqual([]);
  }, 90_000);
});
