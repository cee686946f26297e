import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { chooseNativeBinding } from '../../../electron/main/native-binding';

const appPath = path.resolve('/work/tadamon');
const addon = path.join(appPath, 'native', 'electron', 'better_sqlite3.node');

describe('chooseNativeBinding', () => {
  it('uses the Electron build of the addon in an unpackaged run when it exists', () => {
    const asked: string[] = [];
    const exists = (p: string) => (asked.push(p), p === addon);
    expect(chooseNativeBinding({ isPackaged: false, appPath, exists })).toBe(addon);
    expect(asked).toEqual([addon]);
  });

  it('falls back to the default when the Electron build is missing', () => {
    expect(chooseNativeBinding({ isPackaged: false, appPath, exists: () => false })).toBeUndefined();
  });

  it('leaves packaged apps to their rebuilt node_modules, even if a stray addon exists', () => {
    expect(chooseNativeBinding({ isPackaged: true, appPath, exists: () => true })).toBeUndefined();
  });
});
