import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir } from '../helpers';

const script = path.resolve('scripts/electron-native.mjs');
const tempDir = useTempDir();

/** A project root with just what the script looks at; the real node_modules stays untouched. */
function fakeProject(options: { nodeGyp?: string } = {}) {
  const root = tempDir();
  const write = (relative: string, text: string) => {
    const file = path.join(root, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  };
  mkdirSync(path.join(root, 'scripts'));
  copyFileSync(script, path.join(root, 'scripts', 'electron-native.mjs'));
  write('node_modules/electron/package.json', JSON.stringify({ version: '45.6.1' }));
  write('node_modules/better-sqlite3-multiple-ciphers/package.json', JSON.stringify({ version: '12.11.1' }));
  write('node_modules/better-sqlite3-multiple-ciphers/src/better_sqlite3.cpp', '// source');
  write('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node', 'node build');
  if (options.nodeGyp) write('node_modules/node-gyp/bin/node-gyp.js', options.nodeGyp);
  const run = (env: Record<string, string> = {}) =>
    spawnSync(process.execPath, [path.join(root, 'scripts', 'electron-native.mjs')], {
      encoding: 'utf8',
      env: { ...process.env, ...env },
    });
  const stamp = (electron: string) =>
    `${JSON.stringify({ electron, addon: '12.11.1', platform: process.platform, arch: process.arch })}\n`;
  return { root, write, run, stamp, read: (relative: string) => readFileSync(path.join(root, relative), 'utf8') };
}

/** Stands in for node-gyp: records how it was called, then builds (or not) in its cwd. */
const recordingNodeGyp = (succeed: boolean, record: string) => `
const fs = require('node:fs');
const path = require('node:path');
fs.writeFileSync(${JSON.stringify(record)}, JSON.stringify({
  argv: process.argv.slice(2), cwd: process.cwd(), nodedir: process.env.npm_config_nodedir ?? null,
}));
if (${succeed}) {
  fs.mkdirSync(path.join(process.cwd(), 'build', 'Release'), { recursive: true });
  fs.writeFileSync(path.join(process.cwd(), 'build', 'Release', 'better_sqlite3.node'), 'electron build');
}
process.exit(${succeed ? 0 : 1});
`;

describe('scripts/electron-native.mjs', () => {
  it('does nothing when the addon matches the installed Electron', () => {
    const project = fakeProject();
    project.write('native/electron/better_sqlite3.node', 'electron build');
    project.write('native/electron/stamp.json', project.stamp('45.6.1'));
    const result = project.run();
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('up to date');
    expect(project.read('native/electron/better_sqlite3.node')).toBe('electron build');
  });

  it('rebuilds in a copy when Electron changed, leaving node_modules and npm settings out', () => {
    const record = path.join(tempDir(), 'call.json');
    const project = fakeProject({ nodeGyp: recordingNodeGyp(true, record) });
    project.write('native/electron/better_sqlite3.node', 'old electron build');
    project.write('native/electron/stamp.json', project.stamp('41.7.1'));

    const result = project.run({ npm_config_nodedir: '/usr' });
    expect(result.status, result.stderr).toBe(0);

    const call = JSON.parse(readFileSync(record, 'utf8'));
    expect(call.argv).toEqual(
      expect.arrayContaining([
        'rebuild',
        '--release',
        '--target=45.6.1',
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ]),
    );
    expect(call.nodedir).toBeNull();
    const packageDir = path.join(project.root, 'node_modules', 'better-sqlite3-multiple-ciphers');
    expect(path.relative(packageDir, call.cwd).startsWith('..')).toBe(true);
    expect(existsSync(call.cwd)).toBe(false);

    expect(project.read('native/electron/better_sqlite3.node')).toBe('electron build');
    expect(project.read('native/electron/stamp.json')).toBe(project.stamp('45.6.1'));
    expect(project.read('node_modules/better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node')).toBe('node build');
  });

  it('fails clearly, mentioning the one-time download, when the build fails', () => {
    const record = path.join(tempDir(), 'call.json');
    const project = fakeProject({ nodeGyp: recordingNodeGyp(false, record) });
    const result = project.run();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/needs internet once/);
    expect(existsSync(path.join(project.root, 'native'))).toBe(false);
    expect(readdirSync(path.join(project.root, 'node_modules', 'better-sqlite3-multiple-ciphers')).sort()).toEqual([
      'build',
      'package.json',
      'src',
    ]);
  });

  it('fails clearly when a dependency is missing', () => {
    const project = fakeProject();
    const result = project.run();
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/node-gyp is missing/);
  });
});
