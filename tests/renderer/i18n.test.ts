import { describe, expect, it } from 'vitest';
import { errorCodes, roleSchema } from '../../electron/contract';
import { resources } from '../../renderer/i18n';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueAt(tree: Tree, key: string): string | Tree | undefined {
  return key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
}

const fr = resources.fr.translation as Tree;
const ar = resources.ar.translation as Tree;
const en = resources.en.translation as Tree;

const rendererSources = import.meta.glob<string>('../../renderer/**/*.{ts,tsx}', {
  query: '?raw',
  import: 'default',
  eager: true,
});

describe('translations', () => {
  it('have exactly the same keys in French, Arabic and English', () => {
    const french = keysOf(fr).sort();
    expect(keysOf(ar).sort()).toEqual(french);
    expect(keysOf(en).sort()).toEqual(french);
  });

  it('have no empty text', () => {
    for (const tree of [fr, ar, en]) {
      for (const key of keysOf(tree)) expect(String(valueAt(tree, key)).trim(), key).not.toBe('');
    }
  });

  it('use the same {{placeholders}} in every language', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const key of keysOf(fr)) {
      expect(placeholders(valueAt(ar, key)), key).toEqual(placeholders(valueAt(fr, key)));
      expect(placeholders(valueAt(en, key)), key).toEqual(placeholders(valueAt(fr, key)));
    }
  });

  it('translate every error code of the contract and every role', () => {
    for (const tree of [fr, ar, en]) {
      for (const code of errorCodes) expect(valueAt(tree, `errors.${code}`), code).toBeTypeOf('string');
      for (const role of roleSchema.options) expect(valueAt(tree, `roles.${role}`), role).toBeTypeOf('string');
    }
  });

  it('cover every literal key the renderer asks for', () => {
    let checked = 0;
    for (const [file, source] of Object.entries(rendererSources)) {
      for (const [, key] of source.matchAll(/\b(?:t|validationMessage)\(\s*'([a-zA-Z_.0-9]+)'/g)) {
        expect(valueAt(fr, key), `${key} in ${file}`).toBeTypeOf('string');
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(50);
  });
});
