import { describe, expect, it } from 'vitest';
import arCore from '../../electron/contract/i18n/ar.json';
import enCore from '../../electron/contract/i18n/en.json';
import frCore from '../../electron/contract/i18n/fr.json';
import frTexts from '../../renderer/i18n/fr.json';
import { i18n } from '../../renderer/i18n';
import { addCoreTexts } from '../../renderer/i18n/core';

type Tree = { [key: string]: string | Tree };

/** Every group of sibling texts (at least two), by its path: the labels of an enumeration live in one. */
function groupsOf(tree: Tree, prefix = ''): Map<string, Record<string, string>> {
  const groups = new Map<string, Record<string, string>>();
  const texts: Record<string, string> = {};
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') texts[key] = value;
    else for (const [path, group] of groupsOf(value, `${prefix}${key}.`)) groups.set(path, group);
  }
  if (Object.keys(texts).length >= 2) groups.set(prefix || '(root)', texts);
  return groups;
}

describe('a domain value is translated once, in the core’s words', () => {
  it('has no enumeration of the core namespace copied into the renderer’s translations', () => {
    const coreGroups = [...groupsOf(frCore as Tree)];
    const copies: string[] = [];
    // Same codes with the same French names is the same enumeration, even when a copy's Arabic or
    // English has drifted: the page must read it from the core namespace (`core:noteType.visit`).
    for (const [path, texts] of groupsOf(frTexts as Tree)) {
      const entries = Object.entries(texts);
      for (const [corePath, coreTexts] of coreGroups) {
        if (entries.every(([code, text]) => coreTexts[code] === text)) copies.push(`${path} = core:${corePath}`);
      }
    }
    expect(copies).toEqual([]);
  });

  it('reads the shared labels in each language on screen', () => {
    addCoreTexts();
    const names = (lng: string) => ['core:noteType.visit', 'core:exports.sexValue.female', 'core:referralStatus.service_given'].map((key) => i18n.getFixedT(lng)(key));
    expect(names('fr')).toEqual([frCore.noteType.visit, frCore.exports.sexValue.female, frCore.referralStatus.service_given]);
    expect(names('ar')).toEqual([arCore.noteType.visit, arCore.exports.sexValue.female, arCore.referralStatus.service_given]);
    expect(names('en')).toEqual([enCore.noteType.visit, enCore.exports.sexValue.female, enCore.referralStatus.service_given]);
  });
});
