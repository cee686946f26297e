import fc from 'fast-check';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { z } from 'zod';
import { errorCodes, operations, type ErrorCode, type OpName, type Role } from '../../electron/contract';
import { publicOpNames } from '../../electron/contract/public-ops';
import { handlers } from '../../electron/core/api';
import { openEncrypted, type Db } from '../../electron/core/db/database';
import { keysPathFor } from '../../electron/core/db/keyslots';
import { IDLE_CHECK_MS, SessionState, type Session } from '../../electron/core/session/state';
import {
  auditRows,
  databaseKey,
  sha256,
  snapshotTree,
  testCore,
  useSuiteTempDir,
  useTempDir,
  withDb,
  type TestCore,
} from './helpers';

const ASSOCIATION = 'Association Tilila';
const CITY = 'Beni Mellal';
const PRESIDENT = 'Meryem Chraibi';
const PASSWORD = 'president password 1';
const TEMPORARY = 'temporary password 1';
const VOLUNTEER_PASSWORD = 'volunteer password 1';

const failure = (code: ErrorCode) => ({ ok: false, error: { code } });
const opNames = Object.keys(operations) as OpName[];

/** A clock the test moves by hand. */
function manualClock(start = '2026-05-01T08:00:00.000Z') {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms: number) => (t += ms), iso: () => new Date(t).toISOString() };
}

async function createFile(core: TestCore, directory: string) {
  return core.must('file.create', { associationName: ASSOCIATION, city: CITY, directory, displayName: PRESIDENT, password: PASSWORD });
}

/**
 * One file shared by the whole module (unlocking costs ~0.2 s each): its president, a volunteer who
 * has chosen a password, a treasurer still on a temporary one, and a core with no file open, all
 * on one device folder that already holds the demo file.
 */
const suiteDir = useSuiteTempDir();
const tempDir = useTempDir();
const clock = manualClock();
let root: string;
let path: string;
let key: Buffer;
let president: TestCore;
let presidentId: string;
let volunteer: TestCore;
let volunteerId: string;
let mustChange: TestCore;
let mustChangeId: string;
let nobody: TestCore;

beforeAll(async () => {
  root = suiteDir();
  const appDir = join(root, 'app');
  president = testCore(appDir, clock.now);
  const created = await createFile(president, join(root, 'file'));
  path = created.session.path;
  presidentId = created.session.user.id;
  const [vol, fresh] = await Promise.all([
    president.must('users.create', { displayName: 'Hamza Alaoui', role: 'volunteer', temporaryPassword: TEMPORARY }),
    president.must('users.create', { displayName: 'Imane Tazi', role: 'treasurer', temporaryPassword: TEMPORARY }),
  ]);
  volunteerId = vol.id;
  mustChangeId = fresh.id;
  volunteer = testCore(appDir, clock.now);
  await volunteer.must('file.open', { path, userId: volunteerId, password: TEMPORARY });
  await volunteer.must('session.changePassword', { currentPassword: TEMPORARY, newPassword: VOLUNTEER_PASSWORD });
  mustChange = testCore(appDir, clock.now);
  await mustChange.must('file.open', { path, userId: mustChangeId, password: TEMPORARY });
  nobody = testCore(appDir, clock.now);
  await nobody.must('file.openDemo', {});
  key = await databaseKey(path, presidentId, PASSWORD);
});

afterAll(() => {
  for (const core of [president, volunteer, mustChange, nobody]) core?.close();
});

describe('dispatcher', () => {
  const audit = () => withDb(path, key, auditRows);

  it('every operation of the contract has a handler in the operation table, and nothing more', () => {
    expect(opNames.filter((op) => typeof handlers[op] !== 'function')).toEqual([]);
    expect(Object.keys(handlers).filter((op) => !(op in operations))).toEqual([]);
  });

  it('every operation that needs no session is in the short list the first screen reads', () => {
    const publicOps = Object.entries(operations).filter(([, op]) => op.access === 'public').map(([name]) => name);
    expect(new Set(publicOps)).toEqual(publicOpNames);
  });

  it('an unknown operation name → unknown_operation', async () => {
    for (const op of ['nope', 'users.list ', 'Users.List', 'users', '', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 42, null, undefined, {}, ['users.list']]) {
      expect(await president.dispatch(op, {})).toEqual(failure('unknown_operation'));
    }
  });

  it('malformed input → invalid_input with the offending fields', async () => {
    expect(await president.dispatch('file.create', { associationName: 'x', city: 'Rabat', directory: root, displayName: 'A', password: 'short' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', fields: { associationName: 'too_small', password: 'too_small' } },
    });
    expect(await president.dispatch('file.open', { path: 'x.tadamon' })).toEqual({
      ok: false,
      error: { code: 'invalid_input', fields: { userId: 'invalid_type', password: 'invalid_type' } },
    });
    expect(await president.dispatch('settings.update', { autoLockMinutes: 0 })).toEqual({
      ok: false,
      error: { code: 'invalid_input', fields: { autoLockMinutes: 'too_small' } },
    });
    expect(await president.dispatch('users.list', { extra: true })).toEqual({
      ok: false,
      error: { code: 'invalid_input', fields: { _: 'unrecognized_keys' } },
    });
    expect(await president.dispatch('users.create', 'not an object')).toEqual({
      ok: false,
      error: { code: 'invalid_input', fields: { _: 'invalid_type' } },
    });
  });

  it('every signed-in operation with no file open → no_open_file', async () => {
    const core = testCore(tempDir());
    const signedIn = opNames.filter((op) => operations[op].access !== 'public');
    expect(signedIn.length).toBeGreaterThan(3);
    for (const op of signedIn) expect(await core.dispatch(op, {}), op).toEqual(failure('no_open_file'));
  });

  it('a volunteer asking for president operations → forbidden, and nothing is written', async () => {
    const before = audit().length;
    const keysBefore = sha256(keysPathFor(path));
    expect(await volunteer.call('users.list', {})).toEqual(failure('forbidden'));
    expect(await volunteer.call('users.create', { displayName: 'Intrus', role: 'president', temporaryPassword: 'a long password' })).toEqual(
      failure('forbidden'),
    );
    expect(await volunteer.call('users.remove', { userId: presidentId })).toEqual(failure('forbidden'));
    expect(await volunteer.call('settings.update', { autoLockMinutes: 240 })).toEqual(failure('forbidden'));
    // forbidden wins over bad input: the caller learns nothing about the input rules
    expect(await volunteer.dispatch('users.create', { nonsense: 1 })).toEqual(failure('forbidden'));
    expect(audit().length).toBe(before);
    expect(sha256(keysPathFor(path))).toBe(keysBefore);
    expect((await president.must('users.list', {})).map((u) => u.displayName)).toEqual(expect.arrayContaining(['Hamza Alaoui', PRESIDENT]));
    expect(await volunteer.must('settings.get', {})).toMatchObject({ autoLockMinutes: 10 });
  });

  it('each write appends exactly one audit row: op, user and entity, and no personal data', async () => {
    const start = audit();
    const created = await president.must('users.create', { displayName: 'Salma Berrada', role: 'treasurer', temporaryPassword: TEMPORARY });
    let rows = audit();
    expect(rows.slice(0, start.length)).toEqual(start);
    expect(rows.slice(start.length)).toEqual([
      { id: expect.any(String), at: clock.iso(), user_id: presidentId, op: 'users.create', entity_id: created.id, note: null },
    ]);

    await president.must('settings.update', { autoLockMinutes: 12 });
    rows = audit();
    expect(rows).toHaveLength(start.length + 2);
    expect(rows.at(-1)).toMatchObject({ user_id: presidentId, op: 'settings.update', entity_id: null });

    await president.must('users.remove', { userId: created.id });
    rows = audit();
    expect(rows).toHaveLength(start.length + 3);
    expect(rows.at(-1)).toMatchObject({ user_id: presidentId, op: 'users.remove', entity_id: created.id });

    // reads and failed writes add nothing
    await president.must('users.list', {});
    await president.must('settings.get', {});
    expect(await president.call('users.remove', { userId: created.id })).toEqual(failure('unknown_user'));
    expect(await president.call('users.remove', { userId: presidentId })).toEqual(failure('cannot_remove_self'));
    expect(audit()).toHaveLength(start.length + 3);

    const text = JSON.stringify(audit());
    for (const personal of [PRESIDENT, 'Hamza Alaoui', 'Salma Berrada', ASSOCIATION, CITY, TEMPORARY, PASSWORD]) expect(text).not.toContain(personal);
    await president.must('settings.update', { autoLockMinutes: 10 });
  });

  it('a user with a temporary password can do nothing but change it', async () => {
    const { id } = await president.must('users.create', { displayName: 'Karim Idrissi', role: 'president', temporaryPassword: TEMPORARY });
    const core = testCore(tempDir(), clock.now);
    const session = await core.must('file.open', { path, userId: id, password: TEMPORARY });
    expect(session.user.mustChangePassword).toBe(true);
    const before = audit().length;
    for (const op of opNames.filter((o) => operations[o].access !== 'public' && o !== 'session.changePassword')) {
      expect(await core.dispatch(op, {}), op).toEqual(failure('password_change_required'));
    }
    expect(await core.call('users.create', { displayName: 'X', role: 'president', temporaryPassword: 'another long one' })).toEqual(
      failure('password_change_required'),
    );
    expect(audit().length).toBe(before);
    expect((await core.must('app.status', {})).session?.user.mustChangePassword).toBe(true);

    expect(await core.call('session.changePassword', { currentPassword: 'not my password', newPassword: 'my own password 7' })).toEqual(
      failure('wrong_password'),
    );
    expect(await core.call('session.changePassword', { currentPassword: TEMPORARY, newPassword: TEMPORARY })).toEqual(failure('same_password'));
    const changed = await core.must('session.changePassword', { currentPassword: TEMPORARY, newPassword: 'my own password 7' });
    expect(changed.user.mustChangePassword).toBe(false);
    expect((await core.must('users.list', {})).find((u) => u.id === id)?.mustChangePassword).toBe(false);

    await core.must('session.lock', {});
    expect(await core.call('file.open', { path, userId: id, password: TEMPORARY })).toEqual(failure('wrong_password'));
    expect((await core.must('file.open', { path, userId: id, password: 'my own password 7' })).user.mustChangePassword).toBe(false);
    core.close();
  });

  describe('idle lock', () => {
    afterEach(() => {
      vi.restoreAllMocks();
      vi.useRealTimers();
    });

    /** A file of its own, signed in, with the session object captured to look at its key. */
    async function signedIn() {
      const dir = tempDir();
      const own = manualClock();
      const core = testCore(dir, own.now);
      const start = vi.spyOn(SessionState.prototype, 'start');
      const { session: info } = await createFile(core, join(dir, 'documents'));
      const session = start.mock.results.at(-1)?.value as Session;
      expect(session.file.key.some((b) => b !== 0)).toBe(true);
      expect(session.file.db.open).toBe(true);
      return { core, clock: own, session, info, dir };
    }

    it('past autoLockMinutes without activity → session_locked, the key is zeroed and the file closed', async () => {
      const { core, clock: own, session, info } = await signedIn();
      own.advance(10 * 60_000 - 1000);
      expect(await core.must('settings.get', {})).toMatchObject({ autoLockMinutes: 10 }); // activity, just in time
      own.advance(10 * 60_000 - 1000);
      expect((await core.must('users.list', {})).length).toBe(1); // still counted from the last activity
      own.advance(10 * 60_000 + 1);

      expect(await core.call('settings.get', {})).toEqual(failure('session_locked'));
      expect(session.file.key.every((b) => b === 0)).toBe(true);
      expect(session.file.db.open).toBe(false);
      expect(readdirSync(dirname(info.path)).sort()).toEqual([`${ASSOCIATION}.tadamon`, `${ASSOCIATION}.tadamon.keys`]);
      expect(await core.call('users.list', {})).toEqual(failure('session_locked'));
      expect((await core.must('app.status', {})).session).toBeNull();

      // signing in again starts afresh; an explicit lock then reads as "no file open"
      await core.must('file.open', { path: info.path, userId: info.user.id, password: PASSWORD });
      expect(await core.must('settings.get', {})).toMatchObject({ autoLockMinutes: 10 });
      await core.must('session.lock', {});
      expect(await core.call('settings.get', {})).toEqual(failure('no_open_file'));
    });

    it('the key is dropped on time even if nothing at all is asked of the core', async () => {
      vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
      const { core, clock: own, session } = await signedIn();
      own.advance(10 * 60_000 + 1);
      vi.advanceTimersByTime(IDLE_CHECK_MS);
      expect(session.file.key.every((b) => b === 0)).toBe(true);
      expect(session.file.db.open).toBe(false);
      expect(vi.getTimerCount()).toBe(0); // and the check itself stops with the session
      expect(await core.call('settings.get', {})).toEqual(failure('session_locked'));
    });

    it('settings.update by the president changes the idle limit, at once and for later sessions', async () => {
      const { core, clock: own, session, info } = await signedIn();
      expect(await core.must('settings.update', { autoLockMinutes: 3 })).toMatchObject({ autoLockMinutes: 3 });
      expect(await core.must('settings.get', {})).toMatchObject({ autoLockMinutes: 3 });
      expect((await core.must('app.status', {})).session?.autoLockMinutes).toBe(3);
      own.advance(3 * 60_000 + 1);
      expect(await core.call('settings.get', {})).toEqual(failure('session_locked'));
      expect(session.file.key.every((b) => b === 0)).toBe(true);

      const again = await core.must('file.open', { path: info.path, userId: info.user.id, password: PASSWORD });
      expect(again.autoLockMinutes).toBe(3);
      own.advance(2 * 60_000);
      expect(await core.must('settings.get', {})).toMatchObject({ autoLockMinutes: 3 });
      core.close();
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Property: whatever arrives, dispatch answers with a well-formed result and writes nothing.

type World = { name: string; core: TestCore; role: Role | null; mustChange: boolean; signIn: () => Promise<void> };

/** Values of any type but strings and numbers, so every field of every schema gets the wrong type. */
const wrongTyped = fc.oneof(
  fc.boolean(),
  fc.constant(null),
  fc.bigInt(),
  fc.date(),
  fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);
const anything = fc.anything({
  withBigInt: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withTypedArray: true,
  withSparseArray: true,
  withBoxedValues: true,
  withObjectString: true,
});

function shapeOf(op: OpName): string[] {
  const shape = (operations[op].input as unknown as { shape?: Record<string, unknown> }).shape;
  return shape ? Object.keys(shape) : [];
}

function junkFor(op: OpName): fc.Arbitrary<unknown> {
  const keys = shapeOf(op);
  const arbs: fc.Arbitrary<unknown>[] = [anything];
  if (keys.length) {
    arbs.push(fc.record(Object.fromEntries(keys.map((k) => [k, wrongTyped]))));
    arbs.push(fc.record(Object.fromEntries(keys.map((k) => [k, wrongTyped])), { requiredKeys: [] }));
  }
  // Strings where strings belong, random content, some keys missing: reaches the handlers. Never
  // for file.create (valid strings would create a file in the working directory).
  if (['file.open', 'file.inspect', 'file.recover', 'users.remove', 'users.create'].includes(op)) {
    arbs.push(fc.record(Object.fromEntries(keys.map((k) => [k, fc.oneof(fc.string({ maxLength: 40 }), wrongTyped)])), { requiredKeys: [] }));
  }
  return fc.oneof(...arbs);
}

/** The answer the gatekeeping must give before the input is even looked at. */
function gate(op: OpName, world: World): ErrorCode | null {
  const { access } = operations[op];
  if (access === 'public') return null;
  if (!world.role) return 'no_open_file';
  if (world.mustChange && op !== 'session.changePassword') return 'password_change_required';
  if (Array.isArray(access) && !access.includes(world.role)) return 'forbidden';
  return null;
}

/** Whether the schema accepts the junk; a schema that throws on it does not. */
function parsesAsValid(schema: z.ZodType, junk: unknown): boolean {
  try {
    return schema.safeParse(junk === undefined ? {} : junk).success;
  } catch {
    return false;
  }
}

function expectWellFormed(result: unknown): void {
  expect(result).toBeTypeOf('object');
  const r = result as Record<string, unknown>;
  if (r.ok === true) {
    expect(Object.keys(r).sort()).toEqual(['ok', 'value']);
  } else {
    expect(r.ok).toBe(false);
    expect(Object.keys(r).sort()).toEqual(['error', 'ok']);
    const error = r.error as Record<string, unknown>;
    expect(errorCodes).toContain(error.code);
    expect(error.code).not.toBe('internal');
    for (const k of Object.keys(error)) expect(['code', 'fields']).toContain(k);
    if ('fields' in error) {
      for (const [field, code] of Object.entries(error.fields as object)) {
        expect(field).toBeTypeOf('string');
        expect(code).toBeTypeOf('string');
      }
    }
  }
  expect(JSON.parse(JSON.stringify(result))).toEqual(result); // crosses IPC and HTTP intact
}

describe('dispatch with junk input never throws and never writes', () => {
  let reader: Db;
  let worlds: World[];

  beforeAll(() => {
    const open = (core: TestCore, userId: string, password: string) => async () => {
      await core.must('file.open', { path, userId, password });
    };
    worlds = [
      { name: 'no file open', core: nobody, role: null, mustChange: false, signIn: async () => {} },
      { name: 'volunteer', core: volunteer, role: 'volunteer', mustChange: false, signIn: open(volunteer, volunteerId, VOLUNTEER_PASSWORD) },
      { name: 'president', core: president, role: 'president', mustChange: false, signIn: open(president, presidentId, PASSWORD) },
      { name: 'user who must change password', core: mustChange, role: 'treasurer', mustChange: true, signIn: open(mustChange, mustChangeId, TEMPORARY) },
    ];
    reader = openEncrypted(path, key);
  });

  afterAll(() => reader?.close());

  const auditCount = () => (reader.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;
  /** Changes whenever another connection commits to the file: any write at all. */
  const dataVersion = () => reader.pragma('data_version', { simple: true }) as number;
  /** Database files are watched through data_version; everything else is hashed. */
  const tree = () => snapshotTree(root, (name) => /\.tadamon(-wal)?$/.test(name));

  it('unknown names of every shape → unknown_operation', async () => {
    const core = testCore(tempDir());
    await fc.assert(
      fc.asyncProperty(
        anything.filter((op) => !(typeof op === 'string' && op in operations)),
        anything,
        async (op, input) => {
          expect(await core.dispatch(op, input)).toEqual(failure('unknown_operation'));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('an input whose properties throw when read → refused as invalid input, not a rejection', async () => {
    const evil = Object.defineProperty({}, 'path', {
      enumerable: true,
      get() {
        throw new Error('boom');
      },
    });
    expect(await worlds[2].core.dispatch('file.inspect', evil)).toMatchObject(failure('invalid_input'));
  });

  it('an object posing as a string that makes the schema itself throw → refused as invalid input', async () => {
    // Found by the junk property below: zod compares this "length" with a number and throws.
    const posing = { id: false, status: null, reason: { length: { toString: '' } } };
    expect(await worlds[2].core.dispatch('grants.expenses.decide', posing)).toMatchObject(failure('invalid_input'));
  });

  for (const worldIndex of [0, 1, 2, 3]) {
    describe(['no file open', 'as a volunteer', 'as a president', 'as a user who must change password'][worldIndex], () => {
      it.each(opNames)('%s', async (op) => {
        const world = worlds[worldIndex];
        const spec = operations[op];
        await fc.assert(
          fc.asyncProperty(junkFor(op), async (junk) => {
            // (After a successful session.lock, its own later runs go on locked: one sign-in, not one per run.)
            if (op !== 'session.lock' && world.role && !(await world.core.must('app.status', {})).session) await world.signIn();
            const before = tree();
            const auditBefore = auditCount();
            const versionBefore = dataVersion();

            const result = await world.core.dispatch(op, junk);

            expectWellFormed(result);
            const gated = gate(op, world);
            const valid = parsesAsValid(spec.input as z.ZodType, junk);
            if (gated) expect(result).toEqual(failure(gated));
            else if (!valid) expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', fields: expect.any(Object) } });

            if (!result.ok || spec.kind === 'read' || op === 'file.openDemo') {
              // Refused, a read, or the demo that already exists: nothing at all was written.
              expect(dataVersion()).toBe(versionBefore);
              expect(auditCount()).toBe(auditBefore);
              expect(tree()).toEqual(before);
              return;
            }
            // Junk only ever succeeds where it happens to be valid input.
            expect(valid).toBe(true);
            if (op === 'session.lock') {
              expect((await world.core.must('app.status', {})).session).toBeNull();
              expect(auditCount()).toBe(auditBefore);
              expect(tree()).toEqual(before);
            } else if (op === 'app.setLocale') {
              expect(auditCount()).toBe(world.role ? auditBefore + 1 : auditBefore);
            } else {
              // A write whose input is all optional (e.g. a partial settings update): one audit row.
              expect(spec.kind, `${op} succeeded on junk`).toBe('write');
              expect(auditCount()).toBe(auditBefore + 1);
              expect(reader.prepare('SELECT op FROM audit_log ORDER BY rowid DESC LIMIT 1').get()).toEqual({ op });
            }
          }),
          { numRuns: 30 },
        );
      });
    });
  }
});
