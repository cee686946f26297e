// Builds the SQLite addon for Electron's ABI into native/electron/, which electron/main loads
// through better-sqlite3's `nativeBinding` option. The copy in node_modules keeps its Node build,
// because the tests and the web bridge run under plain Node: it is copied, never rebuilt in place.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const addonPackage = path.join(root, 'node_modules', 'better-sqlite3-multiple-ciphers');
const electronPackage = path.join(root, 'node_modules', 'electron');
const nodeGyp = path.join(root, 'node_modules', 'node-gyp', 'bin', 'node-gyp.js');
const outDir = path.join(root, 'native', 'electron');
const outFile = path.join(outDir, 'better_sqlite3.node');
const stampFile = path.join(outDir, 'stamp.json');

function fail(message) {
  console.error(`electron-native: ${message}`);
  process.exit(1);
}

function versionOf(packageDir) {
  try {
    return JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

function readStamp() {
  try {
    return readFileSync(stampFile, 'utf8');
  } catch {
    return undefined;
  }
}

const electronVersion = versionOf(electronPackage);
const addonVersion = versionOf(addonPackage);
if (!electronVersion) fail('node_modules/electron is missing: run `npm install` first.');
if (!addonVersion) fail('node_modules/better-sqlite3-multiple-ciphers is missing: run `npm install` first.');

// Any of these changing makes the previous build unusable.
const stamp = `${JSON.stringify({ electron: electronVersion, addon: addonVersion, platform: process.platform, arch: process.arch })}\n`;

if (existsSync(outFile) && readStamp() === stamp) {
  console.log(`electron-native: addon for Electron ${electronVersion} is up to date.`);
  process.exit(0);
}

if (!existsSync(nodeGyp)) fail('node_modules/node-gyp is missing: run `npm install` first.');

// npm hands its settings to scripts as npm_config_* variables (and package.json config as
// npm_package_config_node_gyp_*), and node-gyp lets them override its arguments: an inherited
// `nodedir` would silently build against Node's headers instead of Electron's.
const overriding = new Set(['nodedir', 'target', 'runtime', 'disturl', 'dist_url', 'arch', 'target_arch']);
const npmPrefix = /^(npm_config_|npm_package_config_node_gyp_)/i;
const env = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !(npmPrefix.test(name) && overriding.has(name.replace(npmPrefix, '').toLowerCase())),
  ),
);

console.log(`electron-native: building better-sqlite3-multiple-ciphers ${addonVersion} for Electron ${electronVersion}…`);
rmSync(stampFile, { force: true });
const work = mkdtempSync(path.join(tmpdir(), 'tadamon-native-'));
let exitCode = 0;
try {
  const source = path.join(work, 'better-sqlite3-multiple-ciphers');
  const nodeBuild = path.join(addonPackage, 'build');
  cpSync(addonPackage, source, {
    recursive: true,
    filter: (file) => file !== nodeBuild && !file.startsWith(nodeBuild + path.sep),
  });
  const result = spawnSync(
    process.execPath,
    [
      nodeGyp,
      'rebuild',
      '--release',
      `--target=${electronVersion}`,
      `--arch=${process.arch}`,
      '--dist-url=https://electronjs.org/headers',
      '--runtime=electron',
      '--jobs=max',
    ],
    { cwd: source, env, stdio: 'inherit' },
  );
  const built = path.join(source, 'build', 'Release', 'better_sqlite3.node');
  if (result.status !== 0 || !existsSync(built)) {
    console.error(
      [
        'electron-native: building the SQLite addon for Electron failed.',
        '  The first build needs internet once, to download the Electron headers from electronjs.org',
        '  (they are then cached by node-gyp), plus Python 3 and a C++ compiler',
        '  (build-essential on Debian/Ubuntu, Visual Studio Build Tools on Windows).',
        '  Tests and `npm run web` do not need this step.',
      ].join('\n'),
    );
    exitCode = 1;
  } else {
    mkdirSync(outDir, { recursive: true });
    copyFileSync(built, outFile);
    // Written last: an interrupted copy leaves no stamp, so the next run builds again.
    writeFileSync(stampFile, stamp);
    console.log(`electron-native: wrote ${path.relative(root, outFile)}`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(exitCode);
