import countries from 'i18n-iso-countries';
import ar from 'i18n-iso-countries/langs/ar.json';
import en from 'i18n-iso-countries/langs/en.json';
import fr from 'i18n-iso-countries/langs/fr.json';
import type { Locale, LookupList } from '../../contract';
import type { Db } from '../db/database';

countries.registerLocale(fr);
countries.registerLocale(en);
countries.registerLocale(ar);

/** The name of a country in the report's language, or its code when unknown. */
export const countryName = (code: string, locale: Locale): string => countries.getName(code, locale) ?? code;

/** Labels of one lookup list in one language; an unknown code reads as itself. */
export function lookupLabels(db: Db, list: LookupList, locale: Locale): (code: string) => string {
  const rows = db.prepare(`SELECT code, label_${locale} AS label FROM lookup_values WHERE list = ?`).all(list) as {
    code: string;
    label: string;
  }[];
  const labels = new Map(rows.map((r) => [r.code, r.label]));
  return (code) => labels.get(code) ?? code;
}

/** Lookup codes of a list in their display order. */
export function lookupOrder(db: Db, list: LookupList): string[] {
  return (db.prepare('SELECT code FROM lookup_values WHERE list = ? ORDER BY sort, code').all(list) as { code: string }[]).map((r) => r.code);
}
