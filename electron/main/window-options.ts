import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowOptionsInput {
  preloadPath: string;
  /** Off in packaged builds: devtools would show personal data to anyone at the keyboard. */
  devTools: boolean;
}

/**
 * The main window. The page is treated as untrusted: no Node, an isolated preload in a
 * sandboxed renderer, and nothing that lets it load other content or talk to other origins.
 */
export function buildWindowOptions(input: WindowOptionsInput): BrowserWindowConstructorOptions {
  return {
    title: 'Tadamon',
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    // Shown on `ready-to-show`, so the user never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: input.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true,
      devTools: input.devTools,
    },
  };
}
