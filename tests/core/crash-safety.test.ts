import { spawn } from 'node:child_process';
import { randomBytes, randomInt } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { closeFile, openUnlocked, unlockKeys } from '../../electron/core/db/association-file';
import { openEncrypted } from '../../electron/core/db/database';
import { DEFAULT_KDF, keysPathFor, readKeysFile, userSlot, withSlot } from '../../electron/core/db/keyslots';
import { updateTrustedKeys } from '../../electron/core/db/trusted-keys';
import { createSlot } from '../../electron/core/db/slots';
import { createBeneficiary } from '../../electron/core/beneficiaries/service';
import { SessionState, type Session } from '../../electron/core/session/state';
import { person } from './builders';
import { PRESIDENT_PASSWORD, testCore, useSuiteTempDir } from './helpers';

/**
 * Crash safety with real processes and real SIGKILLs: a child opens a copy of a file through the
 * real core and works (writes, backups, key rotations) until the parent kills it at a random
 * moment. After each kill the file must open through `file.open`, pass `integrity_check`, and hold
 * every write the child reported committed; its backups must open too.
 */

const NAME = 'Association Amal.tadamon';
const SEED_PEOPLE = 1500; // a few MB, so a key rotation lasts long enough to be killed in the middle

let bundleDir: string;
let child: string;
let seed: string; // the documents folder of the seed file (with SEED_PEOPLE people)
let small: string; // the same, as created (for writes and backups: quicker to copy and check)
let userId: string;
const suiteDir = useSuiteTempDir();

beforeAll(async () => {
  // Bundled like scripts/run-ts.mjs does, inside node_modules so the native addon resolves.
  const cache = resolve('node_modules/.cache');
  mkdirSync(cache, { recursive: true });
  bundleDir = mkdtempSync(join(cache, 'tadamon-crash-'));
  child = join(bundleDir, 'child.mjs');
  await build({
    entryPoints: [resolve('tests/core/crash/child.ts')],
    outfile: child,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: ['better-sqlite3-multiple-ciphers'],
    loader: { '.sql': 'text' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'warning',
  });

  const dir = suiteDir();
  const core = testCore(dir);
  const { session } = await core.must('file.create', {
    associationName: 'Association Amal',
    city: 'Oujda',
    directory: join(dir, 'documents'),
    displayName: 'Nadia Bennani',
    password: PRESIDENT_PASSWORD,
  });
  userId = session.user.id;
  core.close();
  const unlocked = await unlockKeys(session.path, (k) => ({ slot: userSlot(k, userId), secret: PRESIDENT_PASSWORD }), 'wrong_password');
  const file = openUnlocked(session.path, unlocked, { now: new Date() });
  unlocked.unlocked.dispose();
  // The slot's KDF cost is stored in the slot: a cheap one here (N=2^10 instead of 2^16) saves
  // scrypt time per round (the first sign-in of a round remakes it at today's cost); what is under
  // test is the file, not the password hashing.
  const cheap = await createSlot({
    fileId: file.association.fileId,
    dbKey: file.key,
    generation: file.keyGeneration,
    secret: PRESIDENT_PASSWORD,
    meta: { kind: 'user', userId, label: 'Nadia Bennani' },
    kdf: { ...DEFAULT_KDF, N: 1024, salt: randomBytes(16).toString('base64') },
  });
  updateTrustedKeys(file, (keys) => withSlot(keys, cheap));
  file.db.pragma('wal_checkpoint(TRUNCATE)');
  small = join(suiteDir(), 'documents');
  cpSync(join(dir, 'documents'), small, { recursive: true });
  const at = new Date().toISOString();
  const user = { id: userId, displayName: 'Nadia Bennani', role: 'president' as const, locale: 'fr' as const, mustChangePassword: false, createdAt: at };
  file.db.transaction(() => {
    for (let i = 0; i < SEED_PEOPLE; i++) createBeneficiary(person({ lastName: `Seed ${i}` }))({ db: file.db, user, at, audit: () => undefined });
  })();
  file.db.pragma('wal_checkpoint(TRUNCATE)');
  closeFile(file);
  seed = join(dir, 'documents');
}, 60_000);

afterAll(() => {
  if (bundleDir) rmSync(bundleDir, { recursive: true, force: true });
});

/** A fresh copy of a seed folder. */
function copy(from: 'small' | 'large' = 'large'): { dir: string; path: string } {
  const dir = suiteDir();
  cpSync(from === 'small' ? small : seed, join(dir, 'documents'), { recursive: true });
  return { dir, path: join(dir, 'documents', NAME) };
}

interface Run {
  lines: string[];
  signal: NodeJS.Signals | null;
  code: number | null;
}

/**
 * Runs the child; `killAfter(line)` returns a delay in ms to SIGKILL it after that line (or
 * undefined to let it go on). Resolves once the child is gone and all its output read.
 */
function runChild(args: string[], killAfter: (line: string) => number | undefined, maxMs = 15_000): Promise<Run> {
  return new Promise((resolvePromise, reject) => {
    const proc = spawn(process.execPath, [child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const lines: string[] = [];
    let buffered = '';
    let scheduled = false;
    const kill = () => proc.kill('SIGKILL');
    const guard = setTimeout(kill, maxMs);
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split('\n');
      buffered = parts.pop() ?? ''; // a line cut by the kill is not a report
      for (const line of parts) {
        lines.push(line);
        if (scheduled) continue;
        const delay = killAfter(line);
        if (delay !== undefined) {
          scheduled = true;
          setTimeout(kill, delay);
        }
      }
    });
    let stderr = '';
    proc.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    proc.on('error', reject);
    proc.on('close', (code, signal) => {
      clearTimeout(guard);
      if (lines.some((l) => l.startsWith('error '))) reject(new Error(`child failed: ${lines.join('\n')}\n${stderr}`));
      else resolvePromise({ lines, signal, code });
    });
  });
}

let queue: Promise<unknown> = Promise.resolve();
function oneAtATime<T>(work: () => Promise<T>): Promise<T> {
  const run = queue.then(work);
  queue = run.catch(() => undefined);
  return run;
}

/** Opens the file as the app would and checks it; returns the session's database for more checks. */
async function reopen(dir: string, path: string) {
  const core = testCore(join(dir, 'checker'));
  // The session object is caught with a spy; rounds run two at a time, so one at a time here.
  const session = await oneAtATime(async () => {
    const start = vi.spyOn(SessionState.prototype, 'start');
    try {
      await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
      return start.mock.results.at(-1)?.value as Session;
    } finally {
      start.mockRestore();
    }
  });
  expect(session.file.db.pragma('integrity_check', { simple: true })).toBe('ok');
  expect(readKeysFile(path).pending).toBeUndefined();
  return { core, db: session.file.db, key: Buffer.from(session.file.key) };
}

/** Every backup in the folder that looks whole is whole: keys beside it, and it opens with `key`. */
function checkBackups(path: string, key: Buffer | null): string[] {
  const folder = join(path, '..', 'backups');
  const names = existsSync(folder) ? readdirSync(folder) : [];
  const whole = names.filter((n) => n.endsWith('.tadamon') && !n.startsWith('.'));
  for (const name of whole) {
    const backup = join(folder, name);
    expect(existsSync(keysPathFor(backup)), name).toBe(true);
    if (key) {
      const db = openEncrypted(backup, key);
      try {
        expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      } finally {
        db.close();
      }
    }
  }
  // whatever a kill left half-written is hidden and marked partial
  for (const name of names.filter((n) => !whole.includes(n) && !n.endsWith('.keys'))) expect(name).toMatch(/^\..*\.partial-[0-9a-f]+$/);
  return whole;
}

/** Opens a backup through its own keys file, with the password, as a restore would. */
async function backupOpensWithPassword(backup: string): Promise<void> {
  const unlocked = await unlockKeys(backup, (k) => ({ slot: userSlot(k, userId), secret: PRESIDENT_PASSWORD }), 'wrong_password');
  const key = unlocked.unlocked.keyFor(unlocked.keys.keyGeneration);
  unlocked.unlocked.dispose();
  expect(key).not.toBeNull();
  const db = openEncrypted(backup, key!);
  try {
    expect(db.pragma('quick_check', { simple: true })).toBe('ok');
  } finally {
    db.close();
  }
}

/** Runs `count` independent rounds, two at a time (each child spends most of its life starting up). */
async function rounds(count: number, round: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < count) await round(next++);
  };
  await Promise.all([worker(), worker()]);
}

const childArgs = (mode: string, dir: string, path: string, target = '') => [mode, path, userId, PRESIDENT_PASSWORD, join(dir, 'child-data'), target];

// Each test starts and kills dozens of child processes that open an encrypted file: about 15 s
// alone on a 2-core machine, near 30 s beside another test file. The time says nothing about safety.
describe('crash safety: SIGKILL at random moments', { timeout: 120_000 }, () => {
  it('20 kills during committed writes: the file opens whole with every reported write', async () => {
    let total = 0;
    await rounds(20, async (round) => {
      const { dir, path } = copy('small');
      const run = await runChild(childArgs('writes', dir, path), (line) => (line === 'ready' ? randomInt(5, 250) : undefined));
      expect(run.signal, run.lines.join('\n')).toBe('SIGKILL');
      const committed = run.lines.filter((l) => l.startsWith('committed ')).map((l) => l.slice('committed '.length));
      total += committed.length;
      const { core, db } = await reopen(dir, path);
      const found = db.prepare(`SELECT count(*) AS n FROM beneficiaries WHERE id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(committed)) as { n: number };
      expect(found.n, `round ${round}`).toBe(committed.length);
      core.close();
    });
    expect(total).toBeGreaterThan(20); // the kills did land among writes
  });

  it('6 kills during backups: the file and every backup that looks whole open; no half backup is listed', async () => {
    let backups = 0;
    await rounds(6, async (round) => {
      const { dir, path } = copy('small');
      const run = await runChild(childArgs('backups', dir, path), (line) => (line === 'ready' ? randomInt(20, 400) : undefined));
      expect(run.signal).toBe('SIGKILL');
      backups += run.lines.filter((l) => l.startsWith('backup ')).length;
      const committed = run.lines.filter((l) => l.startsWith('committed ')).map((l) => l.slice('committed '.length));
      const { core, db, key } = await reopen(dir, path);
      const found = db.prepare(`SELECT count(*) AS n FROM beneficiaries WHERE id IN (SELECT value FROM json_each(?))`).get(JSON.stringify(committed)) as { n: number };
      expect(found.n).toBe(committed.length);
      const listed = (await core.must('backups.listFor', { path })).map((b) => b.fileName);
      const whole = checkBackups(path, key);
      expect(listed.every((n) => whole.includes(n))).toBe(true);
      if (round === 0 && whole.length > 0) await backupOpensWithPassword(join(path, '..', 'backups', whole[0]));
      core.close();
    });
    expect(backups).toBeGreaterThan(0);
  });

  it('kills during key rotations (at each step, inside the re-encryption, and in the real operation): it opens with the password', async () => {
    // Calibrate: how long the re-encryption itself lasts on this machine, for this file.
    const calibration = copy();
    const marks: Record<string, number> = {};
    const t0 = Date.now();
    const done = await runChild(childArgs('rekey-step', calibration.dir, calibration.path, 'none'), (line) => {
      marks[line] = Date.now() - t0;
      return undefined;
    });
    expect(done.code).toBe(0);
    const rekeyMs = Math.max(5, (marks['step rekeyed'] ?? 0) - (marks['step left-wal'] ?? 0));

    const plans: { args: (dir: string, path: string) => string[]; killAfter: (line: string) => number | undefined }[] = [
      // killed by itself right after each step
      ...['pending-written', 'left-wal', 'rekeyed', 'promoted', 'done'].map((step) => ({
        args: (dir: string, path: string) => childArgs('rekey-step', dir, path, step),
        killAfter: () => undefined,
      })),
      // killed by the parent while SQLCipher rewrites the pages
      ...Array.from({ length: 5 }, () => ({
        args: (dir: string, path: string) => childArgs('rekey-step', dir, path, 'never'),
        killAfter: (line: string) => (line === 'step left-wal' ? randomInt(0, Math.ceil(rekeyMs * 1.2) + 1) : undefined),
      })),
      // the real operation in a loop (password check, backup, rotation), killed at random
      ...Array.from({ length: 3 }, () => ({
        args: (dir: string, path: string) => childArgs('rekeys', dir, path),
        killAfter: (line: string) => (line === 'ready' ? randomInt(100, 1200) : undefined),
      })),
    ];
    await rounds(plans.length, async (i) => {
      const plan = plans[i];
      const { dir, path } = copy();
      const run = await runChild(plan.args(dir, path), plan.killAfter);
      expect(run.signal, `plan ${i}: ${run.lines.join(' | ')}`).toBe('SIGKILL');
      const { core, db, key } = await reopen(dir, path);
      expect((db.prepare('SELECT count(*) AS n FROM beneficiaries').get() as { n: number }).n).toBe(SEED_PEOPLE);
      core.close();
      checkBackups(path, null);
      expect(existsSync(`${path}-journal`)).toBe(false);
      expect(key.length).toBe(32);
    });
    expect(rekeyMs).toBeGreaterThan(0);
  });
});
