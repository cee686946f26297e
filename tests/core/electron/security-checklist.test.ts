import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { APP_SCHEME, APP_START_URL } from '../../../electron/main/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../electron/shared/content-security-policy';
import { INVOKE_CHANNEL } from '../../../electron/main/ipc-channel';

/**
 * Electron's security checklist, as wired in the main process and the preload, which cannot run
 * here: both are imported with a fake `electron` module that records what they ask of it. The pure
 * modules are tested in their own files (window-options, content-security-policy, permissions,
 * navigation-guard, trusted-sender, ipc-handler, app-protocol); this file checks that main.ts
 * really uses them, and that docs/security.md names only code that exists.
 */

type Listener = (...args: unknown[]) => unknown;

const fake = vi.hoisted(() => {
  const state = {
    dataDir: '',
    privileged: [] as unknown[],
    sandboxEnabled: false,
    sandboxBeforeReady: false,
    ready: false,
    appListeners: new Map<string, Listener[]>(),
    windows: [] as { options: Record<string, unknown>; url?: string; webContents: { mainFrame: Record<string, unknown> } }[],
    ipc: new Map<string, Listener>(),
    protocols: new Map<string, (request: Request) => Promise<Response>>(),
    permission: {} as Record<string, Listener>,
    menu: 'unset' as unknown,
    exposed: new Map<string, Record<string, unknown>>(),
    invoked: [] as unknown[][],
  };
  class BrowserWindow {
    options: Record<string, unknown>;
    url?: string;
    webContents = { mainFrame: { url: 'app://tadamon/index.html', parent: null, processId: 7, frameToken: 'main-frame' } };
    constructor(options: Record<string, unknown>) {
      this.options = options;
      state.windows.push(this);
    }
    once() {}
    on() {}
    show() {}
    isDestroyed() {
      return false;
    }
    loadURL(url: string) {
      this.url = url;
      return Promise.resolve();
    }
  }
  const electron = {
    app: {
      enableSandbox: () => {
        state.sandboxEnabled = true;
        state.sandboxBeforeReady = !state.ready;
      },
      requestSingleInstanceLock: () => true,
      on: (event: string, listener: Listener) => {
        state.appListeners.set(event, [...(state.appListeners.get(event) ?? []), listener]);
      },
      whenReady: () => {
        state.ready = true;
        return Promise.resolve();
      },
      getPath: () => state.dataDir,
      getAppPath: () => '/nonexistent/tadamon-app',
      isPackaged: true,
      quit: vi.fn(),
      exit: vi.fn(),
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn() },
    ipcMain: { handle: (channel: string, handler: Listener) => state.ipc.set(channel, handler) },
    Menu: {
      setApplicationMenu: (menu: unknown) => (state.menu = menu),
      buildFromTemplate: (template: unknown) => template,
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => state.privileged.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => state.protocols.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (h: Listener) => (state.permission.request = h),
        setPermissionCheckHandler: (h: Listener) => (state.permission.check = h),
        setDevicePermissionHandler: (h: Listener) => (state.permission.device = h),
      },
    },
    contextBridge: { exposeInMainWorld: (key: string, api: Record<string, unknown>) => state.exposed.set(key, api) },
    ipcRenderer: {
      invoke: (...args: unknown[]) => {
        state.invoked.push(args);
        return Promise.resolve('answer');
      },
    },
  };
  return { state, electron };
});

vi.mock('electron', () => ({ ...fake.electron, default: fake.electron }));

const { state } = fake;

describe('the main process, with a fake Electron', () => {
  beforeAll(async () => {
    state.dataDir = mkdtempSync(join(tmpdir(), 'tadamon-main-'));
    await import('../../../electron/main/main');
    await new Promise((resolve) => setImmediate(resolve)); // onReady runs after whenReady()
  });

  afterAll(() => {
    for (const listener of state.appListeners.get('before-quit') ?? []) listener();
    rmSync(state.dataDir, { recursive: true, force: true });
  });

  it('4: turns the sandbox on for every renderer, before ready', () => {
    expect(state.sandboxEnabled).toBe(true);
    expect(state.sandboxBeforeReady).toBe(true);
  });

  it('18: serves the app from the app:// scheme, privileged as standard and secure, never bypassing the CSP', () => {
    // codeCache: V8 keeps the compiled renderer code between launches (nothing the page can reach)
    expect(state.privileged).toEqual([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }]);
    expect(JSON.stringify(state.privileged)).not.toMatch(/bypassCSP|corsEnabled|allowServiceWorkers/);
    expect(state.windows).toHaveLength(1);
    expect(state.windows[0].url).toBe(APP_START_URL);
  });

  it('2, 3, 4, 6, 8, 9, 10, 11, 20: the window is isolated, and its webPreferences are exactly an allow-list', () => {
    const prefs = state.windows[0].options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      devTools: false, // packaged
      preload: join('/nonexistent/tadamon-app', 'dist', 'electron', 'preload.cjs'),
    });
    expect(Object.keys(prefs).sort()).toEqual(
      [
        'allowRunningInsecureContent',
        'contextIsolation',
        'devTools',
        'experimentalFeatures',
        'navigateOnDragDrop',
        'nodeIntegration',
        'nodeIntegrationInSubFrames',
        'nodeIntegrationInWorker',
        'preload',
        'safeDialogs',
        'sandbox',
        'spellcheck',
        'webSecurity',
        'webviewTag',
      ].sort(),
    );
  });

  it('5: the default session refuses every permission, check and device', () => {
    const answers: boolean[] = [];
    state.permission.request({}, 'media', (granted: boolean) => answers.push(granted));
    expect(answers).toEqual([false]);
    expect(state.permission.check({}, 'clipboard-read')).toBe(false);
    expect(state.permission.device({ deviceType: 'hid' })).toBe(false);
  });

  it('7, 18: every app:// answer carries the CSP, errors included, and nothing outside the renderer folder is served', async () => {
    const handler = state.protocols.get(APP_SCHEME)!;
    for (const url of [APP_START_URL, 'app://tadamon/..%2F..%2Fetc%2Fpasswd', 'app://evil/index.html']) {
      const response = await handler(new Request(url));
      expect(response.headers.get('Content-Security-Policy'), url).toBe(CONTENT_SECURITY_POLICY);
      expect(response.status, url).toBe(404); // (the fake app folder is empty)
    }
    expect((await handler(new Request(APP_START_URL, { method: 'POST' }))).status).toBe(405);
  });

  it('17: one IPC channel; a frame other than our window gets `forbidden`, ours reaches the core', async () => {
    expect([...state.ipc.keys()]).toEqual([INVOKE_CHANNEL]);
    const handler = state.ipc.get(INVOKE_CHANNEL)!;
    const ours = state.windows[0].webContents.mainFrame;
    const stranger = { ...ours, frameToken: 'an-iframe' };
    expect(await handler({ senderFrame: stranger }, 'app.status', {})).toEqual({ ok: false, error: { code: 'forbidden' } });
    expect(await handler({ senderFrame: { ...ours, url: 'https://evil.example/' } }, 'app.status', {})).toEqual({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(await handler({ senderFrame: ours }, 'no.such.op', {})).toEqual({ ok: false, error: { code: 'unknown_operation' } });
    expect(await handler({ senderFrame: ours }, 'app.status', {})).toMatchObject({ ok: true, value: { session: null } });
  });

  it('12, 13, 14: every webContents the app creates gets the navigation guard', () => {
    const listeners = new Map<string, Listener>();
    let openHandler: Listener | undefined;
    const contents = {
      on: (event: string, listener: Listener) => listeners.set(event, listener),
      setWindowOpenHandler: (handler: Listener) => (openHandler = handler),
    };
    for (const listener of state.appListeners.get('web-contents-created') ?? []) listener({}, contents);
    const fire = (event: string, url?: string) => {
      let prevented = false;
      listeners.get(event)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    expect(fire('will-navigate', 'https://example.org/')).toBe(true);
    expect(fire('will-redirect', 'file:///etc/passwd')).toBe(true);
    expect(fire('will-navigate', 'app://tadamon/index.html#/users')).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
    expect(openHandler?.({ url: 'https://example.org/' })).toEqual({ action: 'deny' });
  });

  it('has no application menu on Windows and Linux (no devtools or reload shortcuts)', () => {
    if (process.platform === 'darwin') return;
    expect(state.menu).toBeNull();
  });

  it('waits for background backup copies before quitting, once', async () => {
    const [willQuit] = state.appListeners.get('will-quit') ?? [];
    const event = { preventDefault: vi.fn() };
    willQuit(event);
    expect(event.preventDefault).toHaveBeenCalledOnce();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.electron.app.quit).toHaveBeenCalled();
    const again = { preventDefault: vi.fn() };
    willQuit(again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});

describe('20: the preload exposes one function and never ipcRenderer', () => {
  it('window.tadamon = { invoke }, which forwards to the one channel', async () => {
    await import('../../../electron/preload/preload');
    expect([...state.exposed.keys()]).toEqual(['tadamon']);
    const api = state.exposed.get('tadamon')!;
    expect(Object.keys(api)).toEqual(['invoke']);
    expect(await (api.invoke as (op: string, input: unknown) => Promise<unknown>)('app.status', {})).toBe('answer');
    expect(state.invoked).toEqual([[INVOKE_CHANNEL, 'app.status', {}]]);
    expect(Object.values(api).some((v) => v === fake.electron.ipcRenderer)).toBe(false);
  });
});

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? sourcesUnder(full) : /\.(ts|tsx|mjs)$/.test(name) ? [full] : [];
  });
}

describe('the rest of the checklist, in the sources and the build', () => {
  const sources = [...sourcesUnder('electron'), ...sourcesUnder('renderer')].map((path) => ({ path, text: readFileSync(path, 'utf8') }));

  it('15: nothing calls shell.openExternal; 18: nothing loads file://; 2, 10: no switch is turned the wrong way', () => {
    for (const { path, text } of sources) {
      expect(text, path).not.toMatch(/openExternal|loadFile\(|enableBlinkFeatures|allowpopups/);
      expect(text, path).not.toMatch(/nodeIntegration\w*:\s*true|contextIsolation:\s*false|sandbox:\s*false|webSecurity:\s*false/);
    }
    const main = readFileSync('electron/main/main.ts', 'utf8');
    expect(main).not.toMatch(/file:\/\//);
  });

  it('19: the packaged binary gets its fuses flipped', () => {
    const config = readFileSync('build/electron-builder.yml', 'utf8');
    const fuses = config.slice(config.indexOf('electronFuses:'));
    for (const [fuse, value] of [
      ['runAsNode', 'false'],
      ['enableNodeOptionsEnvironmentVariable', 'false'],
      ['enableNodeCliInspectArguments', 'false'],
      ['enableCookieEncryption', 'true'],
      ['enableEmbeddedAsarIntegrityValidation', 'true'],
      ['onlyLoadAppFromAsar', 'true'],
      ['grantFileProtocolExtraPrivileges', 'false'],
    ]) {
      expect(fuses, fuse).toMatch(new RegExp(`^\\s+${fuse}: ${value}$`, 'm'));
    }
  });

  it('16: Electron is pinned to an exact, recent major', () => {
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> }).devDependencies.electron;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    // Only the latest three major lines get security fixes: 43 to 45 when 45 was current.
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(43);
  });
});

describe('docs/security.md cannot rot', () => {
  const doc = readFileSync('docs/security.md', 'utf8');

  it('has a section for each of the 20 items of the checklist', () => {
    for (let i = 1; i <= 20; i++) expect(doc, `item ${i}`).toMatch(new RegExp(`^### ${i}\\. `, 'm'));
  });

  it('names only files that exist, and in them only identifiers that exist', () => {
    const references = [...doc.matchAll(/`((?:electron|tests|scripts|build|docs|renderer)\/[\w./-]+)`((?:\s*\(`\w+`(?:[^)`]*`\w+`)*[^)]*\)))?/g)];
    expect(references.length).toBeGreaterThan(30);
    for (const [, path, names] of references) {
      expect(existsSync(path), path).toBe(true);
      if (!names || path.endsWith('/')) continue;
      const text = readFileSync(path, 'utf8');
      for (const [, name] of names.matchAll(/`(\w+)`/g)) expect(text, `${name} in ${path}`).toMatch(new RegExp(`\\b${name}\\b`));
    }
  });

  it('mentions every module of the main process, the preload and what they share with the web bridge', () => {
    for (const file of [...sourcesUnder('electron/main'), ...sourcesUnder('electron/preload'), ...sourcesUnder('electron/shared')]) {
      expect(doc, file).toContain(`\`${relative('.', file)}\``);
    }
  });
});
