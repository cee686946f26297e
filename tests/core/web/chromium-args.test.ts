import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, DISABLED_FEATURES } from '../../../electron/web/chromium-args';

/** The features playwright-core disables on every Chromium it starts, read from its own code. */
function playwrightDisabledFeatures(): string[] {
  const root = dirname(createRequire(import.meta.url).resolve('playwright-core/package.json'));
  const code = readFileSync(join(root, 'lib', 'coreBundle.js'), 'utf8');
  const list = /disabledFeatures = \[([\s\S]*?)\]\.filter\(Boolean\)/.exec(code);
  if (!list) throw new Error('playwright-core no longer lists its disabled features where this test reads them: find them again');
  const withoutComments = list[1].replace(/\/\/.*$/gm, '');
  return [...withoutComments.matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]);
}

describe("the web bridge's Chromium switches", () => {
  it("keep every feature Playwright disables, since Chromium reads only the last --disable-features", () => {
    const theirs = playwrightDisabledFeatures();
    expect(theirs.length).toBeGreaterThan(5);
    expect(DISABLED_FEATURES).toEqual(expect.arrayContaining(theirs));
  });

  it("turn off the address bar's popup page, which Electron's window does not have, in one switch", () => {
    const switches = CHROMIUM_ARGS.filter((arg) => arg.startsWith('--disable-features='));
    expect(switches).toHaveLength(1);
    expect(switches[0].split('=')[1].split(',')).toContain('WebUIOmniboxPopup');
  });
});
