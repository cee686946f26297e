import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Locale } from '../../electron/contract';
import ar from './ar.json';
import en from './en.json';
import fr from './fr.json';

export const resources = { fr: { translation: fr }, ar: { translation: ar }, en: { translation: en } };
export const locales: readonly Locale[] = ['fr', 'ar', 'en'];

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

export function initI18n(locale: Locale = 'fr') {
  if (!i18n.isInitialized) {
    i18n.on('languageChanged', applyToDocument);
    void i18n.use(initReactI18next).init({
      resources,
      lng: locale,
      fallbackLng: 'fr',
      supportedLngs: locales,
      initAsync: false,
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  } else {
    void i18n.changeLanguage(locale);
  }
  applyToDocument(locale);
  return i18n;
}

export { i18n };
