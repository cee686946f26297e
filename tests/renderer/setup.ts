import { cleanup, configure } from '@testing-library/react';
import { afterEach, vi } from 'vitest';
import { i18n, initI18n, loadLocale } from '../../renderer/i18n';

// jsdom has no layout engine; Mantine asks for these while measuring.
Object.defineProperty(window, 'matchMedia', {
  writable: true,
  value: (query: string) => ({
    matches: false,
    media: query,
    onchange: null,
    addListener: () => {},
    removeListener: () => {},
    addEventListener: () => {},
    removeEventListener: () => {},
    dispatchEvent: () => false,
  }),
});
window.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};
Element.prototype.scrollIntoView ??= () => {};

// Every language ready, as once a page has loaded them: tests switch language and read at once.
await initI18n('fr');
await Promise.all([loadLocale('ar'), loadLocale('en')]);

// Pages are loaded on their first visit (route-level code splitting): on a loaded machine, the
// first visit of a page in a test file can take jsdom more than findBy's default second.
configure({ asyncUtilTimeout: 5000 });

afterEach(async () => {
  cleanup();
  vi.clearAllMocks();
  window.location.hash = '';
  await i18n.changeLanguage('fr');
});
