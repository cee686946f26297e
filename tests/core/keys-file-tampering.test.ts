import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../electron/contract';
import { closeFile } from '../../electron/core/db/association-file';
import { keysPathFor, readKeysFile, userSlot, withSlot, type KeysFile, type KeySlot } from '../../electron/core/db/keyslots';
import { updateTrustedKeys } from '../../electron/core/db/trusted-keys';
import { DEFAULT_KDF } from '../../electron/core/db/slot-crypto';
import { createSlot, unlockSlot } from '../../electron/core/db/slots';
import { newId } from '../../electron/core/ids';
import { manualClock, openedFile, signedInFile } from './backups/fixtures';
import { auditRows, databaseKey, keysFileOf, PRESIDENT_PASSWORD, testCore, useTempDir, withDb } from './helpers';

const failure = (code: ErrorCode) => ({ ok: false, error: { code } });
const INTRUDER_PASSWORD = 'the intruder knows this one';

/**
 * What someone who can write the association's folder, but has no password, can do to the keys
 * file: add a slot with a key pair of their own (which holds no database key yet), hoping the
 * next key rotation seals the new key to it.
 */
async function plantSlot(path: string, userId = newId(), label = 'Intrus'): Promise<KeySlot> {
  const keys = readKeysFile(path);
  const planted = await createSlot({
    fileId: keys.fileId,
    dbKey: randomBytes(32), // not the database key: the intruder does not have it
    generation: keys.keyGeneration,
    secret: INTRUDER_PASSWORD,
    meta: { kind: 'user', userId, label },
    kdf: { ...DEFAULT_KDF, N: 1024, salt: randomBytes(16).toString('base64') },
  });
  const { mac: _none, ...unsigned } = planted;
  const edited: KeysFile = { ...keys, slots: [...keys.slots.filter((s) => s.id !== planted.id), unsigned] };
  writeFileSync(keysPathFor(path), JSON.stringify(edited, null, 2));
  return unsigned;
}

/** Whether the planted slot's own private key can open the database key of `generation`. */
async function plantedKeyOpens(slot: KeySlot, path: string, generation: number): Promise<boolean> {
  const unlocked = await unlockSlot(readKeysFile(path), slot, INTRUDER_PASSWORD);
  const key = unlocked?.keyFor(generation) ?? null;
  unlocked?.dispose();
  return key !== null;
}

describe('the keys file is authenticated (a planted slot gets nothing)', () => {
  const tempDir = useTempDir();

  it('a planted slot is found at the next sign-in: removed, audited, never listed; the rotation seals nothing to it', async () => {
    const { core, path, userId } = await signedInFile(tempDir());
    await core.must('session.lock', {});
    const planted = await plantSlot(path);
    // Before anyone signs in, the sign-in screen reads the unauthenticated list: it is there…
    expect((await core.must('file.inspect', { path })).users.map((u) => u.displayName)).toContain('Intrus');

    const session = await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    expect(session.removedKeySlots).toBe(1);
    // …and gone for good from the first sign-in.
    expect(keysFileOf(path).slots.map((s) => s.id)).not.toContain(planted.id);
    expect((await core.must('file.inspect', { path })).users.map((u) => u.displayName)).toEqual(['Nadia Bennani']);
    expect((await core.must('security.keySlots', {})).slots.map((s) => s.displayName)).toEqual(['Nadia Bennani', null]);

    const { keyGeneration } = await core.must('security.rekey', { password: PRESIDENT_PASSWORD });
    expect(keyGeneration).toBe(2);
    expect(await plantedKeyOpens(planted, path, 2)).toBe(false);
    core.close();

    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    const rows = withDb(path, key, auditRows).filter((r) => r.op === 'keys.rejectSlot');
    expect(rows).toEqual([expect.objectContaining({ user_id: userId, entity_id: planted.id })]);
  });

  it('a slot planted while the president is signed in is not sealed to by the rotation, nor listed', async () => {
    const { core, path } = await signedInFile(tempDir());
    const planted = await plantSlot(path);
    expect((await core.must('security.keySlots', {})).slots.map((s) => s.displayName)).toEqual(['Nadia Bennani', null]);
    await core.must('security.rekey', { password: PRESIDENT_PASSWORD });
    expect(await plantedKeyOpens(planted, path, 2)).toBe(false);
    expect(keysFileOf(path).slots.map((s) => s.id)).not.toContain(planted.id);
    core.close();
  });

  it("a slot planted under an existing user's id (replacing theirs) is refused too", async () => {
    const { core, path } = await signedInFile(tempDir());
    const volunteerId = (await core.must('users.create', { displayName: 'Youssef Tazi', role: 'volunteer', temporaryPassword: 'temporary password 1' })).id;
    await core.must('session.lock', {});
    const { userId } = { userId: (await core.must('file.inspect', { path })).users.find((u) => u.displayName === 'Nadia Bennani')!.id };
    const planted = await plantSlot(path, volunteerId, 'Youssef Tazi');
    expect((await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD })).removedKeySlots).toBe(1);
    await core.must('security.rekey', { password: PRESIDENT_PASSWORD });
    expect(await plantedKeyOpens(planted, path, 2)).toBe(false);
    expect(userSlot(readKeysFile(path), volunteerId)).toBeUndefined();
    core.close();
    // Nor can the intruder use it to sign in, as that user or any other.
    const other = testCore(tempDir());
    expect((await other.call('file.open', { path, userId: volunteerId, password: INTRUDER_PASSWORD })).ok).toBe(false);
    other.close();
  });

  it('a keys file set back to version 2 by hand (to skip the check) is still checked: the planted slot is removed', async () => {
    const { core, path, userId } = await signedInFile(tempDir());
    await core.must('session.lock', {});
    const planted = await plantSlot(path);
    const downgraded = { ...keysFileOf(path), version: 2 };
    writeFileSync(keysPathFor(path), JSON.stringify(downgraded));
    // The database remembers its keys file was version 3: the MACs are still required.
    expect((await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD })).removedKeySlots).toBe(1);
    expect(keysFileOf(path)).toMatchObject({ version: 3 });
    expect(keysFileOf(path).slots.map((s) => s.id)).not.toContain(planted.id);
    core.close();
  });

  it.each([
    ['cheaper than today’s (scrypt N=2^16, p=1)', { name: 'scrypt', N: 65536, r: 8, p: 1 }],
    ['the one before today’s (scrypt N=2^17, p=1)', { name: 'scrypt', N: 131072, r: 8, p: 1 }],
  ] as const)('a slot whose KDF is %s opens the file and is remade with today’s when its user signs in', async (_, kdf) => {
    const { core, path, userId } = await signedInFile(tempDir(), manualClock());
    await core.must('session.lock', {});
    const file = await openedFile(path, userId);
    const older = await createSlot({
      fileId: file.association.fileId,
      dbKey: file.key,
      generation: file.keyGeneration,
      secret: PRESIDENT_PASSWORD,
      meta: { kind: 'user', userId, label: 'Nadia Bennani' },
      kdf: { ...kdf, salt: randomBytes(16).toString('base64') },
    });
    updateTrustedKeys(file, (keys) => withSlot(keys, older));
    closeFile(file);
    expect(userSlot(readKeysFile(path), userId)!.kdf).toMatchObject(kdf);

    await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    expect(userSlot(readKeysFile(path), userId)!.kdf).toMatchObject({ ...DEFAULT_KDF });
    expect(DEFAULT_KDF).toEqual({ name: 'scrypt-lanes', N: 65536, r: 8, p: 2 });
    await core.must('session.lock', {});
    await core.must('file.open', { path, userId, password: PRESIDENT_PASSWORD });
    core.close();
  });
});

describe('wrong passwords in a row make each further try wait', () => {
  const tempDir = useTempDir();

  it('three free tries, then 1 s, 2 s…; the right password after the wait clears the count', async () => {
    const clock = manualClock();
    const { core, path, userId } = await signedInFile(tempDir(), clock);
    await core.must('session.lock', {});
    const wrong = () => core.call('file.open', { path, userId, password: 'not the password at all' });
    for (let i = 0; i < 3; i++) expect(await wrong()).toEqual(failure('wrong_password'));
    // The fourth try comes too soon: refused before any password is even tried.
    expect(await core.call('file.open', { path, userId, password: PRESIDENT_PASSWORD })).toEqual({
      ok: false,
      error: { code: 'too_many_attempts', retryAfterSeconds: 1 },
    });
    clock.advance(1000);
    expect(await wrong()).toEqual(failure('wrong_password'));
    expect(await wrong()).toEqual({ ok: false, error: { code: 'too_many_attempts', retryAfterSeconds: 2 } });
    clock.advance(2000);
    expect((await core.call('file.open', { path, userId, password: PRESIDENT_PASSWORD })).ok).toBe(true);
    await core.must('session.lock', {});
    expect(await wrong()).toEqual(failure('wrong_password'));
    core.close();
  });

  it('a weak new password is refused by the core, whatever the form said', async () => {
    const core = testCore(tempDir());
    const made = await core.call('file.create', {
      associationName: 'Association Amal',
      city: 'Oujda',
      directory: tempDir(),
      displayName: 'Nadia Bennani',
      password: 'azerty12345',
    });
    expect(made).toEqual({ ok: false, error: { code: 'weak_password', fields: { password: 'weak_password' } } });
    core.close();
    const { core: president } = await signedInFile(tempDir());
    expect(await president.call('users.create', { displayName: 'Youssef Tazi', role: 'volunteer', temporaryPassword: 'password123' })).toEqual({
      ok: false,
      error: { code: 'weak_password', fields: { temporaryPassword: 'weak_password' } },
    });
    expect(await president.call('session.changePassword', { currentPassword: PRESIDENT_PASSWORD, newPassword: 'nadiabennani' })).toEqual({
      ok: false,
      error: { code: 'weak_password', fields: { newPassword: 'weak_password' } },
    });
    president.close();
  });
});
