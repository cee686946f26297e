import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../electron/contract';
import fr from './fr.json';

export const locales: readonly Locale[] = ['fr', 'ar', 'en'];

/** Each language named in itself, so a person finds theirs whatever is on screen, loaded or not. */
export const localeNames: Record<Locale, string> = { fr: 'Français', ar: 'العربية', en: 'English' };

/**
 * French is the default and the fallback, so it ships with the first screen; Arabic and English
 * are fetched when first needed (a quarter of the first screen's JavaScript each otherwise).
 */
const otherLocales: Record<Exclude<Locale, 'fr'>, () => Promise<{ default: object }>> = {
  ar: () => import('./ar.json'),
  en: () => import('./en.json'),
};

const loading = new Map<Locale, Promise<void>>();

export function loadLocale(locale: Locale): Promise<void> {
  if (locale === 'fr' || i18n.hasResourceBundle(locale, 'translation')) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = otherLocales[locale]().then((bundle) => {
      i18n.addResourceBundle(locale, 'translation', bundle.default);
    });
    pending.catch(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** Switches once the language's texts are there, so no screen shows half-translated keys. */
export async function changeLocale(locale: Locale): Promise<void> {
  await loadLocale(locale);
  await i18n.changeLanguage(locale);
}

export function directionOf(locale: string): 'rtl' | 'ltr' {
  return locale === 'ar' ? 'rtl' : 'ltr';
}

/** Moroccan regional formats: Latin digits in Arabic, day-month order in French. */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : `${locale}-MA`;
}

function applyToDocument(locale: string): void {
  document.documentElement.lang = locale;
  document.documentElement.dir = directionOf(locale);
}

/** Ready to render in `locale` once the returned promise settles. */
export async function initI18n(locale: Locale = 'fr') {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyToDocument);
    void i18n.use(initReactI18next).init({
      resources: { fr: { translation: fr } },
      partialBundledLanguages: true,
      lng: 'fr',
      fallbackLng: 'fr',
      supportedLngs: locales,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  }
  await changeLocale(locale);
  applyToDocument(locale);
  return i18n;
}

export { i18n };
