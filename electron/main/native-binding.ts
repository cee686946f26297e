import nodePath from 'node:path';

/** Where `scripts/electron-native.mjs` puts the addon built for Electron's ABI. */
export const DEV_ADDON_PATH = ['native', 'electron', 'better_sqlite3.node'] as const;

/**
 * The addon in node_modules is built for Node (tests, web bridge), so an unpackaged Electron run
 * needs the separate Electron build. Packaged apps get node_modules rebuilt for Electron by
 * electron-builder, and better-sqlite3 then finds its own addon: undefined means "the default".
 */
export function chooseNativeBinding(options: {
  isPackaged: boolean;
  appPath: string;
  exists: (path: string) => boolean;
}): string | undefined {
  if (options.isPackaged) return undefined;
  const candidate = nodePath.join(options.appPath, ...DEV_ADDON_PATH);
  return options.exists(candidate) ? candidate : undefined;
}
