import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  copyFileSync,
  fsyncSync,
  mkdirSync,
  openSync,
  rmSync,
  writeSync,
} from 'node:fs';
import { open as openAsync } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ErrorCode } from '../../contract';
import { AppError } from '../errors';

/**
 * Writing files that are either whole or absent: everything goes to a hidden `.partial-` sibling,
 * is fsynced, and only then renamed to its real name (rename is atomic on one file system). A
 * kill or a full disk leaves at most a partial file, which no listing ever shows.
 */

export function partialPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.partial-${randomBytes(6).toString('hex')}`);
}

export function fsyncFile(path: string): void {
  const fd = openSync(path, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Copies `source` to a new file `target` (which must not exist) and fsyncs it. */
export function copyDurably(source: string, target: string): void {
  copyFileSync(source, target, constants.COPYFILE_EXCL);
  fsyncFile(target);
}

export function writeDurably(target: string, data: string | Buffer): void {
  const fd = openSync(target, 'wx', 0o600);
  try {
    if (typeof data === 'string') writeSync(fd, data);
    else writeSync(fd, data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

const CHUNK = 1 << 20;

/**
 * The same copy without blocking the event loop, in 1 MiB steps reporting the bytes done: for
 * slow targets such as a USB drive, while the app stays usable.
 */
export async function copyDurablyAsync(source: string, target: string, onProgress?: (bytes: number) => void): Promise<void> {
  const input = await openAsync(source, 'r');
  try {
    const output = await openAsync(target, 'wx', 0o600);
    try {
      const buffer = Buffer.alloc(CHUNK);
      let position = 0;
      for (;;) {
        const { bytesRead } = await input.read(buffer, 0, CHUNK, position);
        if (bytesRead === 0) break;
        let written = 0;
        while (written < bytesRead) {
          const { bytesWritten } = await output.write(buffer, written, bytesRead - written, position + written);
          written += bytesWritten;
        }
        position += bytesRead;
        onProgress?.(position);
      }
      await output.sync();
    } finally {
      await output.close();
    }
  } finally {
    await input.close();
  }
}

export function removeQuietly(...paths: string[]): void {
  for (const p of paths) {
    try {
      rmSync(p, { force: true });
    } catch {
      // a leftover partial file is harmless: it is never listed and is cleaned up next time
    }
  }
}

const errno = (error: unknown): string | undefined => (error as { code?: unknown } | null)?.code as string | undefined;

/** Node and SQLite I/O failures as the stable codes the page translates. */
export function ioErrorCode(error: unknown, fallback: ErrorCode = 'backup_failed'): ErrorCode {
  if (error instanceof AppError) return error.code;
  switch (errno(error)) {
    case 'ENOSPC':
    case 'EDQUOT':
    case 'SQLITE_FULL':
      return 'disk_full';
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'ENOTDIR':
    case 'EISDIR':
    case 'EEXIST':
    case 'ENOENT':
    case 'SQLITE_READONLY':
    case 'SQLITE_CANTOPEN':
      return 'directory_not_writable';
    default:
      return fallback;
  }
}

export function asAppError(error: unknown, fallback: ErrorCode = 'backup_failed'): AppError {
  return error instanceof AppError ? error : new AppError(ioErrorCode(error, fallback));
}

/**
 * Creates the folder if needed and proves it takes a file: a permission check (access W_OK) says
 * yes to root on a read-only mount, so a small file is really written, fsynced and removed.
 */
export function assertWritableFolder(folder: string): void {
  const probe = join(folder, `.tadamon-write-test-${randomBytes(6).toString('hex')}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeDurably(probe, 'tadamon');
  } catch (error) {
    throw new AppError(ioErrorCode(error, 'directory_not_writable'));
  } finally {
    removeQuietly(probe);
  }
}
