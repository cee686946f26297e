import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';

/** `YYYY-MM-DD` in the UI language (the day itself, whatever the time zone). */
export function useDate() {
  const { i18n } = useTranslation();
  const format = new Intl.DateTimeFormat(intlLocale(i18n.language), { dateStyle: 'medium', timeZone: 'UTC' });
  return (date: string | null | undefined): string => (date ? format.format(new Date(`${date}T00:00:00Z`)) : '—');
}
