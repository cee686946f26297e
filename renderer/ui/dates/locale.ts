import 'dayjs/locale/ar-ma';
import 'dayjs/locale/fr';
import { useTranslation } from 'react-i18next';

/** dayjs's locale for the UI language: Arabic month names as Morocco writes them (يناير… غشت… دجنبر). */
const dayjsLocales: Record<string, string> = { fr: 'fr', ar: 'ar-ma', en: 'en' };

export function useDayjsLocale(): string {
  const { i18n } = useTranslation();
  return dayjsLocales[i18n.resolvedLanguage ?? 'fr'] ?? 'fr';
}
