import { isAppUrl } from './app-protocol';

/** Our pages may move between our own URLs (a reload, a hash route); nothing else is reachable. */
export function isAllowedNavigation(url: string): boolean {
  return isAppUrl(url);
}

interface PreventableEvent {
  preventDefault(): void;
}

/** The parts of Electron's `WebContents` the guard uses; tests pass a fake. */
export interface GuardableContents {
  on(event: 'will-navigate', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-redirect', listener: (event: PreventableEvent, url: string) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

/**
 * Applied to every webContents the app ever creates, not only the main window, so that a
 * compromised page cannot reach the network or open a privileged window of its own.
 */
export function guardNavigation(contents: GuardableContents): void {
  const blockForeign = (event: PreventableEvent, url: string): void => {
    if (!isAllowedNavigation(url)) event.preventDefault();
  };
  contents.on('will-navigate', blockForeign);
  contents.on('will-redirect', blockForeign);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
