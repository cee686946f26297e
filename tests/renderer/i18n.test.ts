import { describe, expect, it } from 'vitest';
import { errorCodes, roleSchema } from '../../electron/contract';
import arTexts from '../../renderer/i18n/ar.json';
import enTexts from '../../renderer/i18n/en.json';
import frTexts from '../../renderer/i18n/fr.json';
import arCore from '../../electron/contract/i18n/ar.json';
import enCore from '../../electron/contract/i18n/en.json';
import frCore from '../../electron/contract/i18n/fr.json';

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  );
}

function valueAt(tree: Tree, key: string): string | Tree | undefined {
  return key.split('.').reduce<string | Tree | undefined>((node, part) => (typeof node === 'object' ? node[part] : undefined), tree);
}

const fr = frTexts as Tree;
const ar = arTexts as Tree;
const en = enTexts as Tree;

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

describe('the core’s words (namespace core, shared by the core’s files and the pages)', () => {
  const core = { fr: frCore as Tree, ar: arCore as Tree, en: enCore as Tree };

  it('have the same keys and {{placeholders}} in French, Arabic and English, none empty', () => {
    const french = keysOf(core.fr).sort();
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const tree of [core.ar, core.en]) {
      expect(keysOf(tree).sort()).toEqual(french);
      for (const key of french) expect(placeholders(valueAt(tree, key)), key).toEqual(placeholders(valueAt(core.fr, key)));
    }
    for (const tree of Object.values(core)) for (const key of keysOf(tree)) expect(String(valueAt(tree, key)).trim(), key).not.toBe('');
  });

  it('cover every core key the renderer asks for', () => {
    let checked = 0;
    for (const [file, source] of Object.entries(rendererSources)) {
      for (const [, key] of source.matchAll(/\bt\(\s*['`]core:([a-zA-Z_.0-9]+)['`.$]/g)) {
        expect(valueAt(core.fr, key.replace(/\.$/, '')), `${key} in ${file}`).toBeDefined();
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThanOrEqual(3);
  });
});
