import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';

/** Dates (`YYYY-MM-DD`) and timestamps shown in the UI language, Moroccan formats. */
export function useDates() {
  const { i18n } = useTranslation();
  const locale = intlLocale(i18n.resolvedLanguage ?? 'fr');
  return useMemo(() => {
    const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const moment = new Intl.DateTimeFormat(locale, { dateStyle: 'medium' });
    return {
      day: (iso: string) => day.format(new Date(`${iso}T00:00:00Z`)),
      moment: (timestamp: string) => moment.format(new Date(timestamp)),
    };
  }, [locale]);
}

/** Accent- and case-insensitive text for client-side filters. */
export function foldText(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .toLowerCase();
}
