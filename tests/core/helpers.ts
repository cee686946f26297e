import { createHash, randomBytes } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, relative } from 'node:path';
import { afterAll, afterEach, expect } from 'vitest';
import { DEMO_PASSWORD, type ErrorCode, type OpName, type OpInput, type OpOutput, type Result, type Role } from '../../electron/contract';
import { openEncrypted, type Db } from '../../electron/core/db/database';
import { keysPathFor, readKeysFile, userSlot, type KeysFile } from '../../electron/core/db/keyslots';
import { migrate } from '../../electron/core/db/migrate';
import { unlockSlot } from '../../electron/core/db/slots';
import { createCore, type Core } from '../../electron/core/dispatcher';
import type { Host } from '../../electron/core/host';

/** A fresh temp folder per test, removed afterwards. */
export function useTempDir(): () => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-test-'));
    dirs.push(dir);
    return dir;
  };
}

export interface TestCore extends Core {
  call<K extends OpName>(op: K, input: OpInput<K>): Promise<Result<OpOutput<K>>>;
  /** Same as call, but fails the test on an error result. */
  must<K extends OpName>(op: K, input: OpInput<K>): Promise<OpOutput<K>>;
}

/** A core as the web bridge makes one; `host` adds what a real host may offer (printing, file dialogs). */
export function testCore(dir: string, now?: () => Date, host: Pick<Host, 'renderPdf' | 'pickFile' | 'pickDirectory'> = {}): TestCore {
  const core = createCore({ dataDir: join(dir, 'data'), documentsDir: join(dir, 'documents'), now, ...host });
  return {
    ...core,
    call: (op, input) => core.dispatch(op, input) as never,
    async must(op, input) {
      const result = await core.dispatch(op, input);
      if (!result.ok) throw new Error(`${op} failed with ${JSON.stringify(result.error)}`);
      return result.value as never;
    },
  };
}

export const PRESIDENT_PASSWORD = 'correct horse battery';

export async function createdFile(core: TestCore, dir: string, associationName = 'Association Amal') {
  return core.must('file.create', {
    associationName,
    city: 'Oujda',
    directory: join(dir, 'documents'),
    displayName: 'Nadia Bennani',
    password: PRESIDENT_PASSWORD,
  });
}

/** The president signed in on a new file in `dir`, with a clock that stays at `now` (an ISO timestamp). */
/** Opens the demo association (made on first ask) and signs in as its first user, or the one named. */
export async function signedInToDemo(core: TestCore, displayName?: string): Promise<void> {
  const { path } = await core.must('file.openDemo', {});
  const { users } = await core.must('file.inspect', { path });
  const user = displayName ? users.find((u) => u.displayName === displayName) : users[0];
  if (!user) throw new Error(`no demo user named ${displayName}`);
  await core.must('file.open', { path, userId: user.id, password: DEMO_PASSWORD });
}

/** A new encrypted file in `dir`, brought up to schema `version` and no further: a migration's "before". */
export function fileAtVersion(dir: string, version: number): Db {
  const db = openEncrypted(join(dir, 'old.tadamon'), randomBytes(32), { create: true });
  migrate(db, { target: version });
  return db;
}

export async function signedInAt(dir: string, now: string): Promise<TestCore> {
  const core = testCore(dir, () => new Date(now));
  await createdFile(core, dir);
  return core;
}

/**
 * Another member of staff: created by the president, signed in on the same file from a folder of
 * their own (`dir`) and past the forced change of the temporary password, so every operation is open to them.
 */
export async function staffCore(president: TestCore, path: string, dir: string, user: { displayName: string; role: Role; now?: () => Date }): Promise<TestCore> {
  const temporary = 'mot de passe provisoire 1';
  const { id } = await president.must('users.create', { displayName: user.displayName, role: user.role, temporaryPassword: temporary });
  const core = testCore(dir, user.now);
  await core.must('file.open', { path, userId: id, password: temporary });
  await core.must('session.changePassword', { currentPassword: temporary, newPassword: `${user.role} password 1` });
  return core;
}

/** A refusal with its code and, when given, exactly these field problems. */
export async function expectFailure(
  result: Promise<{ ok: boolean; error?: { code: ErrorCode; fields?: Record<string, string> } }>,
  code: ErrorCode,
  fields?: Record<string, string>,
) {
  const r = await result;
  expect(r.ok, JSON.stringify(r)).toBe(false);
  expect(r.error?.code).toBe(code);
  if (fields) expect(r.error?.fields).toEqual(fields);
}

// ---------------------------------------------------------------------------------------------
// Shared by the core suites: temp folders that live for a whole describe, file fingerprints and
// a direct (keyed) look inside the encrypted file to check what was really stored.

/** Temp folders kept for the whole file/describe (created lazily, removed in afterAll). */
export function useSuiteTempDir(): () => string {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), 'tadamon-suite-'));
    dirs.push(dir);
    return dir;
  };
}

export const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Every file under `root` (recursively) with the hash of its bytes. `-shm` files are listed but
 * not hashed: readers legitimately touch the WAL index. `listOnly` names more files to list
 * without hashing (when their content is watched another, cheaper way).
 */
export function snapshotTree(root: string, listOnly: (name: string) => boolean = () => false): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else out[relative(root, full)] = entry.name.endsWith('-shm') || listOnly(entry.name) ? 'listed' : sha256(full);
    }
  };
  walk(root);
  return out;
}

export const keysFileOf = (dbPath: string): KeysFile => JSON.parse(readFileSync(keysPathFor(dbPath), 'utf8')) as KeysFile;

/** The raw database key (current generation), unwrapped from a user's slot the way sign-in does it (one scrypt). */
export async function databaseKey(dbPath: string, userId: string, password: string): Promise<Buffer> {
  const keys = readKeysFile(dbPath);
  const slot = userSlot(keys, userId);
  if (!slot) throw new Error('no slot for that user');
  const unlocked = await unlockSlot(keys, slot, password);
  const key = unlocked?.keyFor(keys.keyGeneration);
  unlocked?.dispose();
  if (!key) throw new Error('wrong password for that slot');
  return key;
}

/** Opens the file with its raw key (a second connection beside the core's), runs `work`, closes. */
export function withDb<T>(dbPath: string, key: Buffer, work: (db: Db) => T): T {
  const db = openEncrypted(dbPath, key);
  try {
    return work(db);
  } finally {
    db.close();
  }
}

export interface AuditRow {
  id: string;
  at: string;
  user_id: string | null;
  op: string;
  entity_id: string | null;
  note: string | null;
}

export const auditRows = (db: Db): AuditRow[] => db.prepare('SELECT * FROM audit_log ORDER BY rowid').all() as AuditRow[];

/** Copies `<name>.tadamon` and its keys file (the file must be locked: no WAL) into `dir`. */
export function copyFileSet(dbPath: string, dir: string, name = basename(dbPath)): string {
  mkdirSync(dir, { recursive: true });
  const target = join(dir, name);
  copyFileSync(dbPath, target);
  copyFileSync(keysPathFor(dbPath), keysPathFor(target));
  return target;
}
