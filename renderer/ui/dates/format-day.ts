import { intlLocale } from '../../i18n';

/** A stored day (`YYYY-MM-DD`) as the language writes it (12 mars 2026, 12 مارس 2026), whatever the time zone. */
export function formatDay(language: string, iso: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
}
