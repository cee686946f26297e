import { describe, expect, it } from 'vitest';
import { isSheetKept } from '../../electron/core/spreadsheets/parse-sheet';
import { createdFile, testCore, useTempDir } from './helpers';

const b64 = (text: string) => Buffer.from(text, 'utf8').toString('base64');

describe('the sheet kept between the steps of an import', () => {
  const tempDir = useTempDir();

  it('is kept after the preview and dropped when the session is locked', async () => {
    const dir = tempDir();
    const core = testCore(dir);
    await createdFile(core, dir);
    await core.must('beneficiaries.importPreview', { fileName: 'liste.csv', contentBase64: b64('Nom;Prénom\nDiallo;Awa\n') });
    expect(isSheetKept()).toBe(true);

    await core.must('session.lock', {});
    expect(isSheetKept()).toBe(false);
  });
});
