import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** Lints a snippet as if it lived at `filePath`, with the project's own config. */
async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: process.cwd() });
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => m.ruleId ?? m.message);
}

describe('process boundaries', () => {
  it('refuses Electron and React in the core', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", 'electron/core/x/service.ts')).toContain(
      'no-restricted-imports',
    );
    expect(await ruleIdsFor("import React from 'react';\nexport const r = React;\n", 'electron/core/x/service.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('refuses Node and the core in the renderer, but allows the contract', async () => {
    expect(await ruleIdsFor("import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'renderer/app/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIdsFor("import { createCore } from '../../electron/core/dispatcher';\nexport const c = createCore;\n", 'renderer/app/x.ts'),
    ).toContain('no-restricted-imports');
    expect(
      await ruleIdsFor("import { operations } from '../../electron/contract';\nexport const o = operations;\n", 'renderer/app/x.ts'),
    ).toEqual([]);
  });

  it('keeps the contract free of Node', async () => {
    expect(await ruleIdsFor("import { join } from 'node:path';\nexport const j = join;\n", 'electron/contract/x.ts')).toContain(
      'no-restricted-imports',
    );
  });

  it('keeps the shared static-file helpers free of Electron and of either host', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const a = app;\n", 'electron/shared/x.ts')).toContain(
      'no-restricted-imports',
    );
    expect(
      await ruleIdsFor("import { APP_SCHEME } from '../main/app-protocol';\nexport const s = APP_SCHEME;\n", 'electron/shared/x.ts'),
    ).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { join } from 'node:path';\nexport const j = join;\n", 'electron/shared/x.ts')).toEqual([]);
  });
});

describe('visible strings go through i18next', () => {
  it('flags literal text and labels in a component', async () => {
    expect(await ruleIdsFor('export const Greeting = () => <p>Bonjour</p>;\n', 'renderer/features/x/A.tsx')).toContain(
      'i18next/no-literal-string',
    );
    expect(await ruleIdsFor('export const NameField = () => <input aria-label="Nom" />;\n', 'renderer/features/x/B.tsx')).toContain(
      'i18next/no-literal-string',
    );
  });

  it('accepts translated text and non-visible attributes', async () => {
    const code = "declare const t: (k: string) => string;\nexport const Translated = () => <p className=\"x\" title={t('a.b')}>{t('a.c')}</p>;\n";
    expect(await ruleIdsFor(code, 'renderer/features/x/C.tsx')).toEqual([]);
  });
});
