import { existsSync, readdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { fsyncDirectory, keysPathFor } from '../db/keyslots';
import { AppError } from '../errors';
import { partialPathFor, removeQuietly, writeDurably } from './durable-files';

/**
 * A restore replaces two files (the database and its keys) that must change together. It is made
 * safe against a kill at any moment by a journal, `<file>.restore-journal`, written once the new
 * pair is staged (complete and fsynced) beside the file and before anything is moved:
 *
 *   no journal   → the live pair was never touched; staged leftovers are deleted.
 *   journal      → the swap is finished ("rolled forward") before the file is used again: old
 *                  pair (and its WAL or rollback journal) renamed aside as the safety copy, staged
 *                  pair renamed in, journal removed. Every step is a rename, and each is redone
 *                  only while its precondition still holds, so finishing twice is harmless.
 *
 * Every way into a file (open, recover, inspect, backups.listFor, restore) calls
 * recoverInterruptedRestore first.
 */

const journalSchema = z.object({
  format: z.literal('tadamon-restore'),
  staged: z.string(),
  aside: z.string(),
});
type Journal = z.infer<typeof journalSchema>;

export const journalPathFor = (path: string): string => `${path}.restore-journal`;

const stagingPrefix = (path: string) => `.${basename(path)}.restoring-`;

export function stagedPathFor(path: string, stamp: string): string {
  return join(dirname(path), `${stagingPrefix(path)}${stamp}.tadamon`);
}

function removeStaging(path: string): void {
  let names: string[] = [];
  try {
    names = readdirSync(dirname(path));
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(stagingPrefix(path))) removeQuietly(join(dirname(path), name));
}

export function writeJournal(path: string, staged: string, aside: string): void {
  const journal: Journal = { format: 'tadamon-restore', staged, aside };
  const partial = partialPathFor(journalPathFor(path));
  writeDurably(partial, JSON.stringify(journal));
  renameSync(partial, journalPathFor(path));
  fsyncDirectory(dirname(path));
}

const move = (from: string, to: string) => {
  if (existsSync(from)) renameSync(from, to);
};

/**
 * The swap itself. `interrupt(step)` is a test hook called after each step (a throw there is a
 * kill at that point).
 */
export function completeSwap(path: string, journal: { staged: string; aside: string }, interrupt?: (step: number) => void): void {
  const { staged, aside } = journal;
  const steps: (() => void)[] = [
    // While the staged database is still staged, whatever sits at `path` is the old file.
    () => existsSync(staged) && move(path, aside),
    () => existsSync(staged) && move(`${path}-wal`, `${aside}-wal`),
    () => existsSync(staged) && move(`${path}-journal`, `${aside}-journal`),
    () => existsSync(staged) && removeQuietly(`${path}-shm`),
    () => existsSync(keysPathFor(staged)) && move(keysPathFor(path), keysPathFor(aside)),
    () => move(keysPathFor(staged), keysPathFor(path)),
    () => move(staged, path),
    () => {
      fsyncDirectory(dirname(aside));
      fsyncDirectory(dirname(path));
      removeQuietly(journalPathFor(path), `${staged}-wal`, `${staged}-shm`);
      fsyncDirectory(dirname(path));
    },
  ];
  steps.forEach((step, i) => {
    step();
    interrupt?.(i + 1);
  });
}

/** Number of steps of completeSwap (for the tests that interrupt each one). */
export const SWAP_STEPS = 8;

/** Finishes a restore a kill interrupted, or clears what a restore left before its journal. */
export function recoverInterruptedRestore(path: string): void {
  const journalPath = journalPathFor(path);
  if (!existsSync(journalPath)) {
    removeStaging(path);
    return;
  }
  let journal: Journal;
  try {
    journal = journalSchema.parse(JSON.parse(readFileSync(journalPath, 'utf8')));
  } catch {
    // Written atomically by us: unreadable means someone else's doing. Touch nothing.
    throw new AppError('restore_failed');
  }
  try {
    completeSwap(path, journal);
  } catch {
    throw new AppError('restore_failed');
  }
}
