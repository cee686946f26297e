import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type WebFrameMain,
} from 'electron';
import { AsyncLocalStorage } from 'node:async_hooks';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Core } from '../core/dispatcher';
import type { Host } from '../core/host';
import { APP_SCHEME, APP_START_URL, createAppProtocolHandler } from './app-protocol';
import { INVOKE_CHANNEL } from './ipc-channel';
import { createIpcHandler } from './ipc-handler';
import { chooseNativeBinding } from './native-binding';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permissions';
import { createPdfRenderer } from './render-pdf';
import { createSavePdf } from './save-pdf';
import { isTrustedSender } from './trusted-sender';
import { buildWindowOptions } from './window-options';

// Both must happen before `ready`: privileges are fixed when the first session starts, and
// enableSandbox also covers any renderer created by mistake without the window options.
// codeCache: V8 keeps the renderer's compiled code between launches, as it does for web pages;
// every launch but the first then skips compiling it (the bench's everyday launch measures this).
protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;
let core: Core | null = null;
// The frame whose operation is being served, for host functions that must know who asked.
const callingFrame = new AsyncLocalStorage<WebFrameMain | null>();

function liveWindow(): BrowserWindow | null {
  return mainWindow && !mainWindow.isDestroyed() ? mainWindow : null;
}

// Since Electron 43 a dialog without defaultPath opens in Downloads rather than where the user
// last was; association files live in Documents or on a USB drive, so the last folder is kept.
let lastPickedFolder: string | null = null;

async function pickPath(options: OpenDialogOptions): Promise<string | null> {
  const parent = liveWindow();
  const withFolder = { ...options, defaultPath: lastPickedFolder ?? documentsDir() };
  const result = parent ? await dialog.showOpenDialog(parent, withFolder) : await dialog.showOpenDialog(withFolder);
  const picked = result.canceled ? null : (result.filePaths[0] ?? null);
  if (picked) lastPickedFolder = options.properties?.includes('openDirectory') ? picked : path.dirname(picked);
  return picked;
}

async function choosePdfPath(defaultName: string): Promise<string | null> {
  const options = { defaultPath: path.join(documentsDir(), defaultName), filters: [{ name: 'PDF', extensions: ['pdf'] }] };
  const parent = liveWindow();
  const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options);
  return result.canceled ? null : (result.filePath ?? null);
}

/** Some Linux desktops have no XDG documents folder, and getPath throws there. */
function documentsDir(): string {
  try {
    return app.getPath('documents');
  } catch {
    return app.getPath('home');
  }
}

const preloadPath = () => path.join(app.getAppPath(), 'dist', 'electron', 'preload.cjs');

// Hidden windows with the main window's options (sandbox, no Node, same guards): never shown.
const pdfRenderer = createPdfRenderer({
  open: () => new BrowserWindow(buildWindowOptions({ preloadPath: preloadPath(), devTools: false })),
});

function createHost(): Host {
  return {
    dataDir: app.getPath('userData'),
    documentsDir: documentsDir(),
    nativeBinding: chooseNativeBinding({ isPackaged: app.isPackaged, appPath: app.getAppPath(), exists: existsSync }),
    pickFile: () =>
      pickPath({ properties: ['openFile'], filters: [{ name: 'Tadamon', extensions: ['tadamon'] }] }),
    pickDirectory: () => pickPath({ properties: ['openDirectory', 'createDirectory'] }),
    savePdf: createSavePdf({
      source: () => liveWindow()?.webContents ?? null,
      sender: () => callingFrame.getStore(),
      choosePath: choosePdfPath,
      writeFile,
    }),
    renderPdf: (route) => pdfRenderer.render(route),
  };
}

function isTrusted(event: IpcMainInvokeEvent): boolean {
  const frames = [liveWindow()?.webContents.mainFrame, ...pdfRenderer.frames()];
  return frames.some((frame) => isTrustedSender(event.senderFrame, frame));
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(
    buildWindowOptions({
      preloadPath: preloadPath(),
      devTools: !app.isPackaged,
    }),
  );
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(APP_START_URL);
  return window;
}

function closeCore(): void {
  core?.close();
}

/** The copy of the last backup to a USB drive may still be running: give it up to a minute. */
const QUIT_GRACE_MS = 60_000;
let quitting = false;

function onReady(): void {
  // macOS needs an Edit menu for copy and paste shortcuts; Windows and Linux need none.
  Menu.setApplicationMenu(
    process.platform === 'darwin' ? Menu.buildFromTemplate([{ role: 'appMenu' }, { role: 'editMenu' }]) : null,
  );
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler({ root: path.join(app.getAppPath(), 'dist', 'renderer') }));

  // The window is opened first and the core (every area's code and libraries) evaluated while
  // the page loads: the page's first operation waits for it, its first paint does not.
  let loading: Promise<Core> | null = null;
  const started = () =>
    (loading ??= import('../core/dispatcher').then(({ createCore }) => {
      core = createCore(createHost());
      return core;
    }));
  const invoke = createIpcHandler({ dispatch: async (op, input) => (await started()).dispatch(op, input), isTrusted });
  ipcMain.handle(INVOKE_CHANNEL, (event: IpcMainInvokeEvent, op: unknown, input: unknown) =>
    callingFrame.run(event.senderFrame, () => invoke(event, op, input)),
  );

  mainWindow = createWindow();
  void started();
}

if (app.requestSingleInstanceLock()) {
  // A second instance would open the same encrypted file twice; bring the first one forward.
  app.on('second-instance', () => {
    const window = liveWindow();
    if (!window) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents));
  app.on('before-quit', closeCore);
  app.on('will-quit', (event) => {
    if (quitting || !core) return;
    quitting = true;
    event.preventDefault();
    const grace = new Promise((resolve) => setTimeout(resolve, QUIT_GRACE_MS).unref());
    void Promise.race([core.whenIdle(), grace]).finally(() => app.quit());
  });
  app.on('window-all-closed', () => {
    closeCore();
    app.quit();
  });
  app
    .whenReady()
    .then(onReady)
    .catch((error: unknown) => {
      // No file is open yet, so the full error carries no personal data and is what a
      // maintainer needs (typically a native addon built for the wrong ABI).
      console.error('[tadamon] startup failed', error);
      app.exit(1);
    });
} else {
  app.quit();
}
