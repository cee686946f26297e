import { beforeAll, describe, expect, it } from 'vitest';
import { signedInToDemo, testCore, type TestCore, useSuiteTempDir } from './helpers';

describe('the demo training cycle', () => {
  const suiteDir = useSuiteTempDir();
  let core: TestCore;

  beforeAll(async () => {
    core = testCore(suiteDir());
    await signedInToDemo(core);
  });

  it('has five modules held, six of ten participants who completed, four with their certificate', async () => {
    const [row] = await core.must('cycles.list', {});
    expect(row).toMatchObject({ participantCount: 10, completedCount: 6 });
    const detail = await core.must('cycles.get', { id: row.id });
    expect(detail.modules.map((m) => m.sessionsHeld)).toEqual([3, 3, 3, 3, 3]);
    expect(detail.participants.map((p) => p.completedModules).sort()).toEqual([0, 2, 3, 4, 5, 5, 5, 5, 5, 5]);
    const certified = detail.participants.filter((p) => p.certificates.completion !== null);
    expect(certified).toHaveLength(4);
    for (const p of certified) expect(p).toMatchObject({ completed: true, pseudonymous: false });
    expect(certified.map((p) => p.certificates.completion).sort()).toEqual(
      [1, 2, 3, 4].map((n) => `CERT-${new Date().getUTCFullYear()}-0000${n}`),
    );
  });
});
