import { describe, expect, it } from 'vitest';
import { guardNavigation, isAllowedNavigation, type GuardableContents } from '../../../electron/main/navigation-guard';

type Listener = (event: { preventDefault(): void }, url?: string) => void;

/** Records what the guard registers, then replays events the way Electron would. */
function fakeContents() {
  const listeners = new Map<string, Listener>();
  let windowOpen: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }) {
      windowOpen = handler;
    },
  };
  const fire = (event: string, url?: string): boolean => {
    let prevented = false;
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no ${event} listener`);
    listener({ preventDefault: () => (prevented = true) }, url);
    return prevented;
  };
  return { contents: contents as GuardableContents, fire, openWindow: (url: string) => windowOpen?.({ url }) };
}

describe('isAllowedNavigation', () => {
  it('allows our own pages only', () => {
    expect(isAllowedNavigation('app://tadamon/index.html')).toBe(true);
    expect(isAllowedNavigation('app://tadamon/index.html#/users')).toBe(true);
    expect(isAllowedNavigation('https://example.org/')).toBe(false);
    expect(isAllowedNavigation('http://127.0.0.1:5173/')).toBe(false);
    expect(isAllowedNavigation('file:///etc/passwd')).toBe(false);
    expect(isAllowedNavigation('app://other/index.html')).toBe(false);
    expect(isAllowedNavigation('javascript:alert(1)')).toBe(false);
    expect(isAllowedNavigation('data:text/html,<p>x</p>')).toBe(false);
  });
});

describe('guardNavigation', () => {
  it('blocks navigations and redirects away from the app, lets ours through', () => {
    const { contents, fire } = fakeContents();
    guardNavigation(contents);
    expect(fire('will-navigate', 'https://example.org/phish')).toBe(true);
    expect(fire('will-redirect', 'https://example.org/phish')).toBe(true);
    expect(fire('will-navigate', 'file:///home/amal/amal.tadamon')).toBe(true);
    expect(fire('will-navigate', 'app://tadamon/index.html')).toBe(false);
    expect(fire('will-redirect', 'app://tadamon/index.html')).toBe(false);
  });

  it('refuses every new window and every webview', () => {
    const { contents, fire, openWindow } = fakeContents();
    guardNavigation(contents);
    expect(openWindow('https://example.org/')).toEqual({ action: 'deny' });
    expect(openWindow('app://tadamon/index.html')).toEqual({ action: 'deny' });
    expect(fire('will-attach-webview')).toBe(true);
  });
});
