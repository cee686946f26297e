import { useDirection } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { directionOf } from '../i18n';
import { useAppStatus } from './session';

/** Follows the language the core remembers (per device, or the signed-in user's), and its direction. */
export function LocaleSync() {
  const { i18n } = useTranslation();
  const { setDirection } = useDirection();
  const locale = useAppStatus().data?.locale;

  useEffect(() => {
    if (locale) void i18n.changeLanguage(locale);
  }, [locale, i18n]);

  const language = i18n.resolvedLanguage ?? 'fr';
  useEffect(() => setDirection(directionOf(language)), [language, setDirection]);

  return null;
}
