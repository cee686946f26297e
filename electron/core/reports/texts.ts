import { createInstance } from 'i18next';
import type { Locale } from '../../contract';
import ar from '../../contract/i18n/ar.json';
import en from '../../contract/i18n/en.json';
import fr from '../../contract/i18n/fr.json';

// The words of the files the core writes (report tables, definitions, list exports), in the three
// languages of the app. They are i18next resources in the contract (namespace `core`), which the
// renderer loads too (renderer/i18n/core.ts): a label is translated once, and the screen, the PDF
// and the spreadsheet use the same words.

export const CORE_NAMESPACE = 'core';

export type ReportTexts = typeof fr;

const i18n = createInstance();
void i18n.init({
  resources: { fr: { [CORE_NAMESPACE]: fr }, ar: { [CORE_NAMESPACE]: ar }, en: { [CORE_NAMESPACE]: en } },
  ns: [CORE_NAMESPACE],
  defaultNS: CORE_NAMESPACE,
  lng: 'fr',
  fallbackLng: 'fr',
  initAsync: false,
  interpolation: { escapeValue: false },
});

/** Every word of one language; the test of the resources checks that each language has them all. */
export const reportTexts = (locale: Locale): ReportTexts => i18n.getResourceBundle(locale, CORE_NAMESPACE) as ReportTexts;

/** A sentence of these words with its `{{placeholders}}` filled in, as i18next does on screen. */
export const fill = (text: string, values: Record<string, string | number>): string =>
  i18n.services.interpolator.interpolate(text, values, 'fr', { escapeValue: false });

export type TableId = keyof ReportTexts['tables'] | keyof ReportTexts['areas']['tables'];
