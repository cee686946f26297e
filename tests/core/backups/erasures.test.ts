import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { keysPathFor } from '../../../electron/core/db/keyslots';
import { auditRows, databaseKey, keysFileOf, useTempDir, withDb } from '../helpers';
import { addPeople, PRESIDENT_PASSWORD, signedInFile } from './fixtures';

const personal = (path: string, key: Buffer, id: string) =>
  withDb(path, key, (db) => db.prepare('SELECT personal_json AS personal, merged_into AS mergedInto FROM beneficiaries WHERE id = ?').get(id));

describe('erasures made after a backup are made again when it is restored (law 09-08)', () => {
  const tempDir = useTempDir();

  it('a consent withdrawal and a merge, recorded in the keys file, are made again on the restored file', async () => {
    const { core, path, userId, clock } = await signedInFile(tempDir());
    const [aminata, bineta, binetaAgain] = await addPeople(core, 3);
    const { backup } = await core.must('backups.create', {});
    clock.advance(60_000);
    await core.must('beneficiaries.withdrawConsent', { id: aminata });
    await core.must('beneficiaries.merge', { survivorId: bineta, mergedId: binetaAgain });
    expect(keysFileOf(path).erasures).toEqual([
      { kind: 'consentWithdrawn', beneficiaryId: aminata, at: expect.any(String) },
      { kind: 'merged', beneficiaryId: binetaAgain, survivorId: bineta, at: expect.any(String) },
    ]);

    clock.advance(60_000);
    const result = await core.must('backups.restore', { path, backupPath: backup.path, userId, password: PRESIDENT_PASSWORD });
    expect(result.erasuresReapplied).toBe(2);
    expect((await core.must('beneficiaries.get', { id: aminata })).personal).toBeNull();
    core.close();

    const key = await databaseKey(path, userId, PRESIDENT_PASSWORD);
    expect(personal(path, key, aminata)).toEqual({ personal: null, mergedInto: null });
    expect(personal(path, key, binetaAgain)).toMatchObject({ mergedInto: bineta });
    expect(withDb(path, key, auditRows).filter((r) => r.op === 'backups.reapplyErasure').map((r) => r.entity_id).sort()).toEqual(
      [aminata, bineta].sort(),
    );
    // The restored file keeps the list, so a later restore of an even older backup does it again.
    expect(keysFileOf(path).erasures).toHaveLength(2);
  });

  it('an erasure list edited outside the app is not trusted: nothing is erased on its word', async () => {
    const { core, path, userId, clock } = await signedInFile(tempDir());
    const [aminata] = await addPeople(core, 1);
    const { backup } = await core.must('backups.create', {});
    await core.must('session.lock', {});
    const keys = keysFileOf(path);
    writeFileSync(
      keysPathFor(path),
      JSON.stringify({ ...keys, erasures: [{ kind: 'consentWithdrawn', beneficiaryId: aminata, at: clock.now().toISOString() }] }),
    );
    const result = await core.must('backups.restore', { path, backupPath: backup.path, userId, password: PRESIDENT_PASSWORD });
    expect(result.erasuresReapplied).toBe(0);
    expect((await core.must('beneficiaries.get', { id: aminata })).personal).not.toBeNull();
    core.close();
  });
});
