import { describe, expect, it } from 'vitest';
import { testCore, useTempDir } from './helpers';

const tempDir = useTempDir();

describe('the system’s file dialogs, a capability of the host', () => {
  it('are offered where the host has them, and give its answer, null when cancelled', async () => {
    const answers: (string | null)[] = ['D:\\Amal\\Association Amal.tadamon', null];
    const folders: (string | null)[] = ['E:\\Sauvegardes', null];
    const core = testCore(tempDir(), undefined, {
      pickFile: async () => answers.shift() ?? null,
      pickDirectory: async () => folders.shift() ?? null,
    });
    expect((await core.must('app.status', {})).canBrowse).toBe(true);
    expect(await core.must('file.pickFile', {})).toEqual({ path: 'D:\\Amal\\Association Amal.tadamon' });
    expect(await core.must('file.pickFile', {})).toEqual({ path: null });
    expect(await core.must('file.pickDirectory', {})).toEqual({ path: 'E:\\Sauvegardes' });
    expect(await core.must('file.pickDirectory', {})).toEqual({ path: null });
    core.close();
  });

  it('are refused as not supported through the web bridge, which has none: the path is typed there', async () => {
    const core = testCore(tempDir());
    expect((await core.must('app.status', {})).canBrowse).toBe(false);
    for (const op of ['file.pickFile', 'file.pickDirectory'] as const) {
      const result = await core.call(op, {});
      expect(result.ok ? null : result.error.code).toBe('not_supported');
    }
    core.close();
  });
});
