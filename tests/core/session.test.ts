import { describe, expect, it } from 'vitest';
import { createdFile, PRESIDENT_PASSWORD, testCore, useTempDir } from './helpers';

describe('smoke', () => {
  it('creates, locks and reopens a file', async () => {
    const dir = useTempDir()();
    const core = testCore(dir);
    const { session, recoveryCode } = await createdFile(core, dir);
    expect(recoveryCode).toHaveLength(30);
    expect(session.user.role).toBe('president');
    await core.must('session.lock', {});
    const inspected = await core.must('file.inspect', { path: session.path });
    const reopened = await core.must('file.open', { path: session.path, userId: inspected.users[0].id, password: PRESIDENT_PASSWORD });
    expect(reopened.association.name).toBe('Association Amal');
    core.close();
  });
});
